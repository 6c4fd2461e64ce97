"""Collapsing, own-first, filters and "did you mean" on synthetic documents, against the
database's embedded backend and against SQLite FTS5 in a file of its own (so FTS5 is
exercised also when the suite runs on PostgreSQL)."""

import datetime

import pytest

from search.backends import get_embedded_backend
from search.backends.sqlite import SQLiteBackend
from search.query import JointQuery

pytestmark = pytest.mark.django_db

SERVICE = "catalogue.localservicepage"


def doc(n, municipality, title, service=None, themes=(), locale="nl", body=""):
    return {
        "doc_id": f"test:{n}",
        "page_id": 900_000 + n,
        "title": title,
        "summary": f"{title} in {municipality}",
        "body": body,
        "keywords": ["zeldzaamwoord"] if service else [],
        "municipality": municipality,
        "municipality_name": municipality.capitalize(),
        "locale": locale,
        "content_type": SERVICE if service else "pages.contentpage",
        "content_type_label": "dienst" if service else "pagina",
        "themes": list(themes),
        "life_events": ["verhuizen"] if service else [],
        "url": f"https://{municipality}.example/{n}/",
        "date": datetime.date(2026, 5, n % 28 + 1),
        "regional_service": service,
    }


DOCS = [
    doc(1, "kortrijk", "Kapvergunning aanvragen", "kapvergunning", ["BouwenWonen"]),
    doc(2, "menen", "Kapvergunning aanvragen", "kapvergunning", ["BouwenWonen"]),
    doc(3, "kuurne", "Kapvergunning aanvragen", "kapvergunning", ["BouwenWonen"]),
    doc(4, "menen", "Bomen kappen in de tuin", body="Voor een kapvergunning ..."),
    doc(5, "wervik", "Kapvergunning aanvragen", "kapvergunning", locale="fr"),
    doc(6, "anzegem", "Kapvergunning aanvragen", "kapvergunning", ["BouwenWonen"]),
]


@pytest.fixture(params=["database", "sqlite-file"])
def backend(request, tmp_path):
    if request.param == "database":
        engine = get_embedded_backend()
        engine.index_documents(DOCS)
        yield engine
        engine.delete_documents([d["doc_id"] for d in DOCS])
    else:
        engine = SQLiteBackend(PATH=str(tmp_path / "index.sqlite3"))
        engine.rebuild(iter(DOCS))
        yield engine
        engine.db.close()


def ask(backend, municipality, **kwargs):
    return backend.search(JointQuery(text="kapvergunning", municipality=municipality, **kwargs))


def test_local_services_collapse_onto_the_asking_municipalitys_own(backend):
    results = ask(backend, "menen", locale="nl")
    assert [(h.municipality, h.regional_service) for h in results.own] == [
        ("menen", "kapvergunning"),
        ("menen", None),
    ]
    assert results.neighbours == []
    service = results.own[0]
    assert service.also_offered_in == 3  # kortrijk, kuurne, anzegem (wervik is French)
    assert results.total == 2


def test_without_an_own_service_the_best_neighbour_represents_it(backend):
    results = ask(backend, "harelbeke", locale="nl")
    assert results.own == []
    services = [h for h in results.neighbours if h.regional_service == "kapvergunning"]
    assert len(services) == 1 and services[0].also_offered_in == 3


def test_regional_landing_collapses_too(backend):
    results = ask(backend, None, locale="nl")
    assert results.own == [] and results.total == 2


def test_theme_and_municipality_filters(backend):
    themed = ask(backend, "kortrijk", themes=("BouwenWonen",))
    assert {h.regional_service for h in themed.hits} == {"kapvergunning"}
    facet = {f.value: f.count for f in themed.facets["theme"]}
    assert facet == {"BouwenWonen": 4}
    only_kuurne = ask(backend, "kortrijk", municipalities=("kuurne",))
    assert [h.municipality for h in only_kuurne.hits] == ["kuurne"]
    french = ask(backend, "kortrijk", locale="fr")
    assert [h.municipality for h in french.hits] == ["wervik"]
    nothing = ask(backend, "kortrijk", municipalities=("!!!",))
    assert nothing.total == 0


def test_did_you_mean_and_autocomplete(backend):
    results = backend.search(JointQuery(text="kapvregunning", municipality="menen"))
    assert results.total == 0 and results.suggestion == "kapvergunning"
    hits = backend.autocomplete("kapverg", "kuurne", "nl")
    assert [h.municipality for h in hits] == ["kuurne"]  # collapsed: one per service


def test_highlights_in_the_snippet(backend):
    hit = ask(backend, "menen").own[1]
    assert "<mark>kapvergunning</mark>" in hit.snippet
