"""Search and autocomplete of the embedded backends: the engine's candidates (SQL the
subclasses supply) -> facets, collapsing, paging, snippets and "did you mean" in Python."""

import dataclasses
import datetime
from collections import Counter

from ...analysis import analyze_query
from ...query import FACETS, Facet, Hit, JointResults
from ..base import MARK_START, marked_html
from ..collapse import collapse_and_order
from .columns import HIT_COLUMNS, clean_value, clean_values

__all__ = ["MAX_CANDIDATES", "SUGGEST_BELOW", "IndexSearch", "edit_distance"]

MAX_CANDIDATES = 500  # best matches a query considers (facet counts are over these)
SUGGEST_BELOW = 3  # "did you mean" when a query finds fewer results than this


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


class IndexSearch:
    """Search and autocomplete of EmbeddedBackend (``self.db``, ``self.ensure_schema``);
    subclasses supply the SQL."""

    # -- reading ----------------------------------------------------------------------
    def search(self, query):
        self.ensure_schema()
        terms = analyze_query(query.text, language=query.locale)
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
                    locale=values["locale"] or "",
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
        terms = analyze_query(prefix, language=locale)
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


def _like_escape(value):
    return value.replace("\\", "").replace("%", "")


def _as_date(value):
    if value is None or hasattr(value, "year"):
        return value
    return datetime.date.fromisoformat(str(value)[:10])
