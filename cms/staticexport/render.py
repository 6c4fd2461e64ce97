"""Rendering a site as its citizens get it: Django's test client on the site's host, so
every request goes through the real middleware, URLconf, views and templates.

Two things differ from a live request, because a copy cannot do them (docs/static-export.md):
the page cache is off (the copy must not be served from, nor leave renders in, the cache the
live site shares), and the templates of ``overrides/`` come first: the time-bound "open
now" line, the feedback vote and the form pages' forms, which need the live server.
"""

import copy
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.test import Client, override_settings

__all__ = ["OVERRIDES", "SiteClient", "static_copy_settings"]

OVERRIDES = Path(__file__).resolve().parent / "overrides"


@contextmanager
def static_copy_settings():
    """The settings a static copy is rendered with: the page cache off, overrides first."""
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [OVERRIDES, *templates[0]["DIRS"]]
    with override_settings(TEMPLATES=templates, PAGE_CACHE_SECONDS=0):
        yield


class SiteClient:
    """GET requests to one Wagtail site, as an anonymous visitor on its canonical host."""

    def __init__(self, site):
        secure = site.port == 443
        headers = {
            "HTTP_HOST": site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
        }
        if secure:
            headers["HTTP_X_FORWARDED_PROTO"] = "https"
        self.client = Client(secure=secure, **headers)

    def get(self, url):
        """``(status, content type, body bytes)``; an exception in a view propagates."""
        self.client.cookies.clear()  # nothing of one response reaches the next request
        response = self.client.get(url)
        # The client closes the response itself (a streamed one once read to the end);
        # closing it again would fire request_finished a second time, which closes the
        # database connection inside a transaction.
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return response.status_code, response.get("Content-Type", ""), body
