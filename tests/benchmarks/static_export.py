"""`make bench`, static export: how long `export_static` takes for a 600-page site.

On a copy of the demo database (never the demo itself) a child process first publishes
content pages on Kortrijk's site until an export holds TARGET_PAGES pages (every language
counted), then `manage.py export_static kortrijk` runs under cms.settings.production (the
hashed static names of ManifestStaticFilesStorage, collected by run.py) in a process of its
own, timed from its start to its end (Django's start-up included). Printed, never asserted:

    python -m tests.benchmarks.static_export    # alone, after `make demo`
"""

import argparse
import json
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

from . import server
from .demo_db import copy_database
from .report import Report

BASE_DIR = Path(__file__).resolve().parents[2]
DEMO_DB = BASE_DIR / "var" / "voordeur.sqlite3"
DEMO_MEDIA = BASE_DIR / "var" / "media"
TARGET_PAGES = 600
MUNICIPALITY = "kortrijk"
PARAGRAPHS = 4

__all__ = ["measure", "report_static_export"]


def _grow_site(target):
    """(child process) Publish content pages under an "Archief" page of the municipality
    until its export holds ``target`` pages; prints {"before": n, "after": m}."""
    import django

    django.setup()
    from cms.municipalities.models import Municipality
    from cms.pages.models import ContentPage
    from cms.staticexport.pages import public_pages, site_homes

    municipality = Municipality.objects.select_related("site").get(slug=MUNICIPALITY)
    homes = site_homes(municipality, municipality.languages)
    before = public_pages(homes).count()
    home = municipality.site.root_page.specific
    archive = ContentPage(title="Archief", slug="archief-bench", summary="Oudere berichten.")
    home.add_child(instance=archive)
    archive.save_revision().publish()
    text = "<p>" + "Een alinea over de dienstverlening van de stad. " * 12 + "</p>"
    for number in range(max(target - before - 1, 0)):
        page = ContentPage(
            title=f"Archiefbericht {number:04d}",
            slug=f"archiefbericht-{number:04d}",
            summary=f"Archiefbericht nummer {number}.",
            body=json.dumps(
                [{"type": "heading", "value": {"text": "Wat", "level": "h2"}}]
                + [{"type": "paragraph", "value": text}] * PARAGRAPHS
            ),
        )
        archive.add_child(instance=page)
        page.save_revision().publish()
    print(json.dumps({"before": before, "after": public_pages(homes).count()}))


def measure(tmp, static_root):
    """``{"pages", "files", "seconds", "before"}`` of one export of the grown site."""
    database = copy_database(DEMO_DB, tmp / "static-export.sqlite3")
    env = server.production_env(
        database=database, static_root=static_root, secret_key=secrets.token_urlsafe(50)
    )
    env["MEDIA_ROOT"] = str(tmp / "static-export-media")
    if DEMO_MEDIA.is_dir():
        shutil.copytree(DEMO_MEDIA, env["MEDIA_ROOT"])
    grow = dict(env, DJANGO_SETTINGS_MODULE="cms.settings.dev")
    server.run_python(["manage.py", "migrate", "-v0"], grow, "Migrating the copy")
    grown = json.loads(
        server.run_python(
            ["-m", "tests.benchmarks.static_export", "--grow", str(TARGET_PAGES)],
            grow,
            "Adding pages for the static export",
        ).splitlines()[-1]
    )
    output = tmp / "static-copy"
    started = time.monotonic()
    printed = server.run_python(
        ["manage.py", "export_static", MUNICIPALITY, "--output", str(output)],
        env,
        "export_static",
    )
    seconds = time.monotonic() - started
    files = sum(1 for path in output.rglob("*") if path.is_file())
    return {
        "pages": int(printed.split(": ", 1)[1].split()[0]),
        "files": files,
        "seconds": seconds,
        "before": grown["before"],
        "output": printed.strip(),
    }


def report_static_export(say, result):
    say()
    say("== Static export")
    say(
        f"manage.py export_static {MUNICIPALITY} (cms.settings.production, hashed static "
        f"files) on a copy of the demo database grown from {result['before']} to "
        f"{TARGET_PAGES} exportable pages (content pages of {PARAGRAPHS} paragraphs), in a "
        "process of its own, timed from start to end (Django's start-up included). "
        "Target: under 60 s."
    )
    say.table(
        ["pages", "files", "seconds", "pages/s", "<60s"],
        [
            [
                result["pages"],
                result["files"],
                f"{result['seconds']:.1f}",
                f"{result['pages'] / result['seconds']:.1f}",
                "yes" if result["seconds"] < 60 else "NO",
            ]
        ],
        ">>>>>",
    )
    say(f"export_static said: {result['output']}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--grow", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.grow:
        return _grow_site(args.grow)
    if not DEMO_DB.exists():
        raise SystemExit(f"{DEMO_DB} does not exist: run `make demo` first.")
    with tempfile.TemporaryDirectory(prefix="voordeur-bench-") as tmp:
        tmp = Path(tmp)
        env = server.production_env(
            database=DEMO_DB, static_root=tmp / "static", secret_key=secrets.token_urlsafe(50)
        )
        server.collectstatic(env)
        report_static_export(Report(), measure(tmp, tmp / "static"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
