"""The Elasticsearch backend: index body and query bodies checked for their structure (no
server runs here), the fallback to the embedded index against a real refused connection,
and a live round trip that runs only when ELASTICSEARCH_URL is set."""

import os
import uuid

import pytest
from django.test import override_settings

import search
from search.backends.elasticsearch import (
    OWN_BOOST,
    ElasticsearchBackend,
    autocomplete_body,
    search_body,
)
from search.documents import FIELD_WEIGHTS, JointDocument, index_body, synonym_rules, text_fields
from search.extract import document_for
from search.query import JointQuery

from .engine import publish_page

UNREACHABLE = {
    "BACKEND": "search.backends.elasticsearch.ElasticsearchBackend",
    # Port 9 (discard) has no listener here: a real connection refusal, not a mock.
    "OPTIONS": {"URL": "http://127.0.0.1:9", "INDEX": "voordeur-test", "TIMEOUT": 1},
}


def test_index_body_has_the_dutch_analyzers_and_the_synonyms():
    body = index_body()
    analysis = body["settings"]["analysis"]
    assert analysis["analyzer"]["dutch_text"]["filter"] == [
        "lowercase",
        "asciifolding",
        "dutch_stop",
        "dutch_stemmer",
    ]
    assert analysis["analyzer"]["dutch_search"]["filter"][2] == "dutch_synonyms"
    assert analysis["filter"]["dutch_stemmer"] == {"type": "stemmer", "language": "dutch"}
    assert analysis["filter"]["dutch_stop"]["stopwords"] == "_dutch_"
    synonyms = analysis["filter"]["dutch_synonyms"]
    assert synonyms["type"] == "synonym_graph"
    assert "id kaart, identiteitskaart, eid, elektronische identiteitskaart" in synonyms["synonyms"]
    assert synonyms["synonyms"] == synonym_rules()


def test_index_body_can_point_at_a_synonyms_file_or_set_instead():
    by_path = index_body("path:analysis/nl.txt")["settings"]["analysis"]["filter"]
    assert by_path["dutch_synonyms"]["synonyms_path"] == "analysis/nl.txt"
    assert by_path["dutch_synonyms"]["updateable"] is True
    by_set = index_body("set:voordeur-nl")["settings"]["analysis"]["filter"]
    assert by_set["dutch_synonyms"]["synonyms_set"] == "voordeur-nl"


def test_mappings_come_from_the_one_document_definition():
    properties = index_body()["mappings"]["properties"]
    assert properties == JointDocument._doc_type.mapping.to_dict()["properties"]
    for name in text_fields():
        assert properties[name]["type"] == "text"
        assert properties[name]["analyzer"] == "dutch_text"
        assert properties[name]["search_analyzer"] == "dutch_search"
    for name in ("municipality", "locale", "content_type", "themes", "regional_service"):
        assert properties[name]["type"] == "keyword"
    assert properties["title"]["fields"]["prefix"]["type"] == "search_as_you_type"
    assert properties["date"]["type"] == "date"
    assert set(text_fields()) == set(FIELD_WEIGHTS)


def test_search_body_weights_boosts_collapses_aggregates_and_highlights():
    query = JointQuery(
        text='id-kaart "verloren" OR title:x^9',
        municipality="kortrijk",
        locale="nl",
        themes=("BurgerOverheid",),
        page=3,
        page_size=10,
    )
    body = search_body(query)
    boolean = body["query"]["bool"]
    match = boolean["must"][0]["multi_match"]
    assert match["fields"] == ["title^10", "keywords^5", "summary^3", "body^1"]
    assert match["query"] == "id kaart verloren or title x 9"  # words only, no syntax
    own = boolean["should"][0]["constant_score"]
    assert own == {"filter": {"term": {"municipality": "kortrijk"}}, "boost": OWN_BOOST}
    assert {"terms": {"locale": ["nl"]}} in boolean["filter"]
    assert {"terms": {"themes": ["BurgerOverheid"]}} in boolean["filter"]
    assert body["collapse"]["field"] == "collapse_key"
    assert set(body["aggs"]) == {
        "total",
        "municipality",
        "content_type",
        "theme",
        "life_event",
        "locale",
    }
    assert body["aggs"]["theme"]["terms"]["field"] == "themes"
    assert body["highlight"]["pre_tags"] == ["\x02"] and "body" in body["highlight"]["fields"]
    assert body["suggest"]["did_you_mean"]["term"]["field"] == "body.plain"
    assert body["from"] == 20 and body["size"] == 10


def test_regional_landing_query_boosts_nobody():
    body = search_body(JointQuery(text="afval", municipality=None))
    assert body["query"]["bool"]["should"] == []


def test_autocomplete_body_is_search_as_you_type_own_first():
    body = autocomplete_body("rijbew", "menen", "nl", limit=5)
    match = body["query"]["bool"]["must"][0]["multi_match"]
    assert match["type"] == "bool_prefix" and match["fields"][0] == "title.prefix"
    assert body["query"]["bool"]["filter"] == [{"term": {"locale": "nl"}}]
    assert body["size"] == 5


@pytest.mark.django_db
def test_unreachable_backend_falls_back_to_the_embedded_index():
    publish_page("kortrijk", "Zwembad openingsuren", summary="Het zwembad")
    with override_settings(JOINT_SEARCH=UNREACHABLE):
        results = search.search(JointQuery(text="zwembad", municipality="kortrijk"))
        assert results.fallback is True
        assert [hit.title for hit in results.own] == ["Zwembad openingsuren"]
        assert search.autocomplete("zwemb", "kortrijk", "nl")[0].title == "Zwembad openingsuren"


@pytest.mark.django_db
def test_publishing_while_the_server_is_down_keeps_the_embedded_index_current():
    with override_settings(JOINT_SEARCH=UNREACHABLE):
        publish_page("menen", "Sporthal reserveren")
        results = search.search(JointQuery(text="sporthal", municipality="menen"))
    assert results.fallback and [hit.title for hit in results.own] == ["Sporthal reserveren"]


@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="set ELASTICSEARCH_URL")
@pytest.mark.django_db
def test_live_round_trip():
    alias = f"voordeur-test-{uuid.uuid4().hex[:8]}"
    backend = ElasticsearchBackend(URL=os.environ["ELASTICSEARCH_URL"], INDEX=alias)
    pages = [
        publish_page(slug, "Identiteitskaart aanvragen", summary="Uw eID aanvragen")
        for slug in ("kortrijk", "menen")
    ]
    pages.append(publish_page("menen", "Recyclagepark", summary="Grofvuil"))
    try:
        backend.rebuild(document_for(page) for page in pages)
        results = backend.search(JointQuery(text="id kaart", municipality="menen"))
        assert results.own[0].municipality == "menen"
        assert "<mark>" in results.own[0].snippet or results.own[0].snippet
        assert backend.search(JointQuery(text="containerpark", municipality="menen")).total == 1
        assert backend.autocomplete("identit", "kortrijk", "nl")[0].municipality == "kortrijk"
        backend.delete_documents([document_for(pages[2])["doc_id"]])
        assert backend.search(JointQuery(text="containerpark", municipality="menen")).total == 0
    finally:
        backend.client.indices.delete(index=f"{alias}-*")
