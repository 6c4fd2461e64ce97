"""Regional services in two registers: informal variants, fallback, review, open data."""

import json

import pytest
from django.utils import translation
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.catalogue.cpsv import municipality_graph, region_graph, to_jsonld
from cms.catalogue.cpsv.context import CPSV, M8G, instance_iri, snapshot_iri
from cms.catalogue.cpsv.importer import import_catalogue
from cms.catalogue.facts import ServiceFacts
from cms.catalogue.models import RegionalService
from cms.catalogue.signals import regional_service_changed
from cms.core import register
from cms.municipalities.models import Municipality, Register

from .factories import RegionalServiceFactory, local_page
from .test_export import assert_valid
from .test_regional_admin import URL, form_data, regional_editor

pytestmark = pytest.mark.django_db


def requirement(title, title_informal="", evidence=()):
    value = {"title": title, "description": "", "evidence": list(evidence)}
    if title_informal:
        value["title_informal"] = title_informal
    return {"type": "requirement", "value": value}


def service_with_variants(identifier="rijbewijs", **kwargs):
    return RegionalServiceFactory(
        identifier=identifier,
        name="Rijbewijs",
        short_description="Uw rijbewijs aanvragen.",
        short_description_informal="Je rijbewijs aanvragen.",
        description="<p>U vraagt het aan bij de dienst Burgerzaken.</p>",
        description_informal="<p>Je vraagt het aan bij de dienst Burgerzaken.</p>",
        exceptions="<p>Niet als u geschorst bent.</p>",
        requirements=[
            requirement(
                "U bent 18 jaar",
                "Je bent 18 jaar",
                evidence=[
                    {
                        "title": "Uw identiteitskaart",
                        "description": "",
                        "title_informal": "Je identiteitskaart",
                    }
                ],
            ),
            requirement("Geslaagd voor het examen"),
        ],
        procedure=[
            {
                "type": "step",
                "value": {
                    "title": "Maak een afspraak",
                    "description": "Met uw attest.",
                    "description_informal": "Met je attest.",
                },
            }
        ],
        costs=[
            {
                "type": "cost",
                "value": {
                    "title": "Rijbewijs",
                    "amount": "25.00",
                    "description": "U betaalt met de kaart.",
                    "description_informal": "Je betaalt met de kaart.",
                },
            }
        ],
        financial_advantages=[
            {
                "type": "advantage",
                "value": {
                    "title": "Korting voor wie leefloon krijgt",
                    "description": "",
                    "title_informal": "Korting als je leefloon krijgt",
                },
            }
        ],
        **kwargs,
    )


def make_informal(slug):
    municipality = Municipality.objects.get(slug=slug)
    municipality.register = Register.INFORMAL
    municipality.save()
    return municipality


def body(response):
    assert response.status_code == 200
    return response.content.decode()


# Rendering ------------------------------------------------------------------------------


def test_an_informal_site_shows_the_informal_texts(host_client):
    service = service_with_variants()
    make_informal("anzegem")
    page = local_page("anzegem", service)
    html = body(host_client("anzegem").get(page.url_path.removeprefix("/anzegem")))
    for informal in (
        "Je rijbewijs aanvragen.",
        "Je vraagt het aan bij de dienst Burgerzaken.",
        "Je bent 18 jaar",
        "Je identiteitskaart",
        "Met je attest.",
        "Je betaalt met de kaart.",
        "Korting als je leefloon krijgt",
    ):
        assert informal in html, informal
    for formal in ("Uw rijbewijs", "U vraagt het aan", "U bent 18", "Met uw attest"):
        assert formal not in html, formal
    # Where there is no informal variant, the formal text is shown.
    assert "Niet als u geschorst bent." in html
    assert "Geslaagd voor het examen" in html


def test_a_formal_site_shows_the_formal_texts(host_client):
    service = service_with_variants()
    page = local_page("kortrijk", service)
    html = body(host_client("kortrijk").get(page.url_path.removeprefix("/kortrijk")))
    assert "Uw rijbewijs aanvragen." in html and "U bent 18 jaar" in html
    assert "Je rijbewijs" not in html and "Met je attest" not in html


def test_the_services_index_lists_the_informal_short_description(host_client):
    service = service_with_variants()
    make_informal("anzegem")
    local_page("anzegem", service)
    local_page("kortrijk", service)
    assert "Je rijbewijs aanvragen." in body(host_client("anzegem").get("/diensten/"))
    assert "Uw rijbewijs aanvragen." in body(host_client("kortrijk").get("/diensten/"))


def test_each_register_falls_back_to_the_other():
    service = RegionalServiceFactory(
        identifier="alleen-informeel",
        description="",
        description_informal="<p>Alleen in de je-vorm.</p>",
        procedure=[{"type": "step", "value": {"title": "", "title_informal": "Kom langs"}}],
    )
    page = local_page("kortrijk", service)
    formal = ServiceFacts(page, informal=False)
    assert formal.description.value == "<p>Alleen in de je-vorm.</p>"
    assert formal.procedure.value[0]["value"]["title"] == "Kom langs"
    informal = ServiceFacts(page, informal=True)
    assert informal.short_description.value == service.short_description


def test_a_local_override_wins_in_both_registers():
    service = service_with_variants()
    page = local_page("kortrijk", service)
    page.description_override = "<p>In Kortrijk zonder afspraak.</p>"
    for informal in (False, True):
        facts = ServiceFacts(page, informal=informal)
        assert facts.description.value == "<p>In Kortrijk zonder afspraak.</p>"
        assert facts.description.local


def test_the_register_of_the_request_applies_to_dutch_only():
    service = service_with_variants()
    page = local_page("kortrijk", service)
    with translation.override("nl"), register.override(register.INFORMAL):
        assert ServiceFacts(page).short_description.value == "Je rijbewijs aanvragen."
        assert service.short_description_for_reader == "Je rijbewijs aanvragen."
    with translation.override("fr"), register.override(register.INFORMAL):
        assert ServiceFacts(page).short_description.value == "Uw rijbewijs aanvragen."


# Review -------------------------------------------------------------------------------------


def test_informal_variants_are_not_facts_and_flag_no_page():
    service = service_with_variants()
    local_page("kortrijk", service)
    before = (service.facts_digest, service.definition_changed_at, service.facts())
    sent = []

    def receiver(**kwargs):
        sent.append(kwargs)

    regional_service_changed.connect(receiver)
    try:
        service.description_informal = "<p>Helemaal anders, in de je-vorm.</p>"
        requirements = [dict(child) for child in service.requirements.raw_data]
        requirements[0]["value"] = {**requirements[0]["value"], "title_informal": "Jij bent 18"}
        service.requirements = requirements
        service.save()
    finally:
        regional_service_changed.disconnect(receiver)
    service.refresh_from_db()
    assert (service.facts_digest, service.definition_changed_at, service.facts()) == before
    assert sent == []
    assert "title_informal" not in json.dumps(service.facts())


def test_a_service_saved_before_the_variants_keeps_its_digest():
    """Rows written before the migration have no informal keys; the admin form then
    saves them with empty ones. Neither may count as a change of definition."""
    service = RegionalServiceFactory(
        identifier="oud",
        requirements=[requirement("U woont hier", evidence=[{"title": "eID", "description": ""}])],
    )
    before = (service.facts_digest, service.definition_changed_at)
    value = service.requirements.raw_data[0]["value"]
    value.update({"title_informal": "", "description_informal": ""})
    value["evidence"][0].update({"title_informal": "", "description_informal": ""})
    service.short_description_informal = ""
    service.save()
    service.refresh_from_db()
    assert (service.facts_digest, service.definition_changed_at) == before


def test_a_change_of_a_formal_text_still_flags_pages():
    service = service_with_variants()
    before = service.definition_changed_at
    service.description = "<p>Nieuwe regels.</p>"
    service.save()
    assert service.definition_changed_at > before


# Admin ------------------------------------------------------------------------------------


def test_the_regional_admin_has_an_informal_tab(client):
    client.force_login(regional_editor())
    service = service_with_variants()
    html = body(client.get(f"{URL}edit/{service.pk}/"))
    assert "Informeel (je)" in html
    for name in (
        "short_description_informal",
        "description_informal",
        "additional_description_informal",
        "exceptions_informal",
    ):
        assert f'name="{name}"' in html, name
    assert "title_informal" in html  # inside each requirement, step and cost


def test_the_regional_admin_saves_the_variants(client):
    client.force_login(regional_editor())
    data = form_data(
        short_description_informal="Een bewijs dat je van goed gedrag bent.",
        description_informal=rich_text("<p>Jij vraagt het aan.</p>"),
        additional_description_informal=rich_text(""),
        exceptions_informal=rich_text(""),
    )
    data.update(
        nested_form_data(
            {
                "procedure": streamfield(
                    [
                        (
                            "step",
                            {
                                "title": "Vraag het aan",
                                "title_informal": "Vraag het zelf aan",
                                "description": "",
                                "description_informal": "",
                            },
                        )
                    ]
                )
            }
        )
    )
    response = client.post(f"{URL}add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    service = RegionalService.objects.get(identifier="uittreksel-strafregister")
    assert service.short_description_informal == "Een bewijs dat je van goed gedrag bent."
    assert service.procedure.raw_data[0]["value"]["title_informal"] == "Vraag het zelf aan"


def test_an_oversized_informal_text_is_a_form_error_not_a_crash(client):
    client.force_login(regional_editor())
    response = client.post(f"{URL}add/", form_data(short_description_informal="x" * 301))
    assert response.status_code == 200
    assert not RegionalService.objects.filter(identifier="uittreksel-strafregister").exists()


# Open data -------------------------------------------------------------------------------


def test_the_export_carries_both_registers_and_conforms():
    service = service_with_variants()
    data = assert_valid(region_graph(), "ipdc-lpdc-concept-shape.ttl")
    node = snapshot_iri(service.identifier, service.definition_changed_at)
    abstracts = set(data.objects(node, DCTERMS.abstract))
    assert abstracts == {
        Literal("Uw rijbewijs aanvragen.", lang="nl"),
        Literal("Uw rijbewijs aanvragen.", lang="nl-be-x-formal"),
        Literal("Je rijbewijs aanvragen.", lang="nl-be-x-informal"),
    }
    # A text without a variant is exported as before: @nl only.
    assert set(data.objects(node, DCTERMS.title)) == {Literal("Rijbewijs", lang="nl")}
    steps = [
        step
        for rule in data.objects(node, CPSV.follows)
        for step in data.objects(rule, DCTERMS.hasPart)
    ]
    descriptions = {str(d) for step in steps for d in data.objects(step, DCTERMS.description)}
    assert {"Met uw attest.", "Met je attest."} <= descriptions


def test_export_import_export_keeps_both_registers(tmp_path):
    service_with_variants()
    text = to_jsonld(region_graph())
    RegionalService.objects.all().delete()
    plan = import_catalogue(text)
    assert plan.created == ["rijbewijs"]
    service = RegionalService.objects.get(identifier="rijbewijs")
    assert service.short_description_informal == "Je rijbewijs aanvragen."
    assert service.description_informal == "<p>Je vraagt het aan bij de dienst Burgerzaken.</p>"
    assert service.exceptions_informal == ""
    first = service.requirements.raw_data[0]["value"]
    assert first["title_informal"] == "Je bent 18 jaar"
    assert first["evidence"][0]["title_informal"] == "Je identiteitskaart"
    assert service.costs.raw_data[0]["value"]["description_informal"] == "Je betaalt met de kaart."
    again = to_jsonld(region_graph())
    assert isomorphic(
        Graph().parse(data=text, format="json-ld"), Graph().parse(data=again, format="json-ld")
    )
    assert import_catalogue(again).unchanged == ["rijbewijs"]


def test_an_import_that_changes_only_a_variant_updates_without_flagging(tmp_path):
    service = service_with_variants()
    before = service.definition_changed_at
    text = to_jsonld(region_graph()).replace("Je rijbewijs aanvragen.", "Vraag je rijbewijs aan.")
    plan = import_catalogue(text)
    assert plan.updated == ["rijbewijs"]
    service.refresh_from_db()
    assert service.short_description_informal == "Vraag je rijbewijs aan."
    assert service.definition_changed_at == before


def test_an_ipdc_informal_text_is_read_as_the_variant():
    document = {
        "@context": {
            "lpdc": "https://productencatalogus.data.vlaanderen.be/ns/ipdc-lpdc#",
            "dct": "http://purl.org/dc/terms/",
            "schema": "http://schema.org/",
        },
        "@graph": [
            {
                "@id": "https://ipdc.example/concept-snapshot/1",
                "@type": "lpdc:ConceptualPublicServiceSnapshot",
                "schema:productID": "2001",
                "dct:type": {
                    "@id": "https://productencatalogus.data.vlaanderen.be/id/concept/Type/Bewijs"
                },
                "dct:title": [
                    {"@value": "Parkeerkaart", "@language": "nl-be-x-formal"},
                    {"@value": "Parkeerkaart", "@language": "nl-be-x-informal"},
                ],
                "dct:description": [
                    {"@value": "<p>U parkeert gratis.</p>", "@language": "nl-be-x-formal"},
                    {"@value": "<p>Je parkeert gratis.</p>", "@language": "nl-be-x-informal"},
                    {"@value": "<p>Vous stationnez.</p>", "@language": "fr"},
                ],
            }
        ],
    }
    import_catalogue(json.dumps(document))
    service = RegionalService.objects.get(identifier="2001")
    assert service.description == "<p>U parkeert gratis.</p>"
    assert service.description_informal == "<p>Je parkeert gratis.</p>"
    assert service.short_description_informal == "Je parkeert gratis."


def test_an_informal_municipality_exports_its_instances_in_its_register():
    service = service_with_variants()
    local_page("kortrijk", service)
    local_page("anzegem", service)
    anzegem = make_informal("anzegem")
    informal = assert_valid(municipality_graph(anzegem), "ipdc-lpdc-instance-shape.ttl")
    node = instance_iri("anzegem", "rijbewijs")
    assert informal.value(node, DCTERMS.abstract) == Literal("Je rijbewijs aanvragen.", lang="nl")
    formal = municipality_graph(Municipality.objects.get(slug="kortrijk"))
    node = instance_iri("kortrijk", "rijbewijs")
    assert formal.value(node, DCTERMS.abstract) == Literal("Uw rijbewijs aanvragen.", lang="nl")
    # Whatever register the request has, the municipality's own decides.
    with translation.override("nl"), register.override(register.INFORMAL):
        graph = municipality_graph(Municipality.objects.get(slug="kortrijk"))
    assert graph.value(node, DCTERMS.abstract) == Literal("Uw rijbewijs aanvragen.", lang="nl")
    assert (node, M8G.holdsRequirement, None) in graph
