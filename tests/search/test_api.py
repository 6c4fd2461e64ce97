"""/api/v2/search/: the joint search through the headless API, scoped by the host."""

import pytest

from search.models import BestBet

from .front import ask

pytestmark = pytest.mark.django_db


def api(client, slug="kortrijk", **params):
    return ask(client, "/api/v2/search/", slug, **params)


def test_answers_own_then_neighbours_with_facets_and_paging(client):
    response = api(client, q="privacy")
    assert response.status_code == 200
    data = response.json()
    assert data["municipality"] == "kortrijk"
    assert [hit["municipality"] for hit in data["own"]] == ["kortrijk"]
    assert data["neighbours"] and all(h["municipality"] != "kortrijk" for h in data["neighbours"])
    assert {"title", "url", "snippet", "content_type", "also_offered_in"} <= set(data["own"][0])
    assert data["total"] == 13
    assert set(data["facets"]) >= {"municipality", "content_type", "locale"}
    assert data["page"] == 1 and data["num_pages"] == 2
    assert data["previous"] is None
    assert data["next"].startswith("http://kortrijk.localhost:8000/api/v2/search/?q=privacy")
    assert data["suggestion"] is None and data["fallback"] is False


def test_filters_and_page_size(client):
    data = api(client, q="privacy", gemeente="kuurne", page_size="5").json()
    assert data["filters"]["gemeente"] == ["kuurne"]
    assert data["own"] == []
    assert [hit["municipality"] for hit in data["neighbours"]] == ["kuurne"]
    assert api(client, q="privacy", page_size="3").json()["num_pages"] == 5


def test_best_bets_in_the_answer(client):
    BestBet.objects.create(
        keywords="privacy",
        external_url="https://www.gegevensbeschermingsautoriteit.be/",
        title="GBA",
    )
    data = api(client, q="privacy").json()
    assert data["best_bets"] == [
        {"title": "GBA", "url": "https://www.gegevensbeschermingsautoriteit.be/", "description": ""}
    ]


def test_empty_query_answers_nothing(client):
    data = api(client).json()
    assert data["total"] == 0 and data["own"] == [] and data["neighbours"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"unbalanced'},
        {"q": "x" * 10_000},
        {"q": "privacy", "page": "abc", "page_size": "-1"},
        {"q": "privacy", "page": "99999999999"},
        {"q": "privacy", "thema": "x", "gemeente": "", "taal": "zz"},
    ],
)
def test_hostile_parameters_answer_json(client, params):
    response = api(client, **params)
    assert response.status_code == 200
    assert "total" in response.json()
