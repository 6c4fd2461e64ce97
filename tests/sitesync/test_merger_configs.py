"""Mergers that cannot be: a clear error naming the file, the key and the reason, and
nothing written."""

import shutil
from pathlib import Path

import pytest

from cms.municipalities.config import load_sites
from cms.municipalities.models import Municipality
from tests.tables import table_counts

from .mergers import sync, write_merger

# The tests read the English messages (the admin and the commands speak Dutch by default).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


@pytest.fixture
def sites_dir(tmp_path, settings):
    target = tmp_path / "sites"
    shutil.copytree(Path(settings.SITES_DIR), target)
    settings.SITES_DIR = target
    return target


@pytest.mark.parametrize(
    ("merges_line", "message"),
    [
        ('merges = "anzegem"', "kwaremont.toml: merges: expected a non-empty list"),
        ("merges = []", "kwaremont.toml: merges: expected a non-empty list"),
        ("merges = [1, 2]", "kwaremont.toml: merges[0]:"),
        ('merges = { a = "anzegem" }', "kwaremont.toml: merges: expected a non-empty list"),
        ('merges = ["Anzegem"]', "kwaremont.toml: merges[0]:"),
        ('merges = ["anz\\u0000egem"]', "kwaremont.toml: merges[0]:"),
        (f'merges = ["{"a" * 5000}"]', "kwaremont: refused: merges: no municipality 'aaaa"),
        ('merges = ["anzegem", "anzegem"]', "kwaremont.toml: merges: a municipality is listed"),
        ('merges = ["kwaremont"]', "kwaremont.toml: merges: a municipality cannot merge itself"),
    ],
)
def test_a_malformed_merges_key_is_refused(sites_dir, merges_line, message):
    write_merger(sites_dir, "kwaremont", (), merges_line=merges_line)
    before = table_counts()
    _out, err, error = sync()
    assert error is not None
    assert message in err
    assert table_counts() == before
    assert not Municipality.objects.filter(slug="kwaremont").exists()


def test_a_municipality_merged_into_two_files_refuses_both(sites_dir):
    write_merger(sites_dir, "kwaremont", ["anzegem", "avelgem"])
    write_merger(sites_dir, "schelde", ["avelgem"])
    before = table_counts()
    _out, err, error = sync()
    assert error is not None
    assert "kwaremont.toml: merges: 'avelgem' is also merged by schelde.toml" in err
    assert "schelde.toml: merges: 'avelgem' is also merged by kwaremont.toml" in err
    assert table_counts() == before
    assert Municipality.objects.filter(slug="avelgem").exists()


def test_a_chain_of_mergers_is_refused(sites_dir):
    write_merger(sites_dir, "kwaremont", ["anzegem"])
    with (sites_dir / "anzegem.toml").open("r+") as file:
        text = file.read()
        file.seek(0)
        file.write('merges = ["avelgem"]\n' + text)
    directory = load_sites(sites_dir, Path(sites_dir).parent.parent / "themes")
    assert not directory.merged
    before = table_counts()
    _out, err, error = sync()
    assert error is not None
    assert "kwaremont.toml: merges: 'anzegem' merges avelgem itself" in err
    assert "anzegem.toml: merges: merged into kwaremont.toml itself" in err
    assert table_counts() == before


def test_merging_a_municipality_that_does_not_exist_writes_nothing(sites_dir):
    write_merger(sites_dir, "kwaremont", ["anzegem", "nergens"])
    before = table_counts()
    _out, err, error = sync()
    assert error is not None
    assert "kwaremont: refused: merges: no municipality 'nergens' to merge" in err
    assert table_counts() == before
    assert Municipality.objects.filter(slug="anzegem").exists()


def test_a_merger_that_would_drop_a_language_writes_nothing(sites_dir):
    write_merger(sites_dir, "leiestreek", ["wervik", "menen"])
    before = table_counts()
    _out, err, error = sync()
    assert error is not None
    assert "leiestreek: refused: merges: menen has pages in fr, which languages does not" in err
    assert table_counts() == before
