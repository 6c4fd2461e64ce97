"""A merger of three (Menen, Wervik and Spiere-Helkijn into "Leiestreek"), two of them
with a French tree: the French pages are joined too, clashes renamed, and every old
address in either language answers 301 with the matching new page."""

import shutil
from pathlib import Path

import pytest
from wagtail.models import Page

from cms.municipalities.models import Municipality
from cms.news.models import NewsArticlePage
from tests.tables import table_counts

from .mergers import add_news, home_of, page_at, sync, write_merger, wrong_redirects

pytestmark = pytest.mark.django_db
OLD = ("menen", "wervik", "spiere-helkijn")


@pytest.fixture
def sites_dir(tmp_path, settings):
    target = tmp_path / "sites"
    shutil.copytree(Path(settings.SITES_DIR), target)
    settings.SITES_DIR = target
    return target


@pytest.fixture
def merged(sites_dir):
    pages = {
        "menen_fr": add_news(home_of("menen", "fr"), "marche", "Marché à Menin"),
        "spiere_fr": add_news(home_of("spiere-helkijn", "fr"), "marche", "Marché à Espierres"),
        "wervik": add_news(home_of("wervik"), "tabaksfeesten", "Tabaksfeesten"),
        "spiere": add_news(home_of("spiere-helkijn"), "tabaksfeesten", "Ook tabaksfeesten"),
    }
    write_merger(sites_dir, "leiestreek", OLD, languages=("nl", "fr"))
    out, err, error = sync()
    assert error is None, err
    return pages, out


def test_three_municipalities_become_one_in_both_languages(merged):
    pages, out = merged
    assert not Municipality.objects.filter(slug__in=OLD).exists()
    assert page_at("leiestreek", "nieuws/marche/", "fr").pk == pages["menen_fr"].pk
    assert page_at("leiestreek", "nieuws/marche-spiere-helkijn/", "fr").pk == pages["spiere_fr"].pk
    assert page_at("leiestreek", "nieuws/tabaksfeesten/").pk == pages["wervik"].pk
    assert page_at("leiestreek", "nieuws/tabaksfeesten-spiere-helkijn/").pk == pages["spiere"].pk
    fr_news = Page.objects.child_of(home_of("leiestreek", "fr")).get(slug="nieuws")
    assert NewsArticlePage.objects.child_of(fr_news).live().count() == 2
    for slug in OLD:
        assert f"leiestreek: merge {slug}:" in out


# Old address -> the new page it answers with, in both languages (one merger for them all).
OLD_ADDRESSES = [
    ("menen.localhost:8000", "/fr/", "/fr/"),
    ("menen.localhost:8000", "/fr/nieuws/marche/", "/fr/nieuws/marche/"),
    ("spiere-helkijn.localhost:8000", "/fr/nieuws/marche/", "/fr/nieuws/marche-spiere-helkijn/"),
    (
        "spiere-helkijn.localhost:8000",
        "/nieuws/tabaksfeesten/",
        "/nieuws/tabaksfeesten-spiere-helkijn/",
    ),
    ("wervik.localhost:8000", "/nieuws/tabaksfeesten/", "/nieuws/tabaksfeesten/"),
    ("wervik.localhost:8000", "/contact/", "/contact/"),
]


def test_old_addresses_in_every_language_answer_301(merged, client):
    wrong = wrong_redirects(client, OLD_ADDRESSES, "leiestreek.localhost:8000")
    assert not wrong, "\n".join(wrong)


def test_the_merger_of_three_is_idempotent(merged):
    before = table_counts()
    out, err, error = sync()
    assert error is None, err
    assert "leiestreek: unchanged" in out
    assert table_counts() == before
