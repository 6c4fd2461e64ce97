"""The top tasks field in the admin: at most ten, junk page ids and other municipalities'
pages refused without a 500, and the regional landing page's most asked services."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from cms.municipalities.models import Municipality
from cms.pages.models import HomePage
from tests.catalogue.factories import RegionalServiceFactory
from tests.factories import editor_of

pytestmark = pytest.mark.django_db


def dutch_home(slug):
    return HomePage.objects.get(pk=Municipality.objects.get(slug=slug).site.root_page_id)


def contact(page):
    return Page.objects.get(url_path=page.url_path + "contact/")


def test_more_than_ten_tasks_is_a_field_error():
    page = dutch_home("kortrijk")
    field = HomePage._meta.get_field("top_tasks")
    value = field.to_python([{"type": "page", "value": {"page": contact(page).pk}}] * 11)
    with pytest.raises(ValidationError):
        field.stream_block.clean(value)


def test_ten_tasks_are_fine():
    page = dutch_home("kortrijk")
    field = HomePage._meta.get_field("top_tasks")
    field.stream_block.clean(
        field.to_python([{"type": "page", "value": {"page": contact(page).pk}}] * 10)
    )


def post_data(page, blocks):
    data = {
        "title": page.title,
        "slug": page.slug,
        "top_tasks-count": str(len(blocks)),
        "body-count": "0",
    }
    for n, (kind, value) in enumerate(blocks):
        data[f"top_tasks-{n}-type"] = kind
        data[f"top_tasks-{n}-deleted"] = ""
        data[f"top_tasks-{n}-order"] = str(n)
        for key, item in value.items():
            data[f"top_tasks-{n}-value-{key}"] = item
    return data


def edit(client, page, blocks):
    return client.post(f"/admin/pages/{page.pk}/edit/", post_data(page, blocks))


@pytest.fixture
def kortrijk_editor(client):
    client.force_login(editor_of("kortrijk"))
    return client


JUNK_PAGE_IDS = ["999999999", "-1", "junk", "\x00", "1" * 40]


@pytest.mark.parametrize("page_id", JUNK_PAGE_IDS)
def test_junk_page_id_is_refused_on_publish(client, page_id):
    client.force_login(editor_of("kortrijk", role="moderators"))  # may publish
    page = dutch_home("kortrijk")
    live_tasks = list(page.top_tasks.raw_data)
    data = {**post_data(page, [("page", {"page": page_id, "label": ""})]), "action-publish": "1"}
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200  # the form again, with the error on the field
    assert list(HomePage.objects.get(pk=page.pk).top_tasks.raw_data) == live_tasks


@pytest.mark.parametrize("page_id", JUNK_PAGE_IDS)
def test_junk_page_id_in_a_draft_keeps_no_junk(kortrijk_editor, page_id):
    """Wagtail saves drafts without enforcing required fields: the junk id becomes an empty
    choice in the draft (never the junk itself), and the draft opens again in the editor."""
    page = dutch_home("kortrijk")
    response = edit(kortrijk_editor, page, [("page", {"page": page_id, "label": ""})])
    assert response.status_code == 302
    draft = HomePage.objects.get(pk=page.pk).get_latest_revision().content["top_tasks"]
    assert '"page": null' in draft or draft == "[]"
    assert kortrijk_editor.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_eleven_tasks_is_a_form_error(kortrijk_editor):
    page = dutch_home("kortrijk")
    blocks = [("page", {"page": str(contact(page).pk), "label": ""})] * 11
    response = edit(kortrijk_editor, page, blocks)
    assert response.status_code == 200
    assert not HomePage.objects.get(pk=page.pk).has_unpublished_changes


def test_own_page_is_saved(kortrijk_editor):
    page = dutch_home("kortrijk")
    response = edit(kortrijk_editor, page, [("page", {"page": str(contact(page).pk)})])
    assert response.status_code == 302
    assert HomePage.objects.get(pk=page.pk).has_unpublished_changes


def test_another_municipalitys_page_is_refused(kortrijk_editor):
    page, other = dutch_home("kortrijk"), dutch_home("kuurne")
    response = edit(kortrijk_editor, page, [("page", {"page": str(contact(other).pk)})])
    assert response.status_code == 403 or response["Location"] == "/admin/"
    assert not HomePage.objects.get(pk=page.pk).has_unpublished_changes


def test_other_municipality_cannot_edit_the_home(client):
    client.force_login(editor_of("kuurne"))
    page = dutch_home("kortrijk")
    response = edit(client, page, [("page", {"page": str(contact(page).pk)})])
    assert response.status_code in (302, 403)
    assert not HomePage.objects.get(pk=page.pk).has_unpublished_changes


def test_region_page_leads_with_most_asked(host_client):
    RegionalServiceFactory(identifier="veel-gevraagd", name="Veel gevraagd", popular=True)
    RegionalServiceFactory(identifier="zelden", name="Zelden gevraagd")
    html = host_client("region").get("/").content.decode()
    assert "/welke-gemeente/?dienst=veel-gevraagd" in html
    assert "dienst=zelden" not in html
    assert html.index("veel-gevraagd") < html.index('class="municipalities"')
