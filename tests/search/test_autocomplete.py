"""/zoeken/suggesties/: JSON for the search-as-you-type script, the municipality's own
first; the script itself is only an enhancement of a plain GET form."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from .front import ask, body_of

pytestmark = pytest.mark.django_db


def suggest(client, q, slug="kortrijk"):
    return ask(client, "/zoeken/suggesties/", slug, q=q)


def test_suggests_titles_own_municipality_first(client):
    response = suggest(client, "priv")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["query"] == "priv"
    suggestions = data["suggestions"]
    assert suggestions and suggestions[0]["own"] is True
    assert suggestions[0]["municipality"] == "kortrijk"
    assert suggestions[0]["url"].endswith("/privacy/")
    assert {"title", "url", "municipality_name", "type"} <= set(suggestions[0])
    owns = [item["own"] for item in suggestions]
    assert owns == sorted(owns, reverse=True)


def test_too_short_asks_nothing(client):
    assert suggest(client, "p").json() == {"query": "p", "suggestions": []}


@pytest.mark.parametrize("q", ['"(', "*", "x" * 5000, "\x00a\x00b", "NEAR(", "' OR 1=1 --"])
def test_hostile_prefixes_answer_json(client, q):
    response = suggest(client, q)
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


def test_results_page_form_enhanced_by_the_script(client):
    body = body_of(ask(client, "/zoeken/", q="privacy"))
    assert 'data-suggestions="/zoeken/suggesties/"' in body
    assert "js/autocomplete" in body and "defer" in body
    script = Path(finders.find("js/autocomplete.js")).read_text(encoding="utf-8")
    for attribute in ("aria-expanded", "aria-controls", "aria-activedescendant", "listbox"):
        assert attribute in script
    for key in ("ArrowDown", "ArrowUp", "Enter", "Escape"):
        assert key in script
