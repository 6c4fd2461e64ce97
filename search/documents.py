"""The joint index's document, defined once.

``JointDocument`` is the single definition of what the index holds. Elasticsearch gets its
settings and mappings from it (``index_body()``); the embedded backends read its mapping to
know which fields are searched text and which are exact keywords (``text_fields()``,
``keyword_fields()``), and rank the text fields by ``FIELD_WEIGHTS``.
"""

from elasticsearch.dsl import (
    Date,
    Document,
    Integer,
    Keyword,
    SearchAsYouType,
    Text,
    analyzer,
    token_filter,
)

from .analysis import DEFAULT_LANGUAGE, LANGUAGES, SYNONYMS_FILE, language_of, load_synonyms

__all__ = [
    "FIELD_WEIGHTS",
    "HIT_FIELDS",
    "JointDocument",
    "dutch_search_analyzer",
    "dutch_text_analyzer",
    "index_body",
    "keyword_fields",
    "language_field",
    "multi_valued_fields",
    "synonym_rules",
    "text_fields",
]

DEFAULT_INDEX_NAME = "voordeur-joint"

# How much a match in each searched text field counts (title first). Every backend uses
# these: Elasticsearch as multi_match boosts, FTS5 as bm25() column weights, PostgreSQL as
# tsvector weight classes A-D in this order.
FIELD_WEIGHTS = {"title": 10.0, "keywords": 5.0, "summary": 3.0, "body": 1.0}

# The stored fields a result (a Hit) is made of, whatever the backend.
HIT_FIELDS = (
    "doc_id",
    "title",
    "url",
    "municipality",
    "municipality_name",
    "content_type",
    "content_type_label",
    "date",
    "regional_service",
    "summary",
    "locale",
)

dutch_stop = token_filter("dutch_stop", "stop", stopwords="_dutch_")
dutch_stemmer = token_filter("dutch_stemmer", "stemmer", language="dutch")


def synonym_rules(path=SYNONYMS_FILE):
    """The synonyms file's rules as Elasticsearch reads them (one Solr line each)."""
    return [", ".join(" ".join(words) for words in phrases) for phrases in load_synonyms(path)]


def _synonym_filter(synonyms):
    """``synonyms``: None for the rules inline (from search/synonyms/nl.txt), "path:<file>"
    for a file in each node's config directory, "set:<id>" for a synonyms set."""
    options = {"lenient": True}
    if synonyms and synonyms.startswith("path:"):
        options["synonyms_path"] = synonyms.removeprefix("path:")
        options["updateable"] = True
    elif synonyms and synonyms.startswith("set:"):
        options["synonyms_set"] = synonyms.removeprefix("set:")
        options["updateable"] = True
    else:
        options["synonyms"] = synonym_rules()
    return token_filter("dutch_synonyms", "synonym_graph", **options)


# Index side: lowercase, fold accents, stop words, Snowball Dutch stems (search/analysis.py
# does the same in Python for the embedded backends).
dutch_text_analyzer = analyzer(
    "dutch_text",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", dutch_stop, dutch_stemmer],
)


def dutch_search_analyzer(synonyms=None):
    """Query side: the same chain with the regional synonyms before stop words and stems."""
    return analyzer(
        "dutch_search",
        tokenizer="standard",
        filter=["lowercase", "asciifolding", _synonym_filter(synonyms), dutch_stop, dutch_stemmer],
    )


folding_analyzer = analyzer("folding", tokenizer="standard", filter=["lowercase", "asciifolding"])

# The other languages' analyzers (search/analysis.py's LANGUAGES): the same chain with their
# stop words and stemmer, no synonyms. Each text field has a sub-field per language
# (``title.fr``); a query searches the sub-fields of the language it asks for.
OTHER_LANGUAGE_ANALYZERS = {
    code: analyzer(
        f"{language.elasticsearch}_text",
        tokenizer="standard",
        filter=[
            "lowercase",
            "asciifolding",
            token_filter(
                f"{language.elasticsearch}_stop",
                "stop",
                stopwords=f"_{language.elasticsearch}_",
            ),
            token_filter(
                f"{language.elasticsearch}_stemmer", "stemmer", language=language.elasticsearch
            ),
        ],
    )
    for code, language in LANGUAGES.items()
    if code != DEFAULT_LANGUAGE
}


def language_field(name, language):
    """The field (or sub-field) that holds text field ``name`` analysed in ``language``."""
    code = language_of(language).code
    return name if code == DEFAULT_LANGUAGE else f"{name}.{code}"


def _dutch_text(fields=None, **kwargs):
    fields = {
        **(fields or {}),
        **{code: Text(analyzer=a) for code, a in OTHER_LANGUAGE_ANALYZERS.items()},
    }
    return Text(
        analyzer=dutch_text_analyzer,
        search_analyzer=dutch_search_analyzer(),
        fields=fields,
        **kwargs,
    )


class JointDocument(Document):
    """One live page (or local service) of one municipality, in one language."""

    doc_id = Keyword()
    page_id = Integer()
    title = _dutch_text(
        fields={
            "raw": Keyword(),
            "plain": Text(analyzer=folding_analyzer),
            "prefix": SearchAsYouType(analyzer=folding_analyzer),
        }
    )
    summary = _dutch_text()
    body = _dutch_text(fields={"plain": Text(analyzer=folding_analyzer)})
    keywords = _dutch_text(multi=True)
    municipality = Keyword()
    municipality_name = Keyword()
    locale = Keyword()
    content_type = Keyword()
    content_type_label = Keyword()
    themes = Keyword(multi=True)
    life_events = Keyword(multi=True)
    url = Keyword(index=False)
    date = Date()
    regional_service = Keyword()
    # What results collapse on: the regional service, or the document itself.
    collapse_key = Keyword()

    class Index:
        name = DEFAULT_INDEX_NAME
        settings = {"number_of_shards": 1, "number_of_replicas": 0, "max_result_window": 10000}


def text_fields():
    """Names of the searched full-text fields, in FIELD_WEIGHTS order."""
    mapping = JointDocument._doc_type.mapping
    names = [name for name in mapping if type(mapping[name]) is Text]
    return sorted(names, key=lambda name: list(FIELD_WEIGHTS).index(name))


def keyword_fields():
    """Names of the exact-value fields (filters, facets, stored values)."""
    mapping = JointDocument._doc_type.mapping
    return [name for name in mapping if type(mapping[name]) is not Text]


def multi_valued_fields():
    mapping = JointDocument._doc_type.mapping
    return [name for name in mapping if getattr(mapping[name], "_multi", False)]


def index_body(synonyms=None, shards=1, replicas=0):
    """Settings and mappings for a new Elasticsearch index (``indices.create`` body)."""
    body = JointDocument._index.to_dict()
    body["settings"]["number_of_shards"] = shards
    body["settings"]["number_of_replicas"] = replicas
    if synonyms:
        search_analyzer = dutch_search_analyzer(synonyms).get_analysis_definition()
        body["settings"]["analysis"]["filter"].update(search_analyzer["filter"])
    return body
