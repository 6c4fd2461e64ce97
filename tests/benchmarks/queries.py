"""SQL queries per page type, counted in-process with Django's test client.

tests.benchmarks.run starts this in a subprocess against a throwaway copy of the demo
database, because it adds pages (news, events, locations, menu items) to that copy, twice:
once with the page cache off (PAGE_CACHE_SECONDS=0: every request renders the page) and
once with it on (the default: the warm request is a cache hit):

    DJANGO_SETTINGS_MODULE=cms.settings.dev DATABASE_URL=sqlite:////tmp/copy.sqlite3 \\
        PAGE_CACHE_SECONDS=0 .venv/bin/python -m tests.benchmarks.queries --json

``--explain KEY`` (e.g. ``--explain content``) prints instead every query of that page type,
warm, with the lines of code that ran it; ``--children 100`` does so with 100 children. It
turns the page cache off unless PAGE_CACHE_SECONDS is set, so that it shows the render.

Each listing (the news index, the event index, the contact page's locations and the main
menu on every page) gets 10 children and then 100: a page type's count must be the same
for both. "cold" is a page's first request after emptying Django's cache (the page cache
with it) and the content type cache; "warm" is the third request. With the page cache off
"warm" is what rendering the page costs; with it on, what a cache hit costs. Each row also
says what the warm response's X-Page-Cache header was ("hit", "miss" or None).
"""

import argparse
import datetime as dt
import json
import os
import sys
import traceback
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
SIZES = (10, 100)
MUNICIPALITY = "kortrijk"


def _refuse_unsafe_database():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("sqlite:///"):
        sys.exit("queries: set DATABASE_URL=sqlite:///<a throwaway copy>; this adds pages to it.")
    if Path(url.removeprefix("sqlite://")).resolve() == BASE_DIR / "var" / "voordeur.sqlite3":
        sys.exit("queries: refusing to add pages to the demo database; give it a copy.")


class Bench:
    """The municipality under test, its pages and what the bench added to them."""

    def __init__(self):
        from wagtail.models import Locale, Site

        from cms.events.models import EventIndexPage
        from cms.locations.models import ContactPage
        from cms.municipalities.models import Municipality
        from cms.news.models import NewsIndexPage
        from cms.pages.models import (
            AccessibilityStatementPage,
            ContentPage,
            HomePage,
            RegionPage,
        )

        municipality = Municipality.objects.select_related("site").get(slug=MUNICIPALITY)
        self.site = municipality.site
        self.host = f"{self.site.hostname}:{self.site.port}"
        self.home = HomePage.objects.get(pk=self.site.root_page_id)
        region_site = Site.objects.filter(root_page__in=RegionPage.objects.all()).first()
        self.region_host = f"{region_site.hostname}:{region_site.port}" if region_site else None
        self.news = NewsIndexPage.objects.child_of(self.home).get()
        self.events = EventIndexPage.objects.child_of(self.home).get()
        self.contact = ContactPage.objects.child_of(self.home).get()
        self.content = ContentPage.objects.child_of(self.home).get(slug="over")
        self.statement = AccessibilityStatementPage.objects.child_of(self.home).get()
        french = Locale.objects.filter(language_code="fr").first()
        self.french = self.home.get_translation_or_none(french) if french else None
        self.added = 0
        self.services = self.add_services()

    def add_services(self):
        """A small and a large local service (requirements, steps, channels, locations): the
        catalogue's query count must not grow with the size of a service."""
        from cms.catalogue.models import LocalServicePage, RegionalService, ServiceIndexPage
        from cms.locations.models import LocationPage

        index = ServiceIndexPage.objects.child_of(self.home).get()
        desks = list(LocationPage.objects.child_of(self.contact).values_list("pk", flat=True))
        desks = (desks * 10)[:10] if desks else []
        requirement = {
            "title": "Voorwaarde",
            "description": "",
            "evidence": [{"title": "Identiteitskaart", "description": ""}],
        }
        pages = {}
        for size, count in (("small", 1), ("large", 30)):
            service = RegionalService.objects.create(
                identifier=f"bench-{size}",
                name=f"Bench service {size}",
                short_description="A service the benchmark added.",
                description="<p>Regional description.</p>",
                locale=self.home.locale,
                requirements=[{"type": "requirement", "value": requirement}] * count,
                procedure=[{"type": "step", "value": {"title": "Stap", "description": ""}}] * count,
            )
            channels = [
                {"type": "channel", "value": {"kind": "desk", "location": desk}}
                for desk in desks[: max(1, count // 3)]
            ] + [{"type": "channel", "value": {"kind": "phone", "phone": "056 27 70 00"}}] * (
                max(1, count // 3)
            )
            page = LocalServicePage(
                title=service.name,
                slug=service.identifier,
                service=service,
                locations=[{"type": "location", "value": d} for d in desks[: max(1, count // 3)]],
                channels=channels,
            )
            index.add_child(instance=page)
            page.save_revision().publish()
            pages[size] = page
        return index, pages

    def add_children(self, total):
        """Bring each listing up to ``total`` bench children (news, events, locations, menu)."""
        from django.utils import timezone

        from cms.core.blocks import stream_data
        from cms.core.opening_hours import WeeklyHours
        from cms.events.models import EventPage
        from cms.locations.models import LocationPage
        from cms.news.models import NewsArticlePage
        from cms.pages.models import ContentPage

        today, now = timezone.localdate(), timezone.now()
        weekdays = ("monday", "tuesday", "wednesday", "thursday", "friday")
        locations = list(LocationPage.objects.child_of(self.contact).order_by("path"))
        for i in range(self.added, total):
            location = LocationPage(
                title=f"Bench location {i:03}",
                slug=f"bench-location-{i:03}",
                summary="A service point the benchmark added.",
                address=f"Grote Markt {i + 1}",
                postcode="8500",
                city="Kortrijk",
                phone="056 27 00 00",
                hours=stream_data(
                    WeeklyHours.from_config({day: ["09:00-12:30"] for day in weekdays})
                ),
            )
            self.contact.add_child(instance=location)
            locations.append(location)
        for i in range(self.added, total):
            self.news.add_child(
                instance=NewsArticlePage(
                    title=f"Bench news {i:03}",
                    slug=f"bench-news-{i:03}",
                    summary="An article the benchmark added.",
                    date=today - dt.timedelta(days=i),
                )
            )
            start = now + dt.timedelta(days=i + 1)
            self.events.add_child(
                instance=EventPage(
                    title=f"Bench event {i:03}",
                    slug=f"bench-event-{i:03}",
                    start=start,
                    end=start + dt.timedelta(hours=2),
                    # Half at a location page (a foreign key to follow), half at a place.
                    location=locations[i % len(locations)] if i % 2 == 0 else None,
                    place="" if i % 2 == 0 else "Schouwburg Kortrijk",
                )
            )
            self.home.add_child(
                instance=ContentPage(
                    title=f"Bench menu {i:03}", slug=f"bench-menu-{i:03}", show_in_menus=True
                )
            )
        self.added = total

    def page_types(self):
        """(key, label, host, path) of each page type measured."""
        from cms.events.models import EventPage
        from cms.locations.models import LocationPage
        from cms.news.models import NewsArticlePage

        def path(page):
            return page.get_url_parts()[2]

        article = NewsArticlePage.objects.child_of(self.news).order_by("path").first()
        event = (
            EventPage.objects.child_of(self.events)
            .filter(location__isnull=False)
            .order_by("path")
            .first()
        )
        location = LocationPage.objects.child_of(self.contact).order_by("path").first()
        rows = [
            ("home", "home page (menu, latest news and events)", self.host, path(self.home)),
            ("content", "content page", self.host, path(self.content)),
            ("news_index", "news index (news listing)", self.host, path(self.news)),
            ("news_article", "news article", self.host, path(article)),
            ("event_index", "event index (event listing)", self.host, path(self.events)),
            ("event", "event (at a location page)", self.host, path(event)),
            ("contact", "contact page (locations listing)", self.host, path(self.contact)),
            ("location", "location page", self.host, path(location)),
            ("statement", "accessibility statement", self.host, path(self.statement)),
        ]
        index, services = self.services
        rows += [
            ("services", "services index /diensten/ (A-Z)", self.host, path(index)),
            (
                "service_small",
                "local service: 1 requirement, 2 channels",
                self.host,
                path(services["small"]),
            ),
            (
                "service_large",
                "local service: 30 requirements, 20 channels, 10 locations",
                self.host,
                path(services["large"]),
            ),
        ]
        if self.region_host:
            rows.append(("region", "regional landing", self.region_host, "/"))
        if self.french:
            rows.append(("french", "French home page", self.host, path(self.french)))
        return rows


def _request(client, host, path):
    port = host.partition(":")[2]
    return client.get(path, HTTP_HOST=host, SERVER_PORT=port or "80")


def _forget_caches():
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    ContentType.objects.clear_cache()


# The page types whose listing grows with the children the bench adds.
LISTINGS = ("home", "news_index", "event_index", "contact")


def count(client, host, path, *, cold):
    """(response, number of queries) of one request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if cold:
        _forget_caches()
    # CaptureQueriesContext counts by position in a log of at most 9000 queries: the pages the
    # bench adds fill it, so empty it first.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as captured:
        response = _request(client, host, path)
    return response, len(captured)


def _menu_items(html):
    """How many items the page's main menu shows."""
    start = html.find('<nav class="main-nav"')
    return html.count("<li", start, html.find("</nav>", start)) if start >= 0 else 0


def _cards(html):
    """How many items the page lists (news, events, locations: each a card)."""
    return html.count('class="card"')


def measure(bench, client):
    results = {}
    for key, label, host, path in bench.page_types():
        first, cold = count(client, host, path, cold=True)
        count(client, host, path, cold=False)
        response, warm = count(client, host, path, cold=False)
        html = response.content.decode(errors="replace")
        results[key] = {
            "label": label,
            "host": host,
            "path": path,
            "status": response.status_code if first.status_code == 200 else first.status_code,
            "cold": cold,
            "warm": warm,
            "page_cache": response.get("X-Page-Cache"),
            "menu_items": _menu_items(html),
            "listed": _cards(html) if key in LISTINGS else None,
        }
    return results


# Frames that say nothing about where a query comes from.
_NOISE = (
    "<frozen",
    "runpy",
    "functools",
    "whitenoise/",
    "django/db/",
    "django/core/handlers",
    "django/utils/",
    "django/test/",
    "tests/benchmarks",
)


def explain(bench, client, key):
    """Print each query of a warm request for page type ``key`` and the code that ran it."""
    from django.db import connection

    rows = {row[0]: row for row in bench.page_types()}
    if key not in rows:
        sys.exit(f"queries: unknown page type {key!r}; choose from {', '.join(rows)}")
    _, label, host, path = rows[key]
    _request(client, host, path)
    log = []

    def wrapper(execute, sql, params, many, context):
        frames = [
            f"{frame.filename.split('site-packages/')[-1].replace(str(BASE_DIR) + '/', '')}"
            f":{frame.lineno} {frame.name}"
            for frame in traceback.extract_stack()[:-1]
            if not any(part in frame.filename for part in _NOISE)
        ]
        log.append((sql, frames[-5:]))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        response = _request(client, host, path)
    from django.conf import settings

    state = f"{settings.PAGE_CACHE_SECONDS}s" if settings.PAGE_CACHE_SECONDS else "off"
    print(
        f"{label}: {host}{path} -> {response.status_code}, {len(log)} queries (warm, "
        f"page cache {state}; X-Page-Cache: {response.get('X-Page-Cache')})"
    )
    for number, (sql, frames) in enumerate(log, 1):
        print(f"\n{number:2}. {sql[:300]}{' ...' if len(sql) > 300 else ''}")
        for frame in frames:
            print(f"      {frame}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    parser.add_argument("--explain", metavar="KEY", help="print the queries of one page type")
    parser.add_argument("--children", type=int, choices=SIZES, default=SIZES[0])
    args = parser.parse_args(argv)

    _refuse_unsafe_database()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    if args.explain:
        # What rendering costs, unless asked otherwise: a cache hit is 1 query.
        os.environ.setdefault("PAGE_CACHE_SECONDS", "0")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    bench = Bench()
    client = Client()
    if args.explain:
        bench.add_children(args.children)
        explain(bench, client, args.explain)
        return 0

    report = {
        "host": bench.host,
        "region_host": bench.region_host,
        "sizes": list(SIZES),
        "page_cache_seconds": settings.PAGE_CACHE_SECONDS,
    }
    for size in SIZES:
        bench.add_children(size)
        report[str(size)] = measure(bench, client)
    if args.json:
        print(json.dumps(report))
    else:
        seconds = settings.PAGE_CACHE_SECONDS
        print(f"page cache: {f'{seconds}s' if seconds else 'off (every request renders)'}")
        for key, row in report[str(SIZES[0])].items():
            counts = " ".join(f"{report[str(s)][key]['warm']:3}" for s in SIZES)
            print(
                f"{key:14} {row['path']:40} cold {row['cold']:3}  warm {counts}  "
                f"X-Page-Cache: {row['page_cache']}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
