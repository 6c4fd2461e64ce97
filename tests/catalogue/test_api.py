"""/api/v2/catalogue/: regional services, the site's merged local services, the export."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rdflib import Graph
from rdflib.namespace import RDF

from cms.catalogue.cpsv.context import LPDC, instance_iri
from cms.catalogue.vocabularies import Audience, LifeEvent, Theme

from .factories import RegionalServiceFactory, local_page
from .test_export import full_service, kortrijk_with_local_facts

pytestmark = pytest.mark.django_db


def get(client, slug, path, status=200):
    host = "localhost:8000" if slug == "region" else f"{slug}.localhost:8000"
    response = client.get(f"/api/v2/catalogue/{path}", HTTP_HOST=host)
    assert response.status_code == status, response.content
    return response


@pytest.fixture
def catalogue():
    eid = full_service()
    waste = RegionalServiceFactory(
        identifier="grofvuil",
        name="Grofvuil ophalen",
        themes=["MilieuEnergie"],
        life_events=["verhuizen"],
        audiences=["Burger", "Onderneming"],
    )
    RegionalServiceFactory(identifier="oud", archived=True)
    kortrijk_with_local_facts(eid)
    local_page("kortrijk", waste)
    local_page("menen", eid)
    return eid, waste


def identifiers(response):
    return [item["identifier"] for item in response.json()["items"]]


def test_regional_services_list_and_detail_are_the_same_on_every_host(client, catalogue):
    for slug in ("region", "kortrijk"):
        assert identifiers(get(client, slug, "services/")) == ["grofvuil", "identiteitskaart"]
    detail = get(client, "menen", "services/identiteitskaart/").json()
    assert detail["name"] == "Elektronische identiteitskaart"
    assert detail["costs"][0] == {"title": "Gewone aanvraag", "amount": "20.00", "description": ""}
    assert detail["keywords"] == ["eID", "identiteitskaart", "pas"]
    assert identifiers(get(client, "region", "services/?archived=1"))[-1] == "oud"
    get(client, "region", "services/bestaat-niet/", status=404)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme=MilieuEnergie", ["grofvuil"]),
        ("life_event=reizen", ["identiteitskaart"]),
        ("life_event=verhuizen", ["grofvuil", "identiteitskaart"]),
        ("audience=Onderneming", ["grofvuil"]),
        ("theme=BurgerOverheid&audience=Onderneming", []),
        ("theme=BurgerOverheid,MilieuEnergie", ["grofvuil", "identiteitskaart"]),
    ],
)
def test_filters(client, catalogue, query, expected):
    assert identifiers(get(client, "region", f"services/?{query}")) == expected
    assert identifiers(get(client, "kortrijk", f"local/?{query}")) == expected


@pytest.mark.parametrize(
    "query", ["theme=Ruimtevaart", "life_event=%3Cscript%3E", "audience=", "audience=Burger,x"]
)
def test_unknown_filter_values_are_a_clear_400(client, catalogue, query):
    if query == "audience=":
        assert get(client, "kortrijk", f"local/?{query}").status_code == 200
        return
    message = get(client, "kortrijk", f"local/?{query}", status=400).json()["message"]
    known = {"theme": Theme, "life_event": LifeEvent, "audience": Audience}[query.split("=")[0]]
    assert all(code in message for code in known.values)  # says what would be accepted
    get(client, "region", f"services/?{query}", status=400)


def test_site_parameter_is_refused(client, catalogue):
    for path in ("services/", "local/", "export.jsonld"):
        get(client, "kortrijk", f"{path}?site=menen.localhost", status=400)


def test_local_services_have_the_regional_facts_merged(client, catalogue):
    items = get(client, "kortrijk", "local/").json()["items"]
    eid = next(item for item in items if item["identifier"] == "identiteitskaart")
    facts = eid["facts"]
    assert facts["description"] == "<p>In Kortrijk komt u op afspraak.</p>"
    assert {"costs", "description", "processing_time"} <= set(facts["local"])
    assert len(facts["requirements"]) == 2  # regional, not overridden
    assert [c["kind"] for c in facts["channels"]] == ["desk", "online", "phone", "post"]
    assert facts["channels"][0]["opening_hours"]["monday"] == [
        ["08:30", "12:30"],
        ["13:30", "17:00"],
    ]
    assert eid["url"].startswith("http://kortrijk.localhost")
    menen = get(client, "menen", "local/identiteitskaart/").json()
    assert menen["facts"]["description"] == "<p>Met de eID bewijst u wie u bent.</p>"
    assert menen["facts"]["local"] == []
    get(client, "menen", "local/oud/", status=404)  # archived: no local page


def test_local_services_need_a_municipal_host(client, catalogue):
    assert get(client, "region", "local/", status=400).json()["message"]


def test_export_per_site_and_for_the_region(client, catalogue):
    response = get(client, "kortrijk", "export.jsonld")
    assert response["Content-Type"] == "application/ld+json"
    graph = Graph().parse(data=response.content, format="json-ld")
    instances = set(graph.subjects(RDF.type, LPDC.InstancePublicServiceSnapshot))
    assert instances == {
        instance_iri("kortrijk", "identiteitskaart"),
        instance_iri("kortrijk", "grofvuil"),
    }
    for slug, path in (("region", "export.jsonld"), ("menen", "concepts.jsonld")):
        graph = Graph().parse(data=get(client, slug, path).content, format="json-ld")
        assert len(set(graph.subjects(RDF.type, LPDC.ConceptualPublicServiceSnapshot))) == 3


def queries(client, slug, path):
    with CaptureQueriesContext(connection) as context:
        get(client, slug, path)
    return len(context.captured_queries)


def add_services(count, slug):
    for n in range(count):
        service = RegionalServiceFactory(identifier=f"extra-{n}", life_events=["verhuizen"])
        page = local_page(slug, service)
        kortrijk_like = [
            {"type": "channel", "value": {"kind": "online", "url": f"https://e.example/{n}"}},
        ]
        page.channels = kortrijk_like
        page.save_revision().publish()


@pytest.mark.parametrize(
    "path",
    [
        "services/",
        "services/?life_event=verhuizen",
        "local/",
        "local/?theme=BurgerOverheid",
        "export.jsonld",
    ],
)
def test_query_count_does_not_grow_with_the_number_of_services(
    client, catalogue, path, django_assert_max_num_queries
):
    get(client, "kortrijk", path)  # warm the site and locale caches
    few = queries(client, "kortrijk", path)
    add_services(8, "kortrijk")
    many = queries(client, "kortrijk", path)
    assert many == few
    with django_assert_max_num_queries(6):
        get(client, "kortrijk", path)
