"""find_places: postcodes, towns and deelgemeenten -> municipalities, neighbours outside
the region, ambiguous postcodes, suggestions, and junk that never raises. And sync_sites
stores the places idempotently."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.municipalities.config import load_sites
from cms.municipalities.models import Municipality, Place
from cms.municipalities.placenames import fold_place
from cms.municipalities.places import MAX_QUERY, clean_query, find_places, parse_query
from cms.sitesync.places import ensure_neighbours, ensure_places

pytestmark = pytest.mark.django_db


def slugs(result):
    return [match.municipality.slug for match in result.matches]


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("8500", "kortrijk"),
        ("Kortrijk", "kortrijk"),
        ("Heule", "kortrijk"),
        ("heule", "kortrijk"),
        ("HEULE", "kortrijk"),
        ("8501 Heule", "kortrijk"),
        ("Heule 8501", "kortrijk"),
        ("Bissegem", "kortrijk"),
        ("Marke", "kortrijk"),
        ("8511", "kortrijk"),
        ("Sint-Eloois-Vijve", "waregem"),
        ("Sint Eloois Vijve", "waregem"),
        ("sint eloois-vijve", "waregem"),
        ("  Sint   Eloois  Vijve ", "waregem"),
        ("8587", "spiere-helkijn"),
        ("Helkijn", "spiere-helkijn"),
        ("Spiere-Helkijn", "spiere-helkijn"),
        ("Gijzelbrechtegem", "anzegem"),
        ("Geluwe", "wervik"),
        ("Rekkem", "menen"),
        ("Beveren-Leie", "waregem"),
    ],
)
def test_a_postcode_or_a_place_finds_its_municipality(query, slug):
    result = find_places(query)
    assert slugs(result) == [slug]
    assert result.single.slug == slug
    assert result.neighbours == []


def test_the_matching_places_are_given():
    result = find_places("8501")
    assert {place.name for place in result.matches[0].places} == {"Heule", "Bissegem"}
    assert [p.name for p in find_places("8501 Heule").matches[0].places] == ["Heule"]


def test_a_place_outside_the_region_names_its_own_municipality():
    result = find_places("Ooigem")
    assert result.matches == []
    assert result.single is None
    (neighbour,) = result.neighbours
    assert neighbour.name == "Wielsbeke"
    assert neighbour.website == "https://www.wielsbeke.be"
    assert [p.postcode for p in neighbour.places] == ["8710"]


def test_mouscron_is_found_in_both_languages():
    assert find_places("Moeskroen").neighbours[0].name == "Mouscron"
    assert find_places("mouscron").neighbours[0].name == "Mouscron"


def test_rollegem_is_not_rollegem_kapelle():
    assert slugs(find_places("Rollegem")) == ["kortrijk"]
    assert find_places("Rollegem-Kapelle").neighbours[0].name == "Ledegem"


@pytest.fixture
def shared_postcode():
    """Harelbeke gets a made-up village under Kortrijk's 8501: an ambiguous postcode."""
    harelbeke = Municipality.objects.get(slug="harelbeke")
    return Place.objects.create(
        municipality=harelbeke, postcode="8501", name="Testdorp", folded="testdorp"
    )


def test_an_ambiguous_postcode_gives_every_municipality(shared_postcode):
    result = find_places("8501")
    assert slugs(result) == ["harelbeke", "kortrijk"]
    assert result.single is None
    assert slugs(find_places("8501 Testdorp")) == ["harelbeke"]
    assert slugs(find_places("8501 Heule")) == ["kortrijk"]


def test_a_name_two_municipalities_use_gives_both():
    Place.objects.create(
        municipality=Municipality.objects.get(slug="menen"),
        postcode="8930",
        name="Marke",
        folded="marke",
    )
    assert slugs(find_places("Marke")) == ["kortrijk", "menen"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Heul", "8501 Heule"),
        ("Kortrik", "8500 Kortrijk"),
        ("Sint Eloois", "8793 Sint-Eloois-Vijve"),
    ],
)
def test_nothing_found_suggests_close_names(query, expected):
    result = find_places(query)
    assert not result.found
    assert expected in result.suggestions


def test_an_unknown_postcode_suggests_nearby_ones():
    result = find_places("8502")
    assert not result.found
    assert result.suggestions and all(s.startswith("85") for s in result.suggestions)


def test_a_lookup_costs_one_query_and_two_with_suggestions():
    with CaptureQueriesContext(connection) as queries:
        find_places("8501 Heule")
    assert len(queries) == 1
    with CaptureQueriesContext(connection) as queries:
        find_places("Heulle")
    assert len(queries) == 2


@pytest.mark.parametrize(
    "junk",
    [
        None,
        "",
        "   ",
        "!!!",
        "\x00",
        "Heule\x00",
        "\ufffd\ufffd",
        "x" * 100_000,
        "8500" * 1000,
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "%",
        "_",
        12345,
        ["Heule"],
    ],
)
def test_junk_never_raises(junk):
    result = find_places(junk)
    assert len(result.query) <= MAX_QUERY
    assert isinstance(result.suggestions, list)


def test_queries_are_cleaned_and_parsed():
    assert clean_query("  Heule\x00 \n") == "Heule"
    assert parse_query("8501 Sint-Eloois-Vijve") == ("8501", "sint eloois vijve")
    assert parse_query("Heule") == ("", "heule")
    assert parse_query("85010") == ("", "85010")
    assert fold_place("Ségur-l'Église") == "segur l eglise"


def _config(slug):
    return load_sites(settings.SITES_DIR, settings.THEMES_DIR).municipalities[slug]


def test_sync_stores_every_place_once_and_twice_changes_nothing():
    kortrijk = Municipality.objects.get(slug="kortrijk")
    names = set(Place.objects.filter(municipality=kortrijk).values_list("postcode", "name"))
    assert ("8501", "Heule") in names and ("8510", "Marke") in names
    assert len(names) == 8
    changes = []
    ensure_places(kortrijk, _config("kortrijk"), changes)
    assert changes == []


def test_sync_adds_renames_and_removes_places():
    kortrijk = Municipality.objects.get(slug="kortrijk")
    Place.objects.filter(municipality=kortrijk, name="Aalbeke").delete()
    Place.objects.filter(municipality=kortrijk, name="Heule").update(name="HEULE")
    Place.objects.create(municipality=kortrijk, postcode="8500", name="Oud", folded="oud")
    changes = []
    ensure_places(kortrijk, _config("kortrijk"), changes)
    assert sorted(changes) == [
        "add place 8511 Aalbeke",
        "remove place 8500 Oud",
        "update place 8501 Heule: name",
    ]
    again = []
    ensure_places(kortrijk, _config("kortrijk"), again)
    assert again == []


def test_sync_stores_the_neighbours_idempotently():
    region = load_sites(settings.SITES_DIR, settings.THEMES_DIR).region
    assert Place.objects.filter(municipality=None, outside_name="Wielsbeke").count() == 3
    changes = []
    ensure_neighbours(region, changes)
    assert changes == []
    Place.objects.create(outside_name="Gone", postcode="9999", name="Gone", folded="gone")
    ensure_neighbours(region, changes)
    assert changes == ["remove neighbouring place 9999 Gone"]
