"""The embedded backend of the database in use, against that real database: the demo region
is indexed as sync_sites publishes it, and every test adds its own pages."""

import pytest

import search
from search.backends import get_embedded_backend
from search.query import JointQuery

from .engine import publish_page

pytestmark = pytest.mark.django_db


def ask(text, municipality="kortrijk", **kwargs):
    return search.search(JointQuery(text=text, municipality=municipality, **kwargs))


def test_the_demo_region_is_indexed_as_it_is_published():
    counts = get_embedded_backend().counts_by_municipality()
    assert len([slug for slug in counts if slug != "regio"]) == 13
    assert counts["regio"] >= 1


def test_own_municipality_first_then_neighbours_labelled():
    for slug in ("kortrijk", "menen", "kuurne"):
        publish_page(slug, f"Zwerfvuil opruimen in {slug}", summary="Zwerfvuil melden.")
    results = ask("zwerfvuil", municipality="menen")
    assert [hit.municipality for hit in results.own] == ["menen"]
    assert {hit.municipality for hit in results.neighbours} == {"kortrijk", "kuurne"}
    assert all(hit.municipality_name for hit in results.neighbours)
    assert results.total == 3


def test_dutch_stemming_and_accents_match_across_forms():
    publish_page("kortrijk", "Identiteitskaarten", text="Wij leveren élektronische kaarten af.")
    results = ask("identiteitskaart electronische")
    assert results.own[0].title == "Identiteitskaarten"


def test_synonyms_expand_the_query():
    publish_page("kortrijk", "Recyclagepark Zuid", summary="Breng uw grofvuil.")
    results = ask("containerpark")
    assert "Recyclagepark Zuid" in [hit.title for hit in results.own]


def test_snippets_are_escaped_html_with_marks():
    publish_page(
        "kortrijk",
        "Speelpleinwerking",
        text="Kinderen <script>alert(1)</script> spelen op het speelplein in de zomer.",
    )
    hit = ask("speelplein").own[0]
    assert "<mark>" in hit.snippet
    assert "<script>" not in hit.snippet
    cleaned = hit.snippet.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in cleaned


def test_paging_and_total():
    for n in range(13):
        publish_page("kortrijk", f"Wegenwerken fase {n}", summary="Wegenwerken in de straat.")
    first = ask("wegenwerken", page_size=5)
    third = ask("wegenwerken", page_size=5, page=3)
    assert first.total == 13 and first.num_pages == 3
    assert len(first.own) == 5 and len(third.own) == 3
    assert not {h.doc_id for h in first.own} & {h.doc_id for h in third.own}


def test_facets_count_and_filter():
    publish_page("kortrijk", "Fietsherstelling Kortrijk", summary="fietsherstelling")
    publish_page("menen", "Fietsherstelling Menen", summary="fietsherstelling")
    results = ask("fietsherstelling")
    municipalities = {f.value: f.count for f in results.facets["municipality"]}
    assert municipalities == {"kortrijk": 1, "menen": 1}
    assert {f.value for f in results.facets["content_type"]} == {"pages.contentpage"}
    filtered = ask("fietsherstelling", municipalities=("menen",))
    assert [h.municipality for h in filtered.hits] == ["menen"]
    assert [f.value for f in filtered.facets["municipality"] if f.selected] == ["menen"]


def test_locale_filter():
    publish_page("kortrijk", "Hondenbelasting", summary="belasting")
    assert ask("hondenbelasting", locale="nl").total == 1
    assert ask("hondenbelasting", locale="fr").total == 0


def test_regional_landing_puts_everything_under_neighbours():
    publish_page("kortrijk", "Kerstmarkt", summary="De kerstmarkt")
    results = ask("kerstmarkt", municipality=None)
    assert results.own == [] and [h.title for h in results.neighbours] == ["Kerstmarkt"]


def test_did_you_mean_comes_from_the_index_vocabulary():
    publish_page("kortrijk", "Begraafplaatsen", text="Onze begraafplaatsen en urnenvelden.")
    results = ask("begraafplaatsne")
    assert results.total == 0
    assert results.suggestion == "begraafplaatsen"
    assert ask("begraafplaatsen").suggestion is None


def test_autocomplete_matches_title_prefixes_own_first():
    publish_page("menen", "Parkeerkaart aanvragen")
    publish_page("kortrijk", "Parkeerkaart aanvragen")
    hits = search.autocomplete("parkeerk", "kortrijk", "nl")
    assert [h.municipality for h in hits][:2] == ["kortrijk", "menen"]
    assert search.autocomplete("parkeerkaart aanv", "kortrijk", "nl")


def test_empty_and_meaningless_queries_find_nothing_quietly():
    for text in ("", "   ", "de het een", "!!!", '"'):
        results = ask(text)
        assert results.total == 0 and results.hits == []
