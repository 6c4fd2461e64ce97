"""/api/v2/search/?q=...: the joint search through the headless API, on every site.

The host decides the asking municipality, as for the other endpoints (cms/api/views.py);
the GET parameters are those of /zoeken/ (search/params.py): q, gemeente, type, thema,
levensloop, taal, page, and page_size (at most 50). The answer: the best bets, the
municipality's own hits, its neighbours', the facets with counts, the "did you mean"
suggestion, whether the fallback backend answered, and the paging.
"""

import dataclasses

from rest_framework.response import Response

from cms.core.api import PublicAPIView
from cms.municipalities.models import Municipality

from .models import BestBet
from .params import FILTERS, PAGE_SIZE, query_string, read_query
from .query import Hit
from .views import run_query

__all__ = ["SearchAPIView"]

MAX_PAGE_SIZE = 50


def _page_size(params):
    try:
        size = int(params.get("page_size", PAGE_SIZE))
    except (TypeError, ValueError):
        return PAGE_SIZE
    return min(max(size, 1), MAX_PAGE_SIZE)


def hit_data(hit):
    data = dataclasses.asdict(hit)
    data["content_type_label"] = str(hit.content_type_label)
    data["date"] = hit.date.isoformat() if hit.date else None
    return data


class SearchAPIView(PublicAPIView):
    """Registered on the API router like the other endpoints (cms/api/urls.py)."""

    # The router looks up endpoints by model; this one answers with search hits.
    model = Hit

    def get(self, request):
        municipality = Municipality.for_request(request)
        query = read_query(request.GET, municipality, page_size=_page_size(request.GET))
        base = request.build_absolute_uri(request.path)
        data = {
            "query": query.text,
            "municipality": query.municipality,
            "locale": query.locale,
            "filters": {f.param: list(query.filters()[f.facet]) for f in FILTERS},
        }
        if not query.text:
            data.update(
                best_bets=[],
                own=[],
                neighbours=[],
                total=0,
                facets={},
                suggestion=None,
                fallback=False,
                page=1,
                num_pages=1,
                previous=None,
                next=None,
            )
            return Response(data)
        results, corrected_from = run_query(query)
        query = results.query
        bets = BestBet.objects.matching(query.text, municipality) if query.page == 1 else []
        data.update(
            best_bets=[
                {
                    "title": bet.display_title,
                    "url": bet.get_url(request),
                    "description": bet.display_description,
                }
                for bet in bets
            ],
            own=[hit_data(hit) for hit in results.own],
            neighbours=[hit_data(hit) for hit in results.neighbours],
            total=results.total,
            facets={
                name: [{**dataclasses.asdict(facet), "label": str(facet.label)} for facet in facets]
                for name, facets in results.facets.items()
            },
            suggestion=results.suggestion,
            corrected_from=corrected_from,
            corrected_query=query.text if corrected_from else None,
            fallback=results.fallback,
            page=query.page,
            num_pages=results.num_pages,
            previous=(
                f"{base}?{query_string(query, page=query.page - 1)}" if query.page > 1 else None
            ),
            next=(
                f"{base}?{query_string(query, page=query.page + 1)}"
                if query.page < results.num_pages
                else None
            ),
        )
        return Response(data)
