"""SQLite FTS5: bm25 with column weights, snippet() highlights, prefix queries.

The FTS5 table indexes terms analysed in Python (search/analysis.py: folded, stop words
out, Snowball stems of the document's language), one term per original word so that
snippet(), which reads the original text from the document table (FTS5's external
content), highlights the right words. Stop words keep their position as a placeholder term
no query ever asks for.
"""

from ..analysis import analyze_aligned, fold
from ..documents import FIELD_WEIGHTS, text_fields
from .base import MARK_END, MARK_START
from .collapse import Row
from .embedded import (
    DOC_COLUMNS,
    MAX_CANDIDATES,
    EmbeddedBackend,
    clean_value,
    clean_values,
    flat,
)

__all__ = [
    "PLACEHOLDER",
    "SQLiteBackend",
    "match_expression",
    "prefix_expression",
    "scope_terms",
    "with_filters",
]

OWN_WEIGHT = 1000.0  # the scope column's bm25 weight: see SQLiteBackend._own_first
PLACEHOLDER = "x0x"  # the indexed term of a stop word: keeps word positions, never matched
SNIPPET_TOKENS = 24

_ROW_SQL = (
    "d.id, {score} AS score, d.municipality, d.municipality_name, d.content_type,"
    " d.content_type_label, d.locale, d.themes, d.life_events, d.regional_service"
)


def _quoted(term):
    return f'"{term}"'  # terms are letters and digits only: quoting makes them literal


def _word(stems):
    """One query word: any of its stems (one per searched language)."""
    stems = [s for s in stems if s and s != PLACEHOLDER]
    if len(stems) <= 1:
        return _quoted(stems[0]) if stems else None
    return "(" + " OR ".join(map(_quoted, stems)) + ")"


def _alternative(words, terms):
    parts = [part for part in (_word(terms.stems(w)) for w in words) if part]
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return "(" + " AND ".join(parts) + ")"


def scope_token(kind, value):
    """One filter value as an indexed term of the scope column: a letter for the facet,
    then the value's letters and digits ("m" + "spiere-helkijn" -> "mspierehelkijn")."""
    return kind + "".join(ch for ch in fold(clean_value(value)) if ch.isalnum())


def scope_terms(doc):
    """The scope column of a document: its municipality, language, type, themes and life
    events as terms, so that filters and own-first are FTS5 index look-ups."""
    terms = [
        scope_token("m", doc["municipality"]),
        scope_token("l", doc["locale"]),
        scope_token("c", doc["content_type"]),
    ]
    terms += [scope_token("h", theme) for theme in doc.get("themes") or ()]
    terms += [scope_token("e", event) for event in doc.get("life_events") or ()]
    return terms


# Facet filters: (scope letter, JointQuery attribute).
SCOPE_FILTERS = (
    ("m", "municipalities"),
    ("c", "content_types"),
    ("h", "themes"),
    ("e", "life_events"),
)


def with_filters(match, query):
    """``match`` restricted by the query's facet selections and language (any selected
    value of a facet, every facet)."""
    parts = [f"({match})"]
    selections = [(kind, clean_values(getattr(query, name))) for kind, name in SCOPE_FILTERS]
    if query.locale:
        selections.append(("l", clean_values(query.locale)))
    for kind, values in selections:
        tokens = sorted({scope_token(kind, v) for v in values} - {kind})
        if values and not tokens:
            tokens = [PLACEHOLDER]  # a selection of nothing indexable matches nothing
        if tokens:
            parts.append("scope : (" + " OR ".join(map(_quoted, tokens)) + ")")
    return " AND ".join(parts)


def match_expression(terms):
    """An FTS5 MATCH expression for analysed query terms (any group may match), or None."""
    groups = []
    for group in terms.groups:
        alternatives = [a for a in (_alternative(words, terms) for words in group) if a]
        if alternatives:
            groups.append("(" + " OR ".join(alternatives) + ")")
    return " OR ".join(groups) or None


def prefix_expression(terms, prefix_word, column="title"):
    """Every word in ``column``, the last one as a prefix (as typed, or its stem)."""
    words = list(terms.words)
    if prefix_word and words and words[-1] == prefix_word:
        words.pop()
    parts = [part for part in (_word(terms.stems(word)) for word in words) if part]
    if prefix_word:
        options = {prefix_word, *terms.stems(prefix_word)}
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

    def ensure_schema(self, force=False):
        """Create the tables (and FTS5's rank setting) once; an index of an earlier layout
        (no scope column) is dropped and recreated empty: rebuild_joint_index refills it."""
        if self._ready and not force:
            return
        with self.db.cursor() as cursor:
            cursor.execute("SELECT name FROM pragma_table_info('search_joint_fts')")
            columns = {row[0] for row in cursor.fetchall()}
        if columns and "scope" not in columns:
            self.drop_schema()
        if not columns or "scope" not in columns:
            super().ensure_schema(force=True)
        else:
            self._ready = not self.db.in_transaction()

    def schema_statements(self):
        terms = ", ".join(f"{name}_terms TEXT" for name in self.columns)
        return [
            "CREATE TABLE IF NOT EXISTS search_joint_document (id INTEGER PRIMARY KEY,"
            " doc_id TEXT NOT NULL UNIQUE, page_id INTEGER, title TEXT, summary TEXT, body TEXT,"
            " keywords TEXT, municipality TEXT, municipality_name TEXT, locale TEXT,"
            " content_type TEXT, content_type_label TEXT, themes TEXT, life_events TEXT,"
            f" url TEXT, date TEXT, regional_service TEXT, scope TEXT, {terms})",
            "CREATE INDEX IF NOT EXISTS search_joint_document_service"
            " ON search_joint_document (regional_service)",
            "CREATE TABLE IF NOT EXISTS search_joint_vocabulary"
            " (word TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID",
            f"CREATE VIRTUAL TABLE IF NOT EXISTS search_joint_fts USING fts5("
            f"{', '.join(self.columns)}, scope, content='search_joint_document',"
            " content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')",
            # FTS5's rank: bm25 with the column weights, the scope column's for own-first.
            "INSERT INTO search_joint_fts (search_joint_fts, rank)"  # noqa: S608 - constants
            f" VALUES ('rank', 'bm25({', '.join(str(w) for w in self.weights)}, {OWN_WEIGHT})')",
        ]

    def drop_schema(self):
        with self.db.cursor() as cursor:
            for table in ("search_joint_fts", "search_joint_document", "search_joint_vocabulary"):
                cursor.execute(f"DROP TABLE IF EXISTS {table}")
        self._ready = False

    # -- writing ----------------------------------------------------------------------
    def _insert(self, cursor, docs):
        names = [*DOC_COLUMNS, "scope", *(f"{name}_terms" for name in self.columns)]
        rows = []
        for doc in docs:
            values = flat(doc)
            values.append(" ".join(scope_terms(doc)))
            for name in self.columns:
                text = values[DOC_COLUMNS.index(name)] or ""
                values.append(" ".join(analyze_aligned(text, PLACEHOLDER, doc["locale"])))
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
                f"INSERT INTO search_joint_fts (rowid, {', '.join(self.columns)}, scope)"  # noqa: S608
                f" SELECT id, {terms}, scope FROM search_joint_document"
                f" WHERE doc_id IN ({', '.join(['%s'] * len(chunk))})",
                chunk,
            )

    def _delete_rows(self, cursor, rows):
        ids = [row[0] for row in rows]
        marks = ", ".join(["%s"] * len(ids))
        terms = ", ".join(f"{name}_terms" for name in self.columns)
        cursor.execute(
            f"INSERT INTO search_joint_fts (search_joint_fts, rowid, {', '.join(self.columns)},"  # noqa: S608
            f" scope) SELECT 'delete', id, {terms}, scope FROM search_joint_document"
            f" WHERE id IN ({marks})",
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
    def _own_first(self, cursor, match, municipality, limit):
        """The best ``limit`` matches, the asking municipality's first, in one FTS5 query.

        ``(M AND scope:own) OR M`` matches what M matches; bm25 adds the scope phrase's
        score only to the own municipality's rows, and with the scope column's weight
        (OWN_WEIGHT) that puts every one of them ahead of the others."""
        if municipality:
            own = scope_token("m", municipality)
            match = f'(({match}) AND scope : "{own}") OR ({match})'
        cursor.execute(
            f"SELECT {_ROW_SQL.format(score='-r.rank')} FROM"  # noqa: S608 - constants only
            " (SELECT rowid, rank FROM search_joint_fts WHERE search_joint_fts MATCH %s"
            " ORDER BY rank LIMIT %s) r JOIN search_joint_document d ON d.id = r.rowid",
            [match, limit],
        )
        return [Row.from_values(values) for values in cursor.fetchall()]

    def _candidates(self, cursor, terms, query):
        match = match_expression(terms)
        if match is None:
            return []
        match = with_filters(match, query)
        return self._own_first(cursor, match, clean_value(query.municipality or ""), MAX_CANDIDATES)

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
        if locale:
            match = f'({match}) AND scope : "{scope_token("l", locale)}"'
        return self._own_first(cursor, match, clean_value(municipality or ""), 100)
