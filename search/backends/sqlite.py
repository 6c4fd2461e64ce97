"""SQLite FTS5: bm25 with column weights, snippet() highlights, prefix queries.

The FTS5 table indexes terms analysed in Python (search/analysis.py: folded, stop words
out, Dutch Snowball stems), one term per original word so that snippet(), which reads the
original text from the document table (FTS5's external content), highlights the right
words. Stop words keep their position as a placeholder term no query ever asks for.
"""

from ..analysis import analyze_aligned, stem
from ..documents import FIELD_WEIGHTS, text_fields
from .base import (
    DOC_COLUMNS,
    MARK_END,
    MARK_START,
    MAX_CANDIDATES,
    EmbeddedBackend,
    clean_value,
    flat,
)
from .collapse import Row

__all__ = ["PLACEHOLDER", "SQLiteBackend", "match_expression", "prefix_expression"]

PLACEHOLDER = "x0x"  # the indexed term of a stop word: keeps word positions, never matched
SNIPPET_TOKENS = 24

_ROW_SQL = (
    "d.id, {score} AS score, d.municipality, d.municipality_name, d.content_type,"
    " d.content_type_label, d.locale, d.themes, d.life_events, d.regional_service"
)


def _quoted(term):
    return f'"{term}"'  # terms are letters and digits only: quoting makes them literal


def _alternative(words):
    stems = [stem(w) for w in words]
    stems = [s for s in stems if s and s != PLACEHOLDER]
    if not stems:
        return None
    if len(stems) == 1:
        return _quoted(stems[0])
    return "(" + " AND ".join(map(_quoted, stems)) + ")"


def match_expression(terms):
    """An FTS5 MATCH expression for analysed query terms (any group may match), or None."""
    groups = []
    for group in terms.groups:
        alternatives = [a for a in map(_alternative, group) if a]
        if alternatives:
            groups.append("(" + " OR ".join(alternatives) + ")")
    return " OR ".join(groups) or None


def prefix_expression(terms, prefix_word, column="title"):
    """Every word in ``column``, the last one as a prefix (as typed, or its stem)."""
    parts = []
    words = list(terms.words)
    if prefix_word and words and words[-1] == prefix_word:
        words.pop()
    for word in words:
        parts.append(_quoted(stem(word)))
    if prefix_word:
        options = {prefix_word, stem(prefix_word)}
        parts.append("(" + " OR ".join(f"{_quoted(o)}*" for o in sorted(options)) + ")")
    if not parts:
        return None
    return f"{column} : (" + " AND ".join(parts) + ")"


class SQLiteBackend(EmbeddedBackend):
    """OPTIONS: DATABASE (a Django alias, default "default") or PATH (a file of its own)."""

    def __init__(self, **options):
        super().__init__(**options)
        self.columns = text_fields()
        self.weights = [FIELD_WEIGHTS[name] for name in self.columns]

    @property
    def _bm25(self):
        return "bm25(search_joint_fts, " + ", ".join(str(w) for w in self.weights) + ")"

    def schema_statements(self):
        terms = ", ".join(f"{name}_terms TEXT" for name in self.columns)
        return [
            "CREATE TABLE IF NOT EXISTS search_joint_document (id INTEGER PRIMARY KEY,"
            " doc_id TEXT NOT NULL UNIQUE, page_id INTEGER, title TEXT, summary TEXT, body TEXT,"
            " keywords TEXT, municipality TEXT, municipality_name TEXT, locale TEXT,"
            " content_type TEXT, content_type_label TEXT, themes TEXT, life_events TEXT,"
            f" url TEXT, date TEXT, regional_service TEXT, {terms})",
            "CREATE INDEX IF NOT EXISTS search_joint_document_service"
            " ON search_joint_document (regional_service)",
            "CREATE TABLE IF NOT EXISTS search_joint_vocabulary"
            " (word TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID",
            f"CREATE VIRTUAL TABLE IF NOT EXISTS search_joint_fts USING fts5("
            f"{', '.join(self.columns)}, content='search_joint_document', content_rowid='id',"
            " tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')",
        ]

    def drop_schema(self):
        with self.db.cursor() as cursor:
            for table in ("search_joint_fts", "search_joint_document", "search_joint_vocabulary"):
                cursor.execute(f"DROP TABLE IF EXISTS {table}")
        self._ready = False

    # -- writing ----------------------------------------------------------------------
    def _insert(self, cursor, docs):
        names = [*DOC_COLUMNS, *(f"{name}_terms" for name in self.columns)]
        rows = []
        for doc in docs:
            values = flat(doc)
            for name in self.columns:
                text = values[DOC_COLUMNS.index(name)] or ""
                values.append(" ".join(analyze_aligned(text, PLACEHOLDER)))
            rows.append(values)
        cursor.executemany(
            f"INSERT INTO search_joint_document ({', '.join(names)})"  # noqa: S608
            f" VALUES ({', '.join(['%s'] * len(names))})",
            rows,
        )
        ids = [doc["doc_id"] for doc in docs]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            terms = ", ".join(f"{name}_terms" for name in self.columns)
            cursor.execute(
                f"INSERT INTO search_joint_fts (rowid, {', '.join(self.columns)})"  # noqa: S608
                f" SELECT id, {terms} FROM search_joint_document"
                f" WHERE doc_id IN ({', '.join(['%s'] * len(chunk))})",
                chunk,
            )

    def _delete_rows(self, cursor, rows):
        ids = [row[0] for row in rows]
        marks = ", ".join(["%s"] * len(ids))
        terms = ", ".join(f"{name}_terms" for name in self.columns)
        cursor.execute(
            f"INSERT INTO search_joint_fts (search_joint_fts, rowid, {', '.join(self.columns)})"  # noqa: S608
            f" SELECT 'delete', id, {terms} FROM search_joint_document WHERE id IN ({marks})",
            ids,
        )
        cursor.execute(f"DELETE FROM search_joint_document WHERE id IN ({marks})", ids)  # noqa: S608

    def _clear(self, cursor):
        cursor.execute("INSERT INTO search_joint_fts (search_joint_fts) VALUES ('delete-all')")
        cursor.execute("DELETE FROM search_joint_document")
        cursor.execute("DELETE FROM search_joint_vocabulary")

    def optimize(self, cursor):
        cursor.execute("INSERT INTO search_joint_fts (search_joint_fts) VALUES ('optimize')")

    # -- reading ----------------------------------------------------------------------
    def _select(self, cursor, match, clauses, params, municipality, limit, rank=None):
        rank = rank or self._bm25
        where = " AND ".join(["search_joint_fts MATCH %s", *clauses])
        cursor.execute(
            f"SELECT {_ROW_SQL.format(score='-' + rank)}"  # noqa: S608 - placeholders only
            " FROM search_joint_fts JOIN search_joint_document d ON d.id = search_joint_fts.rowid"
            f" WHERE {where} ORDER BY (d.municipality = %s) DESC, {rank} LIMIT %s",
            [match, *params, clean_value(municipality or ""), limit],
        )
        return [Row.from_values(values) for values in cursor.fetchall()]

    def _candidates(self, cursor, terms, query):
        match = match_expression(terms)
        if match is None:
            return []
        clauses, params = self._filter_sql(query)
        return self._select(cursor, match, clauses, params, query.municipality, MAX_CANDIDATES)

    def _snippets(self, cursor, ids, terms):
        match = match_expression(terms)
        if match is None or not ids:
            return {}
        body, summary = self.columns.index("body"), self.columns.index("summary")
        marks = ", ".join(["%s"] * len(ids))
        cursor.execute(
            f"SELECT rowid, snippet(search_joint_fts, {body}, %s, %s, '…', {SNIPPET_TOKENS}),"  # noqa: S608
            f" snippet(search_joint_fts, {summary}, %s, %s, '…', {SNIPPET_TOKENS})"
            f" FROM search_joint_fts WHERE search_joint_fts MATCH %s AND rowid IN ({marks})",
            [MARK_START, MARK_END, MARK_START, MARK_END, match, *ids],
        )
        snippets = {}
        for rowid, body_snippet, summary_snippet in cursor.fetchall():
            snippets[rowid] = (
                body_snippet if MARK_START in (body_snippet or "") else summary_snippet
            )
        return snippets

    def _prefix_candidates(self, cursor, terms, prefix_word, municipality, locale):
        match = prefix_expression(terms, prefix_word)
        if match is None:
            return []
        clauses, params = [], []
        if locale:
            clauses.append("d.locale = %s")
            params.append(clean_value(locale))
        return self._select(cursor, match, clauses, params, municipality, 200)
