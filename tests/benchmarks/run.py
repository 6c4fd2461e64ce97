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

The demo database is never written to. The figures are printed and written to
var/bench/foundation.txt; nothing is asserted about them. The run exits non-zero only when
the server does not start or answers with errors.
"""

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import re
import secrets
import shlex
import sqlite3
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from . import cpu, pages, server, wrk

BASE_DIR = Path(__file__).resolve().parents[2]
DEMO_DB = BASE_DIR / "var" / "voordeur.sqlite3"
REPORT = BASE_DIR / "var" / "bench" / "foundation.txt"
REPRODUCE = "make bench"

# What the issue asks of the foundation: figures beside these, never asserted.
TARGET_RPS = 300
TARGET_QUERIES = 10

# The pages loaded with wrk: (label, path). The static file's path is read from the home page.
LOADED = [
    ("home page", "/"),
    ("content page", "/over/"),
    ("local service page", "/diensten/identiteitskaart/"),
    ("search results", "/zoeken/?q=identiteitskaart"),
    ("search, no results", "/zoeken/?q=qqxzvw"),
]
# The joint search's results page (issue #5) has its own target.
SEARCH_TARGET_RPS = 200
STATIC_CSS = re.compile(r'href="(/static/css/base\.[0-9a-f]{12}\.css)"')


class Report:
    """Lines printed as they come and kept for var/bench/foundation.txt."""

    def __init__(self):
        self.lines = []

    def __call__(self, line=""):
        print(line, flush=True)
        self.lines.append(line)

    def table(self, header, rows, align):
        widths = [
            max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)
        ]

        def line(cells):
            return "  ".join(
                str(cell).ljust(width) if side == "<" else str(cell).rjust(width)
                for cell, width, side in zip(cells, widths, align, strict=True)
            ).rstrip()

        self(line(header))
        self("  ".join("-" * width for width in widths))
        for row in rows:
            self(line(row))


def copy_database(source, target):
    """A consistent copy of an SQLite database (WAL included) through the backup API."""
    with (
        sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src,
        sqlite3.connect(target) as dst,
    ):
        src.backup(dst)
    return target


def site_host(database, slug="kortrijk"):
    """The Host header (hostname:port) of the municipality's Wagtail site in ``database``."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        row = db.execute(
            "SELECT s.hostname, s.port FROM wagtailcore_site s "
            "JOIN municipalities_municipality m ON m.site_id = s.id WHERE m.slug = ?",
            (slug,),
        ).fetchone()
    if row is None:
        raise SystemExit(f"No site for {slug!r} in {database}: run `make demo` first.")
    return f"{row[0]}:{row[1]}"


def page_count(database):
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        return db.execute("SELECT COUNT(*) FROM wagtailcore_page WHERE live").fetchone()[0]


def cpus():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count()


def machine():
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = ", ".join(
        f"{name} {metadata.version(name)}" for name in ("Django", "wagtail", "gunicorn")
    )
    return [
        f"machine:  {cpus()} CPUs (nproc){f', {model}' if model else ''}; {platform.platform()}",
        f"software: Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{versions}",
    ]


# -- SQL queries ----------------------------------------------------------------------------


def count_queries(database, *, page_cache_seconds=None):
    """The counts of tests/benchmarks/queries.py; ``page_cache_seconds`` None leaves
    PAGE_CACHE_SECONDS unset (the page cache on, its default), 0 turns the page cache off."""
    env = server.clean_env()
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=f"sqlite:///{database}",
        PYTHONDONTWRITEBYTECODE="1",
    )
    if page_cache_seconds is not None:
        env["PAGE_CACHE_SECONDS"] = str(page_cache_seconds)
    try:
        output = server.run_python(
            ["-m", "tests.benchmarks.queries", "--json"], env, "Counting queries"
        )
    except server.ServerError as error:
        raise SystemExit(str(error)) from error
    return json.loads(output.strip().splitlines()[-1])


def report_queries(say, render, cached):
    """The counts with the page cache off (``render``) and on (``cached``). Returns #errors."""
    small, large = (str(size) for size in render["sizes"])
    say(
        f"SQL queries per request, counted in-process (cms.settings.dev, test client) on copies "
        f"of the demo database with {small} and then {large} children in every listing "
        f"(news, events, locations) and in the main menu."
    )
    say(
        f"render@{small}, render@{large}: THE figures for the <={TARGET_QUERIES} target. The "
        "third request to the page with the page cache off (PAGE_CACHE_SECONDS=0): what "
        "rendering the page costs, paid by every request of a logged-in editor and by an "
        "anonymous visitor whenever the page is not in the cache. 'growth' compares them."
    )
    say(
        f"cached: the same third request with the page cache on (PAGE_CACHE_SECONDS="
        f"{cached['page_cache_seconds']}, the default), a cache hit: what an anonymous visitor "
        "gets once the page is cached (the one query reads the content generation). "
        "'cold': the first request after emptying Django's cache and the content-type cache, "
        "page cache off. 'menu items' and 'listed' are what the page showed with "
        f"{small} / {large} children: the proof that the children were rendered (news and "
        "events paginate by 12; the home page shows 3 news and 3 events)."
    )
    say()
    rows, errors, not_hits, not_off = [], 0, [], []
    for key, row in render[small].items():
        big = render[large][key]
        hits = [cached[size].get(key) for size in (small, large)]
        statuses = {row["status"], big["status"], *(hit["status"] for hit in hits if hit)}
        if statuses != {200} or None in hits:
            errors += 1
        if any(hit is None or hit["page_cache"] != "hit" for hit in hits):
            not_hits.append(row["label"])
        if row["page_cache"] or big["page_cache"]:
            not_off.append(row["label"])
        # The cached count with 10 and with 100 children, once when it is the same.
        cached_counts = [hit["warm"] if hit else "-" for hit in hits]
        if cached_counts[0] == cached_counts[1]:
            cached_counts = cached_counts[:1]
        listed = f"{row['listed']} / {big['listed']}" if row["listed"] is not None else "-"
        rows.append(
            [
                row["label"],
                f"{row['host'].split(':')[0]}{row['path']}",
                "/".join(str(status) for status in sorted(statuses)),
                row["cold"],
                row["warm"],
                big["warm"],
                "same" if big["warm"] == row["warm"] else f"{big['warm'] - row['warm']:+d}",
                " / ".join(str(n) for n in cached_counts),
                f"{row['menu_items']} / {big['menu_items']}",
                listed,
                "yes" if max(row["warm"], big["warm"]) <= TARGET_QUERIES else "NO",
            ]
        )
    say.table(
        [
            "page type",
            "url",
            "status",
            "cold",
            f"render@{small}",
            f"render@{large}",
            "growth",
            "cached",
            "menu items",
            "listed",
            f"render<={TARGET_QUERIES}",
        ],
        rows,
        "<<>>>>>><<<",
    )
    if not_hits:
        say(
            "note: not served from the page cache when it was on (X-Page-Cache was not 'hit'), "
            f"so 'cached' is a render: {', '.join(not_hits)}."
        )
    if not_off:
        say(
            "note: X-Page-Cache was set with PAGE_CACHE_SECONDS=0, so 'render' may not be a "
            f"render: {', '.join(not_off)}."
        )
    return errors


# -- Throughput -----------------------------------------------------------------------------

# The two servers: (mode, PAGE_CACHE_SECONDS for its environment, None: left unset).
MODES = [("cached", None), ("render", 0)]


def load(wrk_path, gunicorn, host, args, mode):
    """Check each URL answers 200, warm it up, then measure it with wrk.

    Returns (rows of measurements, notes, #errors)."""
    port = gunicorn.port
    headers = {"Host": host, "X-Forwarded-Proto": "https"}
    status, body = server.get(port, "/", host, headers)
    match = STATIC_CSS.search(body.decode(errors="replace"))
    if status != 200 or match is None:
        note = f"{mode}: the home page answered {status} without a hashed base.css link."
        return [], [note], 1
    targets = [*LOADED, ("static file", match.group(1))]

    errors, results, notes = 0, [], []
    options = {"headers": headers, "threads": args.threads, "connections": args.connections}
    for label, path in targets:
        status, body = server.get(port, path, host, headers)
        if status != 200:
            notes.append(f"{mode} {label}: {path} answered {status}, not 200: not loaded.")
            errors += 1
            continue
        url = f"http://127.0.0.1:{port}{path}"
        wrk.run(wrk_path, url, duration=args.warmup, **options)
        # After the warm-up every worker has the page in its cache, if the page cache is on.
        _, response_headers, _ = server.fetch(port, path, host, headers)
        page_cache = response_headers.get("X-Page-Cache") or "-"
        boots = gunicorn.worker_boots()
        sample = cpu.Sample(gunicorn.pid).start()
        result = wrk.run(wrk_path, url, duration=args.duration, **options)
        sample.stop()
        recycled = gunicorn.worker_boots() - boots
        if recycled:
            notes.append(f"{mode}: {recycled} gunicorn worker(s) booted while measuring {label}.")
        results.append((mode, label, path, len(body), page_cache, result, sample))
        print(f"  {mode} {label}: {result.requests_per_second:,.0f} req/s", flush=True)
    return results, notes, errors


def report_throughput(say, results, cache_seconds):
    """One table of both servers' measurements. Returns #errors."""
    static = {mode: result for mode, label, _, _, _, result, _ in results if label == "static file"}
    rows, errors, busy_by_mode = [], 0, {}
    for mode, label, path, size, page_cache, result, sample in results:
        errors += result.errors
        if sample.others_cpus is not None:
            busy_by_mode.setdefault(mode, []).append(sample.others_cpus)
        baseline = static.get(mode)
        ratio = (
            f"{result.requests_per_second / baseline.requests_per_second:.2f}" if baseline else "-"
        )
        target = ""
        if label != "static file":
            goal = SEARCH_TARGET_RPS if path.startswith("/zoeken/") else TARGET_RPS
            target = "yes" if result.requests_per_second >= goal else f"NO (<{goal})"
        cpu_ms = sample.server_ms_per_request(result.requests)
        # What the CPU cost allows when gunicorn and wrk have every CPU to themselves.
        bound = None
        if cpu_ms:
            wrk_ms = sample.wrk * 1000 / result.requests if result.requests else 0
            bound = cpus() * 1000 / (cpu_ms + wrk_ms)
        rows.append(
            [
                mode,
                label,
                path,
                f"{size:,}",
                page_cache,
                f"{result.requests_per_second:,.0f}",
                f"{result.p50_ms:.1f}",
                f"{result.p99_ms:.1f}",
                ratio,
                f"{cpu_ms:.2f}" if cpu_ms is not None else "-",
                f"{bound:,.0f}" if bound else "-",
                f"{result.requests:,}",
                result.non_2xx_3xx,
                sum(result.socket_errors.values()),
                target,
            ]
        )
    say.table(
        [
            "mode",
            "page",
            "path",
            "bytes",
            "X-Page-Cache",
            "req/s",
            "p50 ms",
            "p99 ms",
            "/static",
            "CPU ms/req",
            "CPU bound",
            "requests",
            "non-2xx",
            "sock err",
            f">={TARGET_RPS}",
        ],
        rows,
        "<<<><>>>>>>>>><",
    )
    say()
    say(
        f"The /zoeken/ rows are held to {SEARCH_TARGET_RPS} req/s (the joint search's target), "
        f"the other pages to {TARGET_RPS}."
    )
    say(
        f"cached: page cache on (PAGE_CACHE_SECONDS={cache_seconds.get('cached', '?')}, the "
        "production default): what anonymous visitors get after the first request to a page, "
        f"for {cache_seconds.get('cached', '?')} s or until the next publish (each worker "
        "keeps its own local-memory cache). render: page cache off (PAGE_CACHE_SECONDS="
        f"{cache_seconds.get('render', '?')}): every request rendered, what a logged-in "
        "editor or a cold cache costs. The >= target applies to both. X-Page-Cache: the "
        "header of one request made after the warm-up."
    )
    say(
        "/static: req/s relative to the static file of the same server (the figure to quote). "
        "CPU ms/req: user+system CPU time of gunicorn's master and workers per request, "
        "which depends much less on what else the machine is doing. CPU bound: the req/s "
        f"that cost allows if gunicorn and wrk had all {cpus()} CPUs to themselves "
        "(CPUs x 1000 / (server + wrk CPU ms per request)), an estimate, not a measurement."
    )
    busy = [value for values in busy_by_mode.values() for value in values]
    if busy:
        ranges = "; ".join(
            f"{min(values):.2f}-{max(values):.2f} during the {mode} runs"
            for mode, values in busy_by_mode.items()
            if values
        )
        say(
            f"Other processes kept this many of the {cpus()} CPUs busy: {ranges}"
            + (
                ". The machine was NOT quiet: req/s and latency are lower than they would be."
                if max(busy) > 0.2
                else "."
            )
        )
    return errors


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

    say()
    say(f"runtime: {time.monotonic() - started:.0f}s; {errors} error(s)")
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("\n".join(say.lines) + "\n")
    print(f"written to {REPORT.relative_to(BASE_DIR)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
