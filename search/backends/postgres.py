"""PostgreSQL full-text search: a tsvector per document (GIN index), ts_rank_cd, ts_headline.

Configuration: the built-in configuration of the document's language (``dutch``,
``french``, ``english``: search/analysis.py's LANGUAGES, the same Snowball stemmers and stop
words) over text that Python has already lower-cased and accent-folded. That needs no
extension (``unaccent`` needs CREATE privileges a production role may not have), and both
sides of the index get exactly the folding the other backends use. A query is parsed with
the configuration of the language it searches (with each one's, OR-ed, when it searches
every language). Synonyms are expanded in Python at query time from search/synonyms/nl.txt.
"""

from ..analysis import DEFAULT_LANGUAGE, LANGUAGES, language_of, tokenize
from ..documents import FIELD_WEIGHTS, text_fields
from .base import MARK_END, MARK_START
from .collapse import Row
from .embedded import (
    DOC_COLUMNS,
    MAX_CANDIDATES,
    EmbeddedBackend,
    clean_value,
    flat,
)

__all__ = ["CONFIG", "PostgresBackend", "prefix_tsquery", "query_sql", "tsquery"]

CONFIG = LANGUAGES[DEFAULT_LANGUAGE].postgres
# A stored document's configuration, from its language (constants only, no user input).
DOC_CONFIG = (
    "(CASE d.locale "
    + " ".join(f"WHEN '{code}' THEN '{lang.postgres}'" for code, lang in LANGUAGES.items())
    + f" ELSE '{CONFIG}' END)::regconfig"
)
WEIGHT_CLASSES = "ABCD"  # text_fields() order: title A, keywords B, summary C, body D
HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, ShortWord=2,"
    ' MaxFragments=2, FragmentDelimiter=" … "'
)
_ROW_SQL = (
    "d.id, {score} AS score, d.municipality, d.municipality_name, d.content_type,"
    " d.content_type_label, d.locale, d.themes, d.life_events, d.regional_service"
)


def _alternative(words):
    if len(words) == 1:
        return words[0]
    return "(" + " & ".join(words) + ")"


def tsquery(terms):
    """A to_tsquery() string of folded words (letters and digits only, so no syntax can
    reach PostgreSQL): each group's alternatives OR-ed, the groups OR-ed."""
    groups = ["(" + " | ".join(map(_alternative, group)) + ")" for group in terms.groups]
    return " | ".join(groups) or None


def query_sql(terms, text, name="q"):
    """(SQL, params) of a FROM item ``name``: ``text`` as a tsquery in each language the
    terms search, OR-ed."""
    configs = [LANGUAGES[code].postgres for code in terms.languages]
    parts = " || ".join(f"to_tsquery('{config}', %s)" for config in configs)
    return f"(SELECT {parts} AS {name}) AS {name}_query", [text] * len(configs)


def prefix_tsquery(terms, prefix_word):
    """Every word in the title (weight A), the last one as a prefix."""
    words = list(terms.words)
    if prefix_word and words and words[-1] == prefix_word:
        words.pop()
    parts = [f"{word}:A" for word in words]
    if prefix_word:
        parts.append(f"{prefix_word}:*A")
    return " & ".join(parts) or None


class PostgresBackend(EmbeddedBackend):
    """OPTIONS: DATABASE (a Django alias of a PostgreSQL database, default "default")."""

    def __init__(self, **options):
        super().__init__(**options)
        self.columns = text_fields()
        weights = [FIELD_WEIGHTS[name] / max(FIELD_WEIGHTS.values()) for name in self.columns]
        # ts_rank_cd's weights array is {D, C, B, A}.
        self.rank_weights = "{" + ",".join(f"{w:.3f}" for w in reversed(weights)) + "}"

    def schema_statements(self):
        return [
            "CREATE TABLE IF NOT EXISTS search_joint_document (id bigserial PRIMARY KEY,"
            " doc_id text NOT NULL UNIQUE, page_id bigint, title text, summary text, body text,"
            " keywords text, municipality text, municipality_name text, locale text,"
            " content_type text, content_type_label text, themes text, life_events text,"
            " url text, date text, regional_service text, tsv tsvector NOT NULL)",
            "CREATE INDEX IF NOT EXISTS search_joint_document_tsv"
            " ON search_joint_document USING gin (tsv)",
            "CREATE INDEX IF NOT EXISTS search_joint_document_service"
            " ON search_joint_document (regional_service)",
            "CREATE TABLE IF NOT EXISTS search_joint_vocabulary"
            " (word text PRIMARY KEY, df integer NOT NULL)",
        ]

    def drop_schema(self):
        with self.db.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS search_joint_document, search_joint_vocabulary")
        self._ready = False

    # -- writing ----------------------------------------------------------------------
    def _insert(self, cursor, docs):
        vector = " || ".join(
            f"setweight(to_tsvector(%s::regconfig, %s), '{WEIGHT_CLASSES[i]}')"
            for i in range(len(self.columns))
        )
        rows = []
        for doc in docs:
            values = flat(doc)
            config = language_of(doc["locale"]).postgres
            for name in self.columns:
                text = " ".join(tokenize(values[DOC_COLUMNS.index(name)] or ""))
                values += [config, text]
            rows.append(values)
        cursor.executemany(
            f"INSERT INTO search_joint_document ({', '.join(DOC_COLUMNS)}, tsv)"  # noqa: S608
            f" VALUES ({', '.join(['%s'] * len(DOC_COLUMNS))}, {vector})",
            rows,
        )

    def _delete_rows(self, cursor, rows):
        cursor.execute(
            "DELETE FROM search_joint_document WHERE id = ANY(%s)", [[row[0] for row in rows]]
        )

    def _clear(self, cursor):
        cursor.execute("TRUNCATE search_joint_document, search_joint_vocabulary")

    def optimize(self, cursor):
        cursor.execute("ANALYZE search_joint_document")

    # -- reading ----------------------------------------------------------------------
    def _select(self, cursor, from_sql, params, clauses, municipality, limit, q="q"):
        rank = f"ts_rank_cd('{self.rank_weights}'::float4[], d.tsv, {q})"
        where = " AND ".join([f"d.tsv @@ {q}", *clauses])
        cursor.execute(
            f"SELECT {_ROW_SQL.format(score=rank)}"  # noqa: S608 - placeholders only
            f" FROM search_joint_document d, {from_sql}"
            f" WHERE {where} ORDER BY (d.municipality = %s) DESC, score DESC, d.id LIMIT %s",
            [*params, clean_value(municipality or ""), limit],
        )
        return [Row.from_values(values) for values in cursor.fetchall()]

    def _candidates(self, cursor, terms, query):
        text = tsquery(terms)
        if text is None:
            return []
        clauses, params = self._filter_sql(query)
        from_sql, query_params = query_sql(terms, text)
        return self._select(
            cursor,
            from_sql,
            [*query_params, *params],
            clauses,
            query.municipality,
            MAX_CANDIDATES,
        )

    def _snippets(self, cursor, ids, terms):
        text = tsquery(terms)
        if text is None or not ids:
            return {}
        from_sql, query_params = query_sql(terms, text)
        cursor.execute(
            f"SELECT d.id, ts_headline({DOC_CONFIG}, d.body, q, %s),"  # noqa: S608 - constants
            f" ts_headline({DOC_CONFIG}, d.summary, q, %s)"
            f" FROM search_joint_document d, {from_sql} WHERE d.id = ANY(%s)",
            [HEADLINE_OPTIONS, HEADLINE_OPTIONS, *query_params, list(ids)],
        )
        snippets = {}
        for row_id, body, summary in cursor.fetchall():
            snippets[row_id] = body if MARK_START in (body or "") else summary
        return snippets

    def _prefix_candidates(self, cursor, terms, prefix_word, municipality, locale):
        text = prefix_tsquery(terms, prefix_word)
        if text is None:
            return []
        clauses, params = [], []
        if locale:
            clauses.append("d.locale = %s")
            params.append(clean_value(locale))
        # The prefix as typed or stemmed: "verhuiz" finds "verhuizen" (stem "verhuiz").
        stemmed_sql, stemmed_params = query_sql(terms, text, "q1")
        from_sql = f"{stemmed_sql}, to_tsquery('simple', %s) q2"
        params = [*stemmed_params, text, *params]
        return self._select(cursor, from_sql, params, clauses, municipality, 200, q="(q1 || q2)")
