"""/api/v2/places/?q=...: the place finder as JSON, and 400s that name the parameter."""

import pytest

from tests.catalogue.factories import RegionalServiceFactory, local_page

pytestmark = pytest.mark.django_db

URL = "/api/v2/places/"


@pytest.fixture
def api(host_client):
    return host_client("region")


def test_a_place_gives_its_municipality(api):
    response = api.get(URL, {"q": "Heule"})
    assert response.status_code == 200
    data = response.json()
    assert data["query"] == "Heule"
    assert data["matches"] == [
        {
            "slug": "kortrijk",
            "name": "Stad Kortrijk",
            "url": "http://kortrijk.localhost:8000/",
            "places": [{"postcode": "8501", "name": "Heule"}],
        }
    ]
    assert data["neighbours"] == [] and data["suggestions"] == []
    assert data["service"] is None


def test_a_postcode_gives_all_its_places(api):
    data = api.get(URL, {"q": "8510"}).json()
    assert {p["name"] for p in data["matches"][0]["places"]} == {
        "Bellegem",
        "Kooigem",
        "Marke",
        "Rollegem",
    }


def test_outside_the_region(api):
    data = api.get(URL, {"q": "Ooigem"}).json()
    assert data["matches"] == []
    assert data["neighbours"] == [
        {
            "municipality": "Wielsbeke",
            "website": "https://www.wielsbeke.be",
            "places": [{"postcode": "8710", "name": "Ooigem"}],
        }
    ]


def test_nothing_found_gives_suggestions(api):
    data = api.get(URL, {"q": "Kortrik"}).json()
    assert data["matches"] == [] and "8500 Kortrijk" in data["suggestions"]


def test_with_a_service_each_match_has_its_local_page_or_null(api):
    service = RegionalServiceFactory(identifier="parkeerkaart-bewoners")
    page = local_page("kortrijk", service)
    data = api.get(URL, {"q": "Kortrijk", "dienst": "parkeerkaart-bewoners"}).json()
    assert data["service"] == "parkeerkaart-bewoners"
    assert data["matches"][0]["service_url"] == page.get_full_url()
    data = api.get(URL, {"q": "Kuurne", "dienst": "parkeerkaart-bewoners"}).json()
    assert data["matches"][0]["service_url"] is None


def test_an_unknown_service_is_reported_not_refused(api):
    data = api.get(URL, {"q": "Kuurne", "dienst": "bestaat-niet"}).json()
    assert data["service"] is None and data["unknown_service"] == "bestaat-niet"
    assert "service_url" not in data["matches"][0]


def test_it_answers_on_every_host(host_client):
    assert host_client("menen").get(URL, {"q": "8500"}).json()["matches"][0]["slug"] == "kortrijk"


@pytest.mark.parametrize("params", ["", "q=", "q=%20%20", "q=!!!", "q=%00", "q=%ff%fe", "foo=bar"])
def test_a_missing_or_junk_q_is_a_400_naming_it(api, params):
    response = api.get(f"{URL}?{params}")
    assert response.status_code == 400
    assert response.json()["parameter"] == "q"


@pytest.mark.parametrize(
    "params",
    [
        "q=" + "8" * 50_000,
        "q=Heule%00",
        "q=Heule&q=Marke",
        "q=Heule&dienst=%00",
        "q=Heule&dienst=" + "x" * 5000,
        "q=Heule&dienst=a&dienst=b",
        "q=%C0%AF8500",
        "q=<b>8500</b>",
    ],
)
def test_hostile_input_never_fails(api, params):
    response = api.get(f"{URL}?{params}")
    assert response.status_code == 200
    assert len(response.json()["query"]) <= 80
