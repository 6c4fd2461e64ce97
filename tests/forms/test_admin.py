"""Submissions stay in the municipality's own admin; editors build forms there."""

import pytest
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cms.forms.models import FormPage
from cms.municipalities.models import Municipality
from tests.factories import editor_of

from .factories import VALID, make_form_page

pytestmark = pytest.mark.django_db

SECRET = "Mijn buurman Jozef verbrandt afval in zijn tuin"


@pytest.fixture
def menen_form(client):
    page = make_form_page(slug="menen", page_slug="melding", title="Melding aan Menen")
    client.post("/melding/", {**VALID, "bericht": SECRET}, HTTP_HOST="menen.localhost:8000")
    assert FormSubmission.objects.filter(page=page).count() == 1
    client.cookies.clear()
    return page


def refused(response):
    """Wagtail answers a refusal in the admin with a redirect to the dashboard."""
    if SECRET in response.content.decode():
        return False
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def test_the_municipalitys_own_editors_see_its_submissions(client, menen_form):
    client.force_login(editor_of("menen"))
    listing = client.get("/admin/forms/")
    assert listing.status_code == 200
    assert "Melding aan Menen" in listing.content.decode()
    submissions = client.get(f"/admin/forms/submissions/{menen_form.pk}/")
    assert submissions.status_code == 200
    assert SECRET in submissions.content.decode()


def test_an_editor_of_another_municipality_is_not_shown_the_form(client, menen_form):
    make_form_page(slug="kortrijk", title="Melding aan Kortrijk")
    client.force_login(editor_of("kortrijk"))
    listing = client.get("/admin/forms/")
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "Melding aan Kortrijk" in body
    assert "Melding aan Menen" not in body
    assert f"/admin/forms/submissions/{menen_form.pk}/" not in body


@pytest.mark.parametrize("role", ["editors", "moderators"])
def test_no_editor_of_another_municipality_reads_exports_or_deletes_them(client, menen_form, role):
    submission = FormSubmission.objects.get(page=menen_form)
    base = f"/admin/forms/submissions/{menen_form.pk}"
    for slug in Municipality.objects.exclude(slug="menen").values_list("slug", flat=True):
        client.force_login(editor_of(slug, role=role))
        assert refused(client.get(f"{base}/")), slug
        assert refused(client.get(f"{base}/?export=csv")), slug
        assert refused(client.get(f"{base}/results/")), slug
        delete = f"{base}/delete/?selected-submissions={submission.pk}"
        assert refused(client.get(delete)), slug
        assert refused(client.post(delete)), slug
    assert FormSubmission.objects.filter(pk=submission.pk).exists()


def test_anonymous_visitors_are_sent_to_the_login(client, menen_form):
    response = client.get(f"/admin/forms/submissions/{menen_form.pk}/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_an_editor_builds_a_form_page_in_the_admin(client):
    home = Page.objects.get(url_path="/kortrijk/")
    client.force_login(editor_of("kortrijk"))
    url = f"/admin/pages/add/forms/formpage/{home.pk}/"
    assert client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "Vraag aan de bib",
            "slug": "vraag-bib",
            "summary": "",
            "intro": rich_text("<p>Stel uw vraag.</p>"),
            "form_fields": inline_formset(
                [
                    {
                        "label": "Uw vraag",
                        "help_text": "Zo duidelijk mogelijk.",
                        "required": "on",
                        "field_type": "multiline",
                        "choices": "",
                        "default_value": "",
                    }
                ]
            ),
            "thank_you_text": rich_text("<p>Bedankt.</p>"),
            "to_address": "bib@kortrijk.be",
            "from_address": "",
            "subject": "",
            "comments": inline_formset([]),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = FormPage.objects.get(slug="vraag-bib")
    draft = page.get_latest_revision_as_object()
    assert [field.label for field in draft.form_fields.all()] == ["Uw vraag"]
    assert draft.to_address == "bib@kortrijk.be"
