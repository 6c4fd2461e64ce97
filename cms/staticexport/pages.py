"""Which pages a static copy holds: what an anonymous citizen can see right now."""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

__all__ = ["public_pages", "site_homes"]


def site_homes(municipality, languages):
    """The site's home page in each of ``languages`` that has one (wagtail-localize keeps
    each language's tree under its own translation of the home page)."""
    root = municipality.site.root_page
    return list(
        Page.objects.filter(
            translation_key=root.translation_key, locale__language_code__in=languages
        ).select_related("locale")
    )


def public_pages(homes):
    """Every live, public (no view restriction on it or above it), unexpired page of the
    trees under ``homes``, in tree order. A page past its expiry date stays live until
    ``publish_scheduled`` runs; the copy must not show it meanwhile."""
    if not homes:
        return Page.objects.none()
    in_trees = Q()
    for home in homes:
        in_trees |= Q(path__startswith=home.path)
    return (
        Page.objects.filter(in_trees)
        .live()
        .public()
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
        .select_related("locale")
        .order_by("path")
    )
