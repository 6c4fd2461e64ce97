"""One municipality's public site as files: every page rendered as citizens get it, the
assets, renditions and documents they use, the search page, sitemap.xml, robots.txt and
404.html.

Pages are rendered first, so that the set of addresses the copy answers is known; then each
page's addresses are checked one by one: an exported page, or an asset fetched into the
copy, stays as it is; anything else (a form, a private document, the place finder, a
language not exported, a search with a query) points to the live site's absolute address,
so the copy has no broken internal link. A listing's ``?page=N`` becomes ``page/N/``.
"""

import posixpath
import re
from collections import deque
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit
from xml.sax.saxutils import escape

from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation

from .links import rewrite_css, rewrite_html
from .pages import public_pages, site_homes
from .render import SiteClient
from .searchpage import Entry, render_search_page

__all__ = ["MARKER", "ExportError", "SiteExport"]

# Written into every copy: export_static replaces only a directory that holds it.
MARKER = ".voordeur-static-export"
# A path no page can have (a slug never holds "~"): the site's "page not found".
NOT_FOUND_PATH = "/~static-export-404/"
_LISTING_QUERY = re.compile(r"page=([1-9][0-9]{0,5})")
_SERVED_PREFIXES = ("/documents/",)


class ExportError(Exception):
    """The export cannot be completed; nothing of it is kept."""


def _file_for(path):
    """The file in the copy that answers the URL path ``path``."""
    name = unquote(path)
    if name.endswith("/"):
        name += "index.html"
    name = posixpath.normpath(name).lstrip("/")
    if name.startswith("..") or "\x00" in name or not name:
        raise ExportError(f"Refusing to write {path!r} outside the copy.")
    return name


class SiteExport:
    """Builds the files of one site's copy in memory; ``files`` maps a relative path to
    bytes once ``run()`` returns."""

    def __init__(self, municipality, languages):
        self.municipality = municipality
        self.site = municipality.site
        self.languages = languages
        self.root_url = self.site.root_url
        self.client = SiteClient(self.site)
        self.files = {}
        self.page_count = 0
        self._paths = set()  # unquoted URL paths the copy answers with a page
        self._assets = {}  # unquoted URL path -> True when it is in the copy
        self._queue = deque()  # (URL path of the file, base URL for its links, HTML)

    def run(self):
        homes = site_homes(self.municipality, self.languages)
        rendered, entries = self._render_pages(homes)
        for home in homes:
            with translation.override(home.locale.language_code):
                path = reverse("search")
            self._paths.add(path)
            html = render_search_page(
                self.site, home.specific, path, entries[home.locale_id], self.root_url + path
            )
            rendered.append((path, html))
        for path, html in rendered:
            self._queue.append((path, path, html))
        while self._queue:
            path, base, html = self._queue.popleft()
            self._add(_file_for(path), self._rewrite(html, base))
        self._add_not_found()
        self._add("sitemap.xml", self._sitemap(entries))
        self._add(
            "robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {self.root_url}/sitemap.xml\n"
        )
        self._add(MARKER, f"{self.municipality.slug}\n")

    def _render_pages(self, homes):
        """``[(path, html)]`` of every page that answers 200, and the search page's
        entries per locale."""
        rendered, entries = [], {home.locale_id: [] for home in homes}
        self._sitemap_pages = []
        for page in public_pages(homes).specific().defer_streamfields():
            parts = page.get_url_parts()
            if parts is None:
                continue
            path = parts[2]
            try:
                status, content_type, body = self.client.get(path)
            except Exception as error:  # any failure of a view: the export stops, named
                raise ExportError(f"{path} failed to render: {error!r}") from error
            if status >= 500:
                raise ExportError(f"{path} answered {status}.")
            if status != 200 or not content_type.startswith("text/html"):
                continue  # a redirect, a page its type refuses to serve: the live site
            self._paths.add(unquote(path))
            rendered.append((path, body.decode("utf-8")))
            summary = getattr(page, "summary", "") or page.search_description
            entries[page.locale_id].append(Entry(page.title, path, summary))
            self._sitemap_pages.append((path, page.last_published_at))
            self.page_count += 1
        return rendered, entries

    def _add(self, name, content):
        self.files[name] = content.encode("utf-8") if isinstance(content, str) else content

    def _add_not_found(self):
        status, _, body = self.client.get(NOT_FOUND_PATH)
        if status != 404:
            raise ExportError(f"{NOT_FOUND_PATH} answered {status}, not 404.")
        self._add("404.html", self._rewrite(body.decode("utf-8"), "/"))

    def _sitemap(self, entries):
        urls = "".join(
            f"<url><loc>{escape(self.root_url + path)}</loc>"
            + (f"<lastmod>{published.date().isoformat()}</lastmod>" if published else "")
            + "</url>\n"
            for path, published in sorted(self._sitemap_pages)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{urls}</urlset>\n"
        )

    def _rewrite(self, html, base):
        return rewrite_html(html, lambda url: self._resolve(url, base))

    def _live(self, path, query, fragment):
        return self.root_url + urlunsplit(("", "", path, query, fragment))

    def _resolve(self, url, base):
        """The address ``url`` (as written in the document at ``base``) takes in the copy."""
        if not url or url.startswith("#"):
            return url
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return url  # absolute: the live site's canonical address, or another site
        target = urlsplit(urljoin(base, url))
        path, query, fragment = target.path, target.query, target.fragment
        name = unquote(path)
        if query:
            listing = _LISTING_QUERY.fullmatch(query)
            if listing and name in self._paths:
                new = self._listing_page(path, int(listing[1]))
                if new:
                    return new + (f"#{fragment}" if fragment else "")
            return self._live(path, query, fragment)
        if name in self._paths or self._asset(path):
            return url
        return self._live(path, query, fragment)

    def _listing_page(self, path, number):
        """``path?page=N`` as a file of its own (``path/page/N/``), or None."""
        if number == 1:
            return path
        new = f"{path}page/{number}/"
        if unquote(new) in self._paths:
            return new
        status, _, body = self.client.get(f"{path}?page={number}")
        if status != 200:
            return None
        self._paths.add(unquote(new))
        self._queue.append((new, path, body.decode("utf-8")))
        return new

    def _asset(self, path):
        """Whether the file at URL ``path`` is in the copy, fetching it the first time:
        static files and documents through the site (whitenoise, Wagtail's document view,
        which refuses private ones), a page's own files (feeds) through the site, renditions
        from the media storage."""
        name = unquote(path)
        if name not in self._assets:
            self._assets[name] = False
            body = None
            if name.startswith(settings.STATIC_URL) or name.startswith(_SERVED_PREFIXES):
                status, _, fetched = self.client.get(path)
                body = fetched if status == 200 else None
            elif self._is_page_file(name):
                status, content_type, fetched = self.client.get(path)
                ok = status == 200 and not content_type.startswith("text/html")
                body = fetched if ok else None
            elif settings.MEDIA_URL.startswith("/") and name.startswith(settings.MEDIA_URL):
                body = self._media(name[len(settings.MEDIA_URL) :])
            if body is not None:
                if name.endswith(".css"):
                    css = body.decode("utf-8")
                    body = rewrite_css(css, lambda url: self._resolve(url, path)).encode()
                self._add(_file_for(path), body)
                self._assets[name] = True
        return self._assets[name]

    def _is_page_file(self, name):
        """A file an exported page offers beside it (``/evenementen/agenda.ics``, the
        events' iCalendar feed): a name with an extension in a page's directory."""
        directory, file = posixpath.split(name)
        return bool(posixpath.splitext(file)[1]) and f"{directory.rstrip('/')}/" in self._paths

    @staticmethod
    def _media(name):
        if posixpath.normpath(name) != name or name.startswith("/"):
            return None
        if not default_storage.exists(name):
            return None
        with default_storage.open(name, "rb") as file:
            return file.read()
