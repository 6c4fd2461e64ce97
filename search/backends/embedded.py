"""What the embedded backends (SQLite, PostgreSQL) share.

The embedded backends keep their index in tables of the site's own database (or, for
SQLite, any file), created by the backend itself: the index is derived data, rebuilt by
``manage.py rebuild_joint_index``, so it has no migrations. A query goes:
analysis (search/analysis.py) -> the engine's full-text match, filtered and ranked, own
municipality first, at most MAX_CANDIDATES rows -> in Python: facets, collapsing of local
services onto their regional service, paging -> snippets for the page shown.
"""

import dataclasses
import datetime
from collections import Counter

from ..analysis import analyze_query, vocabulary_words
from ..documents import HIT_FIELDS
from ..query import FACETS, Facet, Hit, JointResults
from .base import MARK_START, JointBackend, marked_html
from .collapse import collapse_and_order
from .database import Database

__all__ = [
    "DOC_COLUMNS",
    "HIT_COLUMNS",
    "MAX_CANDIDATES",
    "EmbeddedBackend",
    "clean_value",
    "clean_values",
    "edit_distance",
    "flat",
]

MAX_CANDIDATES = 500  # best matches a query considers (facet counts are over these)
SUGGEST_BELOW = 3  # "did you mean" when a query finds fewer results than this

# The document table's columns, in order (what extract.document_for returns, flattened).
DOC_COLUMNS = (
    "doc_id",
    "page_id",
    "title",
    "summary",
    "body",
    "keywords",
    "municipality",
    "municipality_name",
    "locale",
    "content_type",
    "content_type_label",
    "themes",
    "life_events",
    "url",
    "date",
    "regional_service",
)
HIT_COLUMNS = ("id", *HIT_FIELDS)


def edit_distance(a, b, limit=3):
    """Levenshtein distance of two words, or ``limit`` when it is at least that."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) >= limit:
            return limit
        previous = current
    return min(previous[-1], limit)


def flat(doc):
    """A document dict -> the document table's row values."""
    row = dict(doc)
    row["keywords"] = "\n".join(doc.get("keywords") or ())
    for name in ("themes", "life_events"):
        values = doc.get(name) or ()
        row[name] = "|" + "|".join(values) + "|" if values else ""
    row["date"] = doc["date"].isoformat() if doc.get("date") else None
    row["regional_service"] = doc.get("regional_service") or None
    return [row.get(column) for column in DOC_COLUMNS]


def doc_vocabulary(doc):
    text = " ".join(str(doc.get(name) or "") for name in ("title", "summary", "body", "keywords"))
    return vocabulary_words(text)


class EmbeddedBackend(JointBackend):
    """Shared logic of the SQLite and PostgreSQL backends; subclasses supply the SQL."""

    embedded = True

    def __init__(self, alias="default", path=None, **options):
        super().__init__(**options)
        self.db = Database(alias=options.get("DATABASE", alias), path=options.get("PATH", path))
        self._ready = False

    # -- schema -----------------------------------------------------------------------
    def ensure_schema(self, force=False):
        """Create the index tables when missing. Remembered only when created outside a
        transaction: one rolled back (a test's) may take the tables with it."""
        if self._ready and not force:
            return
        with self.db.cursor() as cursor:
            for statement in self.schema_statements():
                cursor.execute(statement)
        self._ready = not self.db.in_transaction()

    def schema_statements(self):
        raise NotImplementedError

    def drop_schema(self):
        raise NotImplementedError

    # -- writing ----------------------------------------------------------------------
    def index_documents(self, docs):
        docs = [doc for doc in docs if doc]
        if not docs:
            return
        self.ensure_schema()
        with self.db.atomic(), self.db.cursor() as cursor:
            self._delete(cursor, [doc["doc_id"] for doc in docs])
            self._insert(cursor, docs)
            self._vocabulary_add(cursor, Counter(w for doc in docs for w in doc_vocabulary(doc)))

    def delete_documents(self, doc_ids):
        doc_ids = list(doc_ids)
        if not doc_ids:
            return
        self.ensure_schema()
        with self.db.atomic(), self.db.cursor() as cursor:
            self._delete(cursor, doc_ids)

    def rebuild(self, docs, progress=None, batch_size=500):
        self.ensure_schema()
        with self.db.cursor() as cursor:
            self._clear(cursor)
        words = Counter()
        batch = []
        for doc in docs:
            if doc:
                batch.append(doc)
            if len(batch) >= batch_size:
                self._write_batch(batch, words, progress)
                batch = []
        self._write_batch(batch, words, progress)
        with self.db.atomic(), self.db.cursor() as cursor:
            self._vocabulary_add(cursor, words)
            self.optimize(cursor)

    def _write_batch(self, batch, words, progress):
        if not batch:
            return
        with self.db.atomic(), self.db.cursor() as cursor:
            self._insert(cursor, batch)
        for doc in batch:
            words.update(doc_vocabulary(doc))
        if progress:
            progress(len(batch))

    def optimize(self, cursor):
        """After a rebuild (FTS5 merges its segments)."""

    def _delete(self, cursor, doc_ids):
        rows = []
        for start in range(0, len(doc_ids), 500):
            chunk = doc_ids[start : start + 500]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                "SELECT id, title, summary, body, keywords FROM search_joint_document"  # noqa: S608
                f" WHERE doc_id IN ({marks})",
                chunk,
            )
            rows.extend(cursor.fetchall())
        if not rows:
            return
        self._delete_rows(cursor, rows)
        words = Counter()
        for _id, title, summary, body, keywords in rows:
            doc = {"title": title, "summary": summary, "body": body, "keywords": keywords}
            words.update(doc_vocabulary(doc))
        self._vocabulary_remove(cursor, words)

    def _vocabulary_add(self, cursor, words):
        if words:
            cursor.executemany(
                "INSERT INTO search_joint_vocabulary (word, df) VALUES (%s, %s)"
                " ON CONFLICT (word) DO UPDATE SET df = search_joint_vocabulary.df + excluded.df",
                sorted(words.items()),
            )

    def _vocabulary_remove(self, cursor, words):
        if words:
            cursor.executemany(
                "UPDATE search_joint_vocabulary SET df = df - %s WHERE word = %s",
                [(n, w) for w, n in words.items()],
            )
            cursor.execute("DELETE FROM search_joint_vocabulary WHERE df <= 0")

    def count(self):
        self.ensure_schema()
        with self.db.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_joint_document")
            return cursor.fetchone()[0]

    def get_document(self, doc_id):
        """The stored document ``doc_id`` as a dict of DOC_COLUMNS, or None."""
        self.ensure_schema()
        with self.db.cursor() as cursor:
            cursor.execute(
                f"SELECT {', '.join(DOC_COLUMNS)} FROM search_joint_document"  # noqa: S608
                " WHERE doc_id = %s",
                [doc_id],
            )
            row = cursor.fetchone()
        return dict(zip(DOC_COLUMNS, row, strict=True)) if row else None

    def counts_by_municipality(self):
        self.ensure_schema()
        with self.db.cursor() as cursor:
            cursor.execute(
                "SELECT municipality, count(*) FROM search_joint_document"
                " GROUP BY municipality ORDER BY municipality"
            )
            return dict(cursor.fetchall())

    # -- reading ----------------------------------------------------------------------
    def search(self, query):
        self.ensure_schema()
        terms = analyze_query(query.text)
        results = JointResults(query=query, facets={name: [] for name in FACETS})
        if not terms:
            return results
        with self.db.cursor() as cursor:
            rows = self._candidates(cursor, terms, query)
            results.facets = self._facets(rows, query)
            ordered = collapse_and_order(rows, query.municipality)
            results.total = len(ordered)
            shown = ordered[query.offset : query.offset + query.size]
            hits = self._hits(cursor, shown, terms)
            offered = self._offered_in(cursor, {row.regional_service for row in shown}, query)
            for row, hit in zip(shown, hits, strict=True):
                if row.regional_service:
                    hit.also_offered_in = max(0, offered.get(row.regional_service, 1) - 1)
                if query.municipality and row.municipality == query.municipality:
                    results.own.append(hit)
                else:
                    results.neighbours.append(hit)
            if results.total < SUGGEST_BELOW:
                results.suggestion = self._suggestion(cursor, terms)
        return results

    def _candidates(self, cursor, terms, query):
        """Rows (collapse.Row) of the best matches, own municipality's first."""
        raise NotImplementedError

    def _snippets(self, cursor, ids, terms):
        """{document id: snippet text with MARK_START/MARK_END markers}."""
        raise NotImplementedError

    def _filter_sql(self, query):
        """SQL conditions on the document table ``d`` and their parameters."""
        clauses, params = [], []
        for column, values in (
            ("municipality", query.municipalities),
            ("content_type", query.content_types),
        ):
            values = clean_values(values)
            if values:
                clauses.append(f"d.{column} IN ({', '.join(['%s'] * len(values))})")
                params.extend(values)
        if query.locale:
            clauses.append("d.locale = %s")
            params.append(clean_value(query.locale))
        for column, values in (("themes", query.themes), ("life_events", query.life_events)):
            values = clean_values(values)
            if values:
                clauses.append("(" + " OR ".join([f"d.{column} LIKE %s"] * len(values)) + ")")
                params.extend(f"%|{_like_escape(v)}|%" for v in values)
        return clauses, params

    def _facets(self, rows, query):
        selected = query.filters()
        counters = {name: Counter() for name in FACETS}
        labels = {}
        for row in rows:
            counters["municipality"][row.municipality] += 1
            labels["municipality", row.municipality] = row.municipality_name
            counters["content_type"][row.content_type] += 1
            labels["content_type", row.content_type] = row.content_type_label
            counters["locale"][row.locale] += 1
            counters["theme"].update(row.themes)
            counters["life_event"].update(row.life_events)
        facets = {}
        for name in FACETS:
            values = counters[name]
            for value in selected[name]:
                values.setdefault(value, 0)
            facets[name] = [
                Facet(
                    value=value,
                    label=labels.get((name, value), value),
                    count=count,
                    selected=value in selected[name],
                )
                for value, count in sorted(values.items(), key=lambda item: (-item[1], item[0]))
            ]
        return facets

    def _hits(self, cursor, rows, terms):
        if not rows:
            return []
        ids = [row.id for row in rows]
        marks = ", ".join(["%s"] * len(ids))
        cursor.execute(
            f"SELECT {', '.join(HIT_COLUMNS)} FROM search_joint_document"  # noqa: S608
            f" WHERE id IN ({marks})",
            ids,
        )
        stored = {
            values[0]: dict(zip(HIT_COLUMNS, values, strict=True)) for values in cursor.fetchall()
        }
        snippets = self._snippets(cursor, ids, terms)
        hits = []
        for row in rows:
            values = stored[row.id]
            snippet = snippets.get(row.id) or ""
            if MARK_START not in snippet and values["summary"]:
                snippet = values["summary"]
            hits.append(
                Hit(
                    doc_id=values["doc_id"],
                    title=values["title"],
                    url=values["url"],
                    municipality=values["municipality"],
                    municipality_name=values["municipality_name"],
                    content_type=values["content_type"],
                    content_type_label=values["content_type_label"],
                    snippet=marked_html(snippet),
                    date=_as_date(values["date"]),
                    regional_service=values["regional_service"],
                    score=row.score,
                )
            )
        return hits

    def _offered_in(self, cursor, services, query):
        """{regional service: number of municipalities with a document of it}."""
        services = sorted(s for s in services if s)
        if not services:
            return {}
        marks = ", ".join(["%s"] * len(services))
        params = list(services)
        locale = ""
        if query.locale:
            locale = " AND locale = %s"
            params.append(clean_value(query.locale))
        cursor.execute(
            "SELECT regional_service, count(DISTINCT municipality) FROM search_joint_document"  # noqa: S608
            f" WHERE regional_service IN ({marks}){locale} GROUP BY regional_service",
            params,
        )
        return dict(cursor.fetchall())

    def _suggestion(self, cursor, terms):
        """The query with each unknown word replaced by the closest indexed word, or None."""
        words, changed = [], False
        for word in terms.words:
            replacement = self._closest_word(cursor, word)
            changed |= replacement != word
            words.append(replacement)
        return " ".join(words) if changed else None

    def _closest_word(self, cursor, word):
        if not word.isalpha() or len(word) < 3 or len(word) > 30:
            return word
        cursor.execute("SELECT df FROM search_joint_vocabulary WHERE word = %s", [word])
        if cursor.fetchone():
            return word
        limit = 2 if len(word) > 4 else 1
        cursor.execute(
            "SELECT word, df FROM search_joint_vocabulary WHERE word LIKE %s"
            " AND length(word) BETWEEN %s AND %s ORDER BY df DESC LIMIT 5000",
            [_like_escape(word[0]) + "%", len(word) - limit, len(word) + limit],
        )
        best, best_key = word, None
        for candidate, df in cursor.fetchall():
            distance = edit_distance(word, candidate, limit + 1)
            if distance <= limit:
                key = (distance, -df)
                if best_key is None or key < best_key:
                    best, best_key = candidate, key
        return best

    # -- autocomplete -----------------------------------------------------------------
    def autocomplete(self, prefix, municipality, locale, limit=8):
        self.ensure_schema()
        terms = analyze_query(prefix)
        if not terms or not prefix.strip() or not prefix.rstrip()[-1:].isalnum():
            prefix_word = None
        else:
            prefix_word = terms.words[-1] if terms.words else None
            if prefix_word and len(prefix_word) < 2:  # one letter would expand to too much
                terms, prefix_word = dataclasses.replace(terms, words=terms.words[:-1]), None
        limit = min(max(1, int(limit)), 20)
        with self.db.cursor() as cursor:
            rows = self._prefix_candidates(cursor, terms, prefix_word, municipality, locale)
            ordered = collapse_and_order(rows, municipality)[:limit]
            hits = self._hits(cursor, ordered, terms)
        for hit in hits:
            hit.snippet = ""
        return hits

    def _prefix_candidates(self, cursor, terms, prefix_word, municipality, locale):
        raise NotImplementedError


def clean_value(value):
    """A filter value as the database may see it: printable, at most 100 characters."""
    return "".join(ch for ch in str(value) if ch.isprintable())[:100]


def clean_values(values):
    if isinstance(values, str):
        values = (values,)
    return [v for v in (clean_value(value) for value in values or ()) if v][:50]


def _like_escape(value):
    return value.replace("\\", "").replace("%", "")


def _as_date(value):
    if value is None or hasattr(value, "year"):
        return value
    return datetime.date.fromisoformat(str(value)[:10])
