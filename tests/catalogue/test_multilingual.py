"""Local services in every language of a site: a translated regional service gives each
municipality offering that language a translation of its local page (sync_sites, idempotent,
following the Dutch page's state); its local facts are translatable in wagtail-localize, the
phone numbers and addresses on the web kept in sync; the translated /diensten/ lists the pages
in its language and falls back, marked, to the Dutch ones only where there is no translation;
the comparison does the same."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from cms.catalogue.models import LocalServicePage, ServiceIndexPage
from cms.sitesync.services import ensure_local_services, ensure_translated_local_services

from .factories import RegionalServiceFactory, service_index

pytestmark = pytest.mark.django_db

FRENCH = {
    "name": "Carte d’identité électronique",
    "short_description": "La carte d'identité pour les Belges à partir de 12 ans.",
    "description": "<p>Avec l'eID, vous prouvez qui vous êtes.</p>",
    "keywords": "eID, carte d'identité",
}


def locale(code):
    return Locale.objects.get(language_code=code)


def sync(slug):
    """The catalogue part of sync_sites for one municipality; returns its changes."""
    municipality, index = service_index(slug)
    changes = []
    ensure_local_services(index, municipality.participation, changes)
    ensure_translated_local_services(index, changes)
    return changes


def translated_index(slug, code):
    _municipality, index = service_index(slug)
    return ServiceIndexPage.objects.get(translation_key=index.translation_key, locale=locale(code))


def pages_in(slug, code):
    return {
        page.slug: page
        for page in LocalServicePage.objects.child_of(translated_index(slug, code)).select_related(
            "service"
        )
    }


@pytest.fixture
def eid():
    """A regional service translated into French (not English)."""
    service = RegionalServiceFactory(identifier="identiteitskaart", name="Identiteitskaart")
    return service, service.translate(locale("fr"), **FRENCH)


@pytest.fixture
def dutch_only():
    return RegionalServiceFactory(identifier="afvalkalender", name="Afvalkalender")


def channel(kind, **values):
    """A channel block as the admin form saves it: every field present."""
    empty = {"name": "", "location": None, "address": "", "hours": [], "phone": "", "url": ""}
    empty.update(appointment_required=False, appointment_url="", processing_time="", cost=None)
    return {"type": "channel", "value": {**empty, "kind": kind, **values}}


def main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


# sync_sites --------------------------------------------------------------------------------


def test_a_translated_service_gets_a_translated_local_page(eid, dutch_only):
    service, french = eid
    changes = sync("kortrijk")
    dutch = LocalServicePage.objects.child_of(service_index("kortrijk")[1]).get(service=service)
    pages = pages_in("kortrijk", "fr")
    assert set(pages) == {"identiteitskaart"}  # no French service, no French page
    page = pages["identiteitskaart"]
    assert page.live and page.translation_key == dutch.translation_key
    assert page.service == french and page.title == FRENCH["name"]
    assert page.url_path.endswith("/diensten/identiteitskaart/")
    assert page.review_state.reviewed_facts == french.facts()
    # Registered with wagtail-localize, so Kortrijk's editors translate its local facts there.
    source = TranslationSource.objects.get(object_id=dutch.translation_key)
    assert Translation.objects.filter(source=source, target_locale=locale("fr")).exists()
    assert any(change.startswith("translate local service") for change in changes)
    assert pages_in("kortrijk", "en") == {}  # the service has no English translation
    sync("menen")
    assert pages_in("menen", "fr")  # every municipality offering French
    assert not LocalServicePage.objects.filter(locale=locale("fr"), service=dutch_only).exists()


def test_the_sync_is_idempotent_and_follows_the_dutch_page(eid):
    sync("kortrijk")
    assert sync("kortrijk") == []
    _municipality, index = service_index("kortrijk")
    dutch = LocalServicePage.objects.child_of(index).get()
    dutch.unpublish()  # the municipality opts out in the admin
    changes = sync("kortrijk")
    assert not pages_in("kortrijk", "fr")["identiteitskaart"].live
    assert any(change.startswith("unpublish local service") for change in changes)
    dutch.get_latest_revision().publish()
    changes = sync("kortrijk")
    assert pages_in("kortrijk", "fr")["identiteitskaart"].live
    assert any(change.startswith("republish local service") for change in changes)
    assert sync("kortrijk") == []


def test_a_new_translation_is_picked_up_on_the_next_sync(dutch_only):
    sync("kortrijk")
    assert pages_in("kortrijk", "fr") == {}
    dutch_only.translate(locale("fr"), name="Calendrier des déchets")
    sync("kortrijk")
    assert pages_in("kortrijk", "fr")["afvalkalender"].title == "Calendrier des déchets"


def test_the_translation_keeps_local_facts_and_drops_dutch_overrides(eid):
    _service, _french = eid
    sync("kortrijk")
    _municipality, index = service_index("kortrijk")
    dutch = LocalServicePage.objects.child_of(index).get()
    # Remove the French page to make it again from a Dutch page with local facts.
    pages_in("kortrijk", "fr")["identiteitskaart"].delete()
    dutch.description_override = "<p>In Kortrijk op afspraak.</p>"
    dutch.summary = "Uw eID in Kortrijk."
    # Hours as code writes them (the demo, cms.core.blocks.stream_data): no nested block ids.
    hours = [
        {"type": "period", "value": {"weekday": "monday", "opens": "09:00", "closes": "12:00"}}
    ]
    dutch.channels = [channel("phone", name="Stadsloket", phone="056", hours=hours)]
    dutch.save_revision().publish()
    sync("kortrijk")
    page = pages_in("kortrijk", "fr")["identiteitskaart"]
    assert page.description_override == "" and page.summary == ""
    assert page.channels[0].value["phone"] == "056"
    assert page.facts.description.value == FRENCH["description"]


# wagtail-localize -------------------------------------------------------------------------


def test_local_texts_are_translatable_and_numbers_and_links_synchronised(eid):
    sync("kortrijk")
    _municipality, index = service_index("kortrijk")
    dutch = LocalServicePage.objects.child_of(index).get()
    fields = {field.field_name: type(field) for field in get_translatable_fields(LocalServicePage)}
    for name in ("service", "channels", "local_conditions", "local_costs", "summary"):
        assert fields[name] is TranslatableField, name
    assert fields["show_in_menus"] is SynchronizedField
    dutch.channels = [
        channel(
            "desk",
            name="Balie Burgerzaken",
            phone="+32 56 27 70 00",
            url="https://eloket.kortrijk.be/eid",
        )
    ]
    dutch.local_conditions = "<p>Enkel voor inwoners.</p>"
    dutch.save_revision().publish()
    segments = extract_segments(LocalServicePage.objects.get(pk=dutch.pk))
    strings = {s.string.data for s in segments if isinstance(s, StringSegmentValue)}
    overridable = {s.data for s in segments if isinstance(s, OverridableSegmentValue)}
    assert {"Balie Burgerzaken", "Enkel voor inwoners."} <= {str(s) for s in strings}
    assert "+32 56 27 70 00" not in {str(s) for s in strings}  # kept in sync, not translated
    assert "https://eloket.kortrijk.be/eid" in overridable


def test_syncing_the_translation_keeps_the_french_service_and_copies_the_phone(eid):
    _service, french = eid
    sync("kortrijk")
    _municipality, index = service_index("kortrijk")
    dutch = LocalServicePage.objects.child_of(index).get()
    dutch.channels = [channel("phone", phone="056 27 70 00")]
    dutch.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(dutch)
    translation = Translation.objects.get(source=source, target_locale=locale("fr"))
    translation.save_target(publish=True)
    page = pages_in("kortrijk", "fr")["identiteitskaart"]
    assert page.service == french
    assert page.channels[0].value["phone"] == "056 27 70 00"


def test_editors_translate_only_their_own_municipality(eid, client, django_user_model):
    sync("kortrijk")
    sync("menen")
    kortrijk = pages_in("kortrijk", "fr")["identiteitskaart"]
    menen = pages_in("menen", "fr")["identiteitskaart"]
    user = django_user_model.objects.create_user("editor-menen-test", password="x")
    user.groups.add(Group.objects.get(name="menen editors"))
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        )
    )
    client.force_login(user)
    assert client.get(f"/admin/pages/{menen.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{kortrijk.pk}/edit/").status_code in (302, 403, 404)
    source = TranslationSource.objects.get(object_id=kortrijk.translation_key)
    assert client.get(f"/admin/localize/update/{source.pk}/").status_code in (302, 403, 404)
    dutch = kortrijk.get_translation(Locale.get_default())
    response = client.get(f"/admin/localize/submit/page/{dutch.pk}/")
    assert response.status_code in (302, 403, 404)


# Browsing ---------------------------------------------------------------------------------


def test_french_index_lists_french_pages_and_marks_dutch_fallbacks(eid, dutch_only, host_client):
    sync("kortrijk")
    html = main(host_client("kortrijk").get("/fr/diensten/"))
    assert FRENCH["name"] in html
    french_item = re.search(r'<li><a href="[^"]*">Carte d’identité[^<]*</a>', html)
    assert french_item, "the French page is listed without a language mark"
    fallback = re.search(r'<a href="([^"]+)" lang="nl" hreflang="nl">Afvalkalender</a>', html)
    assert fallback and "/fr/" not in fallback.group(1)
    assert "Identiteitskaart" not in html  # translated: the Dutch page is not listed too
    assert 'class="callout"' in html  # says some services are in Dutch only
    dutch_html = main(host_client("kortrijk").get("/diensten/"))
    assert 'lang="nl"' not in dutch_html and FRENCH["name"] not in dutch_html


def test_english_index_falls_back_to_dutch_for_all(eid, host_client):
    sync("kortrijk")
    html = main(host_client("kortrijk").get("/en/diensten/"))
    assert 'lang="nl" hreflang="nl">Identiteitskaart</a>' in html


def test_french_index_sorts_and_filters_in_french(eid, host_client):
    _service, _french = eid
    other = RegionalServiceFactory(identifier="zwemmen", name="Zwembad")
    other.translate(locale("fr"), name="Abonnement piscine", keywords="natation")
    sync("kortrijk")
    client = host_client("kortrijk")
    html = main(client.get("/fr/diensten/"))
    assert html.index("Abonnement piscine") < html.index("Carte d")  # A before C, not Z
    assert re.search(r'<h3 id="letter-A">A</h3>', html)
    found = main(client.get("/fr/diensten/", {"q": "natation"}))
    assert "Abonnement piscine" in found and "Carte d" not in found
    found = main(client.get("/fr/diensten/", {"q": "IDENTITE"}))  # accents and case folded
    assert "Carte d" in found


def test_comparison_per_language(eid, dutch_only, host_client):
    sync("kortrijk")
    sync("menen")
    sync("kuurne")  # Dutch only: falls back to its Dutch page
    response = host_client("kortrijk").get("/fr/diensten/vergelijk/identiteitskaart/")
    assert response.status_code == 200
    html = main(response)
    assert FRENCH["name"] in html
    links = re.findall(r'<th scope="row"><a href="([^"]+)"([^>]*)>', html)
    menen = next(link for link, attrs in links if "menen" in link)
    kuurne = next((link, attrs) for link, attrs in links if "kuurne" in link)
    assert "/fr/diensten/identiteitskaart/" in menen
    assert "/fr/" not in kuurne[0] and 'hreflang="nl"' in kuurne[1]
    assert 'hreflang="nl"' not in dict(links)[menen]
    fallback = host_client("kortrijk").get("/fr/diensten/vergelijk/afvalkalender/")
    assert fallback.status_code == 200 and 'hreflang="nl"' in main(fallback)


@pytest.mark.parametrize(
    "params",
    [
        {"q": "\x00"},
        {"q": "x" * 10_000},
        {"q": ["a", "b"]},
        {"thema": "'; DROP TABLE"},
        {"levensgebeurtenis": "\ud800".encode("utf-8", "surrogatepass").decode("latin-1")},
        {"doelgroep": ""},
    ],
)
def test_hostile_filters_on_translated_indexes(eid, host_client, params):
    sync("kortrijk")
    for path in ("/fr/diensten/", "/en/diensten/"):
        assert host_client("kortrijk").get(path, params).status_code in (200, 400)


@pytest.mark.parametrize(
    "identifier", ["bestaat-niet", "x" * 300, "%00", "..", "identiteitskaart%00"]
)
def test_hostile_comparison_identifiers_on_translated_indexes(eid, host_client, identifier):
    sync("kortrijk")
    response = host_client("kortrijk").get(f"/fr/diensten/vergelijk/{identifier}/")
    assert response.status_code in (400, 404)
