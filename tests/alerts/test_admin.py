"""Alerts in the admin: each municipality's editors and moderators see and change only
their own municipality's alerts, the regional editors the regional ones; a municipality's
alerts go through its own moderation workflow."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from cms.alerts.models import Alert
from cms.municipalities.access import REGIONAL_EDITORS
from tests.factories import UserFactory, editor_of

from .helpers import HOUR, make_alert, municipality, page_of

pytestmark = pytest.mark.django_db

NS = "wagtailsnippets_alerts_alert"
CHOOSER = "wagtailsnippetchoosers_alerts_alert"
SECRET = "Geheim bericht van Menen"


def form_data(owner=None, scope_page=None, **changes):
    now = timezone.localtime()
    data = {
        "title": "Nieuw bericht",
        "text": "Het loket is gesloten.",
        "severity": "warning",
        "starts_at": now.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (now + HOUR).strftime("%Y-%m-%d %H:%M"),
        "municipality": owner.pk if owner else "",
        "page": scope_page.pk if scope_page else "",
        "link_page": "",
        "link_url": "",
        "link_text": "",
    }
    data.update(changes)
    return data


def regional_editor():
    user = UserFactory()
    user.groups.add(Group.objects.get(name=REGIONAL_EDITORS))
    return user


@pytest.fixture
def menen_alert():
    """A Menen alert with a published revision and one in moderation."""
    alert = make_alert("menen", SECRET, live=False)
    alert.save_revision(user=editor_of("menen")).publish()
    alert.refresh_from_db()
    alert.text = "Gewijzigd"
    alert.save_revision(user=editor_of("menen"))
    alert.get_workflow().start(alert, editor_of("menen"))
    alert.refresh_from_db()
    return alert


def object_urls(alert):
    revision = alert.revisions.order_by("pk").first()
    state = alert.current_workflow_state
    task_state = alert.current_workflow_task_state
    pk = alert.pk
    return [
        reverse(f"{NS}:edit", args=[pk]),
        reverse(f"{NS}:delete", args=[pk]),
        reverse(f"{NS}:usage", args=[pk]),
        reverse(f"{NS}:history", args=[pk]),
        reverse(f"{NS}:history_results", args=[pk]),
        reverse(f"{NS}:copy", args=[pk]),
        reverse(f"{NS}:revisions_revert", args=[pk, revision.pk]),
        reverse(f"{NS}:revisions_compare", args=[pk, "earliest", "latest"]),
        reverse(f"{NS}:revisions_unschedule", args=[pk, revision.pk]),
        reverse(f"{NS}:unpublish", args=[pk]),
        reverse(f"{NS}:lock", args=[pk]),
        reverse(f"{NS}:unlock", args=[pk]),
        reverse(f"{NS}:workflow_action", args=[pk, "approve", task_state.pk]),
        reverse(f"{NS}:collect_workflow_action_data", args=[pk, "approve", task_state.pk]),
        reverse(f"{NS}:confirm_workflow_cancellation", args=[pk]),
        reverse(f"{NS}:workflow_history", args=[pk]),
        reverse(f"{NS}:workflow_history_detail", args=[pk, state.pk]),
        reverse(f"{CHOOSER}:chosen", args=[pk]),
    ]


def snapshot(alert):
    alert = Alert.objects.get(pk=alert.pk)
    return (alert.title, alert.text, alert.live, alert.locked, alert.revisions.count())


# -- Listing and choosers ---------------------------------------------------------------


@pytest.mark.parametrize("role", ["editors", "moderators"])
def test_listing_and_chooser_show_only_own_alerts(client, role):
    make_alert("kortrijk", "Eigen bericht")
    make_alert("menen", SECRET)
    make_alert(None, "Regionaal bericht")
    client.force_login(editor_of("kortrijk", role))
    for url in (
        reverse(f"{NS}:list"),
        reverse(f"{NS}:list_results") + "?q=bericht",
        reverse(f"{CHOOSER}:choose"),
        reverse(f"{CHOOSER}:choose_results") + "?q=bericht",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Eigen bericht" in body, url
        assert SECRET not in body and "Regionaal bericht" not in body, url


def test_regional_editor_sees_only_regional_alerts(client):
    make_alert("menen", SECRET)
    make_alert(None, "Regionaal bericht")
    client.force_login(regional_editor())
    body = client.get(reverse(f"{NS}:list")).content.decode()
    assert "Regionaal bericht" in body and SECRET not in body


def test_user_without_group_gets_no_alerts(client):
    make_alert("menen", SECRET)
    client.force_login(UserFactory())
    response = client.get(reverse(f"{NS}:list"))
    assert response.status_code in (302, 403)


# -- Every view of another municipality's alert ---------------------------------------


@pytest.mark.parametrize("role", ["editors", "moderators"])
def test_every_view_of_another_municipalitys_alert_is_refused(client, menen_alert, role):
    client.force_login(editor_of("kortrijk", role))
    before = snapshot(menen_alert)
    for url in object_urls(menen_alert):
        for method in (client.get, client.post):
            response = method(url, {"title": "Gekaapt", "comment": "", "text": "x"})
            assert response.status_code in (302, 403, 404, 405), (method, url, response.status_code)
            assert SECRET not in response.content.decode(), url
    assert snapshot(menen_alert) == before
    assert Alert.objects.filter(title="Gekaapt").count() == 0


def test_bulk_delete_of_another_municipalitys_alert_is_refused(client, menen_alert):
    client.force_login(editor_of("kortrijk", "moderators"))
    url = reverse("wagtail_bulk_action", args=["alerts", "alert", "delete"])
    response = client.post(f"{url}?id={menen_alert.pk}")
    assert response.status_code in (200, 302, 403)
    assert SECRET not in response.content.decode()
    assert Alert.objects.filter(pk=menen_alert.pk).exists()


def test_chosen_multiple_leaves_out_other_municipalities(client, menen_alert):
    own = make_alert("kortrijk", "Eigen bericht")
    client.force_login(editor_of("kortrijk"))
    url = reverse(f"{CHOOSER}:chosen_multiple")
    response = client.get(f"{url}?id={own.pk}&id={menen_alert.pk}&id=abc")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Eigen bericht" in body and SECRET not in body


@pytest.mark.parametrize("junk", ["abc", "999999999", "-1", "1%00"])
def test_junk_ids_are_not_found(client, junk):
    client.force_login(editor_of("kortrijk"))
    response = client.get(f"/admin/snippets/alerts/alert/chosen/{junk}/")
    assert response.status_code == 404
    compare = f"/admin/snippets/alerts/alert/history/{junk}/revisions/compare/earliest...latest/"
    assert client.get(compare).status_code == 404
    assert client.get(f"/admin/snippets/alerts/alert/edit/{junk}/").status_code == 404


# -- Creating: the editor's own municipality, pages of its own site -------------------


def test_new_alert_is_the_editors_own_municipality_whatever_is_posted(client):
    client.force_login(editor_of("kortrijk"))
    response = client.post(reverse(f"{NS}:add"), form_data(municipality("menen")))
    assert response.status_code == 302
    alert = Alert.objects.get()
    assert alert.municipality.slug == "kortrijk"
    assert not alert.live  # an editor saves a draft; publishing goes through moderation


def test_page_of_another_site_is_refused_on_the_field(client):
    client.force_login(editor_of("kortrijk"))
    response = client.post(
        reverse(f"{NS}:add"), form_data(municipality("kortrijk"), scope_page=page_of("menen"))
    )
    assert response.status_code == 200
    assert "Kies een pagina van de eigen website van Kortrijk." in response.content.decode()
    assert not Alert.objects.exists()


def test_link_page_of_another_site_is_refused(client):
    client.force_login(editor_of("kortrijk"))
    data = form_data(municipality("kortrijk"), link_page=page_of("menen").pk)
    assert client.post(reverse(f"{NS}:add"), data).status_code == 200
    assert not Alert.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "x" * 500},
        {"text": "x" * 5000},
        {"severity": "ramp"},
        {"starts_at": "gisteren"},
        {"ends_at": "2000-01-01 00:00"},
        {"link_url": "javascript:alert(1)"},
        {"link_url": "https://example.org/", "link_page": "1"},
        {"page": "999999999"},
        {"page": "abc"},
        {"page": "9" * 40},
        {"link_page": "1 OR 1=1"},
    ],
)
def test_bad_input_is_refused_with_the_form(client, changes):
    client.force_login(editor_of("kortrijk"))
    response = client.post(reverse(f"{NS}:add"), form_data(municipality("kortrijk"), **changes))
    assert response.status_code == 200
    assert not Alert.objects.exists()


def test_publishing_needs_a_title_and_a_text(client):
    client.force_login(regional_editor())
    for changes in ({"title": ""}, {"text": ""}):
        data = {**form_data(None, **changes), "action-publish": "1"}
        assert client.post(reverse(f"{NS}:add"), data).status_code == 200
    assert not Alert.objects.filter(live=True).exists()


def test_own_page_scope_is_accepted(client):
    client.force_login(editor_of("kortrijk"))
    data = form_data(municipality("kortrijk"), scope_page=page_of("kortrijk"))
    assert client.post(reverse(f"{NS}:add"), data).status_code == 302
    assert Alert.objects.get().scope_kind == "page"


def test_regional_editor_creates_and_publishes_regional_alerts_only(client):
    client.force_login(regional_editor())
    response = client.post(
        reverse(f"{NS}:add"), {**form_data(municipality("menen")), "action-publish": "1"}
    )
    assert response.status_code == 302
    alert = Alert.objects.get()
    assert alert.municipality is None and alert.live


def test_superuser_chooses_the_municipality(client):
    client.force_login(UserFactory(is_superuser=True))
    response = client.post(reverse(f"{NS}:add"), form_data(municipality("menen")))
    assert response.status_code == 302
    assert Alert.objects.get().municipality.slug == "menen"


def test_editor_cannot_publish_directly(client):
    client.force_login(editor_of("kortrijk"))
    data = {**form_data(municipality("kortrijk")), "action-publish": "1"}
    client.post(reverse(f"{NS}:add"), data)
    assert not Alert.objects.get().live


# -- Moderation -----------------------------------------------------------------------


def test_alert_follows_its_municipalitys_workflow():
    assert make_alert("menen").get_workflow().name == "Menen: moderatie"
    assert make_alert(None).get_workflow() is None


def test_editor_submits_a_new_alert_to_own_moderators_who_publish_it(client):
    editor = editor_of("kortrijk")
    client.force_login(editor)
    assert "Indienen bij Kortrijk: moderatie" in client.get(reverse(f"{NS}:add")).content.decode()
    data = {**form_data(municipality("kortrijk")), "action-submit": "1"}
    assert client.post(reverse(f"{NS}:add"), data).status_code == 302
    alert = Alert.objects.get()
    assert alert.workflow_in_progress and not alert.live
    task_state = alert.current_workflow_task_state
    url = reverse(f"{NS}:workflow_action", args=[alert.pk, "approve", task_state.pk])

    client.force_login(editor_of("menen", "moderators"))
    assert client.post(url, {"comment": ""}).status_code in (302, 403, 404)
    alert.refresh_from_db()
    assert not alert.live

    client.force_login(editor_of("kortrijk", "moderators"))
    assert client.post(url, {"comment": ""}).status_code in (200, 302)
    alert.refresh_from_db()
    assert alert.live


def test_own_moderator_edits_and_deletes(client):
    alert = make_alert("kortrijk", "Eigen bericht")
    alert.save_revision().publish()
    client.force_login(editor_of("kortrijk", "moderators"))
    assert client.get(reverse(f"{NS}:edit", args=[alert.pk])).status_code == 200
    assert client.get(reverse(f"{NS}:history", args=[alert.pk])).status_code == 200
    assert client.post(reverse(f"{NS}:delete", args=[alert.pk])).status_code == 302
    assert not Alert.objects.filter(pk=alert.pk).exists()


# -- Reports and the dashboard ---------------------------------------------------------


@pytest.mark.parametrize("role", ["editors", "moderators"])
@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/reports/site-history/",
        "/admin/reports/site-history/results/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow/results/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/workflow_tasks/results/",
        "/admin/snippets/",
    ],
)
def test_reports_do_not_name_another_municipalitys_alerts(client, menen_alert, role, url):
    client.force_login(editor_of("kortrijk", role))
    response = client.get(url)
    assert response.status_code in (200, 302, 403)
    assert SECRET not in response.content.decode()


def test_own_moderator_finds_own_alert_in_the_reports(client):
    alert = make_alert("kortrijk", "Eigen bericht in moderatie", live=False)
    editor = editor_of("kortrijk")
    alert.save_revision(user=editor, log_action=True)
    alert.get_workflow().start(alert, editor)
    client.force_login(editor_of("kortrijk", "moderators"))
    for url in ("/admin/reports/workflow/", "/admin/reports/site-history/"):
        assert "Eigen bericht in moderatie" in client.get(url).content.decode(), url
