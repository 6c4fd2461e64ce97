"""A cache of the public HTML anonymous visitors get, safe across processes and servers.

The key holds the content generation read from the database on every request (one
indexed query), so a publish anywhere takes effect at once on every server even with
the default per-process local-memory cache; entries also expire after
``PAGE_CACHE_SECONDS`` (60 by default) because pages show time-dependent facts ("open
now", upcoming events). Only plain anonymous GETs of HTML are cached: no session cookie,
no cookie set by the response, nothing marked private, never the admin or the API.

What a page shows that changes at a known moment (an alert that starts or ends) says so
with ``expire_page_at(request, moment)`` while the page renders: the page is then cached
until that moment at the latest, and not at all when it is less than a second away. The
generation read for a cacheable request is kept as ``request.content_generation``, so that
what the page shows can be cached per generation without reading it again.
"""

import datetime as dt
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import ContentGeneration

SKIPPED_PREFIXES = ("/admin/", "/api/", "/documents/", "/healthz", "/static/", "/media/")
STORED_HEADERS = ("Content-Type", "Content-Language", "X-Frame-Options", "Vary")


def current_generation():
    return ContentGeneration.objects.filter(pk=1).values_list("value", flat=True).first() or 0


def bump_generation(**kwargs):
    if not ContentGeneration.objects.filter(pk=1).update(value=F("value") + 1):
        ContentGeneration.objects.get_or_create(pk=1, defaults={"value": 1})


def _bump_on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_generation()


def bump_on_change_of(*models):
    """Bump whenever a row of ``models`` (what pages show besides their own content) changes."""
    for model in models:
        post_save.connect(bump_generation, sender=model, dispatch_uid=f"page_cache_save_{model}")
        post_delete.connect(bump_generation, sender=model, dispatch_uid=f"page_cache_del_{model}")


def connect_signals():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_generation, dispatch_uid=f"page_cache_{signal!r}")
    post_delete.connect(_bump_on_page_delete, dispatch_uid="page_cache_page_delete")
    bump_on_change_of(Site, get_image_model(), get_document_model())


def expire_page_at(request, moment):
    """The response to ``request`` shows something that changes at ``moment``: never serve
    it from the page cache after then."""
    if request is None or moment is None:
        return
    current = getattr(request, "_page_cache_until", None)
    if current is None or moment < current:
        request._page_cache_until = moment


def cache_timeout(request, now=None):
    """How many seconds the response to ``request`` may stay in the cache (0: none)."""
    timeout = settings.PAGE_CACHE_SECONDS
    until = getattr(request, "_page_cache_until", None)
    if until is not None:
        left = (until - (now or timezone.now())) // dt.timedelta(seconds=1)
        timeout = min(timeout, max(int(left), 0))
    return timeout


def _cacheable_request(request):
    return (
        request.method == "GET"
        and settings.PAGE_CACHE_SECONDS > 0
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(SKIPPED_PREFIXES)
    )


def _cacheable_response(request, response):
    user = getattr(request, "user", None)
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        and not (user is not None and user.is_authenticated)
        and not getattr(request, "is_preview", False)
    )


def _key(request, generation):
    raw = f"{generation}|{request.scheme}|{request.get_host()}|{request.get_full_path()}"
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        # What the page shows may be cached per generation too (cms/alerts' snapshot).
        request.content_generation = generation = current_generation()
        key = _key(request, generation)
        cached = cache.get(key)
        if cached is not None:
            content, headers = cached
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        timeout = cache_timeout(request)
        if timeout > 0 and _cacheable_response(request, response):
            headers = [(name, response[name]) for name in STORED_HEADERS if name in response]
            cache.set(key, (response.content, headers), timeout)
            response["X-Page-Cache"] = "miss"
        return response
