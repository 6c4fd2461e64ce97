"""Any query string is safe: thousands of hostile strings against the embedded backends
(the database's own, and SQLite FTS5 in a file of its own so it is exercised on every
database), checking that nothing raises and the answers stay sane."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.backends import get_embedded_backend
from search.backends.sqlite import SQLiteBackend
from search.extract import document_for
from search.query import JointQuery

from .engine import publish_page

pytestmark = pytest.mark.django_db

SYNTAX = [
    *"\"'()[]{}*^~:+-!&|\\/<>?=;%_.,@#$`",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "NEAR(",
    "title:",
    "{title body}:",
    "<->",
    ":*",
    "\x00",
    "\x02",
    "\x03",
    "\x1b[31m",
    "\u202e",
    "\ufeff",
    "𝔘𝔫𝔦",
    "身份证",
    "بطاقة",
    "кarta",
    "' OR '1'='1",
    "'; DROP TABLE search_joint_document; --",
    "1=1",
    "%s",
    "$1",
    "identiteitskaart",
    "afval",
    "de",
]
hostile = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(SYNTAX), max_size=12).map(" ".join),
    st.lists(st.sampled_from(SYNTAX), max_size=12).map("".join),
    st.builds(lambda s, n: (s or "x") * n, st.sampled_from(SYNTAX), st.integers(1000, 10_000)),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
)
filters = st.lists(st.text(max_size=20), max_size=3).map(tuple)
MARKUP = re.compile(r"</?mark>")
FUZZ = settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)


@pytest.fixture
def backends(tmp_path):
    pages = [
        publish_page("kortrijk", "Identiteitskaart aanvragen", summary="Uw eID"),
        publish_page("menen", "Afval en recyclagepark", text="Grofvuil & <b>PMD</b>"),
    ]
    standalone = SQLiteBackend(PATH=str(tmp_path / "fuzz.sqlite3"))
    standalone.rebuild(document_for(page) for page in pages)
    engines = {get_embedded_backend(), standalone}
    yield engines
    standalone.db.close()


def assert_sane(results, query):
    assert results.total >= 0
    assert len(results.hits) <= query.size
    assert results.total >= len(results.hits)
    assert all(hit.municipality == query.municipality for hit in results.own)
    for hit in results.hits:
        assert "<" not in MARKUP.sub("", hit.snippet)
    assert results.suggestion is None or isinstance(results.suggestion, str)


def test_hostile_queries_never_raise_and_answer_sanely(backends):
    @FUZZ
    @given(text=hostile, municipality=st.sampled_from([None, "kortrijk", "x\x00y"]))
    def check(text, municipality):
        query = JointQuery(text=text, municipality=municipality)
        for backend in backends:
            assert_sane(backend.search(query), query)

    check()


def test_hostile_filters_and_paging_never_raise(backends):
    @settings(FUZZ, max_examples=300)
    @given(
        text=hostile,
        municipalities=filters,
        themes=filters,
        locale=st.one_of(st.none(), st.text(max_size=5)),
        page=st.integers(-5, 10**6),
        page_size=st.integers(-5, 10**4),
    )
    def check(text, municipalities, themes, locale, page, page_size):
        query = JointQuery(
            text=text,
            municipality="menen",
            locale=locale,
            municipalities=municipalities,
            themes=themes,
            life_events=themes,
            content_types=municipalities,
            page=page,
            page_size=page_size,
        )
        for backend in backends:
            assert_sane(backend.search(query), query)

    check()


def test_hostile_prefixes_never_break_autocomplete(backends):
    @settings(FUZZ, max_examples=500)
    @given(prefix=hostile)
    def check(prefix):
        for backend in backends:
            assert len(backend.autocomplete(prefix, "kortrijk", "nl")) <= 8

    check()


def test_plain_words_still_find_their_pages(backends):
    for backend in backends:
        query = JointQuery(
            text='"identiteitskaart" AND NOT (', municipality="kortrijk", locale="nl"
        )
        assert backend.search(query).own[0].title == "Identiteitskaart aanvragen"
