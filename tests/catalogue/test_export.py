"""The CPSV-AP export validates against the IPDC and CPSV-AP 3.2.0 shapes."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from cms.catalogue.cpsv import municipality_graph, region_graph, to_jsonld
from cms.catalogue.cpsv.context import CPSV, LPDC, M8G, concept_iri, instance_iri
from cms.municipalities.models import Municipality

from .factories import RegionalServiceFactory, local_page

pytestmark = pytest.mark.django_db

# The public SHACL shapes, kept beside the tests (README.md there says where they come from).
STANDARDS = Path(__file__).parent / "standards"


def full_service(identifier="identiteitskaart", **kwargs):
    return RegionalServiceFactory(
        identifier=identifier,
        name="Elektronische identiteitskaart",
        short_description="De eID voor Belgen vanaf 12 jaar.",
        description="<p>Met de eID bewijst u wie u bent.</p>",
        additional_description="<p>Vraag ze tijdig aan.</p>",
        exceptions="<p>Niet voor kinderen onder 12 jaar.</p>",
        requirements=[
            {
                "type": "requirement",
                "value": {
                    "title": "U woont in de gemeente",
                    "description": "",
                    "evidence": [
                        {"title": "Oude identiteitskaart", "description": ""},
                        {"title": "Pasfoto", "description": "Recent, kleur, ICAO-norm."},
                    ],
                },
            },
            {
                "type": "requirement",
                "value": {"title": "U bent 12 jaar of ouder", "description": "", "evidence": []},
            },
        ],
        procedure=[
            {"type": "step", "value": {"title": "Maak een afspraak", "description": ""}},
            {"type": "step", "value": {"title": "Kom langs", "description": "Met uw foto."}},
        ],
        costs=[
            {
                "type": "cost",
                "value": {"title": "Gewone aanvraag", "amount": "20.00", "description": ""},
            },
            {
                "type": "cost",
                "value": {
                    "title": "Spoedprocedure",
                    "amount": None,
                    "description": "Volgens tarief.",
                },
            },
        ],
        financial_advantages=[
            {
                "type": "advantage",
                "value": {"title": "Gratis voor wie leefloon krijgt", "description": ""},
            }
        ],
        processing_time="Drie weken",
        legal_resources=[
            {
                "type": "legal_resource",
                "value": {
                    "title": "Wet van 19 juli 1991",
                    "url": "https://www.ejustice.just.fgov.be/eli/wet/1991/07/19/1991000960/justel",
                },
            }
        ],
        more_information=[
            {
                "type": "link",
                "value": {
                    "title": "eID op Belgium.be",
                    "url": "https://www.belgium.be/nl/familie/identiteitsdocumenten/eid",
                },
            }
        ],
        audiences=["Burger"],
        themes=["BurgerOverheid"],
        life_events=["verhuizen", "reizen"],
        keywords="eID, identiteitskaart, pas",
        service_type="Bewijs",
        **kwargs,
    )


def shapes(name):
    return Graph().parse(STANDARDS / name)


def violations(data, shapes_file):
    conforms, _report, text = validate(
        data, shacl_graph=shapes(shapes_file), inference="none", abort_on_first=False
    )
    return conforms, text


def assert_valid(graph, ipdc_shapes):
    data = Graph().parse(data=to_jsonld(graph), format="json-ld")
    for shapes_file in (ipdc_shapes, "cpsv-ap-3.2.0-shacl.ttl"):
        conforms, text = violations(data, shapes_file)
        assert conforms, f"{shapes_file}:\n{text}"
    return data


def test_region_export_conforms():
    full_service()
    RegionalServiceFactory(identifier="leeg")
    data = assert_valid(region_graph(), "ipdc-lpdc-concept-shape.ttl")
    assert (None, DCTERMS.isVersionOf, concept_iri("identiteitskaart")) in data


def location_page(slug, title="Stadhuis"):
    from cms.locations.models import ContactPage, LocationPage

    contact = ContactPage.objects.get(url_path=f"/{slug}/contact/")
    page = LocationPage(
        title=title,
        slug=f"{slug}-{title.lower()}",
        address="Grote Markt 54",
        postcode="8500",
        city="Kortrijk",
        hours=[
            {"type": "period", "value": {"weekday": "monday", "opens": "08:30", "closes": "12:30"}},
            {"type": "period", "value": {"weekday": "monday", "opens": "13:30", "closes": "17:00"}},
            {"type": "closed", "value": {"date": "2026-12-25", "reason": "Kerstmis"}},
        ],
    )
    contact.add_child(instance=page)
    page.save_revision().publish()
    return page


def channel(kind, **values):
    return {"type": "channel", "value": {"kind": kind, **values}}


def localise(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def kortrijk_with_local_facts(service):
    page = local_page("kortrijk", service)
    hall = location_page("kortrijk")
    return localise(
        page,
        summary="Uw eID in Kortrijk.",
        description_override="<p>In Kortrijk komt u op afspraak.</p>",
        processing_time_override="Twee weken",
        local_costs=[
            {
                "type": "cost",
                "value": {
                    "title": "Gewone aanvraag",
                    "amount": "21.50",
                    "description": "",
                    "valid_from": None,
                },
            },
            {
                "type": "cost",
                "value": {
                    "title": "Gewone aanvraag",
                    "amount": "23.00",
                    "description": "Nieuw tarief.",
                    "valid_from": "2099-01-01",
                },
            },
        ],
        local_conditions="<p>Enkel voor inwoners van Kortrijk.</p>",
        locations=[{"type": "location", "value": hall.pk}],
        channels=[
            channel(
                "desk",
                name="Balie Burgerzaken",
                location=hall.pk,
                appointment_required=True,
                appointment_url="https://www.kortrijk.be/afspraak",
            ),
            channel(
                "online",
                name="E-loket",
                url="https://eloket.kortrijk.be/eid",
                cost="18.00",
                processing_time="Vijf werkdagen",
            ),
            channel(
                "phone",
                phone="+32 56 27 70 00",
                hours=[
                    {
                        "type": "period",
                        "value": {"weekday": "tuesday", "opens": "09:00", "closes": "12:00"},
                    },
                ],
            ),
            channel("post", address="Grote Markt 54, 8500 Kortrijk"),
        ],
    )


def test_municipality_exports_conform():
    service = full_service()
    plain = RegionalServiceFactory(identifier="grofvuil")
    kortrijk_with_local_facts(service)
    local_page("menen", service)
    local_page("menen", plain)
    for slug in ("kortrijk", "menen"):
        municipality = Municipality.objects.get(slug=slug)
        data = assert_valid(municipality_graph(municipality), "ipdc-lpdc-instance-shape.ttl")
        node = instance_iri(slug, "identiteitskaart")
        assert (node, RDF.type, LPDC.InstancePublicServiceSnapshot) in data
        assert (node, DCTERMS.source, concept_iri("identiteitskaart")) in data
        authority = data.value(node, M8G.hasCompetentAuthority)
        assert authority == URIRef(f"https://data.voordeur.be/id/organisatie/{slug}")


def test_instance_carries_the_merged_and_local_facts():
    service = full_service()
    kortrijk_with_local_facts(service)
    data = Graph().parse(
        data=to_jsonld(municipality_graph(Municipality.objects.get(slug="kortrijk"))),
        format="json-ld",
    )
    node = instance_iri("kortrijk", "identiteitskaart")
    assert data.value(node, DCTERMS.description) == Literal(
        "<p>In Kortrijk komt u op afspraak.</p>", lang="nl"
    )
    amounts = {float(data.value(cost, M8G.hasValue)) for cost in data.objects(node, M8G.hasCost)}
    assert amounts == {21.5, 23.0, 18.0}  # local costs replace the regional 20.00
    channels = list(data.objects(node, M8G.hasChannel))
    assert len(channels) == 4
    hours = [data.value(c, M8G.openingHours) for c in channels if data.value(c, M8G.openingHours)]
    descriptions = {str(data.value(h, DCTERMS.description)) for h in hours}
    assert descriptions == {"ma 08:30-12:30, 13:30-17:00", "di 09:00-12:00"}
    online = next(c for c in channels if str(data.value(c, DCTERMS.type)).endswith("/online"))
    online_cost = next(data.subjects(M8G.ifAccessedThrough, online))
    assert data.value(online_cost, M8G.hasValue) == Literal(18.0, datatype=XSD.double)
    # The regional facts the page does not override are there too.
    assert len(list(data.objects(node, M8G.holdsRequirement))) == 2
    assert (node, CPSV.follows, None) in data


def test_export_is_stable_and_uses_the_fixed_context():
    full_service()
    first, second = to_jsonld(region_graph()), to_jsonld(region_graph())
    assert first == second
    document = json.loads(first)
    assert document["@context"]["cpsv"] == "http://purl.org/vocab/cpsv#"


def test_base_iri_comes_from_the_setting(settings):
    settings.CATALOGUE_OPEN_DATA = {"BASE_IRI": "https://open.example.org/"}
    full_service()
    subjects = {str(s) for s in region_graph().subjects()}
    assert "https://open.example.org/id/concept/identiteitskaart" in subjects


def test_command_writes_the_region_to_stdout_and_a_municipality_to_a_file(tmp_path):
    local_page("menen", full_service())
    out = StringIO()
    call_command("export_catalogue", stdout=out)
    assert "lpdc:ConceptualPublicServiceSnapshot" in out.getvalue()
    target = tmp_path / "menen.jsonld"
    call_command("export_catalogue", municipality="menen", output=str(target), stdout=StringIO())
    data = Graph().parse(target, format="json-ld")
    assert (instance_iri("menen", "identiteitskaart"), None, None) in data


def test_command_refuses_an_unknown_municipality():
    with pytest.raises(CommandError, match="no-such-town"):
        call_command("export_catalogue", municipality="no-such-town")


def test_the_demo_catalogue_exports_conform_and_round_trip(tmp_path):
    from cms.demo.services import seed_services

    seed_services(["kortrijk", "waregem"])
    region = assert_valid(region_graph(), "ipdc-lpdc-concept-shape.ttl")
    assert len(set(region.subjects(RDF.type, LPDC.ConceptualPublicServiceSnapshot))) >= 40
    for slug in ("kortrijk", "waregem"):
        data = assert_valid(
            municipality_graph(Municipality.objects.get(slug=slug)), "ipdc-lpdc-instance-shape.ttl"
        )
        assert set(data.subjects(RDF.type, LPDC.InstancePublicServiceSnapshot))
        assert set(data.subjects(RDF.type, M8G.Channel))
    target = tmp_path / "region.jsonld"
    call_command("export_catalogue", output=str(target), stderr=StringIO())
    out = StringIO()
    call_command("import_catalogue", str(target), stdout=out)
    assert "0 created, 0 updated" in out.getvalue()
