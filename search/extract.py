"""A page -> the joint index's document (a dict with JointDocument's fields).

Only live, public pages of a municipality's site or of the regional landing are indexed;
``document_for(page)`` returns None for any other page, and the index drops it.
"""

import re

from django.db.models.fields import TextField
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.search.index import SearchField

from cms.municipalities.models import Municipality

__all__ = [
    "EXCLUDED_CONTENT_TYPES",
    "REGION",
    "SiteMap",
    "content_type_key",
    "doc_id_for",
    "document_for",
    "indexable_pages",
    "plain_text",
]

REGION = "regio"  # the municipality value of the regional landing's documents
MAX_BODY_CHARACTERS = 60_000
# Pages that are not content for citizens: the component showcase.
EXCLUDED_CONTENT_TYPES = frozenset({"pages.componentlibrarypage"})
# Separate fields of their own; every other searchable field of a page adds to the body.
_OWN_FIELDS = {"title", "summary", "body"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE = re.compile(r"\s+")


def doc_id_for(page_or_pk):
    return f"page:{getattr(page_or_pk, 'pk', page_or_pk)}"


def content_type_key(page):
    return f"{page._meta.app_label}.{page._meta.model_name}"


def plain_text(value):
    """Text without markup or control characters, whitespace collapsed."""
    text = strip_tags(str(value or "")).replace("&nbsp;", " ")
    return _SPACE.sub(" ", _CONTROL.sub(" ", text)).strip()


def _field_text(page, name):
    field = page._meta.get_field(name)
    value = getattr(page, name, None)
    if value is None:
        return ""
    if isinstance(field, StreamField):
        return " ".join(plain_text(part) for part in field.get_searchable_content(value))
    if isinstance(field, (RichTextField, TextField)):
        return plain_text(value)
    return plain_text(value) if isinstance(value, str) else ""


def _body_text(page):
    parts = []
    if hasattr(page, "body"):
        parts.append(_field_text(page, "body"))
    for search_field in page.get_search_fields():
        name = search_field.field_name
        if isinstance(search_field, SearchField) and name not in _OWN_FIELDS:
            try:
                parts.append(_field_text(page, name))
            except Exception:  # noqa: S112 - a non-model search field (a method): skip it
                continue
    return " ".join(part for part in parts if part)


class SiteMap:
    """Which municipality (or the region) a page belongs to, looked up once per run.

    Every site's root is a depth-2 page; its translations are depth-2 siblings with the
    same translation key, so a page belongs to the site of its depth-2 ancestor's key.
    """

    def __init__(self):
        self.by_key = {
            key: (site_id, name, title, model)
            for site_id, name, key, title, model in Site.objects.values_list(
                "pk",
                "site_name",
                "root_page__translation_key",
                "root_page__title",
                "root_page__content_type__model",
            )
        }
        self.tops = dict(Page.objects.filter(depth=2).values_list("path", "translation_key"))
        self.municipalities = {
            site_id: (slug, short_name or name)
            for site_id, slug, short_name, name in Municipality.objects.values_list(
                "site_id", "slug", "short_name", "name"
            )
        }

    def owner(self, page):
        """(slug, name) of the page's municipality or the region, or None outside any site."""
        site = self.by_key.get(self.tops.get(page.path[: 2 * Page.steplen]))
        if site is None:
            return None
        site_id, site_name, title, model = site
        if site_id in self.municipalities:
            return self.municipalities[site_id]
        if model == "regionpage":
            return REGION, site_name or title
        return None


def _is_public(page):
    return not PageViewRestriction.objects.filter(
        page__path__in=[
            page.path[:i] for i in range(Page.steplen, len(page.path) + 1, Page.steplen)
        ]
    ).exists()


def document_for(page, sites=None):
    """The document for ``page`` (any Page), or None when it must not be in the index."""
    page = page.specific
    key = content_type_key(page)
    if not page.live or page.depth < 2 or key in EXCLUDED_CONTENT_TYPES:
        return None
    sites = sites or SiteMap()

    owner = sites.owner(page)
    if owner is None or not _is_public(page):
        return None
    municipality, municipality_name = owner
    extra = page.joint_index_fields() if hasattr(page, "joint_index_fields") else {}
    body = " ".join(p for p in (_body_text(page), plain_text(extra.get("text", ""))) if p)
    language = page.locale.language_code
    with translation.override(language):
        label = str(page._meta.verbose_name)
    return {
        "doc_id": doc_id_for(page),
        "page_id": page.pk,
        "title": plain_text(page.title),
        "summary": plain_text(getattr(page, "summary", "")),
        "body": body[:MAX_BODY_CHARACTERS],
        "keywords": [plain_text(k) for k in extra.get("keywords", []) if plain_text(k)],
        "municipality": municipality,
        "municipality_name": municipality_name,
        "locale": language,
        "content_type": key,
        "content_type_label": label,
        "themes": [str(t) for t in extra.get("themes", [])],
        "life_events": [str(e) for e in extra.get("life_events", [])],
        "url": page.get_full_url() or page.url_path,
        "date": _date_of(page),
        "regional_service": extra.get("regional_service") or None,
    }


def _date_of(page):
    for name in ("date", "start"):
        value = getattr(page, name, None)
        if value is not None:
            return value.date() if hasattr(value, "date") else value
    published = page.first_published_at or page.last_published_at
    return published.date() if published else None


def indexable_pages():
    """Every page that might belong in the index, specific, in tree order."""
    return Page.objects.live().filter(depth__gte=2).order_by("path").specific()
