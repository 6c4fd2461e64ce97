"""`make bench-search`: the joint search index at the size of a region.

    python -m tests.benchmarks.search_index [--docs 100000] [--no-postgres]

A synthetic region of DOCS documents over the 13 municipalities (local services of 150
regional services, news, events, content pages; Dutch municipal words plus a Zipf-distributed
filler vocabulary, bodies of 60 to 200 words) is indexed, on SQLite and then on PostgreSQL
when one answers at PG_URL, each in a throwaway database (a child process per database):

1. by the embedded joint backend of that database (search/backends/): documents per second
   of ``rebuild`` (Python analysis included);
2. by Wagtail's own database search backend (wagtail.search.backends.database), the same
   texts in a model with the same field boosts: documents per second of ``add_items``.

Then a fixed query set (QUERIES), each asked from every municipality, is timed after one
warm-up pass: the joint backend's full ``search()`` (own first, facets, collapsing,
snippets, "did you mean") and Wagtail's ``search(..., operator="or")[:10]`` (ranked top 10
only; it ignores the asking municipality, so each query is asked once, for at most
WAGTAIL_BUDGET_S seconds in all). p50/p95/p99 and the ratio are printed and written to
var/bench/search.txt. Nothing is asserted; the run fails only when a child fails.
"""

import argparse
import datetime as dt
import json
import os
import platform
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg

from .search_child import WAGTAIL_BUDGET_S, WAGTAIL_QUERY_TIMEOUT_S, child
from .search_corpus import MUNICIPALITIES, QUERIES
from .server import run_python

BASE_DIR = Path(__file__).resolve().parents[2]
REPORT = BASE_DIR / "var" / "bench" / "search.txt"
PG_URL = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432/voordeur")
TARGET_P95_MS = 50


def pg_database(url):
    """A fresh database beside ``url``'s, or None when no PostgreSQL server answers."""
    server = url.rsplit("/", 1)[0]
    name = "voordeur_bench_search"
    try:
        with psycopg.connect(f"{server}/postgres", connect_timeout=3, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
    except psycopg.Error:
        return None
    return f"{server}/{name}"


def run_child(database_url, count):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "JOINT_SEARCH_BACKEND": "",
    }
    args = ["-m", "tests.benchmarks.search_index", "--child", "--docs", str(count)]
    output = run_python(args, env, f"the search benchmark on {database_url.split(':')[0]}")
    return json.loads(output.strip().splitlines()[-1])


def report(results, count):
    lines = [
        f"Joint search index benchmark, {dt.datetime.now():%Y-%m-%d %H:%M}, "
        f"{platform.node()} ({os.cpu_count()} CPUs), Python {platform.python_version()}",
        f"{count} synthetic documents over {len(MUNICIPALITIES)} municipalities; "
        f"joint: {len(QUERIES)} queries x {len(MUNICIPALITIES)} municipalities; Wagtail: each "
        f"query once (n below), at most {WAGTAIL_BUDGET_S} s.",
        "",
        f"{'database':<11}{'engine':<26}{'index docs/s':>13}{'p50 ms':>9}"
        f"{'p95 ms':>9}{'p99 ms':>9}{'n':>6}",
    ]
    for figures in results:
        n = figures["documents"]
        rows = [
            ("joint search()", n / figures["joint_index_s"], figures["joint"]),
            ("joint autocomplete()", None, figures["autocomplete"]),
            ("Wagtail database search", n / figures["wagtail_index_s"], figures["wagtail"]),
        ]
        for engine, rate, latency in rows:
            rate_text = f"{rate:>13.0f}" if rate else f"{'':>13}"
            lines.append(
                f"{figures['vendor']:<11}{engine:<26}{rate_text}{latency['p50']:>9.1f}"
                f"{latency['p95']:>9.1f}{latency['p99']:>9.1f}{latency['n']:>6}"
            )
        ratio = figures["wagtail"]["p95"] / max(figures["joint"]["p95"], 1e-9)
        index_ratio = figures["wagtail_index_s"] / max(figures["joint_index_s"], 1e-9)
        met = "met" if figures["joint"]["p95"] < TARGET_P95_MS else "NOT met"
        if figures.get("wagtail_interrupted"):
            lines.append(
                f"{'':<11}Wagtail: {figures['wagtail_interrupted']} queries interrupted after "
                f"{WAGTAIL_QUERY_TIMEOUT_S} s and counted as {WAGTAIL_QUERY_TIMEOUT_S} s "
                "(its figures are lower bounds)"
            )
        lines.append(
            f"{'':<11}p95 target {TARGET_P95_MS} ms: {met}; Wagtail p95 / joint p95 = "
            f"{ratio:.2f}; indexing speed joint / Wagtail = {index_ratio:.2f}; "
            f"queries without results: {figures['zero_result_queries']}"
        )
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument(
        "--parallel", action="store_true", help="run the SQLite and PostgreSQL children at once"
    )
    args = parser.parse_args()
    if args.child:
        child(args.docs)
        return 0
    pg = None if args.no_postgres else pg_database(PG_URL)
    with tempfile.TemporaryDirectory() as tmp:
        urls = [f"sqlite:///{tmp}/bench.sqlite3", *([pg] if pg else [])]
        workers = len(urls) if args.parallel else 1
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(lambda url: run_child(url, args.docs), urls))
    lines = report(results, args.docs)
    if args.parallel:
        lines.append("The SQLite and PostgreSQL runs shared the machine (--parallel).")
    if not pg:
        lines.append(f"PostgreSQL: SKIPPED (no server at {PG_URL} or --no-postgres).")
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
