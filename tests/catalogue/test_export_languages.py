"""The CPSV-AP export and import carry every language: a service's and a local page's
translations are literals tagged with their language on the same nodes, the export still
conforms to the IPDC and CPSV-AP shapes, and the import reads them back into the
translations."""

import copy

import pytest
from rdflib import Literal
from rdflib.namespace import DCTERMS
from wagtail.models import Locale

from cms.catalogue.cpsv import municipality_graph, region_graph, to_jsonld
from cms.catalogue.cpsv.context import instance_iri
from cms.catalogue.cpsv.importer import import_catalogue, plan_import
from cms.catalogue.models import RegionalService
from cms.municipalities.models import Municipality
from cms.sitesync.services import ensure_translated_local_services

from .factories import local_page, service_index
from .test_export import assert_valid, full_service, localise
from .test_multilingual import channel

pytestmark = pytest.mark.django_db


def french_of(service, **texts):
    requirements = copy.deepcopy(service.requirements.raw_data)
    requirements[0]["value"]["title"] = "Vous habitez dans la commune"
    return service.translate(
        Locale.objects.get(language_code="fr"),
        name="Carte d’identité électronique",
        short_description="L’eID pour les Belges à partir de 12 ans.",
        description="<p>Avec l’eID, vous prouvez qui vous êtes.</p>",
        keywords="eID, carte d’identité",
        requirements=requirements,
        **texts,
    )


def titles(data, node):
    return {literal.language: str(literal) for literal in data.objects(node, DCTERMS.title)}


def test_the_region_export_carries_the_translations_and_conforms():
    service = full_service()
    french_of(service)
    data = assert_valid(region_graph(), "ipdc-lpdc-concept-shape.ttl")
    node = next(data.subjects(DCTERMS.title, Literal("Carte d’identité électronique", lang="fr")))
    assert titles(data, node) == {
        "nl": "Elektronische identiteitskaart",
        "fr": "Carte d’identité électronique",
    }
    requirement = next(
        data.subjects(DCTERMS.title, Literal("Vous habitez dans la commune", lang="fr"))
    )
    assert titles(data, requirement)["nl"] == "U woont in de gemeente"
    assert str(requirement).endswith("/voorwaarde/1")
    # Untranslated parts keep their Dutch text only; nothing is labelled twice in a language.
    step = next(data.subjects(DCTERMS.title, Literal("Maak een afspraak", lang="nl")))
    assert set(titles(data, step)) == {"nl"}


def test_a_municipality_export_carries_its_english_pages_and_conforms():
    """IPDC's instance shape allows English (not French) besides Dutch."""
    service = full_service()
    french_of(service)
    service.translate(Locale.objects.get(language_code="en"), name="Electronic identity card")
    page = local_page("kortrijk", service)
    localise(page, channels=[channel("phone", name="Stadsloket", phone="056 27 70 00")])
    _municipality, index = service_index("kortrijk")
    ensure_translated_local_services(index, [])
    english = page.get_translation(Locale.objects.get(language_code="en")).specific
    localise(english, channels=[channel("phone", name="City desk", phone="056 27 70 00")])
    assert page.get_translation(Locale.objects.get(language_code="fr")).live
    kortrijk = Municipality.objects.get(slug="kortrijk")
    data = assert_valid(municipality_graph(kortrijk), "ipdc-lpdc-instance-shape.ttl")
    node = instance_iri("kortrijk", "identiteitskaart")
    assert titles(data, node) == {
        "nl": "Elektronische identiteitskaart",
        "en": "Electronic identity card",
    }
    phone = next(data.subjects(DCTERMS.title, Literal("City desk", lang="en")))
    assert titles(data, phone)["nl"] == "Stadsloket"


def test_the_import_reads_the_translations_back():
    service = full_service()
    french_of(service)
    exported = to_jsonld(region_graph())
    RegionalService.objects.filter(locale__language_code="fr").delete()
    plan = import_catalogue(exported)
    assert plan.created == ["identiteitskaart (fr)"] and plan.unchanged == ["identiteitskaart"]
    french = RegionalService.objects.get(locale__language_code="fr")
    assert french.translation_key == service.translation_key
    assert french.name == "Carte d’identité électronique"
    assert french.requirements.raw_data[0]["value"]["title"] == "Vous habitez dans la commune"
    assert french.procedure.raw_data[0]["value"]["title"] == "Maak een afspraak"  # kept Dutch
    assert french.themes == service.themes and french.short_description_informal == ""
    assert to_jsonld(region_graph()) == exported  # the round trip changes nothing
    plan, _services = plan_import(exported)
    assert plan.changes == 0 and "identiteitskaart (fr)" in plan.unchanged


def test_the_import_makes_new_services_with_their_translations(settings):
    service = full_service()
    french_of(service)
    exported = to_jsonld(region_graph())
    RegionalService.objects.all().delete()
    plan = import_catalogue(exported)
    assert plan.created == ["identiteitskaart", "identiteitskaart (fr)"]
    dutch = RegionalService.objects.get(locale__language_code="nl")
    french = RegionalService.objects.get(locale__language_code="fr")
    assert dutch.translation_key == french.translation_key
    assert to_jsonld(region_graph()) == exported


def test_a_language_no_site_offers_is_left_out():
    service = full_service()
    french_of(service)
    exported = to_jsonld(region_graph()).replace('"@language": "fr"', '"@language": "de"')
    RegionalService.objects.filter(locale__language_code="fr").delete()
    plan = import_catalogue(exported)
    assert plan.changes == 0
    assert not RegionalService.objects.exclude(locale__language_code="nl").exists()
