"""The demo's data files (cms/demo/data/): every shipped file loads, and a wrong file is
refused with the file, the key and the reason."""

import tomllib

import pytest

from cms.demo.content import NEWS_TOPICS as TOPICS
from cms.demo.datafiles import DATA_DIR, FACTS, DemoDataError, default_facts, load_facts
from cms.demo.events import SLOTS, load_slots
from cms.demo.forms import CONTACT_SLUG, FORMS, REPORT_SLUG
from cms.demo.locations import PAGES, check_venues
from cms.demo.services.local import PROFILES, load_profile
from cms.demo.services.regional import SPECS, load_catalogue, load_services
from cms.demo.services.regional import TOPICS as SERVICE_TOPICS

SERVICE = """
[[services]]
identifier = "proefdienst"
name = "Proefdienst"
short = "Een dienst om de lader te proberen."
description = ["Eén alinea."]
keywords = "proef"
service_type = "Bewijs"
themes = ["BurgerOverheid"]
"""

MUNICIPALITY = """
deelgemeenten = []
intro = "Proefdorp ligt aan de Leie."
history = ["Eén alinea."]
streets = ["Kerkstraat", "Molenstraat", "Schoolstraat", "Stationsstraat"]
square = "Markt"
hall = "zaal De Proef"
walk = "de Leieboorden"
library = { address = "Markt 1", hours = "village" }

[event]
slug = "proeffeest"
title = "Proeffeest"
place = "Markt, Proefdorp"
summary = "Een feest."
text = "Met muziek."

[services]
eid = "22.00"
surcharge = "2.00"
appointments = false
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def refusal(load, path):
    with pytest.raises(DemoDataError) as caught:
        load(path)
    return caught.value.path.name, caught.value.key, caught.value.message


def test_every_shipped_data_file_is_valid_toml():
    files = sorted(DATA_DIR.rglob("*.toml"))
    assert len(files) >= 8 + 13 + 5
    for path in files:
        with path.open("rb") as handle:
            assert tomllib.load(handle), path


def test_every_shipped_data_file_loads():
    assert {path.stem for path in (DATA_DIR / "services").glob("*.toml")} == set(SERVICE_TOPICS)
    assert len(SPECS) == 45
    slugs = {path.stem for path in (DATA_DIR / "municipalities").glob("[!_]*.toml")}
    assert {facts.slug for facts in FACTS} == set(PROFILES) == slugs
    for slug in slugs:
        path = DATA_DIR / "municipalities" / f"{slug}.toml"
        assert load_facts(path).slug == slug
        assert load_profile(path).eid
    check_venues()
    assert [len(texts) for texts in TOPICS] == [3] * 6
    assert len(SLOTS) == 5
    assert {"town_hall", "library", "recycling"} == set(PAGES)
    assert {form["slug"] for form in FORMS["forms"]} == {CONTACT_SLUG, REPORT_SLUG}


def test_a_minimal_service_loads_with_the_defaults(tmp_path):
    (spec,) = load_services(write(tmp_path, "proef.toml", SERVICE))
    fields = spec.fields()
    assert fields["identifier"] == "proefdienst"
    assert fields["description"] == "<p>Eén alinea.</p>"
    assert fields["audiences"] == ["Burger"]
    assert spec.channels.desk == "hall"
    assert spec.channels.phone


def test_an_unknown_key_is_refused_with_file_key_and_reason(tmp_path):
    path = write(tmp_path, "proef.toml", SERVICE + 'colour = "blauw"\n')
    name, key, message = refusal(load_services, path)
    assert (name, key) == ("proef.toml", "services[0].colour")
    assert message.startswith("unknown key")


def test_a_missing_key_is_refused_with_file_key_and_reason(tmp_path):
    path = write(tmp_path, "proef.toml", SERVICE.replace('keywords = "proef"\n', ""))
    assert refusal(load_services, path) == (
        "proef.toml",
        "services[0].keywords",
        "missing required key",
    )


def test_a_value_of_the_wrong_kind_is_refused(tmp_path):
    path = write(tmp_path, "proef.toml", SERVICE + 'popular = "ja"\n')
    assert refusal(load_services, path) == (
        "proef.toml",
        "services[0].popular",
        "expected true or false, got 'ja'",
    )


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('themes = ["Sport"]', "services[0].themes[0]"),
        ('life_events = ["verhuis"]', "services[0].life_events[0]"),
        ('audiences = ["Burgers"]', "services[0].audiences[0]"),
        ('service_type = "Attest"', "services[0].service_type"),
    ],
)
def test_a_code_outside_the_vocabularies_is_refused(tmp_path, line, key):
    name = line.split(" = ")[0]
    text = "\n".join(row for row in SERVICE.splitlines() if not row.startswith(f"{name} ="))
    path = write(tmp_path, "proef.toml", f"{text}\n{line}\n")
    refused = refusal(load_services, path)
    assert refused[:2] == ("proef.toml", key)
    assert "is not one of" in refused[2]


def test_an_amount_must_be_a_string_with_two_decimals(tmp_path):
    path = write(
        tmp_path, "proef.toml", SERVICE + "\n[[services.costs]]\ntitle = 'Aanvraag'\namount = 20\n"
    )
    assert refusal(load_services, path)[1] == "services[0].costs[0].amount"


def test_a_service_in_two_files_is_refused(tmp_path):
    write(tmp_path, "een.toml", SERVICE)
    write(tmp_path, "twee.toml", SERVICE)
    assert refusal(lambda folder: load_catalogue(folder, ("een", "twee")), tmp_path) == (
        "twee.toml",
        "services[0].identifier",
        "'proefdienst' is also a service in een.toml",
    )


def test_broken_toml_is_refused_with_the_file(tmp_path):
    path = write(tmp_path, "proef.toml", SERVICE + "name = \n")
    name, key, message = refusal(load_services, path)
    assert (name, key) == ("proef.toml", "")
    assert message.startswith("invalid TOML")


def test_a_municipality_file_loads_its_facts_and_profile(tmp_path):
    path = write(tmp_path, "proefdorp.toml", MUNICIPALITY)
    facts, profile = load_facts(path), load_profile(path)
    assert (facts.slug, facts.library.address, facts.recycling) == ("proefdorp", "Markt 1", None)
    assert (profile.eid, profile.opt_out, profile.pages) == ("22.00", (), {})


def test_a_profile_naming_an_unknown_service_is_refused(tmp_path):
    path = write(tmp_path, "proefdorp.toml", MUNICIPALITY + 'opt_out = ["paspoort"]\n')
    name, key, message = refusal(load_profile, path)
    assert (name, key) == ("proefdorp.toml", "services.opt_out[0]")
    assert "'paspoort' is not a regional service" in message


def test_a_local_page_of_an_unknown_service_is_refused(tmp_path):
    text = MUNICIPALITY + '\n[local.paspoort]\nprocessing_time = "Een week."\n'
    path = write(tmp_path, "proefdorp.toml", text)
    name, key, message = refusal(load_profile, path)
    assert (name, key) == ("proefdorp.toml", "local.paspoort")
    assert message.startswith("unknown key")


def test_facts_need_four_streets(tmp_path):
    text = MUNICIPALITY.replace('"Schoolstraat", "Stationsstraat"', '"Schoolstraat"')
    path = write(tmp_path, "proefdorp.toml", text)
    assert refusal(load_facts, path) == (
        "proefdorp.toml",
        "streets",
        "expected four streets, got 3",
    )


def test_an_unknown_opening_hours_pattern_is_refused():
    facts = default_facts("proefdorp", short="Proefdorp", street="Markt", address="Markt 1")
    facts.library.hours = "metropool"
    with pytest.raises(DemoDataError) as caught:
        check_venues([facts])
    assert (caught.value.path.name, caught.value.key) == ("proefdorp.toml", "library.hours")


def test_a_municipality_without_a_file_gets_the_default_facts():
    facts = default_facts("proefdorp", short="Proefdorp", street="Markt", address="Markt 1")
    assert facts.intro == "Proefdorp is een van de gemeenten van Zuid-West-Vlaanderen."
    assert (facts.square, facts.library.address) == ("Markt", "Markt 1")
    assert facts.event.title == "Dorpsfeest in Proefdorp"


def test_an_event_on_an_unknown_weekday_is_refused(tmp_path):
    text = (DATA_DIR / "events.toml").read_text(encoding="utf-8")
    path = write(
        tmp_path, "events.toml", text.replace('weekday = "wednesday"', 'weekday = "woensdag"', 1)
    )
    name, key, message = refusal(load_slots, path)
    assert (name, key) == ("events.toml", "slots[0].events[0].weekday")
    assert "'woensdag' is not one of" in message


def test_a_body_block_of_an_unknown_kind_is_refused(tmp_path):
    text = (DATA_DIR / "events.toml").read_text(encoding="utf-8")
    path = write(tmp_path, "events.toml", text.replace("{ p = ", "{ alinea = ", 1))
    name, key, message = refusal(load_slots, path)
    assert (name, key) == ("events.toml", "slots[0].events[0].body[0]")
    assert message.startswith("expected a table with one of the keys")
