import datetime as dt

from django import template
from django.db.models import Q
from wagtail.models import Page, Site

from cms.core.locales import language_code
from cms.core.opening_hours import BRUSSELS
from cms.themes import theme_assets as _theme_assets
from cms.themes import theme_style as _theme_style

register = template.Library()

# treebeard stores a page's path as four characters per level; a site's home is depth 2.
_STEPLEN = Page.steplen
_FIELDS = (
    "id",
    "title",
    "slug",
    "path",
    "depth",
    "url_path",
    "show_in_menus",
    "live",
    "translation_key",
    "locale__language_code",
)


def _ancestor_paths(page):
    return [page.path[:end] for end in range(2 * _STEPLEN, len(page.path), _STEPLEN)]


@register.simple_tag(takes_context=True)
def site_navigation(context, page):
    """Everything the page chrome links to, from one query on the page's own tree:

    - ``menu``: the home page's children marked 'show in menus', in the page's language;
    - ``links``: every child of the home page by slug (the footer's standard pages);
    - ``home``: the URL of the home page in the page's language;
    - ``breadcrumbs``: the ancestors from the home page down;
    - ``languages``: the page's live translations, when there are several.

    Without a page (a 404), the request's site home is used. The cost does not depend on
    the number of menu items, ancestors or translations.
    """
    request = context.get("request")
    current = page if isinstance(page, Page) else None
    if current is None or current.depth < 2:
        site = Site.find_for_request(request) if request else None
        page = site.root_page if site else None
    if not isinstance(page, Page) or page.depth < 2:
        return {"menu": [], "links": {}, "home": "/", "breadcrumbs": [], "languages": []}

    home_path = page.path[: 2 * _STEPLEN]
    condition = Q(path__startswith=home_path, depth__in=(2, 3)) | Q(path__in=_ancestor_paths(page))
    if current is not None and current.translation_key:
        condition |= Q(translation_key=current.translation_key)
    pages = Page.objects.filter(condition).select_related("locale").order_by("path").only(*_FIELDS)

    navigation = {"menu": [], "links": {}, "home": "/", "breadcrumbs": [], "languages": []}
    translations = []
    for item in pages:
        if current is not None and item.translation_key == current.translation_key:
            if item.live:
                translations.append(item)
            if item.pk != current.pk:
                continue
        if not item.path.startswith(home_path) or not item.live:
            continue
        url = item.get_url(request)
        if item.depth == 2:
            navigation["home"] = url
        elif item.depth == 3:
            navigation["links"][item.slug] = url
            if item.show_in_menus:
                navigation["menu"].append(
                    {"title": item.title, "url": url, "current": page.path.startswith(item.path)}
                )
        if current is not None and item.path != current.path and current.path.startswith(item.path):
            navigation["breadcrumbs"].append({"title": item.title, "url": url})
    if len(translations) > 1:
        translations.sort(key=lambda t: t.locale.language_code != "nl")
        navigation["languages"] = [
            {
                "code": t.locale.language_code,
                "name": t.locale.language_name_local,
                "url": t.get_url(request),
                "current": current is not None and t.pk == current.pk,
            }
            for t in translations
        ]
    if current is None or current.depth <= 2:
        navigation["breadcrumbs"] = []
    return navigation


@register.simple_tag
def theme_style(municipality):
    """The theme's palette and @font-face rules as a <style> element, for <head>."""
    return _theme_style(getattr(municipality, "theme", None))


@register.simple_tag
def theme_assets(municipality):
    """``{% theme_assets municipality as theme %}``: theme.name, .logo_url, .favicon_url."""
    return _theme_assets(getattr(municipality, "theme", None))


@register.simple_tag
def today_hours(hours):
    """Today's periods in Brussels time, and whether it is open now."""
    now = dt.datetime.now(BRUSSELS)
    return {
        "periods": hours.periods_on(now.date()),
        "closing_day": hours.closing_day(now.date()),
        "status": hours.status(now),
    }


@register.simple_tag
def page_language(page, default):
    """The language of ``page`` (for ``<html lang>``), or ``default`` without a page."""
    if isinstance(page, Page):
        return language_code(page.locale_id)
    return default
