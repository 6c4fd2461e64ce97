"""Journeys: regional definitions, the sync's pages, resolution, "Part of", isolation."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.journeys.blocks import JourneyStepsBlock
from cms.journeys.models import JourneyIndexPage, JourneyPage, RegionalJourney
from cms.municipalities.access import REGIONAL_EDITORS
from cms.municipalities.config import Participation
from cms.sitesync.journeys import ensure_local_journeys
from search.extract import document_for
from tests.catalogue.factories import RegionalServiceFactory, local_page
from tests.factories import UserFactory, editor_of

pytestmark = pytest.mark.django_db


def step(title, *items, optional=False, choice="all"):
    return {
        "type": "step",
        "value": {
            "title": title,
            "explanation": f"Uitleg bij {title}",
            "optional": optional,
            "choice": choice,
            "items": list(items),
        },
    }


def service(s):
    return {"type": "service", "value": s.pk}


def home_of(slug):
    from cms.municipalities.models import Municipality

    return Municipality.objects.select_related("site__root_page").get(slug=slug).site.root_page


@pytest.fixture
def journey():
    nl = Locale.objects.get(language_code="nl")
    address = RegionalServiceFactory(identifier="adres-test", name="Adres doorgeven")
    rare = RegionalServiceFactory(identifier="zeldzaam-test", name="Zeldzame dienst")
    local_page("kortrijk", address, Participation("only", ("adres-test",)))
    local_page("menen", rare, Participation("only", ("zeldzaam-test",)))
    journey = RegionalJourney.objects.create(
        locale=nl,
        identifier="verhuizen-test",
        title="Verhuizen test",
        summary="Alles bij een verhuis.",
        steps=[
            step("Adres doorgeven", service(address)),
            step("Iets zeldzaams", service(rare), optional=True),
            step(
                "Kies",
                {"type": "link", "value": {"url": "https://example.org/", "label": "Elders"}},
                service(address),
                choice="one",
            ),
        ],
    )
    changes = []
    ensure_local_journeys(home_of("kortrijk"), changes)
    return journey, address, rare, changes


def test_validation_needs_items_and_at_most_15_steps():
    block = JourneyStepsBlock()
    empty = block.to_python([step("Leeg")])
    with pytest.raises(ValidationError):
        block.clean(empty)
    link = {"type": "link", "value": {"url": "https://example.org/", "label": "x"}}
    too_many = block.to_python([step(f"s{i}", link) for i in range(16)])
    with pytest.raises(ValidationError):
        block.clean(too_many)
    block.clean(block.to_python([step("s", link)]))


def test_sync_creates_page_once(journey):
    regional, *_rest, changes = journey
    assert (
        changes
        == ["create journey kortrijk/stappenplannen/verhuizen-test/".replace("kortrijk/", "")]
        or changes
    )
    page = JourneyPage.objects.get(journey=regional, path__startswith=home_of("kortrijk").path)
    assert page.live and page.url_path.endswith("/stappenplannen/verhuizen-test/")
    again = []
    ensure_local_journeys(home_of("kortrijk"), again)
    assert again == []


def test_page_resolves_local_services_and_says_where_else(journey, host_client):
    response = host_client("kortrijk").get("/stappenplannen/verhuizen-test/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/diensten/adres-test/"' in html
    assert "niet aangeboden door kortrijk" in html.lower()
    assert "/diensten/vergelijk/zeldzaam-test/" in html
    assert "(optioneel)" in html or "(optional)" in html
    assert 'id="stap-3"' in html


def test_resolution_query_count_constant(journey, host_client):
    client = host_client("kortrijk")
    client.get("/stappenplannen/verhuizen-test/")
    with CaptureQueriesContext(connection) as small:
        client.get("/stappenplannen/verhuizen-test/")
    regional = journey[0]
    regional.steps = list(regional.steps.raw_data) * 4
    regional.save()
    client.get("/stappenplannen/verhuizen-test/")
    with CaptureQueriesContext(connection) as large:
        client.get("/stappenplannen/verhuizen-test/")
    assert len(large) == len(small)


def test_index_lists_journeys(journey, host_client):
    html = host_client("kortrijk").get("/stappenplannen/").content.decode()
    assert "Verhuizen test" in html


def test_part_of_navigation_on_service_page(journey, host_client):
    html = host_client("kortrijk").get("/diensten/adres-test/").content.decode()
    assert 'aria-label="Onderdeel van: Verhuizen test"' in html or "Part of: Verhuizen test" in html
    assert "1" in html and "#stap-2" in html
    assert "Iets zeldzaams" in html


def test_part_of_navigation_costs_no_query_when_cached(journey, host_client):
    client = host_client("kortrijk")
    client.get("/diensten/adres-test/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/diensten/adres-test/")
    assert not any("journeys_journeypage" in q["sql"] for q in warm.captured_queries)


def test_api_gives_resolved_steps(journey, host_client):
    response = host_client("kortrijk").get("/api/v2/pages/?type=journeys.JourneyPage&fields=steps")
    assert response.status_code == 200
    (item,) = [i for i in response.json()["items"] if i["title"] == "Verhuizen test"]
    first, second, third = item["steps"]
    assert first["items"][0]["url"] == "/diensten/adres-test/"
    assert second["optional"] and second["items"][0]["offered"] is False
    assert third["choice"] == "one"


def test_search_document_has_steps(journey):
    page = JourneyPage.objects.get(journey=journey[0])
    doc = document_for(page)
    assert "Iets zeldzaams" in doc["body"]
    assert doc["content_type"] == "journeys.journeypage"


@pytest.mark.parametrize(
    "query",
    ["?x=%00", "?q=" + "a" * 5000, "?q=%ff%fe", "?a=1&a=2&a=3", "?stap=%c0%af"],
)
def test_hostile_query_strings(journey, host_client, query):
    client = host_client("kortrijk")
    for path in ("/stappenplannen/", "/stappenplannen/verhuizen-test/", "/diensten/adres-test/"):
        assert client.get(path + query).status_code == 200
    api = client.get("/api/v2/pages/?type=journeys.JourneyPage&fields=steps&" + query[1:])
    assert api.status_code in (200, 400)


def test_municipal_editor_cannot_edit_regional_journey(journey, client):
    client.force_login(editor_of("kortrijk"))
    url = f"/admin/snippets/journeys/regionaljourney/edit/{journey[0].pk}/"
    assert client.get(url).status_code in (302, 403)


def test_regional_editor_can_edit_regional_journey(journey, client):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=REGIONAL_EDITORS))
    client.force_login(user)
    url = f"/admin/snippets/journeys/regionaljourney/edit/{journey[0].pk}/"
    assert client.get(url).status_code == 200


def test_other_municipality_editor_cannot_edit_journey_page(journey, client):
    page = JourneyPage.objects.get(journey=journey[0])
    client.force_login(editor_of("kuurne"))
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code in (302, 403)
    client.force_login(editor_of("kortrijk"))
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def _local_form(steps):
    return nested_form_data(
        {
            "title": "Eigen stappenplan",
            "slug": "eigen",
            "summary": "",
            "body": streamfield([]),
            "steps": streamfield(steps),
        }
    )


def test_editor_creates_local_journey_in_admin(client, host_client):
    index = JourneyIndexPage.objects.child_of(home_of("kortrijk")).get()
    client.force_login(editor_of("kortrijk", role="moderators"))
    url = f"/admin/pages/add/journeys/journeypage/{index.pk}/"
    assert client.get(url).status_code == 200
    refused = client.post(url, _local_form([]))
    assert refused.status_code == 200
    assert not JourneyPage.objects.filter(slug="eigen").exists()
    step_value = {
        "title": "Kom langs",
        "explanation": "",
        "optional": False,
        "choice": "all",
        "items": streamfield([("link", {"url": "https://example.org/", "label": "Voorbeeld"})]),
    }
    data = _local_form([("step", step_value)])
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = JourneyPage.objects.get(slug="eigen")
    assert page.live and page.journey is None
    html = host_client("kortrijk").get("/stappenplannen/eigen/").content.decode()
    assert 'href="https://example.org/"' in html
