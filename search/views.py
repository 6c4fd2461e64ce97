"""/zoeken/: search the site the request is for, in the page's language.

For now this is Wagtail's own search over the site's live pages; the joint regional index
(issue #5) takes its place behind the same address.
"""

import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
PAGE_SIZE = 10


def clean_query(raw):
    """Printable characters only, whitespace collapsed, at most MAX_QUERY_LENGTH long."""
    printable = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def search(request):
    query = clean_query(request.GET.get("q", ""))
    site = Site.find_for_request(request)
    results = Page.objects.none()
    if query and site is not None:
        home = site.root_page
        locale = Locale.objects.filter(language_code=get_language()).first()
        if locale is not None and locale.pk != home.locale_id:
            home = home.get_translation_or_none(locale) or home
        terms = " ".join(re.findall(r"\w+", query)[:MAX_TERMS])
        if terms:
            # Words only: the backend's own query syntax (quotes, operators) never reaches it.
            pages = Page.objects.live().public().descendant_of(home).specific()
            results = pages.search(terms, operator="or")
    paginator = Paginator(results, PAGE_SIZE)
    return TemplateResponse(
        request,
        "search/results.html",
        {"query": query, "results": paginator.get_page(request.GET.get("page"))},
    )
