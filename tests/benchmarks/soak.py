"""`make soak`: a minute of load per URL, and whether the server stays whole.

    python -m tests.benchmarks.soak        (SOAK_SECONDS=10 for a quick look; default 60)

gunicorn (2 workers, cms.settings.production, worker recycling off) on a copy of the demo
database, loaded with wrk on loopback (-t2 -c64) for SOAK_SECONDS per URL: Kortrijk's home
page, a local service page, a search and a form POST (a valid contact form with its CSRF
cookie and token; the forms rate limit raised for the run, e-mail to the dummy backend,
every submission stored in the copy). Two servers, one after the other: page cache on
(PAGE_CACHE_SECONDS=60) and off (0). Printed and written to var/bench/soak.txt: requests,
req/s, socket errors, non-2xx/3xx answers, p50/p99 and each worker's resident memory
before and after each run. Targets: 0 errors, memory growth under 10 %. Nothing is asserted;
the exit status is non-zero when a run had errors or the server failed.
"""

import datetime as dt
import http.client
import os
import re
import secrets
import shlex
import sqlite3
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

from . import cpu, server, wrk
from .cpu import _children
from .demo_db import copy_database, site_host
from .report import Report, cpus, machine

BASE_DIR = Path(__file__).resolve().parents[2]
DEMO_DB = BASE_DIR / "var" / "voordeur.sqlite3"
REPORT = BASE_DIR / "var" / "bench" / "soak.txt"
THREADS, CONNECTIONS = 2, 64
# wrk gives up on an answer after this long and counts a timeout error: gunicorn's own
# worker timeout, not wrk's default of 2 s (64 connections queue on 2 sync workers).
TIMEOUT = "30s"
TARGET_GROWTH = 10.0
MODES = [("cached", 60), ("render", 0)]
FORM = "/contactformulier/"
LOADED = [
    ("home page", "GET", "/"),
    ("local service page", "GET", "/diensten/identiteitskaart/"),
    ("search", "GET", "/zoeken/?q=paspoort"),
    ("form POST", "POST", FORM),
]
FORM_FIELDS = {
    "naam": "Soak Test",
    "e_mailadres": "soak@example.org",
    "onderwerp": "Algemene vraag",
    "uw_vraag": "Een vraag van de soak-test.",
    "website_": "",  # the honeypot, left empty as a person would
}
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def rss_kb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def workers_rss(master_pid):
    """{worker pid: resident memory in KB} of the gunicorn master's workers."""
    return {pid: rss_kb(pid) for pid in sorted(_children(master_pid))}


def form_headers(port, host, headers):
    """The POST's headers and body: a CSRF cookie and its token from a GET of the form."""
    status, response_headers, body = request(port, "GET", FORM, {"Host": host, **headers})
    cookie = response_headers.get("Set-Cookie", "")
    token = CSRF_TOKEN.search(body)
    csrf_cookie = re.search(r"csrftoken=([^;]+)", cookie)
    if status != 200 or not token or not csrf_cookie:
        raise server.ServerError(f"GET {FORM}: {status}, no CSRF cookie and token")
    post_headers = {
        **headers,
        "Cookie": f"csrftoken={csrf_cookie.group(1)}",
        "Origin": f"https://{host}",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    fields = {"csrfmiddlewaretoken": token.group(1), **FORM_FIELDS}
    return post_headers, urllib.parse.urlencode(fields)


def request(port, method, path, headers, body=None):
    """(status, headers, text) of one request; a cold worker may take its time."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode(errors="replace")
    finally:
        connection.close()


def run_wrk(wrk_path, url, headers, duration, script=None):
    args = wrk.command(
        wrk_path,
        url,
        headers=headers,
        threads=THREADS,
        connections=CONNECTIONS,
        duration=duration,
    )
    args[-1:-1] = ["--timeout", TIMEOUT, *(["-s", str(script)] if script else [])]
    result = subprocess.run(
        args, capture_output=True, text=True, timeout=duration + 60, check=False
    )
    if result.returncode != 0:
        raise wrk.WrkError(f"{shlex.join(args)} exited {result.returncode}:\n{result.stderr}")
    return wrk.parse(result.stdout)


def soak(wrk_path, gunicorn, host, mode, tmp, duration, warmup):
    """Each URL: a check, a warm-up, memory, SOAK_SECONDS of wrk, memory. Rows, notes."""
    port = gunicorn.port
    headers = {"Host": host, "X-Forwarded-Proto": "https"}
    rows, notes = [], []
    for label, method, path in LOADED:
        script, request_headers = None, headers
        if method == "POST":
            request_headers, body = form_headers(port, host, headers)
            status, _, text = request(port, "POST", FORM, request_headers, body)
            if status != 200 or "csrfmiddlewaretoken" in text:
                notes.append(f"{mode} {label}: one POST answered {status} with the form again")
                continue
            script = tmp / "post.lua"
            script.write_text(f'wrk.method = "POST"\nwrk.body = [==[{body}]==]\n')
        else:
            status, _, _ = request(port, "GET", path, headers)
            if status != 200:
                notes.append(f"{mode} {label}: {path} answered {status}, not 200: not loaded")
                continue
        url = f"http://127.0.0.1:{port}{path}"
        run_wrk(wrk_path, url, request_headers, warmup, script)
        before = workers_rss(gunicorn.pid)
        sample = cpu.Sample(gunicorn.pid).start()
        result = run_wrk(wrk_path, url, request_headers, duration, script)
        sample.stop()
        after = workers_rss(gunicorn.pid)
        if set(before) != set(after):
            notes.append(f"{mode} {label}: workers changed {sorted(before)} -> {sorted(after)}")
        rows.append((mode, label, method, path, result, before, after, sample.others_cpus))
        print(
            f"  {mode} {label}: {result.requests_per_second:,.0f} req/s, {result.errors} errors",
            flush=True,
        )
    return rows, notes


def growth(before, after):
    """The largest growth in % of a worker that lived through the run."""
    common = [pid for pid in before if pid in after and before[pid]]
    if not common:
        return None
    return max((after[pid] - before[pid]) * 100 / before[pid] for pid in common)


def mb(values):
    return " ".join(f"{kb / 1024:.1f}" for _pid, kb in sorted(values.items()))


def report(say, rows):
    table, errors = [], 0
    for mode, _label, method, path, result, before, after, busy in rows:
        socket_errors = sum(result.socket_errors.values())
        errors += result.errors
        grown = growth(before, after)
        table.append(
            [
                f"{method} {path}",
                mode,
                f"{result.requests:,}",
                f"{result.requests_per_second:,.0f}",
                socket_errors,
                result.non_2xx_3xx,
                f"{result.p50_ms:.1f}",
                f"{result.p99_ms:.1f}",
                mb(before),
                mb(after),
                f"{grown:+.1f}" if grown is not None else "-",
                f"{busy:.2f}" if busy is not None else "-",
            ]
        )
    say.table(
        [
            "URL",
            "cache",
            "requests",
            "req/s",
            "sock err",
            "non-2xx/3xx",
            "p50 ms",
            "p99 ms",
            "RSS MB before",
            "RSS MB after",
            "growth %",
            "others' CPUs",
        ],
        table,
        "<<>>>>>><<>>",
    )
    growths = [growth(before, after) for *_rest, before, after, _busy in rows]
    worst = max((value for value in growths if value is not None), default=None)
    say()
    say(
        f"errors: {errors} (target 0); largest worker growth in one run: "
        + (f"{worst:+.1f} %" if worst is not None else "-")
        + f" (target under {TARGET_GROWTH:.0f} %)"
    )
    say(
        f"RSS MB: each worker's resident memory before and after the run, after a warm-up; "
        f"wrk --timeout {TIMEOUT}. others' CPUs: how many of the {cpus()} CPUs other processes "
        "than gunicorn and wrk kept busy meanwhile (a busy machine lowers req/s, raises p99)."
    )
    return errors


def main():
    duration = int(os.environ.get("SOAK_SECONDS", "60"))
    warmup = int(os.environ.get("SOAK_WARMUP", "5"))
    if not DEMO_DB.exists():
        raise SystemExit(f"{DEMO_DB} does not exist: run `make demo` first.")
    wrk_path = wrk.ensure_wrk()
    say = Report()
    say(f"Voordeur soak, {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
    say(f"reproduce: make soak   (SOAK_SECONDS={duration}, SOAK_WARMUP={warmup})")
    for line in machine():
        say(line)
    say(
        f"load:     {wrk.wrk_version(wrk_path)} -t{THREADS} -c{CONNECTIONS} -d{duration}s, loopback"
    )
    errors, notes = 0, []
    with tempfile.TemporaryDirectory(prefix="voordeur-soak-") as tmp:
        tmp = Path(tmp)
        database = copy_database(DEMO_DB, tmp / "soak.sqlite3")
        host = site_host(database)
        secret_key = secrets.token_urlsafe(50)
        say(
            f"server:   gunicorn -c gunicorn.conf.py, {server.WORKERS} sync workers, recycling "
            f"off, cms.settings.production, a copy of the demo database (SQLite); Host: {host}"
        )
        say()
        rows = []
        for mode, seconds in MODES:
            env = server.production_env(
                database=database,
                static_root=tmp / "static",
                secret_key=secret_key,
                page_cache_seconds=seconds,
            )
            env.update(
                FORMS_RATE_LIMIT_COUNT=str(10**9),
                EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
            )
            if mode == MODES[0][0]:
                server.collectstatic(env)
            log = tmp / f"gunicorn-{mode}.log"
            try:
                with server.gunicorn(env, error_log=log) as gunicorn:
                    measured, more = soak(wrk_path, gunicorn, host, mode, tmp, duration, warmup)
                rows += measured
                notes += more
                errors += len(more)
            except (server.ServerError, wrk.WrkError, OSError, http.client.HTTPException) as error:
                notes.append(f"{mode}: FAILED: {error}")
                errors += 1
            problems = [
                line
                for line in log.read_text(errors="replace").splitlines()
                if line.strip() and "[INFO]" not in line
            ]
            if problems:
                notes.append(f"{mode}: gunicorn's error log (besides [INFO] lines):")
                notes += [f"  {line}" for line in problems[-20:]]
        errors += report(say, rows)
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
            query = "SELECT COUNT(*) FROM wagtailforms_formsubmission"
            submissions = db.execute(query).fetchone()[0]
    say(f"form submissions stored in the copy: {submissions:,}")
    for note in notes:
        say(note if note.startswith("  ") else f"note: {note}")
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("\n".join(say.lines) + "\n")
    print(f"written to {REPORT.relative_to(BASE_DIR)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
