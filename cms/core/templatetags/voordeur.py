import datetime as dt

from django import template
from django.utils.html import format_html
from wagtail.models import Page, Site

from cms.core.opening_hours import BRUSSELS
from cms.core.themes import theme_palette

register = template.Library()

# treebeard stores a page's path as four characters per level; a site's home is depth 2.
_STEPLEN = Page.steplen


def _home_path(page):
    return page.path[: 2 * _STEPLEN]


@register.simple_tag(takes_context=True)
def site_navigation(context, page):
    """The home page's children in the page's own language: the main menu (those marked
    'show in menus') and the standard pages by slug, for the footer.

    One query whatever the number of items: the home is found from the page's tree path.
    Without a page (a 404), the request's site home is used.
    """
    request = context.get("request")
    if not isinstance(page, Page) or page.depth < 2:
        site = Site.find_for_request(request) if request else None
        page = site.root_page if site else None
    if not isinstance(page, Page) or page.depth < 2:
        return {"menu": [], "links": {}, "home": "/"}
    children = (
        Page.objects.filter(path__startswith=_home_path(page), depth__in=(2, 3))
        .live()
        .public()
        .order_by("path")
        .only("id", "title", "slug", "path", "url_path", "depth", "show_in_menus", "locale_id")
    )
    menu, links, home = [], {}, "/"
    for child in children:
        url = child.get_url(request)
        if child.depth == 2:
            home = url
            continue
        links[child.slug] = url
        if child.show_in_menus:
            menu.append(
                {"title": child.title, "url": url, "current": page.path.startswith(child.path)}
            )
    return {"menu": menu, "links": links, "home": home}


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The page's ancestors from the site's home page down, excluding the page itself."""
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    request = context.get("request")
    ancestors = Page.objects.ancestor_of(page).filter(depth__gte=2).order_by("depth")
    return [{"title": a.title, "url": a.get_url(request)} for a in ancestors]


@register.simple_tag(takes_context=True)
def language_links(context, page):
    """The live translations of ``page``, each linked in its own language."""
    if not isinstance(page, Page) or not page.translation_key:
        return []
    request = context.get("request")
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    if len(translations) < 2:
        return []
    return [
        {
            "code": t.locale.language_code,
            "name": t.locale.language_name_local,
            "url": t.get_url(request),
            "current": t.pk == page.pk,
        }
        for t in sorted(translations, key=lambda t: t.locale.language_code != "nl")
    ]


@register.simple_tag
def theme_style(municipality):
    name = getattr(municipality, "theme", None) or "regio"
    return format_html("<style>:root{{{}}}</style>", theme_palette(name))


@register.simple_tag
def today_hours(hours):
    """Today's periods in Brussels time, and whether it is open now."""
    now = dt.datetime.now(BRUSSELS)
    return {
        "periods": hours.periods_on(now.date()),
        "closing_day": hours.closing_day(now.date()),
        "status": hours.status(now),
    }
