"""Regional services are maintained by the regional editors only, in the snippet admin, and
translated with wagtail-localize."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.catalogue.models import RegionalService
from cms.municipalities.access import REGIONAL_EDITORS
from cms.sitesync.groups import ensure_regional_translation_permission
from tests.factories import UserFactory, editor_of

from .factories import RegionalServiceFactory, local_page

pytestmark = pytest.mark.django_db

URL = "/admin/snippets/catalogue/regionalservice/"
REFUSED = (302, 403)


def regional_editor():
    user = UserFactory()
    user.groups.add(Group.objects.get(name=REGIONAL_EDITORS))
    return user


def form_data(**overrides):
    """What the snippet's add and edit forms post."""
    data = {
        "name": "Uittreksel uit het strafregister",
        "identifier": "uittreksel-strafregister",
        "short_description": "Een bewijs van goed gedrag en zeden.",
        "description": rich_text("<p>Je vraagt het aan voor een job of een vereniging.</p>"),
        "additional_description": rich_text(""),
        "exceptions": rich_text(""),
        "requirements": streamfield([]),
        "procedure": streamfield([("step", {"title": "Vraag het aan", "description": ""})]),
        "costs": streamfield([]),
        "financial_advantages": streamfield([]),
        "processing_time": "Meteen",
        "legal_resources": streamfield([]),
        "more_information": streamfield([]),
        "service_type": "Bewijs",
        "keywords": "goed gedrag, strafregister",
    }
    lists = {"audiences": ["Burger"], "themes": ["BurgerOverheid"], "life_events": []}
    for key in ("popular", "archived"):
        if overrides.pop(key, False):
            data[key] = "on"
    for key in list(overrides):
        if key in lists:
            lists[key] = overrides.pop(key)
    data.update(overrides)
    return {**nested_form_data(data), **lists}


def refused(response):
    if response.status_code == 302:
        return response["Location"].split("?")[0] in ("/admin/", "/admin/login/")
    return response.status_code in REFUSED


def test_regional_editors_create_edit_archive_and_delete(client):
    client.force_login(regional_editor())
    assert client.get(URL).status_code == 200
    assert client.get(f"{URL}add/").status_code == 200

    response = client.post(f"{URL}add/", form_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    service = RegionalService.objects.get(identifier="uittreksel-strafregister")
    assert service.locale.language_code == "nl" and service.audiences == ["Burger"]

    response = client.post(f"{URL}edit/{service.pk}/", form_data(processing_time="1 dag"))
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.processing_time == "1 dag"

    page = local_page("kortrijk", service)
    response = client.post(f"{URL}edit/{service.pk}/", form_data(archived=True))
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.archived
    assert page.pk in service.local_pages.values_list("pk", flat=True)

    unused = RegionalServiceFactory(identifier="niet-gebruikt")
    assert client.get(f"{URL}delete/{unused.pk}/").status_code == 200
    assert client.post(f"{URL}delete/{unused.pk}/").status_code == 302
    assert not RegionalService.objects.filter(pk=unused.pk).exists()


@pytest.mark.parametrize(
    "junk",
    [
        {"description": "{not json"},
        {"description": '{"blocks": 1}'},
        {"procedure-count": "abc"},
        {"procedure-count": "100000"},
    ],
    ids=["rich-text-not-json", "rich-text-wrong-shape", "stream-count-abc", "stream-count-huge"],
)
def test_malformed_admin_data_is_a_field_error_and_nothing_is_saved(client, junk):
    client.force_login(regional_editor())
    service = RegionalServiceFactory(identifier="onleesbaar")
    revisions = service.revisions.count()
    response = client.post(f"{URL}edit/{service.pk}/", {**form_data(), **junk})
    assert response.status_code == 200
    assert "error-message" in response.content.decode()
    service.refresh_from_db()
    assert service.revisions.count() == revisions
    assert service.name != "Uittreksel uit het strafregister"


def test_a_service_with_local_pages_is_archived_not_deleted(client):
    client.force_login(regional_editor())
    service = RegionalServiceFactory(identifier="met-paginas")
    local_page("kuurne", service)
    response = client.post(f"{URL}delete/{service.pk}/")
    assert response.status_code in (200, 302, 403)
    assert RegionalService.objects.filter(pk=service.pk).exists()


@pytest.mark.parametrize("role", ["editors", "moderators"])
def test_municipal_editors_cannot_touch_regional_services(client, role):
    service = RegionalServiceFactory(identifier="paspoort", name="Paspoort")
    before = service.facts()
    client.force_login(editor_of("kortrijk", role=role))
    for url in (URL, f"{URL}add/", f"{URL}edit/{service.pk}/", f"{URL}delete/{service.pk}/"):
        assert refused(client.get(url)), url
    assert refused(client.post(f"{URL}add/", form_data(identifier="gekaapt")))
    assert refused(client.post(f"{URL}edit/{service.pk}/", form_data(identifier="paspoort")))
    assert refused(client.post(f"{URL}delete/{service.pk}/"))
    french = Locale.objects.get(language_code="fr")
    translate = f"/admin/localize/submit/snippet/catalogue/regionalservice/{service.pk}/"
    assert refused(client.post(translate, {"locales": [french.pk]}))
    service.refresh_from_db()
    assert service.facts() == before
    assert not RegionalService.objects.filter(identifier="gekaapt").exists()
    assert RegionalService.objects.filter(identifier="paspoort").count() == 1
    # No menu item either.
    assert URL.encode() not in client.get("/admin/").content


def test_regional_editors_translate_a_service_into_french(client):
    user = regional_editor()
    group = Group.objects.get(name=REGIONAL_EDITORS)
    # sync_sites granted it (RegionSync); granting again changes nothing.
    assert group.permissions.filter(codename="submit_translation").exists()
    changes = []
    ensure_regional_translation_permission(group, changes)
    assert changes == []
    service = RegionalServiceFactory(identifier="rijbewijs", name="Rijbewijs")
    client.force_login(user)

    listing = client.get(URL).content.decode()
    translate = f"/admin/localize/submit/snippet/catalogue/regionalservice/{service.pk}/"
    assert translate in listing  # the "Translate" action

    french = Locale.objects.get(language_code="fr")
    response = client.post(translate, {"locales": [french.pk]})
    assert response.status_code == 302
    translated = RegionalService.objects.get(translation_key=service.translation_key, locale=french)
    assert translated.identifier == "rijbewijs"
    # The French version is edited in wagtail-localize's translation editor.
    assert client.get(f"{URL}edit/{translated.pk}/").status_code == 200
    # Translating creates no local pages: sync only reads the default locale's services.
    assert not translated.local_pages.exists()
