"""`make bench-search`: what the child process measures in its throwaway database.

tests.benchmarks.search_index starts ``python -m tests.benchmarks.search_index --child``
once per database, which calls ``child``: index the synthetic region with the joint backend
and with Wagtail's database search backend, time the query set on both, print one JSON line.
"""

import json
import threading
import time

from .search_corpus import MUNICIPALITIES, QUERIES, synthetic_region

__all__ = [
    "WAGTAIL_BUDGET_S",
    "WAGTAIL_QUERY_TIMEOUT_S",
    "child",
    "percentiles",
    "time_queries",
]

WAGTAIL_QUERY_TIMEOUT_S = 10
WAGTAIL_BUDGET_S = 60  # Wagtail's queries stop being timed after this many seconds


def percentiles(samples):
    ordered = sorted(samples)

    def at(share):
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000

    return {"p50": at(0.50), "p95": at(0.95), "p99": at(0.99), "n": len(ordered)}


def time_queries(ask, municipalities=MUNICIPALITIES, budget=None):
    """Percentiles of ``ask(text, slug)`` over QUERIES x ``municipalities`` after a warm-up
    pass; with ``budget`` (seconds), stops once the timed calls have taken that long."""
    for text in QUERIES[: 0 if budget else 5]:  # warm-up (not for the slow, budgeted one)
        ask(text, municipalities[0])
    samples = []
    for slug in municipalities:
        for text in QUERIES:
            started = time.perf_counter()
            ask(text, slug)
            samples.append(time.perf_counter() - started)
            if budget and sum(samples) > budget:
                return percentiles(samples)
    return percentiles(samples)


def child(count):
    """Runs in a throwaway database (DATABASE_URL): prints one JSON line of figures."""
    # Django is set up here, in the child, for the database the parent chose.
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import OperationalError, connection, models
    from wagtail.search import index
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    from search.backends import get_embedded_backend
    from search.query import JointQuery

    call_command("migrate", verbosity=0)

    class BenchDocument(index.Indexed, models.Model):
        title = models.CharField(max_length=255)
        summary = models.TextField()
        body = models.TextField()
        keywords = models.TextField()
        municipality = models.CharField(max_length=63)
        search_fields = [
            index.SearchField("title", boost=10),
            index.SearchField("keywords", boost=5),
            index.SearchField("summary", boost=3),
            index.SearchField("body"),
            index.FilterField("municipality"),
        ]

        class Meta:
            app_label = "search"
            db_table = "bench_search_document"

        def __str__(self):
            return self.title

    # What Wagtail does for every indexed model at start-up (this one came later).
    IndexEntry.add_generic_relations()
    with connection.schema_editor() as editor:
        editor.create_model(BenchDocument)
    docs = synthetic_region(count)
    figures = {"vendor": connection.vendor, "documents": len(docs)}

    joint = get_embedded_backend()
    started = time.perf_counter()
    joint.rebuild(iter(docs))
    figures["joint_index_s"] = time.perf_counter() - started

    BenchDocument.objects.bulk_create(
        [
            BenchDocument(
                id=doc["page_id"],
                title=doc["title"],
                summary=doc["summary"],
                body=doc["body"],
                keywords=" ".join(doc["keywords"]),
                municipality=doc["municipality"],
            )
            for doc in docs
        ],
        batch_size=2000,
    )
    wagtail = get_search_backend("default")
    wagtail_index = wagtail.get_index_for_model(BenchDocument)
    started = time.perf_counter()
    objects = BenchDocument.objects.order_by("pk")
    for start in range(0, len(docs), 1000):
        wagtail_index.add_items(BenchDocument, list(objects[start : start + 1000]))
    figures["wagtail_index_s"] = time.perf_counter() - started

    def ask_joint(text, slug):
        return joint.search(JointQuery(text=text, municipality=slug, locale="nl"))

    def ask_wagtail(text, slug):
        # A query still running after WAGTAIL_QUERY_TIMEOUT_S is interrupted and counted
        # as taking that long (the figures are then lower bounds: see the report's note).
        connection.ensure_connection()
        raw = connection.connection  # Django's connection is per thread: take this one's
        stop = raw.interrupt if connection.vendor == "sqlite" else raw.cancel
        timer = threading.Timer(WAGTAIL_QUERY_TIMEOUT_S, stop)
        timer.start()
        try:
            return list(wagtail.search(text, BenchDocument.objects.all(), operator="or")[:10])
        except OperationalError:
            figures["wagtail_interrupted"] = figures.get("wagtail_interrupted", 0) + 1
            return []
        finally:
            timer.cancel()

    def complete(text, slug):
        return joint.autocomplete(text[: max(3, len(text) // 2)], slug, "nl")

    figures["joint"] = time_queries(ask_joint)
    # Wagtail's search ignores the asking municipality: each query once, within a budget.
    figures["wagtail"] = time_queries(ask_wagtail, MUNICIPALITIES[:1], budget=WAGTAIL_BUDGET_S)
    figures["autocomplete"] = time_queries(complete)
    found = [ask_joint(text, "kortrijk").total for text in QUERIES]
    figures["zero_result_queries"] = sum(1 for n in found if n == 0)
    print(json.dumps(figures))
