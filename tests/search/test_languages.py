"""The joint index in every language: documents are analysed in their own language, a
query in the language it searches (French on /fr/zoeken/), every backend alike (the
Elasticsearch mapping and query bodies checked without a server), and a result in another
language than the page's is marked with lang."""

import re

import pytest
from wagtail.models import Locale

from cms.sitesync.services import ensure_translated_local_services
from search.analysis import analyze, analyze_aligned, analyze_query, stem
from search.backends import search
from search.backends.elasticsearch import autocomplete_body, search_body
from search.documents import index_body, text_fields
from search.query import JointQuery
from tests.catalogue.factories import RegionalServiceFactory, local_page, service_index

from .front import ask, body_of

pytestmark = pytest.mark.django_db


def test_french_is_stemmed_and_stopped_as_french():
    assert analyze("les naissances", "fr") == analyze("la naissance", "fr") == ["naissanc"]
    assert analyze("déclarations", "fr") == analyze("declaration", "fr")
    assert analyze_aligned("la carte", "_", "fr") == ["_", stem("carte", "fr")]
    # Dutch stays as it was, also by default.
    assert analyze("de identiteitskaarten") == analyze("identiteitskaart", "nl")
    assert analyze("the cards", "en") == ["card"]
    assert analyze("kaarten", "xx") == analyze("kaarten", "nl")  # unknown: as Dutch


def test_a_query_is_analysed_in_the_language_it_searches():
    french = analyze_query("la carte d'identité", language="fr")
    assert french.languages == ("fr",)
    assert [group[0] for group in french.groups] == [("carte",), ("identite",)]
    assert french.stems("naissances") == ("naissanc",)
    every = analyze_query("naissances", language=None)
    assert set(every.languages) == {"nl", "fr", "en"}
    assert set(every.stems("naissances")) == {stem("naissances", c) for c in ("nl", "fr", "en")}
    # The Dutch synonyms apply to Dutch only.
    assert len(analyze_query("eID", language="nl").groups[0]) > 1
    assert len(analyze_query("eID", language="fr").groups[0]) == 1
    assert not analyze_query("\x00 le la les", language="fr")


def test_the_mapping_has_a_sub_field_per_language():
    body = index_body()
    properties = body["mappings"]["properties"]
    for name in text_fields():
        assert properties[name]["analyzer"] == "dutch_text"
        assert properties[name]["fields"]["fr"] == {"type": "text", "analyzer": "french_text"}
        assert properties[name]["fields"]["en"] == {"type": "text", "analyzer": "english_text"}
    analysis = body["settings"]["analysis"]
    assert analysis["analyzer"]["french_text"]["filter"] == [
        "lowercase",
        "asciifolding",
        "french_stop",
        "french_stemmer",
    ]
    assert analysis["filter"]["french_stemmer"] == {"type": "stemmer", "language": "french"}
    assert analysis["filter"]["french_stop"] == {"type": "stop", "stopwords": "_french_"}


def test_a_french_query_body_searches_the_french_fields():
    body = search_body(JointQuery(text="Les naissances", municipality="kortrijk", locale="fr"))
    match = body["query"]["bool"]["must"][0]["multi_match"]
    assert match["fields"] == ["title.fr^10", "keywords.fr^5", "summary.fr^3", "body.fr^1"]
    assert match["query"] == "naissances"  # the French stop word is gone
    assert set(body["highlight"]["fields"]) == {"body.fr", "summary.fr"}
    every = search_body(JointQuery(text="naissance", municipality=None))
    fields = every["query"]["bool"]["must"][0]["multi_match"]["fields"]
    assert {"title^10", "title.fr^10", "title.en^10"} <= set(fields)
    prefix = autocomplete_body("la carte", "kortrijk", "fr")
    assert prefix["query"]["bool"]["must"][0]["multi_match"]["query"] == "carte"


@pytest.fixture
def birth():
    """A service with a live Dutch and French local page in Kortrijk (indexed on publish)."""
    service = RegionalServiceFactory(
        identifier="geboorteaangifte",
        name="Aangifte van een geboorte",
        short_description="Een geboorte geeft u binnen vijftien dagen aan.",
    )
    french = service.translate(
        Locale.objects.get(language_code="fr"),
        name="Déclaration de naissance",
        short_description="Toute naissance est déclarée dans les quinze jours.",
        description="<p>La commune établit l'acte de naissance.</p>",
        keywords="naissance, bébé",
    )
    local_page("kortrijk", service)
    _municipality, index = service_index("kortrijk")
    ensure_translated_local_services(index, [])
    return service, french


def test_a_french_query_finds_the_french_page(birth):
    results = search(JointQuery(text="naissances", municipality="kortrijk", locale="fr"))
    assert [hit.title for hit in results.own] == ["Déclaration de naissance"]
    assert results.own[0].locale == "fr" and "/fr/" in results.own[0].url
    dutch = search(JointQuery(text="naissances", municipality="kortrijk", locale="nl"))
    assert not dutch.hits
    dutch = search(JointQuery(text="geboorte", municipality="kortrijk", locale="nl"))
    assert "Aangifte van een geboorte" in [hit.title for hit in dutch.own]
    assert {hit.locale for hit in dutch.own} == {"nl"}


def test_the_results_page_marks_results_in_another_language(birth, client):
    body = body_of(ask(client, "/fr/zoeken/", q="naissance"))
    link = re.search(r'<h3 class="search-result__title"><a href="([^"]+)"([^>]*)>', body)
    assert link and "/fr/diensten/geboorteaangifte/" in link.group(1)
    assert "lang=" not in link.group(2)  # in the page's language: no mark
    body = body_of(ask(client, "/fr/zoeken/", q="geboorte", taal="nl"))
    link = re.search(r'<h3 class="search-result__title"><a href="([^"]+)"([^>]*)>', body)
    assert link and 'lang="nl"' in link.group(2) and 'hreflang="nl"' in link.group(2)
