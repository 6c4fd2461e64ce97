"""The copy's search page: every page of one language A to Z, filtered in the browser.

It answers the header's search form at the same address as the live /zoeken/ (a static
server ignores ``?q=``; static/staticexport/search.js reads it and hides what does not
match). Without JavaScript the A to Z list is the page.
"""

from itertools import groupby

from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from cms.core.text import fold

__all__ = ["Entry", "render_search_page"]


class Entry:
    """One page in the list: its title, its address in the copy and its summary."""

    def __init__(self, title, url, summary):
        self.title, self.url, self.summary = title, url, summary
        self.key = (fold(title), url)

    @property
    def letter(self):
        initial = self.key[0][:1].upper()
        return initial if initial.isalpha() else "#"


def render_search_page(site, home, path, entries, live_search):
    """The HTML of the search page at ``path`` for ``home``'s language, rendered through
    base.html with the site's context as the live pages are (a request on the site's
    host: menus, theme, footer)."""
    host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
    request = RequestFactory().get(path, HTTP_HOST=host, secure=site.port == 443)
    request.user = AnonymousUser()
    language = home.locale.language_code
    request.LANGUAGE_CODE = language
    ordered = sorted(entries, key=lambda entry: entry.key)
    groups = [(letter, list(items)) for letter, items in groupby(ordered, lambda e: e.letter)]
    with translation.override(language):
        return render_to_string(
            "staticexport/search.html",
            {"page": home, "groups": groups, "count": len(ordered), "live_search": live_search},
            request=request,
        )
