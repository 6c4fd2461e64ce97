import json
import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cms.events.uitdatabank import (
    Importer,
    Region,
    UitdatabankError,
    fetch_events,
    parse_response,
)
from cms.events.uitdatabank.sample import sample_response
from cms.municipalities.config import load_sites

MAX_FILE_BYTES = 50 * 1024 * 1024


class Command(BaseCommand):
    help = (
        "Import events from UiTdatabank (Search API v3) into the municipalities' event "
        "pages: from the service (UITDATABANK_URL, UITDATABANK_API_KEY) or from a file."
    )

    def add_arguments(self, parser):
        parser.add_argument("--municipality", metavar="SLUG", help="Only this municipality.")
        parser.add_argument(
            "--file", metavar="FILE", help="A saved Search API response instead of the service."
        )
        parser.add_argument(
            "--sample",
            action="store_true",
            help="The bundled sample response, its dates moved to the coming weeks (the demo).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change and write nothing."
        )

    def handle(self, *args, municipality=None, file=None, dry_run=False, sample=False, **options):
        sites = load_sites(settings.SITES_DIR, settings.THEMES_DIR)
        configs = list(sites.municipalities.values())
        slugs = [config.slug for config in configs]
        if municipality is not None and municipality not in slugs:
            raise CommandError(
                f"unknown municipality {municipality[:60]!r}; known: {', '.join(sorted(slugs))}"
            )
        chosen = [municipality] if municipality else slugs
        region = Region(configs)
        if file and sample:
            raise CommandError("choose --file or --sample, not both")
        try:
            if sample:
                data = sample_response(timezone.localdate())
            else:
                data = self._read(file) if file else self._fetch(region, chosen)
            events = parse_response(data)
        except UitdatabankError as error:
            source = file or "UiTdatabank"
            raise CommandError(f"{source}: refused, nothing imported:\n{error}") from error
        complete = not (file or sample)
        report = Importer(region, chosen).run(events, dry_run=dry_run, complete=complete)
        for line in report.lines(prefix="would " if dry_run else ""):
            self.stdout.write(line)

    def _read(self, file):
        path = Path(file)
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise UitdatabankError(f"larger than {MAX_FILE_BYTES // 1024 // 1024} MB")
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise CommandError(f"{file}: cannot read: {error}") from error
        try:
            return json.loads(text)
        except ValueError as error:
            raise UitdatabankError(f"not JSON: {error}") from error

    def _fetch(self, region, slugs):
        url, key = os.environ.get("UITDATABANK_URL", ""), os.environ.get("UITDATABANK_API_KEY", "")
        postcodes = {code for slug in slugs for code in region.postcodes(slug)}
        return fetch_events(url, key, postcodes)
