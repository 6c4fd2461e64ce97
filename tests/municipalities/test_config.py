import shutil
from pathlib import Path

import pytest
from django.conf import settings

from cms.municipalities.config import load_sites

SITES = Path(settings.SITES_DIR)
DEMO = [
    "anzegem", "avelgem", "deerlijk", "harelbeke", "kortrijk", "kuurne", "lendelede",
    "menen", "spiere-helkijn", "waregem", "wervik", "wevelgem", "zwevegem",
]  # fmt: skip


@pytest.fixture
def sites_dir(tmp_path):
    """A copy of the real sites/ directory that a test may break."""
    target = tmp_path / "sites"
    shutil.copytree(SITES, target)
    return target


def load(directory):
    return load_sites(directory, settings.THEMES_DIR)


def only_error(result, filename):
    errors = [e for e in result.errors if e.path.name == filename]
    assert len(errors) == 1, result.errors
    return errors[0]


def test_the_demo_region_loads_thirteen_municipalities_without_errors():
    result = load(SITES)
    assert result.errors == []
    assert sorted(result.municipalities) == DEMO
    assert result.region.development_hostname == "localhost"


def test_a_municipality_inherits_defaults_and_public_holidays():
    kuurne = load(SITES).municipalities["kuurne"]
    assert kuurne.languages == ("nl",)
    assert kuurne.theme == "kuurne"
    assert kuurne.development_hostname == "kuurne.localhost"
    assert "Kerstmis" in {day.reason for day in kuurne.desk.hours.closed}


def test_services_take_three_shapes():
    region = load(SITES).municipalities
    assert region["kortrijk"].services.includes("identiteitskaart")
    assert not region["lendelede"].services.includes("evenementenvergunning")
    assert region["lendelede"].services.includes("identiteitskaart")


def write(directory, name, text):
    (directory / name).write_text(text, encoding="utf-8")


def replace(directory, name, old, new):
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_invalid_toml_is_refused_and_the_others_still_load(sites_dir):
    write(sites_dir, "kuurne.toml", 'slug = "kuurne"\nname = \n')
    result = load(sites_dir)
    error = only_error(result, "kuurne.toml")
    assert "invalid TOML" in str(error)
    assert "kuurne" not in result.municipalities
    assert len(result.municipalities) == 12


def test_unknown_key_suggests_the_nearest(sites_dir):
    replace(sites_dir, "menen.toml", "short_name =", "shortname =")
    error = only_error(load(sites_dir), "menen.toml")
    assert error.key == "shortname"
    assert "did you mean 'short_name'" in error.message


def test_unknown_nested_key_names_the_full_path(sites_dir):
    replace(sites_dir, "menen.toml", "[contact]\n", '[contact]\nfax = "056"\n')
    error = only_error(load(sites_dir), "menen.toml")
    assert error.key == "contact.fax"


def test_missing_required_key(sites_dir):
    text = (sites_dir / "wervik.toml").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("email")]
    write(sites_dir, "wervik.toml", "\n".join(lines))
    error = only_error(load(sites_dir), "wervik.toml")
    assert (error.key, error.message) == ("contact.email", "missing required key")


def test_two_files_claiming_one_hostname_are_both_refused(sites_dir):
    replace(sites_dir, "kuurne.toml", '"www.kuurne.be"', '"www.kortrijk.be"')
    result = load(sites_dir)
    for name in ("kuurne.toml", "kortrijk.toml"):
        error = only_error(result, name)
        assert "www.kortrijk.be" in error.message
    assert "kortrijk" not in result.municipalities


def test_unknown_theme(sites_dir):
    replace(sites_dir, "kortrijk.toml", 'theme = "kortrijk"', 'theme = "kortrjik"')
    error = only_error(load(sites_dir), "kortrijk.toml")
    assert error.key == "theme"
    assert "did you mean 'kortrijk'" in error.message


def test_unsupported_language(sites_dir):
    replace(sites_dir, "kortrijk.toml", '["nl", "fr", "en"]', '["nl", "fr", "xx"]')
    error = only_error(load(sites_dir), "kortrijk.toml")
    assert error.key == "languages"
    assert "unsupported language 'xx'" in error.message


def test_dutch_must_come_first(sites_dir):
    replace(sites_dir, "kortrijk.toml", '["nl", "fr", "en"]', '["fr", "nl"]')
    assert "Dutch comes first" in only_error(load(sites_dir), "kortrijk.toml").message


@pytest.mark.parametrize(
    ("hours", "fragment"),
    [('["08:30-12:30", "12:00-17:00"]', "overlap"), ('["half negen"]', "is not a period")],
)
def test_opening_hours_that_do_not_parse_or_overlap(sites_dir, hours, fragment):
    replace(
        sites_dir, "kortrijk.toml", 'monday = ["08:30-12:30", "13:30-17:00"]', f"monday = {hours}"
    )
    error = only_error(load(sites_dir), "kortrijk.toml")
    assert error.key == "desk.hours.monday"
    assert fragment in error.message


def test_slug_must_match_the_file_name(sites_dir):
    replace(sites_dir, "kortrijk.toml", 'slug = "kortrijk"', 'slug = "courtrai"')
    assert only_error(load(sites_dir), "kortrijk.toml").key == "slug"


def test_a_broken_file_does_not_leak_into_the_defaults_of_others(sites_dir):
    write(sites_dir, "aaa.toml", 'name = "X"\n')
    result = load(sites_dir)
    only_error(result, "aaa.toml")
    assert len(result.municipalities) == 13


def test_register_and_review_intervals_default_to_formal_six_and_twelve_months():
    kuurne = load(SITES).municipalities["kortrijk"]
    assert kuurne.register == "formal"
    assert kuurne.review_months == {"services": 6, "pages": 12}


def test_a_municipality_overrides_one_review_interval_and_keeps_the_other(sites_dir):
    replace(sites_dir, "menen.toml", "[contact]\n", "[review]\nservices = 3\n\n[contact]\n")
    menen = load(sites_dir).municipalities["menen"]
    assert menen.review_months == {"services": 3, "pages": 12}


def test_an_unknown_register_is_refused(sites_dir):
    replace(sites_dir, "menen.toml", 'slug = "menen"\n', 'slug = "menen"\nregister = "casual"\n')
    error = only_error(load(sites_dir), "menen.toml")
    assert (error.key, error.message) == (
        "register",
        "expected one of 'formal', 'informal', got 'casual'",
    )


@pytest.mark.parametrize("months", ["0", "61", '"six"', "6.5", "true"])
def test_a_review_interval_outside_one_to_sixty_months_is_refused(sites_dir, months):
    replace(sites_dir, "menen.toml", "[contact]\n", f"[review]\npages = {months}\n\n[contact]\n")
    error = only_error(load(sites_dir), "menen.toml")
    assert error.key == "review.pages"
    assert error.message.startswith("expected a whole number of months from 1 to 60")


def test_two_demo_municipalities_address_citizens_informally():
    region = load(SITES).municipalities
    assert sorted(slug for slug, m in region.items() if m.register == "informal") == [
        "anzegem",
        "zwevegem",
    ]
