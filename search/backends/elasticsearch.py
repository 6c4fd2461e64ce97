"""Elasticsearch 9: the index from JointDocument, queries built as plain dicts.

``search_body()`` and ``autocomplete_body()`` are pure functions (tested for their structure
without a server). The index name in OPTIONS is an alias: a rebuild fills a fresh index and
swaps the alias in one step, so searches never see a half-built index.

OPTIONS: URL (required), INDEX (alias, default "voordeur-joint"), SYNONYMS ("" for the rules
of search/synonyms/nl.txt inline, "path:analysis/nl.txt" for a file on every node,
"set:<id>" for a synonyms set), TIMEOUT (seconds), SHARDS, REPLICAS.
"""

import datetime
import logging

from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import ApiError, Elasticsearch, NotFoundError
from elasticsearch.helpers import BulkIndexError, bulk

from ..analysis import DEFAULT_LANGUAGE, LANGUAGES, analyze_query
from ..documents import (
    DEFAULT_INDEX_NAME,
    FIELD_WEIGHTS,
    HIT_FIELDS,
    index_body,
    language_field,
    text_fields,
)
from ..query import FACETS, Facet, Hit, JointResults
from .base import MARK_END, MARK_START, BackendUnavailable, JointBackend, marked_html

__all__ = ["ElasticsearchBackend", "autocomplete_body", "search_body"]

logger = logging.getLogger(__name__)

OWN_BOOST = 1000.0  # far above any text score: the asking municipality's results come first
FACET_FIELDS = {
    "municipality": "municipality",
    "content_type": "content_type",
    "theme": "themes",
    "life_event": "life_events",
    "locale": "locale",
}
SOURCE = list(HIT_FIELDS)
MAX_QUERY_CHARACTERS = 500


def _clean_text(text, language=DEFAULT_LANGUAGE):
    """The query text Elasticsearch sees: the analysed words only (no syntax can pass)."""
    return " ".join(analyze_query(text, language=language).words)[:MAX_QUERY_CHARACTERS]


def _filters(query):
    filters = []
    for name, values in query.filters().items():
        values = [str(v) for v in values if v][:50]
        if values:
            filters.append({"terms": {FACET_FIELDS[name]: values}})
    return filters


def _own_boost(municipality):
    if not municipality:
        return []
    return [
        {"constant_score": {"filter": {"term": {"municipality": municipality}}, "boost": OWN_BOOST}}
    ]


def search_body(query):
    """The request body for a JointQuery: weighted multi_match with the Dutch analyzer (and
    synonyms), own municipality boosted, collapsed per regional service, facets as
    aggregations, highlights with control-character markers, a term suggester."""
    text = _clean_text(query.text, query.locale)
    languages = [query.locale] if query.locale else list(LANGUAGES)
    fields = [
        f"{language_field(name, language)}^{FIELD_WEIGHTS[name]:g}"
        for language in languages
        for name in text_fields()
    ]
    highlighted = {
        language_field(name, language) for language in languages for name in ("body", "summary")
    }
    return {
        "query": {
            "bool": {
                "must": [{"multi_match": {"query": text, "fields": fields, "type": "best_fields"}}],
                "filter": _filters(query),
                "should": _own_boost(query.municipality),
            }
        },
        "collapse": {
            "field": "collapse_key",
            "inner_hits": {"name": "siblings", "size": 0, "_source": False},
        },
        "aggs": {
            "total": {"cardinality": {"field": "collapse_key"}},
            **{name: {"terms": {"field": FACET_FIELDS[name], "size": 50}} for name in FACETS},
        },
        "highlight": {
            "pre_tags": [MARK_START],
            "post_tags": [MARK_END],
            "fields": {
                name: (
                    {"fragment_size": 160, "number_of_fragments": 2}
                    if name.startswith("body")
                    else {"number_of_fragments": 0}
                )
                for name in sorted(highlighted)
            },
        },
        "suggest": {
            "text": text,
            "did_you_mean": {
                "term": {"field": "body.plain", "suggest_mode": "missing", "max_edits": 2}
            },
        },
        "_source": SOURCE,
        "from": query.offset,
        "size": query.size,
        "track_total_hits": True,
    }


def autocomplete_body(prefix, municipality, locale, limit=8):
    """search_as_you_type on the title: the last word as a prefix, own municipality first."""
    filters = [{"term": {"locale": locale}}] if locale else []
    return {
        "query": {
            "bool": {
                "must": [
                    {
                        "multi_match": {
                            "query": " ".join(analyze_query(prefix, language=locale).words)[:200],
                            "type": "bool_prefix",
                            "fields": [
                                "title.prefix",
                                "title.prefix._2gram",
                                "title.prefix._3gram",
                            ],
                        }
                    }
                ],
                "filter": filters,
                "should": _own_boost(municipality),
            }
        },
        "collapse": {"field": "collapse_key"},
        "_source": SOURCE,
        "size": min(max(1, int(limit)), 20),
    }


def es_document(doc):
    """A document dict -> its _source in the index."""
    source = dict(doc)
    source["collapse_key"] = doc.get("regional_service") or doc["doc_id"]
    if isinstance(source.get("date"), datetime.date):
        source["date"] = source["date"].isoformat()
    return source


class ElasticsearchBackend(JointBackend):
    def __init__(self, URL="", INDEX=DEFAULT_INDEX_NAME, SYNONYMS="", TIMEOUT=2, **options):
        super().__init__(**options)
        self.url, self.alias, self.synonyms = URL, INDEX or DEFAULT_INDEX_NAME, SYNONYMS or None
        self.timeout = TIMEOUT
        self.shards = int(options.get("SHARDS", 1))
        self.replicas = int(options.get("REPLICAS", 0))
        self._client = None

    @property
    def client(self):
        if self._client is None:
            if not self.url:
                raise BackendUnavailable("JOINT_SEARCH OPTIONS URL is not set.")
            self._client = Elasticsearch(self.url, request_timeout=self.timeout, max_retries=0)
        return self._client

    def _call(self, method, *args, **kwargs):
        try:
            return method(*args, **kwargs)
        except (TransportConnectionError, ConnectionTimeout) as error:
            raise BackendUnavailable(str(error)) from error
        except ApiError as error:
            if error.meta.status in (502, 503, 504):
                raise BackendUnavailable(str(error)) from error
            raise

    def index_body(self):
        return index_body(self.synonyms, shards=self.shards, replicas=self.replicas)

    # -- writing ----------------------------------------------------------------------
    def ensure_index(self):
        if not self._call(self.client.indices.exists_alias, name=self.alias):
            name = f"{self.alias}-{datetime.datetime.now(datetime.UTC):%Y%m%d%H%M%S%f}"
            self._call(self.client.indices.create, index=name, **self.index_body())
            self._call(self.client.indices.put_alias, index=name, name=self.alias)

    def index_documents(self, docs, index=None):
        actions = [
            {"_index": index or self.alias, "_id": doc["doc_id"], "_source": es_document(doc)}
            for doc in docs
            if doc
        ]
        if actions:
            if index is None:
                self.ensure_index()
            self._call(bulk, self.client, actions, refresh=index is None)

    def delete_documents(self, doc_ids):
        actions = [{"_op_type": "delete", "_index": self.alias, "_id": i} for i in doc_ids]
        if not actions:
            return
        try:
            self._call(bulk, self.client, actions, refresh=True, raise_on_error=False)
        except BulkIndexError:  # some were not there: nothing to delete
            pass
        except NotFoundError:
            pass

    def rebuild(self, docs, progress=None, batch_size=500):
        name = f"{self.alias}-{datetime.datetime.now(datetime.UTC):%Y%m%d%H%M%S%f}"
        self._call(self.client.indices.create, index=name, **self.index_body())
        batch = []
        for doc in docs:
            if doc:
                batch.append(doc)
            if len(batch) >= batch_size:
                self.index_documents(batch, index=name)
                if progress:
                    progress(len(batch))
                batch = []
        if batch:
            self.index_documents(batch, index=name)
            if progress:
                progress(len(batch))
        self._call(self.client.indices.refresh, index=name)
        old = []
        if self._call(self.client.indices.exists_alias, name=self.alias):
            old = list(self._call(self.client.indices.get_alias, name=self.alias).body)
        actions = [{"remove": {"index": i, "alias": self.alias}} for i in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self._call(self.client.indices.update_aliases, actions=actions)
        for index in old:
            self._call(self.client.indices.delete, index=index)

    def count(self):
        return self._call(self.client.count, index=self.alias)["count"]

    def counts_by_municipality(self):
        response = self._call(
            self.client.search,
            index=self.alias,
            size=0,
            aggs={"m": {"terms": {"field": "municipality", "size": 100}}},
        )
        return {b["key"]: b["doc_count"] for b in response["aggregations"]["m"]["buckets"]}

    # -- reading ----------------------------------------------------------------------
    def search(self, query):
        results = JointResults(query=query, facets={name: [] for name in FACETS})
        if not analyze_query(query.text, language=query.locale):
            return results
        response = self._call(self.client.search, index=self.alias, body=search_body(query))
        aggregations = response.get("aggregations", {})
        results.total = aggregations.get("total", {}).get("value", 0)
        selected = query.filters()
        for name in FACETS:
            buckets = aggregations.get(name, {}).get("buckets", [])
            counts = {b["key"]: b["doc_count"] for b in buckets}
            for value in selected[name]:
                counts.setdefault(value, 0)
            results.facets[name] = [
                Facet(value=k, label=k, count=n, selected=k in selected[name])
                for k, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            ]
        for raw in response["hits"]["hits"]:
            hit = self._hit(raw)
            if query.municipality and hit.municipality == query.municipality:
                results.own.append(hit)
            else:
                results.neighbours.append(hit)
        if results.total < 3:
            results.suggestion = self._suggestion(response, query)
        return results

    def _hit(self, raw):
        source = raw["_source"]
        highlight = raw.get("highlight", {})
        # The field highlighted is the text field or its language's sub-field ("body.fr").
        parts = {name.split(".")[0]: fragments for name, fragments in highlight.items()}
        snippet = " … ".join(parts.get("body", []) or parts.get("summary", []))
        siblings = raw.get("inner_hits", {}).get("siblings", {}).get("hits", {})
        offered = siblings.get("total", {}).get("value", 1) if source.get("regional_service") else 1
        date = source.get("date")
        return Hit(
            doc_id=source["doc_id"],
            title=source["title"],
            url=source["url"],
            municipality=source["municipality"],
            municipality_name=source["municipality_name"],
            content_type=source["content_type"],
            content_type_label=source["content_type_label"],
            snippet=marked_html(snippet or source.get("summary") or ""),
            date=datetime.date.fromisoformat(date[:10]) if date else None,
            regional_service=source.get("regional_service"),
            locale=source.get("locale") or "",
            also_offered_in=max(0, offered - 1),
            score=raw.get("_score") or 0.0,
        )

    @staticmethod
    def _suggestion(response, query):
        words, changed = [], False
        for entry in response.get("suggest", {}).get("did_you_mean", []):
            options = entry.get("options") or []
            if options:
                words.append(options[0]["text"])
                changed = True
            else:
                words.append(entry["text"])
        return " ".join(words) if changed else None

    def autocomplete(self, prefix, municipality, locale, limit=8):
        if not analyze_query(prefix, language=locale):
            return []
        body = autocomplete_body(prefix, municipality, locale, limit)
        response = self._call(self.client.search, index=self.alias, body=body)
        hits = [self._hit(raw) for raw in response["hits"]["hits"]]
        for hit in hits:
            hit.snippet = ""
        own = [h for h in hits if h.municipality == municipality]
        return own + [h for h in hits if h.municipality != municipality]
