"""`make bench`: how fast the demo region is served, and how many SQL queries each page costs.

    python -m tests.benchmarks.run [--duration 10] [--connections 16] [--threads 2]

1. SQL queries per page type, counted in-process (tests/benchmarks/queries.py) on a
   throwaway copy of var/voordeur.sqlite3, with 10 and then 100 children in every listing.
2. gunicorn (2 workers, cms.settings.production) on a second copy, loaded with wrk on
   loopback: requests per second and p50/p99 latency of the home page and a content page,
   beside a static file served by the same server in the same run. The ratio to the static
   file is the figure to quote: it cancels out most of the machine's speed.

The demo database is never written to. The figures are printed and written to
var/bench/foundation.txt; nothing is asserted about them. The run exits non-zero only when
the server does not start or answers with errors.
"""

import argparse
import datetime as dt
import json
import os
import platform
import re
import secrets
import shlex
import sqlite3
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from . import cpu, server, wrk

BASE_DIR = Path(__file__).resolve().parents[2]
DEMO_DB = BASE_DIR / "var" / "voordeur.sqlite3"
REPORT = BASE_DIR / "var" / "bench" / "foundation.txt"
REPRODUCE = "make bench"

# What the issue asks of the foundation: figures beside these, never asserted.
TARGET_RPS = 300
TARGET_QUERIES = 10

# The pages loaded with wrk: (label, path). The static file's path is read from the home page.
LOADED = [("home page", "/"), ("content page", "/over/")]
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


def count_queries(database):
    env = server.clean_env()
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=f"sqlite:///{database}",
        PYTHONDONTWRITEBYTECODE="1",
    )
    result = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.queries", "--json"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"Counting queries failed:\n{result.stdout}{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def report_queries(say, counts):
    small, large = (str(size) for size in counts["sizes"])
    say(
        f"SQL queries per request, counted in-process (cms.settings.dev, test client) on a copy "
        f"of the demo database with {small} and then {large} children in every listing "
        f"(news, events, locations) and in the main menu."
    )
    say(
        "'warm' is the figure: the third request to the page; 'cold' is the first after "
        "emptying Django's cache and the content-type cache. 'menu items' and 'listed' are what "
        f"the page showed with {small} / {large} children: the proof that the children were "
        "rendered (news and events paginate by 12; the home page shows 3 news and 3 events)."
    )
    say()
    rows, errors = [], 0
    for key, row in counts[small].items():
        big = counts[large][key]
        if row["status"] != 200 or big["status"] != 200:
            errors += 1
        listed = f"{row['listed']} / {big['listed']}" if row["listed"] is not None else "-"
        rows.append(
            [
                row["label"],
                f"{row['host'].split(':')[0]}{row['path']}",
                row["status"]
                if row["status"] == big["status"]
                else f"{row['status']}/{big['status']}",
                row["cold"],
                row["warm"],
                big["warm"],
                "same" if big["warm"] == row["warm"] else f"{big['warm'] - row['warm']:+d}",
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
            f"warm@{small}",
            f"warm@{large}",
            "growth",
            "menu items",
            "listed",
            f"<={TARGET_QUERIES}",
        ],
        rows,
        "<<>>>>><<<",
    )
    return errors


# -- Throughput -----------------------------------------------------------------------------


def load(say, wrk_path, gunicorn, host, args):
    """Check each URL answers 200, warm it up, then measure it with wrk. Returns #errors."""
    port = gunicorn.port
    headers = {"Host": host, "X-Forwarded-Proto": "https"}
    status, body = server.get(port, "/", host, headers)
    match = STATIC_CSS.search(body.decode(errors="replace"))
    if status != 200 or match is None:
        say(f"The home page answered {status} without a hashed base.css link: cannot go on.")
        return 1
    targets = [*LOADED, ("static file", match.group(1))]

    errors, results = 0, {}
    options = {"headers": headers, "threads": args.threads, "connections": args.connections}
    for label, path in targets:
        status, body = server.get(port, path, host, headers)
        if status != 200:
            say(f"{label}: {path} answered {status}, not 200: not loaded.")
            errors += 1
            continue
        url = f"http://127.0.0.1:{port}{path}"
        wrk.run(wrk_path, url, duration=args.warmup, **options)
        boots = gunicorn.worker_boots()
        sample = cpu.Sample(gunicorn.pid).start()
        result = wrk.run(wrk_path, url, duration=args.duration, **options)
        sample.stop()
        results[label] = (path, len(body), result, sample, gunicorn.worker_boots() - boots)
        print(f"  {label}: {result.requests_per_second:,.0f} req/s", flush=True)

    command = shlex.join(
        wrk.command(
            "wrk",
            "http://127.0.0.1:PORT/PATH",
            headers=headers,
            threads=args.threads,
            connections=args.connections,
            duration=args.duration,
        )
    )
    say(f"Each URL: a {args.warmup}s warm-up, then {command}")
    say()
    static = results.get("static file")
    rows, busy = [], []
    for label, (path, size, result, sample, recycled) in results.items():
        errors += result.errors
        ratio = (
            f"{result.requests_per_second / static[2].requests_per_second:.2f}" if static else "-"
        )
        target = ""
        if label != "static file":
            target = "yes" if result.requests_per_second >= TARGET_RPS else "NO"
        cpu_ms = sample.server_ms_per_request(result.requests)
        # What the CPU cost allows when gunicorn and wrk have every CPU to themselves.
        bound = None
        if cpu_ms:
            wrk_ms = sample.wrk * 1000 / result.requests if result.requests else 0
            bound = cpus() * 1000 / (cpu_ms + wrk_ms)
        if sample.others_cpus is not None:
            busy.append(sample.others_cpus)
        rows.append(
            [
                label,
                path,
                f"{size:,}",
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
        if recycled:
            say(f"note: {recycled} gunicorn worker(s) (re)booted while measuring {label}.")
    say.table(
        [
            "page",
            "path",
            "bytes",
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
        "<<>>>>>>>>>><",
    )
    say()
    say(
        "/static: req/s relative to the static file in the same run (the figure to quote). "
        "CPU ms/req: user+system CPU time of gunicorn's master and workers per request, "
        "which depends much less on what else the machine is doing. CPU bound: the req/s "
        f"that cost allows if gunicorn and wrk had all {cpus()} CPUs to themselves "
        "(CPUs x 1000 / (server + wrk CPU ms per request)), an estimate, not a measurement."
    )
    if busy:
        say(
            f"Other processes kept {min(busy):.2f}-{max(busy):.2f} of the {cpus()} CPUs busy "
            "during the runs"
            + (
                ": the machine was NOT quiet; req/s and latency are lower than they would be."
                if max(busy) > 0.2
                else "."
            )
        )
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
            print("  counting (adds 400 pages to a copy of the demo database) ...", flush=True)
            counts = count_queries(copy_database(DEMO_DB, tmp / "queries.sqlite3"))
            errors += report_queries(say, counts)

        database = copy_database(DEMO_DB, tmp / "serve.sqlite3")
        host = site_host(database)
        env = server.production_env(
            database=database,
            static_root=tmp / "static",
            secret_key=secrets.token_urlsafe(50),
            max_requests=args.max_requests,
        )
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
            f"Host: {host}"
        )
        print("  collectstatic ...", flush=True)
        server.collectstatic(env)
        try:
            with server.gunicorn(env, error_log=tmp / "gunicorn.log") as gunicorn:
                errors += load(say, wrk_path, gunicorn, host, args)
        except (server.ServerError, wrk.WrkError) as error:
            say(f"FAILED: {error}")
            errors += 1
        problems = [
            line
            for line in (tmp / "gunicorn.log").read_text(errors="replace").splitlines()
            if line.strip() and "[INFO]" not in line
        ]
        if problems:
            say()
            say("gunicorn's error log (besides [INFO] lines):")
            for line in problems[-20:]:
                say(f"  {line}")

    say()
    say(f"runtime: {time.monotonic() - started:.0f}s; {errors} error(s)")
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("\n".join(say.lines) + "\n")
    print(f"written to {REPORT.relative_to(BASE_DIR)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
