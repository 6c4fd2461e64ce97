"""/zoeken/: the joint regional search, the asking municipality's results first.

Plain HTML over GET: the form, best bets, the municipality's own results, its neighbours'
(each labelled), facets as checkboxes, paging; and when nothing is found the "did you
mean" suggestion, popular services and the municipality's contact channels. Every GET
parameter is validated (search/params.py), so no input leads to an error page.

/zoeken/suggesties/ answers the search-as-you-type script with JSON.
"""

import dataclasses

from django.conf import settings
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from cms.catalogue.models import LocalServicePage
from cms.municipalities.models import Municipality

from .backends import autocomplete as joint_autocomplete
from .backends import search as joint_search
from .models import BestBet, normalise
from .params import FILTERS, clean_query, default_locale, query_string, read_query

__all__ = ["autocomplete", "popular_services", "run_query", "search"]

SUGGESTIONS = 8
POPULAR = 6
PAGE_WINDOW = 2  # page links either side of the current one

FILTER_LEGENDS = {
    "municipality": _("Municipality"),
    "content_type": _("Type"),
    "theme": _("Theme"),
    "life_event": _("Life event"),
    "locale": _("Language"),
}


def _paged(query):
    """The results of ``query``; a page past the last one gives the last page."""
    results = joint_search(query)
    if query.page > results.num_pages:
        results = joint_search(dataclasses.replace(query, page=results.num_pages))
    return results


def run_query(query):
    """``(results, corrected_from)``: when nothing is found and the index suggests other
    words, the results of the suggestion, with the words the citizen typed."""
    results = _paged(query)
    suggestion = results.suggestion
    if results.total or not suggestion or normalise(suggestion) == normalise(query.text):
        return results, None
    corrected = _paged(dataclasses.replace(query, text=suggestion, page=1))
    if not corrected.total:
        return results, None
    return corrected, query.text


def _options(facet_name, facets):
    """The values worth offering: those with results, and those chosen. Languages get their
    names; a language facet with only the page's own language offers nothing."""
    options = [facet for facet in facets if facet.count or facet.selected]
    if facet_name == "locale":
        if len(options) < 2:
            return []
        names = dict(settings.LANGUAGES)
        options = [
            dataclasses.replace(facet, label=names.get(facet.value, facet.label))
            for facet in options
        ]
    return options


def facet_groups(query, results):
    """The facets to show: [{param, legend, options}], each option with its own id."""
    if not results.total:
        return []
    groups = []
    for f in FILTERS:
        options = _options(f.facet, results.facets.get(f.facet, []))
        if not options:
            continue
        groups.append(
            {
                "param": f.param,
                "legend": FILTER_LEGENDS[f.facet],
                "options": [
                    {"id": f"filter-{f.param}-{index}", "facet": facet}
                    for index, facet in enumerate(options)
                ],
            }
        )
    return groups


def selected_filters(query, results):
    """Each chosen filter with the address that removes it."""
    chosen = []
    for f in FILTERS:
        values = getattr(query, f.field)
        values = (values,) if isinstance(values, str) else values
        if f.field == "locale" and values == (default_locale(),):
            continue
        labels = {facet.value: facet.label for facet in results.facets.get(f.facet, [])}
        if f.facet == "locale":
            labels = dict(settings.LANGUAGES)
        for value in values:
            rest = tuple(v for v in values if v != value) if f.field != "locale" else ()
            chosen.append(
                {
                    "legend": FILTER_LEGENDS[f.facet],
                    "label": labels.get(value, value),
                    "url": "?" + query_string(query, **{f.param: rest, "page": 1}),
                }
            )
    return chosen


def paging(query, results):
    """Links to the previous, next and nearby pages (None when there is one page)."""
    pages = results.num_pages
    current = min(results.query.page, pages)
    if pages <= 1:
        return None

    def url(number):
        return "?" + query_string(query, page=number)

    numbers = sorted(
        {1, pages, *range(max(1, current - PAGE_WINDOW), min(pages, current + PAGE_WINDOW) + 1)}
    )
    items, previous = [], 0
    for number in numbers:
        if number - previous > 1:
            items.append({"gap": True})
        items.append({"number": number, "url": url(number), "current": number == current})
        previous = number
    return {
        "current": current,
        "count": pages,
        "previous": url(current - 1) if current > 1 else None,
        "next": url(current + 1) if current < pages else None,
        "items": items,
    }


def popular_services(municipality, request, limit=POPULAR):
    """The municipality's live local service pages of popular regional services."""
    if municipality is None:
        return []
    home = municipality.site.root_page
    pages = (
        LocalServicePage.objects.live()
        .public()
        .descendant_of(home)
        .filter(service__popular=True)
        .order_by("title")[:limit]
    )
    return [{"title": page.title, "url": page.get_url(request)} for page in pages]


def _drop_promoted(hits, urls):
    return [hit for hit in hits if hit.url not in urls]


def results_context(request, query, municipality):
    results, corrected_from = run_query(query)
    query = results.query
    best_bets = []
    if query.page == 1:
        best_bets = [
            {
                "title": bet.display_title,
                "url": bet.get_url(request),
                "description": bet.display_description,
            }
            for bet in BestBet.objects.matching(query.text, municipality)
        ]
    promoted = {bet["url"] for bet in best_bets}
    own = _drop_promoted(results.own, promoted)
    neighbours = _drop_promoted(results.neighbours, promoted)
    context = {
        "query": query,
        "corrected_from": corrected_from,
        "results": results,
        "best_bets": best_bets,
        "own": own,
        "neighbours": neighbours,
        "facet_groups": facet_groups(query, results),
        "selected_filters": selected_filters(query, results),
        "clear_url": "?" + query_string(query, **{f.param: () for f in FILTERS}, page=1),
        "paging": paging(query, results),
        "first_number": (query.page - 1) * query.size + 1,
    }
    if results.suggestion:
        context["suggestion_url"] = "?" + query_string(
            dataclasses.replace(query, text=results.suggestion), page=1
        )
    if not results.total and not best_bets:
        context["popular"] = popular_services(municipality, request)
    return context


@require_safe
def search(request):
    municipality = Municipality.for_request(request)
    query = read_query(request.GET, municipality)
    context = {"query": query, "search_municipality": municipality}
    if query.text:
        context.update(results_context(request, query, municipality))
    return TemplateResponse(request, "search/results.html", context)


@require_safe
def autocomplete(request):
    """Titles and addresses of what the typed words start, the municipality's own first."""
    municipality = Municipality.for_request(request)
    prefix = clean_query(request.GET.get("q", ""))
    suggestions = []
    if len(prefix) >= 2:
        slug = municipality.slug if municipality else None
        hits = joint_autocomplete(prefix, slug, default_locale(), limit=SUGGESTIONS)
        hits = sorted(hits, key=lambda hit: hit.municipality != slug)
        suggestions = [
            {
                "title": hit.title,
                "url": hit.url,
                "municipality": hit.municipality,
                "municipality_name": hit.municipality_name,
                "own": hit.municipality == slug,
                "type": str(hit.content_type_label),
            }
            for hit in hits
        ]
    response = JsonResponse({"query": prefix, "suggestions": suggestions})
    response["Cache-Control"] = "max-age=60"
    return response
