""" "Do I qualify?" for citizens (the check under a local service page), in the CPSV-AP
export and in the catalogue API."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS

from cms.catalogue.cpsv import municipality_graph, region_graph, to_jsonld
from cms.catalogue.cpsv.context import M8G, VD, instance_iri, snapshot_iri
from cms.catalogue.models import RegionalService
from cms.municipalities.models import Municipality

from .factories import RegionalServiceFactory, local_page
from .test_eligibility import FLOW
from .test_export import assert_valid, full_service

pytestmark = pytest.mark.django_db

PATH = "/diensten/renovatiepremie/"
CHECK = PATH + "kom-ik-in-aanmerking/"
LOCAL_ADD = {"outcome": "premie", "mode": "add", "text": "Kortrijk geeft 20 % extra."}
LOCAL_ADD.update(link_url="", link_label="")


@pytest.fixture
def service():
    service = RegionalServiceFactory(identifier="renovatiepremie", eligibility=FLOW)
    page = local_page("kortrijk", service)
    page.eligibility_local = [{"type": "outcome", "value": LOCAL_ADD}]
    page.channels = [
        {
            "type": "channel",
            "value": {"kind": "online", "url": "https://e-loket.example.org/premie"},
        }
    ]
    page.save_revision().publish()
    return service


def get(client, path, status=200, host="kortrijk"):
    response = client.get(path, HTTP_HOST=f"{host}.localhost:8000")
    assert response.status_code == status, path
    return response


def html(response):
    return response.content.decode()


# The check -----------------------------------------------------------------------------
def test_the_service_page_links_to_the_check_only_when_there_is_a_flow(client, service):
    assert f'href="{CHECK}"' in html(get(client, PATH))
    other = RegionalServiceFactory(identifier="zonder-check")
    local_page("kortrijk", other)
    page = html(get(client, "/diensten/zonder-check/"))
    assert "kom-ik-in-aanmerking" not in page
    get(client, "/diensten/zonder-check/kom-ik-in-aanmerking/", status=404)


def test_the_first_question_is_a_fieldset_with_radios_never_cached_not_indexed(client, service):
    response = get(client, CHECK)
    page = html(response)
    assert response["Cache-Control"] == "private, no-store"
    assert '<meta name="robots" content="noindex">' in page
    assert "<legend" in page and "Bent u eigenaar?" in page and "Of vruchtgebruiker." in page
    assert page.count('type="radio"') == 2 and 'name="vraag" value="eigenaar"' in page
    assert "error-summary" not in page
    second = get(client, CHECK)
    assert second.get("X-Page-Cache") != "hit"


def test_each_answer_leads_on_and_the_summary_can_change_them(client, service):
    page = html(get(client, CHECK + "?eigenaar=ja&vraag=eigenaar"))
    assert "Welke werken?" in page
    assert '<input type="hidden" name="eigenaar" value="ja">' in page
    assert f'href="{CHECK}?eigenaar=ja&amp;wijzig=eigenaar"' in page
    page = html(get(client, CHECK + "?eigenaar=ja&werken=1"))
    assert "U krijgt de premie" in page and "Vraag ze online aan." in page
    assert "Kortrijk geeft 20 % extra." in page  # the local addition
    assert 'href="https://e-loket.example.org/premie"' in page  # the start button
    assert 'href="https://example.org/"' in page
    assert f'href="{CHECK}"' in page  # start again
    page = html(get(client, CHECK + "?eigenaar=ja&werken=1&wijzig=eigenaar"))
    assert 'value="ja" checked' in page and "Bent u eigenaar?" in page
    page = html(get(client, CHECK + "?eigenaar=nee"))
    assert "Vraag het de eigenaar" in page and "e-loket.example.org" not in page


@pytest.mark.parametrize(
    "query",
    [
        "?vraag=eigenaar",
        "?eigenaar=misschien",
        "?eigenaar=%00",
        "?eigenaar=%ff%fe",
        "?eigenaar=ja&eigenaar=nee",
        "?eigenaar=" + "x" * 20000,
        "?eigenaar=<script>alert(1)</script>",
    ],
)
def test_missing_or_forged_answers_reshow_the_question_with_an_error(client, service, query):
    page = html(get(client, CHECK + query))
    assert "error-summary" in page and 'href="#answer-eigenaar-1"' in page
    assert "<script>alert" not in page and "x" * 100 not in page


@pytest.mark.parametrize(
    "query",
    [
        "?onbekend=1",
        "?wijzig=%00",
        "?vraag=" + "y" * 5000,
        "?werken=1",
        "?%ff=%ff",
        "?wijzig=werken",
    ],
)
def test_unknown_or_out_of_place_parameters_are_ignored(client, service, query):
    page = html(get(client, CHECK + query))
    assert "Bent u eigenaar?" in page and "error-summary" not in page


def test_other_sites_and_languages_404_cleanly(client, service):
    get(client, CHECK, status=404, host="menen")  # takes no part: no local page
    response = client.get("/fr" + CHECK, HTTP_HOST="kortrijk.localhost:8000")
    assert response.status_code in (200, 404)
    get(client, CHECK + "extra/", status=404)


def test_a_broken_flow_saved_elsewhere_is_no_check(client, service):
    RegionalService.objects.filter(pk=service.pk).update(
        eligibility=json.dumps([{"type": "question", "value": {"key": "a", "kind": "yesno"}}])
    )
    assert "kom-ik-in-aanmerking" not in html(get(client, PATH))
    get(client, CHECK, status=404)


# Export -----------------------------------------------------------------------------------
def test_the_flow_is_exported_as_requirements_and_conforms(service):
    data = assert_valid(region_graph(), "ipdc-lpdc-concept-shape.ttl")
    node = snapshot_iri("renovatiepremie", service.definition_changed_at)
    questions = set(data.objects(node, VD.eligibilityQuestion))
    assert len(questions) == 2 and questions <= set(data.objects(node, M8G.holdsRequirement))
    texts = " ".join(str(data.value(q, DCTERMS.description)) for q in questions)
    assert "U krijgt de premie" in texts and "Vraag het de eigenaar" in texts
    assert json.loads(str(data.value(node, VD.eligibilityFlow)))[0]["value"]["key"] == "eigenaar"
    municipality = Municipality.objects.get(slug="kortrijk")
    data = assert_valid(municipality_graph(municipality), "ipdc-lpdc-instance-shape.ttl")
    instance = instance_iri("kortrijk", "renovatiepremie")
    texts = " ".join(
        str(data.value(q, DCTERMS.description))
        for q in data.objects(instance, VD.eligibilityQuestion)
    )
    assert "Kortrijk geeft 20 % extra." in texts


def parsed(text):
    return Graph().parse(data=text, format="json-ld")


def test_export_import_export_round_trips_the_flow(tmp_path):
    RegionalServiceFactory(identifier="renovatiepremie", eligibility=FLOW)
    full_service()
    path = tmp_path / "region.jsonld"
    path.write_text(to_jsonld(region_graph()))
    with translation.override("en"):
        out = StringIO()
        call_command("import_catalogue", str(path), stdout=out)
        assert "0 created, 0 updated, 2 unchanged" in out.getvalue()
        RegionalService.objects.all().delete()
        call_command("import_catalogue", str(path), stdout=out)
    assert isomorphic(parsed(path.read_text()), parsed(to_jsonld(region_graph())))
    imported = RegionalService.objects.get(identifier="renovatiepremie")
    assert len(imported.requirements.raw_data) == 0  # the questions are not read back as such
    assert imported.eligibility.raw_data[0]["value"]["key"] == "eigenaar"


def test_a_file_with_a_broken_flow_is_refused(tmp_path, service):
    text = to_jsonld(region_graph()).replace('\\"key\\": \\"eigenaar\\"', '\\"key\\": \\"X Y\\"')
    assert "X Y" in text
    path = tmp_path / "region.jsonld"
    path.write_text(text)
    with translation.override("en"), pytest.raises(Exception, match="eligibilityFlow"):
        call_command("import_catalogue", str(path), stdout=StringIO())


# API ----------------------------------------------------------------------------------------
def test_the_api_has_the_flow_and_the_local_flow(client, service):
    detail = client.get(
        "/api/v2/catalogue/services/renovatiepremie/", HTTP_HOST="localhost:8000"
    ).json()
    assert detail["eligibility"]["start"] == "eigenaar"
    assert [q["key"] for q in detail["eligibility"]["questions"]] == ["eigenaar", "werken"]
    local = client.get(
        "/api/v2/catalogue/local/renovatiepremie/", HTTP_HOST="kortrijk.localhost:8000"
    ).json()
    outcomes = {o["key"]: o for o in local["eligibility"]["outcomes"]}
    assert outcomes["premie"]["local_text"] == "Kortrijk geeft 20 % extra."
    plain = client.get("/api/v2/catalogue/services/", HTTP_HOST="localhost:8000").status_code
    assert plain == 200
