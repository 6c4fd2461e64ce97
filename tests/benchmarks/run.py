"""`make bench`: how fast the demo region is served, and how many SQL queries each page costs.

    python -m tests.benchmarks.run [--duration 10] [--connections 16] [--threads 2]

Both with the page cache for anonymous visitors (cms/core/page_cache.py) on and off:
'cached' is what an anonymous visitor gets once a page is in the cache, 'render' is a
page rendered on every request (PAGE_CACHE_SECONDS=0), what a logged-in editor or a cold
cache costs.

1. SQL queries per page type, counted in-process (tests/benchmarks/queries.py) on throwaway
   copies of var/voordeur.sqlite3, with 10 and then 100 children in every listing: once
   with the page cache off (the render count, the one the query target is about) and once
   with it on (the cached count).
2. gunicorn (2 workers, cms.settings.production) on another copy, loaded with wrk on
   loopback: requests per second and p50/p99 latency of the home page and a content page,
   beside a static file served by the same server in the same run. Two servers, one after
   the other: page cache on, then off. The ratio to the static file of the same server is
   the figure to quote: it cancels out most of the machine's speed.

3. On the render server (page cache off): each page type's weight as a browser loads it,
   images aside (HTML, CSS, JS, fonts, requests, third-party URLs), and the median of 30
   sequential requests beside the content page's (tests/benchmarks/pages.py).

4. `export_static` of Kortrijk's site grown to 600 pages on another copy, under production
   settings: pages, seconds, pages/s (tests/benchmarks/static_export.py).

The demo database is never written to. The figures are printed and written to
var/bench/foundation.txt; nothing is asserted about them. The run exits non-zero only when
the server does not start or answers with errors.
"""

import argparse
import datetime as dt
import http.client
import secrets
import shlex
import sys
import tempfile
import time
from pathlib import Path

from . import pages, server, static_export, wrk
from .demo_db import copy_database, page_count, site_host
from .query_counts import count_queries, report_queries
from .report import Report, machine
from .throughput import MODES, load, report_throughput

BASE_DIR = Path(__file__).resolve().parents[2]
DEMO_DB = BASE_DIR / "var" / "voordeur.sqlite3"
REPORT = BASE_DIR / "var" / "bench" / "foundation.txt"
REPRODUCE = "make bench"


def report_pages(say, rows, cache_seconds):
    """The page weight and render time of each page type. Returns #errors."""
    say()
    say("== Page weight and render time per page type")
    say(
        "What a browser loads for each page, images aside (tests/benchmarks/pages.py): the "
        "HTML, its <link rel=stylesheet> and <script src>, and the fonts of the @font-face "
        "rules in that CSS and in the page's inline <style> (every declared font, used by the "
        "text or not: an upper bound). Each URL once, uncompressed bytes as served; KB = 1024 "
        f"bytes. Targets: HTML <= {pages.TARGET_HTML_KB} KB and CSS <= {pages.TARGET_CSS_KB} KB "
        "per page, no third-party request."
    )
    say(
        f"median ms: the median of {pages.REPEATS} sequential requests to the render server "
        f"(PAGE_CACHE_SECONDS={cache_seconds}: every request renders), after "
        f"{pages.WARMUP} warm-up rounds, round-robin over the page types, each request on its "
        "own loopback connection. /content: "
        "that median over the content page's (/over/) in the same run, the foundation's "
        f"baseline; target: no page type above {pages.TARGET_RATIO:.2f}."
    )
    say()
    errors, notes, baseline = pages.report(say, rows)
    slower = [
        row[1] for row in rows if row[5] and baseline and row[5] / baseline > pages.TARGET_RATIO
    ]
    third_party = sum(len(row[4]["third_party"]) for row in rows if row[4])
    say()
    say(
        f"third-party requests: {third_party or 'none'}; page types slower than the content "
        f"page by more than 10 %: {', '.join(slower) if slower else 'none'}."
    )
    for note in notes:
        say(f"note: {note}")
    return errors


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per URL")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per URL")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--max-requests",
        type=int,
        default=0,
        help="recycle a worker after this many requests, as gunicorn.conf.py does in "
        "production (default 0: never, so that no worker boots while measuring)",
    )
    parser.add_argument("--skip-queries", action="store_true", help="only measure throughput")
    parser.add_argument(
        "--skip-pages", action="store_true", help="skip page weight and render time per page type"
    )
    parser.add_argument(
        "--skip-static-export", action="store_true", help="skip the 600-page static export"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()

    if not DEMO_DB.exists():
        raise SystemExit(f"{DEMO_DB} does not exist: run `make demo` first.")
    try:
        wrk_path = wrk.ensure_wrk()
    except wrk.WrkError as error:
        raise SystemExit(str(error)) from error

    say = Report()
    say(f"Voordeur benchmark, {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
    command = shlex.join(
        [
            ".venv/bin/python",
            "-m",
            "tests.benchmarks.run",
            *(argv if argv is not None else sys.argv[1:]),
        ]
    )
    say(f"reproduce: {REPRODUCE}   (after `make demo`: {command})")
    for line in machine():
        say(line)
    say(f"load:     {wrk.wrk_version(wrk_path)}, on loopback, sharing the CPUs with gunicorn")
    errors = 0

    with tempfile.TemporaryDirectory(prefix="voordeur-bench-") as tmp:
        tmp = Path(tmp)
        if not args.skip_queries:
            say()
            say("== SQL queries per page type")
            print(
                "  counting, page cache off then on (each adds 400 pages to a copy of the demo "
                "database) ...",
                flush=True,
            )
            render = count_queries(
                copy_database(DEMO_DB, tmp / "queries-render.sqlite3"), page_cache_seconds=0
            )
            cached = count_queries(copy_database(DEMO_DB, tmp / "queries-cached.sqlite3"))
            errors += report_queries(say, render, cached)

        database = copy_database(DEMO_DB, tmp / "serve.sqlite3")
        host = site_host(database)
        secret_key = secrets.token_urlsafe(50)
        envs = {
            mode: server.production_env(
                database=database,
                static_root=tmp / "static",
                secret_key=secret_key,
                max_requests=args.max_requests,
                page_cache_seconds=seconds,
            )
            for mode, seconds in MODES
        }
        cache_seconds = {mode: server.setting(envs[mode], "PAGE_CACHE_SECONDS") for mode in envs}
        say()
        say("== Throughput")
        recycling = (
            f"workers recycled every {args.max_requests} requests"
            if args.max_requests
            else "worker recycling off"
        )
        say(
            f"gunicorn -c gunicorn.conf.py cms.wsgi:application, {server.WORKERS} sync workers "
            f"({recycling}), cms.settings.production, on a copy of the demo database "
            f"(SQLite, {page_count(database)} live pages), whitenoise for /static/; "
            f"Host: {host}. Two servers, one after the other: "
            + ", then ".join(
                f"{mode} (PAGE_CACHE_SECONDS={cache_seconds[mode]}"
                f"{', unset: the default' if seconds is None else ''})"
                for mode, seconds in MODES
            )
            + "."
        )
        command = shlex.join(
            wrk.command(
                "wrk",
                "http://127.0.0.1:PORT/PATH",
                headers={"Host": host, "X-Forwarded-Proto": "https"},
                threads=args.threads,
                connections=args.connections,
                duration=args.duration,
            )
        )
        say(f"Each URL: a {args.warmup}s warm-up, then {command}")
        print("  collectstatic ...", flush=True)
        server.collectstatic(envs[MODES[0][0]])
        results, notes, page_rows = [], [], []
        for mode, _ in MODES:
            env = envs[mode]
            log = tmp / f"gunicorn-{mode}.log"
            try:
                with server.gunicorn(env, error_log=log) as gunicorn:
                    measured, more_notes, more_errors = load(wrk_path, gunicorn, host, args, mode)
                    if mode == "render" and not args.skip_pages:
                        print("  page weight and render time per page type ...", flush=True)
                        try:
                            page_rows = pages.measure(
                                gunicorn.port, database, {"X-Forwarded-Proto": "https"}
                            )
                        except (OSError, http.client.HTTPException) as error:
                            notes.append(f"page weight and render time: FAILED: {error!r}")
                            errors += 1
                results += measured
                notes += more_notes
                errors += more_errors
            except (server.ServerError, wrk.WrkError) as error:
                notes.append(f"{mode}: FAILED: {error}")
                errors += 1
            try:
                lines = log.read_text(errors="replace").splitlines()
            except OSError:
                lines = []
            problems = [line for line in lines if line.strip() and "[INFO]" not in line]
            if problems:
                notes.append(f"{mode}: gunicorn's error log (besides [INFO] lines):")
                notes += [f"  {line}" for line in problems[-20:]]
        say()
        errors += report_throughput(say, results, cache_seconds)
        if notes:
            say()
            for note in notes:
                say(note if note.startswith("  ") else f"note: {note}")
        if page_rows:
            errors += report_pages(say, page_rows, cache_seconds.get("render", "?"))
        if not args.skip_static_export:
            print("  static export of a 600-page site ...", flush=True)
            try:
                static_export.report_static_export(say, static_export.measure(tmp, tmp / "static"))
            except server.ServerError as error:
                say(f"note: static export: FAILED: {error}")
                errors += 1

    say()
    say(f"runtime: {time.monotonic() - started:.0f}s; {errors} error(s)")
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("\n".join(say.lines) + "\n")
    print(f"written to {REPORT.relative_to(BASE_DIR)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
