"""Page weight and render time of each page type, measured on the bench's render gunicorn.

tests.benchmarks.run calls ``measure`` while the gunicorn with the page cache off
(PAGE_CACHE_SECONDS=0) is running, so that each request renders its page.

Weight: what a browser loads for the page, apart from images: the HTML, each
``<link rel=stylesheet>`` and ``<script src>`` of the HTML, the ``@import`` of those
stylesheets, and the fonts of the ``@font-face`` rules in the fetched CSS and in the
page's inline ``<style>``. Each URL is counted once, uncompressed (the body's length as the
server sends it without Accept-Encoding). Every declared font is counted, even one the
page's text does not use: an upper bound. Any resource URL (stylesheet, script, font,
image, icon, iframe, CSS ``url()``) on another host than the page's own is reported as a
third-party request and not fetched.

Render time: the median of sequential requests to the page, after a warm-up, each on its
own loopback connection: what rendering costs on the server, as the client sees it. The
requests go round-robin over the page types, so that the machine's load drifts alike for all.
"""

import re
import sqlite3
import statistics
import time
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from . import server

MUNICIPALITY = "kortrijk"
BASELINE = "content"
WARMUP = 5
REPEATS = 30

# (key, label, how to find the path): a fixed path, or the first live child (by tree order)
# of that content type under the municipality's home page.
PAGE_TYPES = [
    ("home", "home page", "/"),
    ("content", "content page", "/over/"),
    ("news_index", "news index", ("news", "newsindexpage")),
    ("news_article", "news article", ("news", "newsarticlepage")),
    ("event_index", "event index", ("events", "eventindexpage")),
    ("event", "event", ("events", "eventpage")),
    ("contact", "contact page", ("locations", "contactpage")),
    ("location", "location page", ("locations", "locationpage")),
    ("statement", "accessibility statement", "/toegankelijkheid/"),
    ("privacy", "privacy", "/privacy/"),
    ("components", "component library", "/componenten/"),
    ("search", "search results", "/zoeken/?q=bibliotheek"),
    ("form", "form page", "/contactformulier/"),
    ("not_found", "404 page", "/bestaat-niet-bench/"),
    ("region", "regional landing", "/"),
]
EXPECTED_STATUS = {"not_found": 404}

FONT_FACE = re.compile(r"@font-face\s*{([^}]*)}", re.I)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)""", re.I)
RESOURCE_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "icon"}


def page_paths(database):
    """{key: (host, path)} of each page type in ``database`` (the demo database's copy)."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        host, root = db.execute(
            "SELECT s.hostname || ':' || s.port, p.path FROM wagtailcore_site s "
            "JOIN wagtailcore_page p ON p.id = s.root_page_id "
            "JOIN municipalities_municipality m ON m.site_id = s.id WHERE m.slug = ?",
            (MUNICIPALITY,),
        ).fetchone()
        region = db.execute(
            "SELECT s.hostname || ':' || s.port FROM wagtailcore_site s "
            "JOIN wagtailcore_page p ON p.id = s.root_page_id "
            "JOIN django_content_type ct ON ct.id = p.content_type_id "
            "WHERE ct.model = 'regionpage'"
        ).fetchone()
        root_url = db.execute(
            "SELECT url_path FROM wagtailcore_page WHERE path = ?", (root,)
        ).fetchone()[0]
        paths = {}
        for key, _, where in PAGE_TYPES:
            if key == "region":
                if region:
                    paths[key] = (region[0], "/")
            elif isinstance(where, str):
                paths[key] = (host, where)
            else:
                row = db.execute(
                    "SELECT p.url_path FROM wagtailcore_page p "
                    "JOIN django_content_type ct ON ct.id = p.content_type_id "
                    "WHERE p.live AND p.path LIKE ? AND ct.app_label = ? AND ct.model = ? "
                    "ORDER BY p.path LIMIT 1",
                    (f"{root}%", *where),
                ).fetchone()
                if row:
                    paths[key] = (host, "/" + row[0].removeprefix(root_url))
    return paths


class _Resources(HTMLParser):
    """The stylesheets, scripts, inline CSS and other resource URLs of an HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stylesheets, self.scripts, self.others, self.inline_css = [], [], [], []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "link":
            rels = set(attrs.get("rel", "").lower().split())
            if "stylesheet" in rels and attrs.get("href"):
                self.stylesheets.append(attrs["href"])
            elif rels & RESOURCE_RELS and attrs.get("href"):
                self.others.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])
        elif tag == "style":
            self._in_style = True
        if tag in {"img", "source", "iframe", "video", "audio", "embed"}:
            if attrs.get("src"):
                self.others.append(attrs["src"])
            for candidate in attrs.get("srcset", "").split(","):
                if candidate.strip():
                    self.others.append(candidate.split()[0])
        if "style" in attrs:
            self.inline_css.append(attrs["style"])

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.inline_css.append(data)


def _fonts_and_urls(css):
    """(font URLs of @font-face rules, every url() and @import) of a piece of CSS."""
    fonts = [url for rule in FONT_FACE.findall(css) for url in CSS_URL.findall(rule)]
    return fonts, CSS_URL.findall(css) + CSS_IMPORT.findall(css)


def weigh(port, host, path, headers):
    """The weight of one page: a dict of status, byte counts, requests, third-party URLs
    and problems (resources that did not answer 200)."""
    origin = f"https://{host.split(':')[0]}"
    base = urljoin(origin + "/", path)
    status, body = server.get(port, path, host, headers)
    weight = {"status": status, "html": len(body), "css": 0, "js": 0, "fonts": 0}
    weight.update(requests=1, third_party=[], problems=[])
    parser = _Resources()
    parser.feed(body.decode(errors="replace"))
    seen = set()

    def own(url):
        """The path to fetch of ``url`` if it is on the page's host, else None (noted)."""
        absolute = urljoin(base, url.strip())
        parts = urlsplit(absolute)
        if parts.scheme == "data":
            return None
        if parts.hostname != host.split(":")[0]:
            if absolute not in weight["third_party"]:
                weight["third_party"].append(absolute)
            return None
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def load(url, kind, css_base=None):
        target = own(urljoin(css_base, url) if css_base else url)
        if target is None or target in seen:
            return None
        seen.add(target)
        got, content = server.get(port, target, host, headers)
        weight["requests"] += 1
        weight[kind] += len(content)
        if got != 200:
            weight["problems"].append(f"{target} answered {got}")
        return content.decode(errors="replace"), urljoin(base, target)

    def stylesheet(url, css_base=None):
        loaded = load(url, "css", css_base)
        if loaded:
            css, url_of_css = loaded
            fonts, urls = _fonts_and_urls(css)
            for imported in CSS_IMPORT.findall(css):
                stylesheet(imported, url_of_css)
            for font in fonts:
                load(font, "fonts", url_of_css)
            for other in urls:
                own(urljoin(url_of_css, other))

    for url in parser.stylesheets:
        stylesheet(url)
    for url in parser.scripts:
        load(url, "js")
    for css in parser.inline_css:
        fonts, urls = _fonts_and_urls(css)
        for font in fonts:
            load(font, "fonts")
        for url in urls:
            own(url)
    for url in parser.others:
        own(url)
    return weight


def render_ms(port, targets, headers, *, warmup=WARMUP, repeats=REPEATS):
    """{(host, path): median milliseconds} of ``repeats`` sequential requests to each target
    after ``warmup`` rounds. The requests go round-robin over the targets, one round after
    the other, so that a change in the machine's load weighs on every page type alike."""
    times = {target: [] for target in targets}
    for round_ in range(warmup + repeats):
        for host, path in targets:
            started = time.perf_counter()
            server.get(port, path, host, headers)
            if round_ >= warmup:
                times[host, path].append((time.perf_counter() - started) * 1000)
    return {target: statistics.median(values) for target, values in times.items()}


def measure(port, database, headers):
    """[(key, label, host, path, weight, median ms)] of each page type, in PAGE_TYPES order."""
    paths = page_paths(database)
    medians = render_ms(port, list(paths.values()), headers)
    rows = []
    for key, label, _ in PAGE_TYPES:
        if key not in paths:
            rows.append((key, label, None, None, None, None))
            continue
        host, path = paths[key]
        weight = weigh(port, host, path, headers)
        rows.append((key, label, host, path, weight, medians[host, path]))
    return rows


KB = 1024
TARGET_HTML_KB = 25
TARGET_CSS_KB = 25
TARGET_RATIO = 1.10


def report(say, rows):
    """The table of page weights and render times. Returns #errors."""
    errors, rows_out, notes = 0, [], []
    baseline = next((ms for key, *_, ms in rows if key == BASELINE and ms), None)
    for key, label, host, path, weight, ms in rows:
        if weight is None:
            errors += 1
            notes.append(f"{label}: no such page in the demo database.")
            continue
        expected = EXPECTED_STATUS.get(key, 200)
        if weight["status"] != expected:
            errors += 1
            notes.append(f"{label}: {path} answered {weight['status']}, not {expected}.")
        for problem in weight["problems"]:
            errors += 1
            notes.append(f"{label}: {problem}.")
        for url in weight["third_party"]:
            notes.append(f"{label}: third-party URL {url}")
        total = sum(weight[kind] for kind in ("html", "css", "js", "fonts"))
        ratio = ms / baseline if baseline else None
        html_ok = weight["html"] <= TARGET_HTML_KB * KB
        css_ok = weight["css"] <= TARGET_CSS_KB * KB
        rows_out.append(
            [
                label,
                f"{host.split(':')[0].split('.')[0]}{path}",
                weight["status"],
                f"{weight['html'] / KB:.1f}",
                f"{weight['css'] / KB:.1f}",
                f"{weight['js'] / KB:.1f}",
                f"{weight['fonts'] / KB:.1f}",
                f"{total / KB:.1f}",
                weight["requests"],
                len(weight["third_party"]),
                f"{'yes' if html_ok else 'NO'}/{'yes' if css_ok else 'NO'}",
                f"{ms:.1f}",
                f"{ratio:.2f}" if ratio else "-",
                ("yes" if ratio <= TARGET_RATIO else "NO") if ratio else "-",
            ]
        )
    say.table(
        [
            "page type",
            "url",
            "status",
            "HTML KB",
            "CSS KB",
            "JS KB",
            "fonts KB",
            "total KB",
            "requests",
            "3rd party",
            f"HTML/CSS<={TARGET_HTML_KB}KB",
            "median ms",
            "/content",
            "<=1.10",
        ],
        rows_out,
        "<<>>>>>>>><>><",
    )
    return errors, notes, baseline
