"""The review in the admin: the "Te herbekijken" panel, the "Pages to review" report, a
page's owner and date, "mark as reviewed", the edit-view notice; each scoped to the user's
own municipality, and each answering bad input without an error."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from openpyxl import load_workbook
from wagtail.models import Page, PageLogEntry, Revision

from cms.catalogue.models import LocalServicePage
from cms.catalogue.models.review import needs_review_q
from cms.municipalities.access import editor_group_names
from cms.reviews.models import PageReview
from cms.reviews.schedule import add_months
from tests.catalogue.factories import RegionalServiceFactory, local_page
from tests.factories import UserFactory, editor_of

from .helpers import content_page, published_months_ago, review_of

# The tests read the English messages (the admin and the commands speak Dutch by default).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


@pytest.fixture
def due():
    """A due content page in kortrijk and in kuurne, one a year past its interval."""
    pages = {}
    for slug in ("kortrijk", "kuurne"):
        page = content_page(slug, f"Afvalbeleid {slug}")
        published_months_ago(page, 24)
        pages[slug] = page
    return pages


@pytest.fixture
def superuser():
    return UserFactory(is_superuser=True, is_staff=True)


def team(slug, role="editors"):
    editors, moderators = editor_group_names(slug)
    return Group.objects.get(name=editors if role == "editors" else moderators)


# The panel and the report --------------------------------------------------------------


def test_panel_lists_the_editors_own_due_pages_only(client, due):
    client.force_login(editor_of("kortrijk"))
    html = client.get("/admin/").content.decode()
    assert 'id="pages-to-review-section"' in html
    assert f"/admin/reviews/{due['kortrijk'].pk}/mark/" in html
    assert "Review date reached" in html and "Editors of Kortrijk" in html
    assert f"/admin/reviews/{due['kuurne'].pk}/" not in html
    assert "Afvalbeleid kuurne" not in html


def test_panel_speaks_dutch(client, due, settings):
    settings.LANGUAGE_CODE = "nl"
    client.force_login(editor_of("kortrijk"))
    with translation.override("nl"):
        html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Te herbekijken" in html and "Markeren als herbekeken" in html


def test_panel_shows_ten_per_municipality_and_counts_the_rest(client, superuser):
    for index in range(12):
        published_months_ago(content_page("menen", f"Pagina {index}"), 13)
    client.force_login(superuser)
    html = client.get("/admin/").content.decode()
    assert html.count("/mark/") == 10
    assert "and 2 more pages" in html and "12 pages" in html


def test_report_filters_by_reason_owner_and_page_type(client, due, superuser):
    service = RegionalServiceFactory(identifier="bouwvergunning", processing_time="1 maand")
    service_page = local_page("kortrijk", service)
    service.processing_time = "2 maanden"
    service.save()
    person = editor_of("kortrijk")
    PageReview.objects.create(page=due["kuurne"], owner_user=editor_of("kuurne"))
    PageReview.objects.filter(page=due["kuurne"]).update(owner_user=None)
    PageReview.objects.create(page=service_page, owner_user=person)
    client.force_login(superuser)

    def shown(query=""):
        html = client.get(f"/admin/reviews/results/?{query}").content.decode()
        pages = [*due.values(), service_page]
        return {page.pk for page in pages if f"/admin/reviews/{page.pk}/mark/" in html}

    everything = {due["kortrijk"].pk, due["kuurne"].pk, service_page.pk}
    assert shown() == everything
    assert shown("reason=date") == {due["kortrijk"].pk, due["kuurne"].pk}
    assert shown("reason=regional") == {service_page.pk}
    assert shown(f"owner=user:{person.pk}") == {service_page.pk}
    assert shown(f"owner=group:{team('kortrijk').pk}") == {due["kortrijk"].pk}
    assert shown(f"owner=group:{team('kuurne').pk}") == {due["kuurne"].pk}
    content_type = due["kortrijk"].content_type_id
    assert shown(f"page_type={content_type}") == {due["kortrijk"].pk, due["kuurne"].pk}
    assert shown(f"page_type={service_page.content_type_id}") == {service_page.pk}
    client.force_login(person)
    assert shown("owner=mine") == {service_page.pk, due["kortrijk"].pk}


def test_report_exports_csv_and_xlsx(client, due, superuser, tmp_path):
    client.force_login(superuser)
    response = client.get("/admin/reviews/?export=csv")
    lines = b"".join(response.streaming_content).decode().strip().splitlines()
    assert lines[0] == (
        "Page,Municipality,Regional service,What changed,Reason,Review date,Owner,Page type"
    )
    assert any(
        line.startswith("Afvalbeleid kuurne,Kuurne,,,Review date reached,")
        and "Editors of Kuurne,Content page" in line
        for line in lines
    )
    response = client.get(
        "/admin/reviews/?export=xlsx&municipality="
        + str(due["kortrijk"].get_site().municipality.pk)
    )
    path = tmp_path / "report.xlsx"
    path.write_bytes(b"".join(response.streaming_content))
    rows = list(load_workbook(path).active.values)
    assert rows[0][0] == "Page" and [row[0] for row in rows[1:]] == ["Afvalbeleid kortrijk"]


def test_report_and_panel_are_scoped_for_a_moderator(client, due):
    client.force_login(editor_of("kuurne", role="moderators"))
    for url in ("/admin/", "/admin/reviews/", "/admin/reviews/results/?owner=mine"):
        html = client.get(url).content.decode()
        assert "Afvalbeleid kortrijk" not in html, url
    html = client.get("/admin/reviews/").content.decode()
    assert "Afvalbeleid kuurne" in html
    # Filters naming another municipality's teams, people or pages show nothing of it.
    for query in (
        f"owner=group:{team('kortrijk').pk}",
        f"municipality={due['kortrijk'].get_site().municipality.pk}",
        f"page_type={due['kortrijk'].content_type_id}",
    ):
        html = client.get(f"/admin/reviews/results/?{query}").content.decode()
        assert "Afvalbeleid kortrijk" not in html, query


def test_report_is_refused_without_page_permissions(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get("/admin/reviews/").status_code in (302, 403)


def test_odd_report_queries_are_answered(client, due, superuser):
    client.force_login(superuser)
    for query in (
        "reason=never",
        "owner=user:abc",
        "owner=group:999999999999",
        "owner=" + "x" * 5000,
        "page_type=-1",
        "municipality=abc",
        "service=999999",
        "p=9999",
        "export=pdf",
    ):
        assert client.get(f"/admin/reviews/?{query}").status_code == 200, query
        assert client.get(f"/admin/reviews/results/?{query}").status_code == 200, query


def test_panel_and_report_queries_do_not_grow_with_the_pages(client, superuser):
    def queries(url):
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    client.force_login(superuser)
    service = RegionalServiceFactory(identifier="eerste", processing_time="1 dag")
    local_page("kortrijk", service)
    service.processing_time = "2 dagen"
    service.save()
    client.get("/admin/")  # warm caches (user profile, locales, sites, content types)
    urls = ("/admin/", "/admin/reviews/", "/admin/reviews/?owner=mine")
    few = [queries(url) for url in urls]
    for index in range(9):
        slug = ("kortrijk", "kuurne", "menen")[index % 3]
        published_months_ago(content_page(slug, f"Oude pagina {index}"), 13)
    client.get("/admin/")
    assert [queries(url) for url in urls] == few


# One page: owner and date --------------------------------------------------------------


def test_the_page_view_offers_only_the_municipalitys_teams_and_people(client, due):
    own_person, other_person = editor_of("kortrijk"), editor_of("kuurne")
    editor = editor_of("kortrijk")
    client.force_login(editor)
    response = client.get(f"/admin/reviews/{due['kortrijk'].pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'value="user:{own_person.pk}"' in html
    assert f'value="group:{team("kortrijk", "moderators").pk}"' in html
    assert f'value="user:{other_person.pk}"' not in html
    assert f'value="group:{team("kuurne").pk}"' not in html
    assert "Review date reached" in html


def test_an_editor_sets_a_person_a_team_and_a_date(client, due):
    page = due["kortrijk"]
    person = editor_of("kortrijk", role="moderators")
    client.force_login(editor_of("kortrijk"))
    url = f"/admin/reviews/{page.pk}/"
    later = timezone.localdate() + timedelta(days=30)
    response = client.post(url, {"owner": f"user:{person.pk}", "review_on": later.isoformat()})
    assert response.status_code == 302
    review = review_of(page)
    assert (review.owner_user, review.owner_group, review.review_on) == (person, None, later)
    assert PageLogEntry.objects.filter(page=page, action="reviews.update").exists()
    moderators = team("kortrijk", "moderators")
    client.post(url, {"owner": f"group:{moderators.pk}", "review_on": ""})
    review = review_of(page)
    assert (review.owner_user, review.owner_group, review.review_on) == (None, moderators, None)
    client.post(url, {"owner": "", "review_on": ""})
    assert review_of(page).owner is None


def test_forged_owners_and_bad_dates_are_refused_on_the_field(client, due):
    page = due["kortrijk"]
    client.force_login(editor_of("kortrijk"))
    url = f"/admin/reviews/{page.pk}/"
    other = editor_of("kuurne")
    today = timezone.localdate()
    for data, message in (
        ({"owner": f"user:{other.pk}"}, "Select a valid choice"),
        ({"owner": f"group:{team('kuurne').pk}"}, "Select a valid choice"),
        ({"owner": "group:999999999999999999999"}, "Select a valid choice"),
        ({"owner": "x" * 10000}, "Select a valid choice"),
        ({"review_on": "gisteren"}, "Enter a valid date"),
        ({"review_on": (today - timedelta(days=1)).isoformat()}, "today or a later date"),
        ({"review_on": "9999-12-31"}, "within five years"),
    ):
        response = client.post(url, data)
        assert response.status_code == 200, data
        assert message in response.content.decode(), data
    assert review_of(page) is None


def test_another_municipalitys_page_is_refused(client, due):
    page = due["kuurne"]
    client.force_login(editor_of("kortrijk"))
    response = client.get(f"/admin/reviews/{page.pk}/")
    assert response.status_code in (302, 403)
    assert "Afvalbeleid kuurne" not in response.content.decode()
    assert client.post(f"/admin/reviews/{page.pk}/", {"owner": ""}).status_code == 403
    assert client.post(f"/admin/reviews/{page.pk}/mark/").status_code == 403
    assert review_of(page) is None
    assert not PageLogEntry.objects.filter(page=page, action__startswith="reviews.").exists()


def test_junk_ids_and_methods(client, due):
    client.force_login(editor_of("kortrijk"))
    page = due["kortrijk"]
    root = Page.objects.get(depth=1)
    for url in (
        "/admin/reviews/999999/",
        "/admin/reviews/99999999999999999999999/",
        f"/admin/reviews/{root.pk}/",
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url + "mark/").status_code == 404, url
    assert client.get("/admin/reviews/abc/").status_code == 404
    assert client.get(f"/admin/reviews/{page.pk}/mark/").status_code == 405
    assert client.put(f"/admin/reviews/{page.pk}/").status_code == 405
    client.logout()
    response = client.post(f"/admin/reviews/{page.pk}/mark/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert review_of(page) is None


# Mark as reviewed ----------------------------------------------------------------------


def test_mark_reviewed_sets_the_next_date_and_logs_it(client, due):
    page = due["kortrijk"]
    user = editor_of("kortrijk")
    client.force_login(user)
    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).count()
    response = client.post(f"/admin/reviews/{page.pk}/mark/", {"next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    review = review_of(page)
    today = timezone.localdate()
    assert review.review_on == add_months(today, 12) and review.reviewed_by == user
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == revisions
    history = client.get(f"/admin/pages/{page.pk}/history/").content.decode()
    assert "Marked as reviewed; next review on" in history
    assert "Afvalbeleid kortrijk" not in client.get("/admin/reviews/").content.decode()


def test_mark_reviewed_of_a_service_page_clears_the_regional_flag(client):
    service = RegionalServiceFactory(identifier="rijbewijs", processing_time="1 dag")
    page = local_page("kortrijk", service)
    published_months_ago(page, 7)
    service.processing_time = "3 dagen"
    service.save()
    client.force_login(editor_of("kortrijk"))
    client.post(f"/admin/reviews/{page.pk}/mark/")
    assert not LocalServicePage.objects.filter(needs_review_q(), pk=page.pk).exists()
    assert review_of(page).review_on == add_months(timezone.localdate(), 6)
    assert "Afvalbeleid" not in client.get("/admin/").content.decode()
    assert "pages-to-review-section" not in client.get("/admin/").content.decode()


def test_mark_reviewed_needs_the_csrf_token(due):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor_of("kortrijk"))
    assert client.post(f"/admin/reviews/{due['kortrijk'].pk}/mark/").status_code == 403
    assert client.post(f"/admin/reviews/{due['kortrijk'].pk}/", {"owner": ""}).status_code == 403
    assert review_of(due["kortrijk"]) is None


# The edit view -------------------------------------------------------------------------


def test_edit_view_says_the_page_is_due_and_links_the_review(client, due):
    page = due["kortrijk"]
    client.force_login(editor_of("kortrijk"))
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "This page needs review." in html and "Review date reached" in html
    assert f'action="/admin/reviews/{page.pk}/mark/"' in html
    assert f'href="/admin/reviews/{page.pk}/"' in html  # the header's "Owner and review"
    fresh = content_page("kortrijk", "Vers")
    html = client.get(f"/admin/pages/{fresh.pk}/edit/").content.decode()
    assert "This page needs review." not in html
    assert f'href="/admin/reviews/{fresh.pk}/"' in html
