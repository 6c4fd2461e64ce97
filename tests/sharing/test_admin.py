"""The editors' side: "Delen zonder account" on a page, making a link (shown once), the
page's links with revoke, the report of active links; only for the page's own
municipality's editors and moderators (and superusers), with clear errors for bad input."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import PageLogEntry

from cms.municipalities.access import REGIONAL_EDITORS
from cms.sharing.models import DEFAULT_DAYS, MAX_DAYS, ShareLink
from tests.factories import UserFactory, editor_of

from .pages import HOSTS, draft_page, home, live_page_with_draft, path_of, share

pytestmark = pytest.mark.django_db


def page_url(page):
    return f"/admin/sharing/page/{page.pk}/"


def revoke_url(link):
    return f"/admin/sharing/{link.pk}/revoke/"


@pytest.fixture
def page():
    return draft_page("kortrijk", "Nieuw reglement terrassen")


@pytest.fixture
def kortrijk_editor(client):
    client.force_login(editor_of("kortrijk"))
    return client


def created_url(response):
    """The link shown once on the page that answers the POST."""
    html = response.content.decode()
    start = html.index('id="share-link-url" value="') + len('id="share-link-url" value="')
    return html[start : html.index('"', start)]


# Making and using a link ---------------------------------------------------------------


@pytest.mark.parametrize("role", ["editors", "moderators"])
def test_an_editor_makes_a_link_that_works_for_someone_without_an_account(client, page, role):
    user = editor_of("kortrijk", role)
    client.force_login(user)
    response = client.post(page_url(page), {"days": "7", "recipient": "Schepen van cultuur"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    url = created_url(response)
    assert url.startswith("http://kortrijk.localhost:8000/gedeeld/")
    link = ShareLink.objects.get(page=page)
    assert link.created_by == user and link.recipient == "Schepen van cultuur"
    assert not link.include_descendants
    assert PageLogEntry.objects.filter(page=page, action="sharing.create").exists()

    client.logout()
    shown = client.get(path_of(url), HTTP_HOST=HOSTS["kortrijk"])
    assert shown.status_code == 200
    assert "Nieuw reglement terrassen" in shown.content.decode()


def test_the_link_is_shown_only_once(kortrijk_editor, page):
    response = kortrijk_editor.post(page_url(page), {"days": "7"})
    token = path_of(created_url(response)).split("/")[2]
    listing = kortrijk_editor.get(page_url(page)).content.decode()
    assert token not in listing
    assert "Intrekken" in listing


def test_the_default_expiry_is_seven_days_and_the_longest_thirty(kortrijk_editor, page):
    assert f'value="{DEFAULT_DAYS}"' in kortrijk_editor.get(page_url(page)).content.decode()
    kortrijk_editor.post(page_url(page), {"days": str(MAX_DAYS), "include_descendants": "on"})
    link = ShareLink.objects.get(page=page)
    expected = timezone.now() + timedelta(days=MAX_DAYS)
    assert abs((link.expires_at - expected).total_seconds()) < 60
    assert link.include_descendants


def test_the_page_header_and_the_listing_offer_the_share_action(kortrijk_editor, page):
    edit = kortrijk_editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert page_url(page) in edit and "Delen zonder account" in edit
    listing = kortrijk_editor.get(f"/admin/pages/{home('kortrijk').pk}/").content.decode()
    assert page_url(page) in listing


def test_revoking_stops_the_link_at_once(client, kortrijk_editor, page):
    link, token = share(page)
    response = kortrijk_editor.post(revoke_url(link))
    assert response.status_code == 302 and response["Location"] == page_url(page)
    link.refresh_from_db()
    assert link.revoked_at is not None and link.revoked_by is not None
    assert PageLogEntry.objects.filter(page=page, action="sharing.revoke").exists()
    client.logout()
    assert client.get(f"/gedeeld/{token}/", HTTP_HOST=HOSTS["kortrijk"]).status_code == 410


def test_revoking_twice_changes_nothing(kortrijk_editor, page):
    link, _token = share(page)
    kortrijk_editor.post(revoke_url(link))
    first = ShareLink.objects.get(pk=link.pk).revoked_at
    assert kortrijk_editor.post(revoke_url(link)).status_code == 302
    assert ShareLink.objects.get(pk=link.pk).revoked_at == first


def test_revoke_returns_to_a_safe_next_url_only(kortrijk_editor, page):
    link, _ = share(page)
    response = kortrijk_editor.post(revoke_url(link), {"next": "https://evil.example/"})
    assert response["Location"] == page_url(page)
    other, _ = share(page)
    response = kortrijk_editor.post(revoke_url(other), {"next": "/admin/sharing/"})
    assert response["Location"] == "/admin/sharing/"


def test_the_page_lists_its_links_with_their_state(kortrijk_editor, page):
    active, _ = share(page, recipient="Diensthoofd")
    revoked, _ = share(page, recipient="Schepen")
    revoked.revoke(None)
    expired, _ = share(page, recipient="Burgemeester")
    ShareLink.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(days=1))
    html = kortrijk_editor.get(page_url(page)).content.decode()
    for text in ("Diensthoofd", "Schepen", "Burgemeester", "Actief", "Ingetrokken", "Verlopen"):
        assert text in html
    assert revoke_url(active) in html
    assert revoke_url(revoked) not in html and revoke_url(expired) not in html


# The report ----------------------------------------------------------------------------


def test_the_report_lists_the_active_links_of_the_own_municipality_only(kortrijk_editor, page):
    own, _ = share(page, recipient="Schepen Kortrijk")
    gone, _ = share(page, recipient="Ingetrokken Kortrijk")
    gone.revoke(None)
    share(draft_page("menen", "Concept Menen"), recipient="Schepen Menen")
    html = kortrijk_editor.get("/admin/sharing/").content.decode()
    assert "Schepen Kortrijk" in html and "Nieuw reglement terrassen" in html
    assert "Schepen Menen" not in html and "Concept Menen" not in html
    assert "Ingetrokken Kortrijk" not in html
    results = kortrijk_editor.get("/admin/sharing/results/").content.decode()
    assert revoke_url(own) in results and "Schepen Menen" not in results


def test_a_superuser_sees_every_municipality_and_can_filter(client, page):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    share(page, recipient="Schepen Kortrijk")
    share(draft_page("menen", "Concept Menen"), recipient="Schepen Menen")
    html = client.get("/admin/sharing/").content.decode()
    assert "Schepen Kortrijk" in html and "Schepen Menen" in html
    menen = home("menen").get_site()
    from_menen = client.get(
        "/admin/sharing/results/", {"municipality": menen.municipality.pk}
    ).content.decode()
    assert "Schepen Menen" in from_menen and "Schepen Kortrijk" not in from_menen


def test_the_reports_menu_links_to_the_report(kortrijk_editor):
    assert "/admin/sharing/" in kortrijk_editor.get("/admin/").content.decode()


# Isolation -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["editors", "moderators"])
def test_another_municipality_s_editor_can_neither_share_list_nor_revoke(client, page, role):
    link, _token = share(page, recipient="Schepen Kortrijk")
    client.force_login(editor_of("menen", role))
    assert client.get(page_url(page)).status_code == 403
    assert client.post(page_url(page), {"days": "7"}).status_code == 403
    assert ShareLink.objects.filter(page=page).count() == 1
    assert client.post(revoke_url(link)).status_code == 403
    link.refresh_from_db()
    assert link.revoked_at is None
    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    assert page_url(page) not in edit.content.decode()
    assert "Schepen Kortrijk" not in client.get("/admin/sharing/").content.decode()
    assert "Schepen Kortrijk" not in client.get("/admin/sharing/results/").content.decode()


def test_regional_editors_hold_no_page_and_cannot_share(client, page):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=REGIONAL_EDITORS))
    client.force_login(user)
    assert client.get(page_url(page)).status_code in (302, 403)
    assert client.post(page_url(page), {"days": "7"}).status_code in (302, 403)
    assert not ShareLink.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login(client, page):
    link, _ = share(page)
    for response in (
        client.get(page_url(page)),
        client.post(page_url(page), {"days": "7"}),
        client.post(revoke_url(link)),
        client.get("/admin/sharing/"),
    ):
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert ShareLink.objects.count() == 1


def test_the_root_page_cannot_be_shared(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(page_url(home("kortrijk").get_parent())).status_code == 403


def test_a_superuser_may_share_any_municipality_s_page(client):
    page = live_page_with_draft("menen", "Zichtbaar", "Nieuwe versie")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.post(page_url(page), {"days": "3"})
    assert created_url(response).startswith("http://menen.localhost:8000/gedeeld/")


# Hostile input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        {"days": "0"},
        {"days": "31"},
        {"days": "-1"},
        {"days": "abc"},
        {"days": "1e9"},
        {"days": ""},
        {},
        {"days": "7", "recipient": "x" * 101},
    ],
)
def test_bad_input_is_refused_with_a_clear_error_and_nothing_made(kortrijk_editor, page, data):
    response = kortrijk_editor.post(page_url(page), data)
    assert response.status_code == 400
    assert "error" in response.content.decode()
    assert not ShareLink.objects.exists()


@pytest.mark.parametrize(
    "path", ["/admin/sharing/page/999999999/", "/admin/sharing/999999999/revoke/"]
)
def test_unknown_ids_are_a_404(kortrijk_editor, path):
    assert kortrijk_editor.post(path, {"days": "7"}).status_code == 404


@pytest.mark.parametrize("path", ["/admin/sharing/page/abc/", "/admin/sharing/-1/revoke/"])
def test_junk_ids_are_a_404(kortrijk_editor, path):
    assert kortrijk_editor.post(path, {"days": "7"}).status_code == 404


def test_wrong_methods_are_refused(kortrijk_editor, page):
    link, _ = share(page)
    assert kortrijk_editor.get(revoke_url(link)).status_code == 405
    assert kortrijk_editor.put(page_url(page)).status_code == 405
    assert kortrijk_editor.delete(page_url(page)).status_code == 405
    link.refresh_from_db()
    assert link.revoked_at is None


def test_a_forged_post_without_csrf_token_is_refused(page):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor_of("kortrijk"))
    assert client.post(page_url(page), {"days": "7"}).status_code == 403
    assert not ShareLink.objects.exists()
