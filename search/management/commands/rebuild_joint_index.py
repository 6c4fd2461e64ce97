"""``manage.py rebuild_joint_index``: rebuild the joint search index from the live pages."""

import sys
import time
from collections import Counter

from django.core.management.base import BaseCommand

from search.backends import get_backend, get_embedded_backend
from search.extract import SiteMap, document_for, indexable_pages

BAR_WIDTH = 40


class ProgressBar:
    """A plain-text bar on stderr, redrawn in place: [#####.....] 120/300 40%."""

    def __init__(self, total, stream):
        self.total, self.done, self.stream = max(total, 1), 0, stream

    def advance(self, count):
        self.done += count
        share = min(self.done / self.total, 1.0)
        filled = int(share * BAR_WIDTH)
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} {share:4.0%}")
        self.stream.flush()

    def finish(self):
        self.stream.write("\n")


class Command(BaseCommand):
    help = (
        "Rebuild the joint search index from every live, public page of the region: the "
        "embedded index, and the configured backend (e.g. Elasticsearch) when there is one."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--embedded-only",
            action="store_true",
            help="Rebuild only the embedded index (SQLite FTS5 or PostgreSQL).",
        )

    def handle(self, *args, embedded_only=False, **options):
        backends = [get_embedded_backend()]
        configured = get_backend()
        if not embedded_only and configured is not backends[0]:
            backends.append(configured)
        pages = indexable_pages()
        total = pages.count()
        for backend in backends:
            name = type(backend).__name__
            self.stderr.write(f"Rebuilding the joint index in {name} from {total} live pages")
            bar = ProgressBar(total, self.stderr if self.stderr else sys.stderr)
            per_municipality = Counter()
            sites = SiteMap()
            started = time.perf_counter()

            def documents(bar=bar, sites=sites, per_municipality=per_municipality):
                for page in pages.iterator(chunk_size=200):
                    doc = document_for(page, sites)
                    bar.advance(1)
                    if doc is not None:
                        per_municipality[doc["municipality"]] += 1
                        yield doc

            backend.rebuild(documents())
            bar.finish()
            seconds = time.perf_counter() - started
            indexed = sum(per_municipality.values())
            self.stdout.write(f"{name}: {indexed} documents in {seconds:.1f} s")
            self.stdout.write(f"  {indexed / max(seconds, 1e-9):.0f} documents/s")
            for slug, count in sorted(per_municipality.items()):
                self.stdout.write(f"  {slug:<20} {count:>6}")
