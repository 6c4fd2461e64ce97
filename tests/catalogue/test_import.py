"""import_catalogue: CPSV-AP JSON-LD into regional services, all or nothing, lossless."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from rdflib import Graph
from rdflib.compare import isomorphic

from cms.catalogue.cpsv import region_graph, to_jsonld
from cms.catalogue.models import RegionalService

from .factories import RegionalServiceFactory, local_page
from .test_export import full_service

# The tests read the English messages; the site keeps Dutch as its default language.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_messages")]


def parsed(text):
    return Graph().parse(data=text, format="json-ld")


def export():
    return to_jsonld(region_graph())


def run(path, *args):
    out = StringIO()
    call_command("import_catalogue", str(path), *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def exported(tmp_path):
    full_service()
    RegionalServiceFactory(identifier="grofvuil", name="Grofvuil", archived=True)
    path = tmp_path / "region.jsonld"
    path.write_text(export())
    return path


def test_round_trip_into_an_empty_catalogue_is_lossless(exported):
    RegionalService.objects.all().delete()
    assert "2 created, 0 updated, 0 unchanged" in run(exported)
    assert isomorphic(parsed(exported.read_text()), parsed(export()))
    service = RegionalService.objects.get(identifier="identiteitskaart")
    assert service.costs.raw_data[0]["value"]["amount"] == "20.00"
    assert [r["value"]["title"] for r in service.requirements.raw_data] == [
        "U woont in de gemeente",
        "U bent 12 jaar of ouder",
    ]
    assert len(service.requirements.raw_data[0]["value"]["evidence"]) == 2
    assert service.life_events == ["verhuizen", "reizen"]
    assert RegionalService.objects.get(identifier="grofvuil").archived


def test_round_trip_over_the_same_catalogue_changes_nothing(exported):
    before = RegionalService.objects.get(identifier="identiteitskaart").definition_changed_at
    assert "0 created, 0 updated, 2 unchanged" in run(exported)
    assert isomorphic(parsed(exported.read_text()), parsed(export()))
    after = RegionalService.objects.get(identifier="identiteitskaart").definition_changed_at
    assert after == before


def test_import_over_a_changed_service_restores_it_and_flags_its_local_pages(exported):
    service = RegionalService.objects.get(identifier="identiteitskaart")
    page = local_page("kortrijk", service)
    service.name = "Iets anders"
    service.costs = [{"type": "cost", "value": {"title": "X", "amount": "1.00", "description": ""}}]
    service.save()
    assert "1 updated, 1 unchanged" in run(exported)
    service.refresh_from_db()
    assert service.name == "Elektronische identiteitskaart"
    assert [c["value"]["amount"] for c in service.costs.raw_data] == ["20.00", None]
    # The definition changed here, so the export says so (and local pages get reviewed).
    assert service.definition_changed_at > page.review_state.reviewed_at


def test_dry_run_reports_and_writes_nothing(exported):
    RegionalService.objects.filter(identifier="grofvuil").delete()
    RegionalService.objects.filter(identifier="identiteitskaart").update(name="Oud")
    out = run(exported, "--dry-run")
    assert "would create grofvuil" in out
    assert "would update identiteitskaart" in out
    assert not RegionalService.objects.filter(identifier="grofvuil").exists()
    assert RegionalService.objects.get(identifier="identiteitskaart").name == "Oud"


def test_invalid_json_is_refused_with_line_and_column(tmp_path):
    path = tmp_path / "bad.jsonld"
    path.write_text('{\n  "@graph": [\n    {"@id": "x",}\n  ]\n}\n')
    with pytest.raises(CommandError, match=r"line 3, column 17"):
        run(path)


def edited(exported, change):
    document = json.loads(exported.read_text())
    change(document["@graph"])
    exported.write_text(json.dumps(document, indent=2))
    return exported


def node(nodes, suffix):
    return next(n for n in nodes if n["@id"].endswith(suffix) and "@type" in n)


def snapshot(nodes, identifier):
    return next(
        n
        for n in nodes
        if f"/concept/{identifier}/versie/" in n["@id"] and n["@id"].count("/") == 7
    )


def test_missing_required_property_names_node_and_property(exported):
    RegionalService.objects.all().delete()

    def drop_title(nodes):
        del snapshot(nodes, "identiteitskaart")["dct:title"]

    with pytest.raises(CommandError) as error:
        run(edited(exported, drop_title))
    message = str(error.value)
    assert "/id/concept/identiteitskaart/versie/" in message
    assert "dct:title" in message
    assert "(line " in message
    # All or nothing: the valid service in the same file was not imported either.
    assert not RegionalService.objects.exists()


def test_unknown_code_names_node_and_value(exported):
    def unknown_theme(nodes):
        snapshot(nodes, "grofvuil")["m8g:thematicArea"] = {
            "@id": "https://productencatalogus.data.vlaanderen.be/id/concept/Thema/Ruimtevaart"
        }

    before = RegionalService.objects.get(identifier="identiteitskaart").name
    RegionalService.objects.filter(identifier="identiteitskaart").update(name="Oud")
    with pytest.raises(
        CommandError, match=r"unknown m8g:thematicArea value .*Thema/Ruimtevaart"
    ) as error:
        run(edited(exported, unknown_theme))
    assert "/id/concept/grofvuil/versie/" in str(error.value)
    # Nothing half-imported: the other, valid service was not updated.
    assert RegionalService.objects.get(identifier="identiteitskaart").name == "Oud" != before


def test_invalid_amount_is_refused_at_the_cost_node(exported):
    def negative(nodes):
        node(nodes, "/identiteitskaart/kost/1")["m8g:hasValue"] = -5

    with pytest.raises(CommandError, match=r"kost/1.*negative"):
        run(edited(exported, negative))


def test_a_file_without_services_is_refused(tmp_path):
    path = tmp_path / "empty.jsonld"
    path.write_text(json.dumps({"@context": {}, "@graph": []}))
    with pytest.raises(CommandError, match="No services"):
        run(path)


def test_a_remote_context_is_not_fetched(tmp_path):
    path = tmp_path / "remote.jsonld"
    path.write_text(json.dumps({"@context": "https://example.org/context.jsonld"}))
    with pytest.raises(CommandError, match="inline"):
        run(path)


IPDC_CONCEPT = {
    "@context": {
        "lpdc": "https://productencatalogus.data.vlaanderen.be/ns/ipdc-lpdc#",
        "dct": "http://purl.org/dc/terms/",
        "cpsv": "http://purl.org/vocab/cpsv#",
        "m8g": "http://data.europa.eu/m8g/",
        "ps": "http://vocab.belgif.be/ns/publicservice#",
        "schema": "http://schema.org/",
        "sh": "http://www.w3.org/ns/shacl#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    },
    "@graph": [
        {
            "@id": "https://ipdc.example/concept-snapshot/abc",
            "@type": ["lpdc:ConceptualPublicServiceSnapshot"],
            "schema:productID": "1502",
            "dct:title": {"@value": "Adreswijziging", "@language": "nl-be-x-formal"},
            "dct:description": {"@value": "<p>U verhuist.</p>", "@language": "nl-be-x-formal"},
            "dct:type": {
                "@id": "https://productencatalogus.data.vlaanderen.be/id/concept/Type/Bewijs"
            },
            "ps:hasRequirement": {"@id": "https://ipdc.example/req/1"},
            "cpsv:follows": {"@id": "https://ipdc.example/rule/1"},
            "schema:dateCreated": {"@value": "2024-01-02T10:00:00Z", "@type": "xsd:dateTime"},
            "schema:dateModified": {"@value": "2024-03-04T10:00:00Z", "@type": "xsd:dateTime"},
        },
        {
            "@id": "https://ipdc.example/req/1",
            "@type": "m8g:Requirement",
            "dct:title": {"@value": "Voorwaarden", "@language": "nl-be-x-formal"},
            "dct:description": {"@value": "<p>U woont hier.</p>", "@language": "nl-be-x-formal"},
            "m8g:hasSupportingEvidence": {"@id": "https://ipdc.example/ev/1"},
            "sh:order": 0,
        },
        {
            "@id": "https://ipdc.example/ev/1",
            "@type": "m8g:Evidence",
            "dct:title": {"@value": "Bewijsstukken", "@language": "nl-be-x-formal"},
            "dct:description": {"@value": "Uw eID.", "@language": "nl-be-x-formal"},
        },
        {
            "@id": "https://ipdc.example/rule/1",
            "@type": "cpsv:Rule",
            "dct:title": {"@value": "Procedure", "@language": "nl-be-x-formal"},
            "dct:description": {"@value": "<p>Meld het online.</p>", "@language": "nl-be-x-formal"},
            "sh:order": 0,
        },
    ],
}


def test_an_ipdc_concept_becomes_a_regional_service(tmp_path):
    path = tmp_path / "ipdc.jsonld"
    path.write_text(json.dumps(IPDC_CONCEPT))
    assert "create 1502" in run(path)
    service = RegionalService.objects.get(identifier="1502")
    assert service.name == "Adreswijziging"
    assert service.short_description == "U verhuist."
    assert service.service_type == "Bewijs"
    requirement = service.requirements.raw_data[0]["value"]
    assert requirement["description"] == "U woont hier."
    assert requirement["evidence"] == [{"title": "Bewijsstukken", "description": "Uw eID."}]
    assert service.procedure.raw_data[0]["value"]["description"] == "Meld het online."
    assert service.created_at.year == 2024
    assert service.definition_changed_at.month == 3


def test_an_empty_catalogue_exports_an_empty_graph():
    RegionalService.objects.all().delete()
    assert json.loads(export())["@graph"] == []
