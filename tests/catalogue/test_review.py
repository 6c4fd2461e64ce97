"""Review flags: a regional change flags the local pages derived from it until an editor
marks them reviewed; the dashboard panel, the report, the edit view and the review view
say which pages and what changed."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageLogEntry, Revision

from cms.catalogue.admin.review import changes_of, flagged_pages
from cms.catalogue.models import LocalServicePage, LocalServiceState
from cms.catalogue.models.review import needs_review_q
from cms.municipalities.access import REGIONAL_EDITORS
from cms.municipalities.models import Municipality
from tests.factories import UserFactory, editor_of

from .factories import RegionalServiceFactory, local_page

# The tests read the English messages (the admin and the commands speak Dutch by default).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]

SLUGS = ("kortrijk", "kuurne", "menen")


def flagged(service=None):
    pages = LocalServicePage.objects.filter(needs_review_q())
    if service is not None:
        pages = pages.filter(service=service)
    return set(pages.values_list("pk", flat=True))


def state_of(page):
    return LocalServiceState.objects.get(page=page)


@pytest.fixture
def services():
    """Two services with local pages in three municipalities; nothing flagged yet."""
    changed = RegionalServiceFactory(
        identifier="identiteitskaart",
        name="Identiteitskaart",
        short_description="Het bewijs van je identiteit.",
        processing_time="3 weken",
    )
    other = RegionalServiceFactory(identifier="rijbewijs", name="Rijbewijs")
    pages = {slug: local_page(slug, changed) for slug in SLUGS}
    others = {slug: local_page(slug, other) for slug in SLUGS}
    assert flagged() == set()
    return changed, other, pages, others


@pytest.fixture
def superuser():
    return UserFactory(is_superuser=True, is_staff=True)


# The flag ------------------------------------------------------------------------------


def test_a_regional_change_flags_exactly_that_services_pages_everywhere(services):
    changed, other, pages, _others = services
    changed.processing_time = "2 weken"
    changed.save()
    assert flagged() == {page.pk for page in pages.values()}
    assert flagged(other) == set()


def test_changing_a_non_fact_flags_nothing(services):
    changed, *_ = services
    changed.popular = not changed.popular
    changed.save()
    changed.save()  # saved again unchanged
    assert flagged() == set()


def test_mark_reviewed_clears_the_flag_and_the_changed_facts_are_right(services):
    changed, _, pages, _ = services
    changed.processing_time = "2 weken"
    changed.short_description = "Bewijst wie je bent."
    changed.save()
    page = LocalServicePage.objects.select_related("service", "review_state").get(
        pk=pages["kortrijk"].pk
    )
    labels = [str(label) for label in state_of(page).changed_facts(changed)]
    assert labels == ["short description", "processing time"]
    changes = {change.key: change for change in changes_of(page)}
    assert list(changes) == ["short_description", "processing_time"]
    assert (changes["processing_time"].old, changes["processing_time"].new) == (
        "3 weken",
        "2 weken",
    )

    state_of(page).mark_reviewed(changed)
    assert flagged() == {pages["kuurne"].pk, pages["menen"].pk}
    assert state_of(page).changed_facts(changed) == []


def test_archiving_flags_the_local_pages(services):
    _changed, other, _pages, others = services
    other.archived = True
    other.save()
    assert flagged() == {page.pk for page in others.values()}
    page = LocalServicePage.objects.select_related("service", "review_state").get(
        pk=others["menen"].pk
    )
    assert [change.key for change in changes_of(page)] == ["archived"]
    # Archived stays flagged after a review: the editor must decide to unpublish it.
    state_of(page).mark_reviewed(other)
    assert page.pk in flagged()


def test_flagged_pages_are_scoped_to_the_users_trees(services, superuser):
    changed, _, pages, _ = services
    changed.name = "Elektronische identiteitskaart"
    changed.save()
    editor = editor_of("kuurne")
    assert [page.pk for page in flagged_pages(editor)] == [pages["kuurne"].pk]
    assert set(flagged_pages(superuser).values_list("pk", flat=True)) == flagged(changed)
    regional = UserFactory()
    regional.groups.add(Group.objects.get(name=REGIONAL_EDITORS))
    assert list(flagged_pages(regional)) == []


# The admin -----------------------------------------------------------------------------


@pytest.fixture
def changed(services):
    service, _, pages, _ = services
    service.processing_time = "2 weken"
    service.save()
    return service, pages


def test_dashboard_panel_of_an_editor_lists_own_pages_and_what_changed(client, changed):
    _service, pages = changed
    client.force_login(editor_of("kuurne"))
    html = client.get("/admin/").content.decode()
    assert 'id="pages-to-review-section"' in html
    assert f"/admin/pages/{pages['kuurne'].pk}/edit/" in html
    assert f"/admin/reviews/{pages['kuurne'].pk}/mark/" in html
    assert "Processing time" in html and "3 weken" in html and "2 weken" in html
    assert "csrfmiddlewaretoken" in html
    for slug in ("kortrijk", "menen"):
        assert f"/admin/pages/{pages[slug].pk}/" not in html
    assert "Kortrijk" not in html


def test_dashboard_panel_of_a_superuser_groups_by_municipality(client, changed, superuser):
    _, pages = changed
    client.force_login(superuser)
    html = client.get("/admin/").content.decode()
    for slug in SLUGS:
        name = Municipality.objects.get(slug=slug).short_name
        assert f'id="review-{slug}"' in html and name in html
        assert f"/admin/reviews/{pages[slug].pk}/mark/" in html
    positions = [html.index(f'id="review-{slug}"') for slug in SLUGS]
    assert positions == sorted(positions)


def test_dashboard_has_no_panel_when_nothing_needs_review(client, services):
    client.force_login(editor_of("kuurne"))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert b"pages-to-review-section" not in response.content


def test_report_lists_flagged_pages_and_filters_them(client, changed, superuser, services):
    _service, pages = changed
    _, other, _, others = services
    other.archived = True
    other.save()
    client.force_login(superuser)
    html = client.get("/admin/catalogue/review/").content.decode()
    for page in [*pages.values(), *others.values()]:
        assert f"/admin/reviews/{page.pk}/mark/" in html
    kuurne = Municipality.objects.get(slug="kuurne")
    response = client.get(f"/admin/catalogue/review/results/?municipality={kuurne.pk}")
    html = response.content.decode()
    assert response.status_code == 200
    shown = {pk for pk in flagged() if f"/admin/reviews/{pk}/mark/" in html}
    assert shown == {pages["kuurne"].pk, others["kuurne"].pk}
    html = client.get(f"/admin/catalogue/review/results/?service={other.pk}").content.decode()
    shown = {pk for pk in flagged() if f"/admin/reviews/{pk}/mark/" in html}
    assert shown == {page.pk for page in others.values()}
    assert "Archived" in html


def test_report_is_in_the_reports_menu_and_scoped(client, changed):
    _, pages = changed
    client.force_login(editor_of("menen", role="moderators"))
    assert b"/admin/reviews/" in client.get("/admin/").content
    html = client.get("/admin/catalogue/review/").content.decode()
    assert f"/admin/reviews/{pages['menen'].pk}/mark/" in html
    assert f"/admin/reviews/{pages['kortrijk'].pk}/" not in html


def test_report_is_refused_to_users_without_page_permissions(client, changed):
    regional = UserFactory()
    regional.groups.add(Group.objects.get(name=REGIONAL_EDITORS))
    client.force_login(regional)
    assert client.get("/admin/catalogue/review/").status_code in (302, 403)


def test_edit_view_warns_and_offers_mark_reviewed(client, changed):
    _, pages = changed
    page = pages["kortrijk"]
    client.force_login(editor_of("kortrijk"))
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Regional definition changed" in html
    assert "Processing time" in html
    assert f'action="/admin/reviews/{page.pk}/mark/"' in html
    other = LocalServicePage.objects.exclude(service=page.service).get(
        url_path__startswith=page.url_path.rsplit("/", 2)[0]
    )
    assert "Regional definition changed" not in (
        client.get(f"/admin/pages/{other.pk}/edit/").content.decode()
    )


def test_review_detail_shows_old_and_new(client, changed):
    _, pages = changed
    client.force_login(editor_of("kortrijk"))
    response = client.get(f"/admin/catalogue/review/{pages['kortrijk'].pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "3 weken" in html and "2 weken" in html and "Mark as reviewed" in html


def test_mark_reviewed_view(client, changed):
    service, pages = changed
    page = pages["kortrijk"]
    user = editor_of("kortrijk")
    client.force_login(user)
    url = f"/admin/catalogue/review/{page.pk}/mark/"
    assert client.get(url).status_code == 405
    assert client.post("/admin/catalogue/review/999999/mark/").status_code == 404
    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).count()

    response = client.post(url, {"next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    state = state_of(page)
    assert state.reviewed_by == user and state.reviewed_facts == service.facts()
    assert page.pk not in flagged()
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == revisions
    assert PageLogEntry.objects.filter(page=page, action="reviews.mark_reviewed").exists()
    history = client.get(f"/admin/pages/{page.pk}/history/")
    assert history.status_code == 200
    assert "Marked as reviewed against the regional definition" in history.content.decode()

    # Another site's address as "next" is ignored: back to the edit view.
    response = client.post(url, {"next": "https://example.com/"})
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    # Someone else's page: refused, and its flag stays.
    response = client.post(f"/admin/catalogue/review/{pages['kuurne'].pk}/mark/")
    assert response.status_code == 403
    assert pages["kuurne"].pk in flagged()


def test_mark_reviewed_checks_csrf(changed):
    from django.test import Client

    _, pages = changed
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor_of("kortrijk"))
    response = client.post(f"/admin/catalogue/review/{pages['kortrijk'].pk}/mark/")
    assert response.status_code == 403
    assert pages["kortrijk"].pk in flagged()


def test_report_exports_a_spreadsheet(client, changed, superuser):
    _, pages = changed
    client.force_login(superuser)
    response = client.get("/admin/catalogue/review/?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    lines = body.strip().splitlines()
    assert lines[0].startswith("Page,Municipality,Regional service,What changed")
    assert len(lines) == 1 + len(pages)
    assert any(
        line.startswith("Identiteitskaart,Kortrijk,Identiteitskaart,processing time")
        for line in lines
    )


def test_dashboard_and_report_queries_do_not_grow_with_the_flagged_pages(client, superuser):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(url):
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    client.force_login(superuser)
    first = RegionalServiceFactory(identifier="eerste")
    local_page("kortrijk", first)
    first.processing_time = "1 dag"
    first.save()
    client.get("/admin/")  # warm caches (user profile, locales, sites)
    few = [queries("/admin/"), queries("/admin/catalogue/review/")]
    for index in range(3):
        service = RegionalServiceFactory(identifier=f"meer-{index}")
        for slug in SLUGS:
            local_page(slug, service)
        service.processing_time = "1 dag"
        service.save()
    assert len(flagged()) == 10
    assert [queries("/admin/"), queries("/admin/catalogue/review/")] == few


def test_odd_requests_are_answered_without_errors(client, changed, superuser):
    _, pages = changed
    client.force_login(superuser)
    root = Page.objects.get(depth=1)  # not a page of a municipality
    assert client.post(f"/admin/catalogue/review/{root.pk}/mark/").status_code == 404
    assert client.get(f"/admin/catalogue/review/{root.pk}/").status_code == 404
    assert client.put(f"/admin/catalogue/review/{pages['kortrijk'].pk}/").status_code == 405
    for query in ("municipality=abc", "service=-1", "p=999", "municipality=999999", "export=pdf"):
        assert client.get(f"/admin/catalogue/review/?{query}").status_code == 200, query
        assert client.get(f"/admin/catalogue/review/results/?{query}").status_code == 200, query
    client.logout()
    response = client.post(f"/admin/catalogue/review/{pages['kortrijk'].pk}/mark/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert pages["kortrijk"].pk in flagged()
