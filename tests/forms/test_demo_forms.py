import pytest

from cms.demo.forms import CONTACT_SLUG, REPORT_SLUG, ensure_demo_forms
from cms.forms.models import FormPage
from cms.municipalities.models import Municipality
from cms.pages.models import AccessibilityStatementPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def wervik():
    return Municipality.objects.select_related("site__root_page").get(slug="wervik")


def test_the_demo_adds_a_contact_and_a_report_form(wervik, host_client):
    changed = ensure_demo_forms(wervik)
    assert changed == [
        f"/wervik/{CONTACT_SLUG}/",
        f"/wervik/{REPORT_SLUG}/",
        "/wervik/toegankelijkheid/",
    ]
    contact = FormPage.objects.get(url_path=f"/wervik/{CONTACT_SLUG}/")
    assert contact.live
    assert contact.to_address == wervik.email
    assert "email" in {field.field_type for field in contact.form_fields.all()}
    client = host_client("wervik")
    for slug in (CONTACT_SLUG, REPORT_SLUG):
        assert client.get(f"/{slug}/").status_code == 200
    statement = AccessibilityStatementPage.objects.get(url_path="/wervik/toegankelijkheid/")
    assert statement.report_page.slug == REPORT_SLUG
    assert f'<a href="/{REPORT_SLUG}/">' in client.get("/toegankelijkheid/").content.decode()


def test_the_demo_forms_are_added_once(wervik):
    ensure_demo_forms(wervik)
    assert ensure_demo_forms(wervik) == []
    assert FormPage.objects.filter(url_path__startswith="/wervik/").count() == 2


def test_a_statement_with_a_draft_is_left_alone(wervik):
    statement = AccessibilityStatementPage.objects.get(url_path="/wervik/toegankelijkheid/")
    statement.title = "Toegankelijkheid (concept)"
    statement.save_revision()  # a draft nobody published
    assert "/wervik/toegankelijkheid/" not in ensure_demo_forms(wervik)
    statement.refresh_from_db()
    assert statement.report_page is None
