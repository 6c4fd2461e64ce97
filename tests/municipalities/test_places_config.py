"""The places key of sites/<slug>.toml and the neighbours of _region.toml: read, checked,
and refused with the file, the key and the reason."""

import pytest

from cms.municipalities.placenames import PlaceNames

from .test_config import SITES, load, only_error, replace, sites_dir  # noqa: F401 - fixture

KORTRIJK_PLACES = '{ postcode = "8501", names = ["Heule", "Bissegem"] }'


def test_every_municipality_of_the_demo_has_places():
    result = load(SITES)
    assert result.errors == []
    for config in result.municipalities.values():
        assert config.places, config.slug
    assert PlaceNames("8501", ("Heule", "Bissegem")) in result.municipalities["kortrijk"].places
    assert [p.names for p in result.municipalities["spiere-helkijn"].places] == [
        ("Spiere-Helkijn", "Spiere", "Helkijn")
    ]


def test_the_region_lists_its_neighbours():
    neighbours = load(SITES).region.neighbours
    wielsbeke = next(n for n in neighbours if n.municipality == "Wielsbeke")
    assert wielsbeke.postcode == "8710"
    assert "Ooigem" in wielsbeke.names
    assert wielsbeke.website == "https://www.wielsbeke.be"
    assert {"Mouscron", "Moeskroen"} <= set(
        next(n for n in neighbours if n.municipality == "Mouscron").names
    )


@pytest.mark.parametrize(
    ("new", "key", "message"),
    [
        ('{ postcode = "850", names = ["Heule"] }', "places[1].postcode", "four digits"),
        ('{ postcode = 8501, names = ["Heule"] }', "places[1].postcode", "non-empty string"),
        ('{ postcode = "8501", names = [] }', "places[1].names", "non-empty list"),
        ('{ postcode = "8501", names = "Heule" }', "places[1].names", "non-empty list"),
        ('{ postcode = "8501", names = [""] }', "places[1].names[0]", "non-empty string"),
        ('{ postcode = "8501", names = ["--"] }', "places[1].names", "letter or digit"),
        ('{ postcode = "8501", names = ["Heule", "heule"] }', "places[1].names", "twice"),
        ('{ postcode = "8501" }', "places[1].names", "missing required key"),
        ('{ postcode = "8501", names = ["Heule"], town = "x" }', "places[1].town", "unknown key"),
        ('"8501"', "places[1]", "expected a table"),
        (
            '{ postcode = "8500", names = ["Kortrijk"] }',
            "places[1]",
            "8500 Kortrijk is listed twice",
        ),
    ],
)
def test_a_bad_place_is_refused_with_its_key(sites_dir, new, key, message):  # noqa: F811
    replace(sites_dir, "kortrijk.toml", KORTRIJK_PLACES, new)
    error = only_error(load(sites_dir), "kortrijk.toml")
    assert error.key == key
    assert message in error.message


def test_places_must_be_a_non_empty_list(sites_dir):  # noqa: F811
    path = sites_dir / "kuurne.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("places = [")
    end = text.index("]\n", text.index("}", start)) + 2
    path.write_text(text[:start] + "places = []\n" + text[end:], encoding="utf-8")
    error = only_error(load(sites_dir), "kuurne.toml")
    assert error.key == "places"


def test_a_place_claimed_by_two_municipalities_refuses_both(sites_dir):  # noqa: F811
    replace(sites_dir, "menen.toml", '"Menen", "Lauwe"', '"Menen", "Lauwe", "Heule"')
    replace(sites_dir, "menen.toml", 'postcode = "8930", names', 'postcode = "8501", names')
    result = load(sites_dir)
    for name, other in (("menen.toml", "kortrijk.toml"), ("kortrijk.toml", "menen.toml")):
        error = only_error(result, name)
        assert error.key == "places"
        assert "8501 Heule is also claimed by" in error.message and other in error.message
    assert "menen" not in result.municipalities


def test_a_postcode_shared_under_other_names_is_allowed(sites_dir):  # noqa: F811
    replace(sites_dir, "harelbeke.toml", 'postcode = "8531"', 'postcode = "8501"')
    result = load(sites_dir)
    assert result.errors == []
    assert "8501" in [p.postcode for p in result.municipalities["harelbeke"].places]


def test_a_place_claimed_by_a_neighbour_too_is_refused(sites_dir):  # noqa: F811
    replace(sites_dir, "_region.toml", '"Wielsbeke", "Ooigem"', '"Wielsbeke", "Ooigem", "Heule"')
    replace(sites_dir, "_region.toml", 'postcode = "8710"', 'postcode = "8501"')
    error = only_error(load(sites_dir), "kortrijk.toml")
    assert "_region.toml" in error.message


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('website = "https://www.wielsbeke.be"', 'website = "http://www.wielsbeke.be"', "website"),
        ('municipality = "Wielsbeke"', 'municipality = ""', "municipality"),
        ('postcode = "8710"', 'postcode = "871"', "postcode"),
        ('postcode = "8710"', 'zip = "8710"', "zip"),
    ],
)
def test_a_bad_neighbour_is_refused_with_its_key(sites_dir, old, new, key):  # noqa: F811
    replace(sites_dir, "_region.toml", old, new)
    result = load(sites_dir)
    error = only_error(result, "_region.toml")
    assert error.key.startswith("neighbours[0]")
    assert error.key.endswith(key) or key in error.key
    assert result.region is None
