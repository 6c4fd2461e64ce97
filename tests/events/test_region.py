import shutil
from pathlib import Path

import pytest
from django.conf import settings

from cms.municipalities.config import SiteConfigError, parse_municipality, read_toml


@pytest.fixture
def kortrijk_file(tmp_path):
    def write(extra):
        path = tmp_path / "kortrijk.toml"
        shutil.copy(Path(settings.SITES_DIR) / "kortrijk.toml", path)
        path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
        defaults = read_toml(Path(settings.SITES_DIR) / "_defaults.toml", SiteConfigError)
        return parse_municipality(path, defaults)

    return write


def test_the_event_postcodes_default_to_the_places(kortrijk_file):
    assert kortrijk_file("").event_postcodes == ("8500", "8501", "8510", "8511")


def test_the_uitdatabank_key_sets_the_event_postcodes(kortrijk_file):
    config = kortrijk_file('\n[uitdatabank]\npostcodes = ["8500", "8500", "8501"]\n')
    assert config.event_postcodes == ("8500", "8501")


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('postcodes = ["85OO"]', "uitdatabank.postcodes[0]"),
        ("postcodes = []", "non-empty list of postcodes"),
        ('postcodes = "8500"', "non-empty list of postcodes"),
        ('postcode = ["8500"]', "uitdatabank"),
    ],
)
def test_a_wrong_uitdatabank_key_is_refused(kortrijk_file, table, message):
    with pytest.raises(SiteConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        kortrijk_file(f"\n[uitdatabank]\n{table}\n")
