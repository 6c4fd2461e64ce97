"""Ids in the URL that can be no database id answer 404, a page revision that is not the
page's answers 404 (cms/core/guards.py, cms/core/admin_guards.py), and a Content-Length
that is no number answers 400: each of these was a server error in Wagtail 8.0.1 or
Django 5.2, found by the hostile-input suite (tests/hostile)."""

import pytest
from wagtail.models import Page

from cms.core.guards import is_database_id
from cms.pages.models import ContentPage
from tests.factories import editor_of

pytestmark = pytest.mark.django_db

HOST = "kortrijk.localhost:8000"
NO_IDS = ["abc", "%ff%fe", "1e3", "-1", "١٢", "99999999999999999999"]


@pytest.fixture
def editor(client):
    client.force_login(editor_of("kortrijk", role="moderators"))
    client.defaults["HTTP_HOST"] = HOST
    return client


@pytest.fixture
def own_page():
    home = Page.objects.get(url_path="/kortrijk/").specific
    page = home.add_child(instance=ContentPage(title="Revisies", slug="revisies"))
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("value", NO_IDS)
def test_is_database_id_refuses_what_can_be_no_id(value):
    assert not is_database_id(value)


@pytest.mark.parametrize("value", ["0", "1", "9223372036854775807"])
def test_is_database_id_takes_ids(value):
    assert is_database_id(value)


@pytest.mark.parametrize("junk", ["abc", "%25ff%25fe", "99999999999999999999"])
@pytest.mark.parametrize(
    "url",
    [
        "/admin/images/chooser/chosen/{}/",
        "/admin/documents/chooser/chosen/{}/",
        "/admin/snippets/catalogue/regionalservice/history/{}/revisions/compare/earliest...latest/",
        "/admin/snippets/alerts/alert/history/{}/",
        "/admin/pages/{}/edit/",
    ],
)
def test_junk_ids_in_admin_urls_answer_404(editor, url, junk):
    assert editor.get(url.format(junk)).status_code == 404


def test_editing_session_ping_with_junk_object_id_answers_404(editor):
    response = editor.post("/admin/editing-sessions/ping/wagtailcore/page/abc/1/")
    assert response.status_code == 404


@pytest.mark.parametrize("action", ["view", "revert", "unschedule"])
def test_a_revision_that_is_not_the_pages_answers_404(editor, own_page, action):
    other = Page.objects.get(url_path="/kortrijk/").get_latest_revision()
    for revision_id in (0, 987654321, other.pk):
        response = editor.get(f"/admin/pages/{own_page.pk}/revisions/{revision_id}/{action}/")
        assert response.status_code == 404, (revision_id, response.status_code)


def test_the_pages_own_revision_still_opens(editor, own_page):
    revision = own_page.get_latest_revision()
    response = editor.get(f"/admin/pages/{own_page.pk}/revisions/{revision.pk}/revert/")
    assert response.status_code == 200
    assert "Revisies" in response.content.decode()


@pytest.mark.parametrize("length", ["abc", "-5", "1.5", "0x10"])
def test_a_content_length_that_is_no_number_answers_400(client, length):
    response = client.generic(
        "POST",
        "/",
        b"a=1",
        content_type="application/x-www-form-urlencoded",
        HTTP_HOST=HOST,
        CONTENT_LENGTH=length,
    )
    assert response.status_code == 400


def test_a_nul_byte_in_a_url_argument_answers_404(editor):
    # On PostgreSQL, Wagtail's tag autocomplete sent it to the database: a DataError.
    assert editor.get("/admin/tag-autocomplete/%00/contentpage/").status_code == 404
