"""/zoeken/: the municipality's own results first, its neighbours' labelled after, local
services collapsed, facets, paging, help when nothing is found, and no input that breaks it.

The sites' standard pages (privacy, contact, ...) exist on all 13 sites after sync_sites,
so "privacy" has one result per municipality.
"""

import re

import pytest
from django.test import override_settings

from search.backends import BackendUnavailable, EmbeddedBackend

from .front import ask, body_of, offered_service, section

pytestmark = pytest.mark.django_db


def search(client, q, slug="kortrijk", prefix="", **params):
    return ask(client, f"{prefix}/zoeken/", slug, q=q, **params)


def titles_links(html):
    return re.findall(r'<h3 class="search-result__title"><a href="([^"]+)"', html)


def test_own_results_first_then_neighbours_labelled(client):
    body = body_of(search(client, "privacy"))
    own, neighbours = section(body, "search-own"), section(body, "search-neighbours")
    assert titles_links(own) == ["http://kortrijk.localhost:8000/privacy/"]
    links = titles_links(neighbours)
    assert links and all("kortrijk" not in link for link in links)
    assert body.index('id="search-own"') < body.index('id="search-neighbours"')
    # Each neighbour's result names its municipality.
    labels = re.findall(r'class="search-result__municipality">([^<]+)<', neighbours)
    assert len(labels) == len(links)
    assert labels[0] in {"Anzegem", "Gemeente Anzegem"}


def test_regional_landing_lists_everything_as_the_regions(client):
    body = body_of(search(client, "privacy", slug="region"))
    assert not section(body, "search-own")
    assert len(titles_links(section(body, "search-neighbours"))) == 10


def test_local_service_collapses_into_the_own_one(client):
    offered_service(["kortrijk", "kuurne", "menen"])
    body = body_of(search(client, "zwembadabonnement"))
    own = section(body, "search-own")
    assert titles_links(own) == ["http://kortrijk.localhost:8000/diensten/zwembadabonnement/"]
    assert re.search(r'class="search-result__also">[^<]*\b2\b', own)
    assert "zwembadabonnement" not in section(body, "search-neighbours")


def test_snippets_are_highlighted_and_nothing_else_is_html(client):
    body = body_of(search(client, "persoonsgegevens"))
    snippets = re.findall(r'<p class="search-result__snippet">(.*?)</p>', body, re.S)
    assert snippets and "<mark>" in snippets[0]
    assert all(not re.search(r"<(?!/?mark>)", snippet) for snippet in snippets)


def test_municipality_facet_filters_and_can_be_cleared(client):
    body = body_of(search(client, "privacy", gemeente="kuurne"))
    assert titles_links(body) == ["http://kuurne.localhost:8000/privacy/"]
    assert re.search(r'name="gemeente" value="kuurne" checked', body)
    assert 'href="?q=privacy"' in body  # clear all filters
    assert "1 result" in body or "1 resultaat" in body


def test_unknown_facet_values_and_pages_are_ignored(client):
    plain = body_of(search(client, "privacy"))
    odd = body_of(
        search(
            client,
            "privacy",
            gemeente=["atlantis", "'; DROP TABLE x"],
            thema="Geen",
            levensloop="\x00",
            type="auth.user",
            taal="xx",
            page="-3",
        )
    )
    count = re.compile(r'<p class="search-count" role="status">(.*?)</p>')
    assert count.search(plain).group(1) == count.search(odd).group(1)


def test_paging_links_and_current_page(client):
    first = body_of(search(client, "privacy", slug="region"))
    assert '<link rel="next" href="?q=privacy&amp;page=2">' in first
    assert 'aria-current="page"><span class="visually-hidden">' in first
    second = body_of(search(client, "privacy", slug="region", page="2"))
    assert '<link rel="prev" href="?q=privacy">' in second
    assert re.search(r'href="\?q=privacy&amp;page=2" aria-current="page"', second)
    assert len(titles_links(second)) == 3  # 13 municipalities, 10 a page


def test_page_past_the_end_shows_the_last_page(client):
    response = search(client, "privacy", slug="region", page="999")
    assert response.status_code == 200
    assert re.search(r'page=2" aria-current="page"', body_of(response))


def test_zero_results_offer_help_and_contact(client):
    offered_service(["kortrijk"], popular=True, identifier="parkeerkaart")
    body = body_of(search(client, "qqxzvw"))
    help_ = section(body, "search-help")
    assert help_
    assert "/diensten/parkeerkaart/" in help_
    assert 'href="tel:' in help_ and 'href="mailto:' in help_
    assert "Stadhuis" in help_  # the desk's name, with today's hours beside it
    assert 'id="search-filters"' not in body  # nothing to filter


def test_a_typo_shows_the_results_of_the_suggestion(client):
    body = body_of(search(client, "privasy"))
    corrected = re.search(r'<p class="search-suggestion">(.*?)</p>', body, re.S)
    assert corrected, "no correction for a typo"
    assert "privasy" in corrected.group(1) and "privacy" in corrected.group(1)
    assert titles_links(section(body, "search-own")) == ["http://kortrijk.localhost:8000/privacy/"]
    assert 'value="privacy"' in body  # the form holds what is shown


class UnreachableBackend(EmbeddedBackend):
    """A configured backend that is down: search must fall back and say so."""

    embedded = False

    def __init__(self, **options):
        pass

    def search(self, query):
        raise BackendUnavailable("down")

    def autocomplete(self, prefix, municipality, locale, limit=8):
        raise BackendUnavailable("down")


@override_settings(
    JOINT_SEARCH={"BACKEND": "tests.search.test_results_page.UnreachableBackend", "OPTIONS": {}}
)
def test_fallback_is_announced(client):
    body = body_of(search(client, "privacy"))
    assert 'class="search-notice"' in body
    assert titles_links(section(body, "search-own"))


def test_form_is_a_plain_get_form_without_csrf(client):
    response = search(client, "privacy")
    body = body_of(response)
    assert re.search(
        r'<form class="search-form search-form--page" role="search"[^>]*method="get"', body
    )
    assert "csrfmiddlewaretoken" not in body
    assert "csrftoken" not in response.cookies


def test_count_is_announced_politely(client):
    body = body_of(search(client, "privacy"))
    assert re.search(r'<p class="search-count" role="status">13 ', body)


def test_empty_query_shows_the_form(client):
    response = search(client, "")
    assert response.status_code == 200
    assert 'name="q"' in body_of(response)
    assert "search-count" not in body_of(response)


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "AND OR NOT (",
        "*",
        "x" * 10_000,
        "\x00\x07control",
        "'; DROP TABLE wagtailcore_page; --",
        "identiteitskaart 身份证 بطاقة",
        "NEAR(a b)",
        "title:privacy^3 ~2",
        "<script>alert(1)</script>",
        "%",
    ],
)
def test_hostile_queries_never_break_it(client, query):
    response = search(client, query, page="1e9", gemeente=query, thema=query)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in body_of(response)


def test_undecodable_bytes_never_break_it(client):
    response = client.get(
        "/zoeken/?q=%FF%FE%80&gemeente=%C0&page=%FF", HTTP_HOST="kortrijk.localhost:8000"
    )
    assert response.status_code == 200


def test_post_is_refused_not_an_error(client):
    response = client.post("/zoeken/", {"q": "x"}, HTTP_HOST="kortrijk.localhost:8000")
    assert response.status_code == 405


def test_french_site_searches_french_pages(client):
    response = search(client, "services", prefix="/fr")
    assert response.status_code == 200
    assert "/fr/diensten/" in body_of(response)
