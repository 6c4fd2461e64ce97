"""``/gedeeld/<token>/``: the latest draft of a shared page, for someone without an account.

The draft is rendered by its own page type with the normal templates, plus the banner
"Concept — niet gepubliceerd" (themes/base/templates/sharing/banner.html, included by
base.html when ``request.shared_draft`` is set). A link with subpages serves each of them
at ``/gedeeld/<token>/<its path below the shared page>/``.

Never cached, never indexed: ``Cache-Control: private, no-store`` (the page cache, a proxy
and a CDN all skip it), ``X-Robots-Tag: noindex, nofollow`` and the robots meta tag, and
``Referrer-Policy: no-referrer`` so the secret address does not leak to sites the draft
links to. An unknown token (or a path the link does not cover, or the link opened on
another municipality's host) is a 404, an expired or revoked link a 410, both with the same
page; only GET and HEAD are answered (a draft form cannot be submitted).
"""

import re
from dataclasses import dataclass, field

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from .models import TOKEN_PATTERN, ShareLink

SUBPATH_PATTERN = re.compile(r"[\w-]+(?:/[\w-]+)*")
MAX_SUBPATH_LENGTH = 1000
# The banner lists the pages a link with subpages shows; a bounded list, not the tree.
MAX_LISTED_PAGES = 50


@dataclass
class SharedDraft:
    """What the banner shows: the link, the page being viewed, the link's other pages."""

    link: ShareLink
    page: Page
    pages: list = field(default_factory=list)  # [(title, url, current)]
    more_pages: int = 0


def shared_url(token, link_page, page=None):
    """The address of ``page`` (``link_page`` itself by default) under ``token``."""
    base = reverse("sharing:draft", args=[token])
    if page is None or page.pk == link_page.pk:
        return base
    return base + page.url_path[len(link_page.url_path) :]


def _no_store(response):
    add_never_cache_headers(response)  # max-age=0, no-cache, no-store, must-revalidate, private
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _unavailable(request, status):
    response = TemplateResponse(request, "sharing/unavailable.html", {}, status=status)
    return _no_store(response)


def _page_of(link, subpath):
    """The page ``subpath`` names under the link's page, or None."""
    if not subpath:
        return link.page
    if not link.include_descendants:
        return None
    if len(subpath) > MAX_SUBPATH_LENGTH or not SUBPATH_PATTERN.fullmatch(subpath):
        return None
    return (
        Page.objects.filter(link.pages_q(), url_path=f"{link.page.url_path}{subpath}/")
        .exclude(pk=link.page_id)
        .first()
    )


def _on_its_own_site(request, page):
    site = Site.find_for_request(request)
    return site is not None and page.get_site() == site


def _listed_pages(link, token, current):
    if not link.include_descendants:
        return [], 0
    pages = link.shared_pages()
    total = pages.count()
    listed = [
        (page.draft_title or page.title, shared_url(token, link.page, page), page.pk == current.pk)
        for page in pages[:MAX_LISTED_PAGES]
    ]
    return listed, max(0, total - MAX_LISTED_PAGES)


@require_safe
def shared_draft(request, token, subpath=""):
    if not re.fullmatch(TOKEN_PATTERN, token):
        return _unavailable(request, 404)
    link = ShareLink.for_token(token)
    if link is None:
        return _unavailable(request, 404)
    if not link.is_active:
        return _unavailable(request, 410)
    page = _page_of(link, subpath.strip("/"))
    if page is None or not _on_its_own_site(request, page):
        return _unavailable(request, 404)
    draft = page.specific.get_latest_revision_as_object()
    pages, more = _listed_pages(link, token, page)
    request.shared_draft = SharedDraft(link=link, page=draft, pages=pages, more_pages=more)
    with translation.override(draft.locale.language_code):
        response = draft.serve(request)
        if hasattr(response, "render"):
            response.render()
    link.touch()
    return _no_store(response)
