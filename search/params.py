"""Reading a search request's GET parameters into a JointQuery, whatever they hold.

Every parameter is validated: a query is cleaned of control characters and cut to length,
a facet value that is not a known code is ignored, a page number that is not a positive
number is page 1. The same parameters serve /zoeken/, its suggestions and the API.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import get_page_models

from cms.catalogue.vocabularies import LifeEvent, Theme
from cms.municipalities.models import Municipality

from .query import JointQuery

__all__ = ["FILTERS", "MAX_PAGE", "PAGE_SIZE", "Filter", "clean_query", "read_query"]

MAX_QUERY_LENGTH = 200
MAX_VALUES = 20  # per facet: more selected values than any facet has
MAX_PAGE = 1000
PAGE_SIZE = 10


@dataclass(frozen=True)
class Filter:
    """One facet: its name in JointResults.facets, its GET parameter, its JointQuery field."""

    facet: str
    param: str
    field: str


FILTERS = (
    Filter("municipality", "gemeente", "municipalities"),
    Filter("content_type", "type", "content_types"),
    Filter("theme", "thema", "themes"),
    Filter("life_event", "levensloop", "life_events"),
    Filter("locale", "taal", "locale"),
)


def clean_query(raw):
    """Printable characters only, whitespace collapsed, at most MAX_QUERY_LENGTH long."""
    printable = "".join(ch if ch.isprintable() else " " for ch in str(raw)[: MAX_QUERY_LENGTH * 4])
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def _known_values():
    return {
        "municipality": set(Municipality.objects.values_list("slug", flat=True)),
        "content_type": {f"{m._meta.app_label}.{m._meta.model_name}" for m in get_page_models()},
        "theme": set(Theme.values),
        "life_event": set(LifeEvent.values),
        "locale": {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES},
    }


def _values(params, name, known):
    found = []
    for value in params.getlist(name)[: MAX_VALUES * 2]:
        value = value.strip()
        if value in known and value not in found:
            found.append(value)
    return tuple(found[:MAX_VALUES])


def default_locale():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def read_page(params):
    try:
        page = int(params.get("page", "1").strip()[:6])
    except ValueError:
        return 1
    return min(max(page, 1), MAX_PAGE)


def read_query(params, municipality, *, page_size=PAGE_SIZE):
    """The JointQuery of a request's GET parameters, asked from ``municipality`` (or None)."""
    known = _known_values()
    filters = {f.field: _values(params, f.param, known[f.facet]) for f in FILTERS}
    locales = filters.pop("locale")
    return JointQuery(
        text=clean_query(params.get("q", "")),
        municipality=municipality.slug if municipality else None,
        # The language of the page is the default; the language facet picks another.
        locale=locales[0] if locales else default_locale(),
        page=read_page(params),
        page_size=page_size,
        **filters,
    )


def query_string(query, **changes):
    """The GET parameters of ``query`` (a JointQuery), with ``changes`` applied: a filter's
    param to a tuple of values, or ``page``. Page 1 and the default language are left out."""
    pairs = [("q", query.text)]
    for f in FILTERS:
        values = changes.get(f.param, getattr(query, f.field))
        if isinstance(values, str):
            values = (values,)
        if f.field == "locale" and tuple(values or ()) == (default_locale(),):
            continue
        pairs += [(f.param, value) for value in values or ()]
    page = changes.get("page", query.page)
    if page and page != 1:
        pairs.append(("page", page))
    return urlencode(pairs)
