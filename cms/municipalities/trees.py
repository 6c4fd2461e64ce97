"""A municipality's page trees (one per language) and the pages a user may edit: what the
admin's reports and lists (catalogue review, page reviews, share links, feedback) filter by.
"""

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.core.access import paths_q

from .models import Municipality

__all__ = ["editable_pages", "home_paths", "municipalities_for", "tree_q"]


def editable_pages(user):
    """The pages ``user`` may edit (every page for a superuser)."""
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


def home_paths():
    """{path of a home page (every language's): municipality}, in one query."""
    municipalities = {
        m.site.root_page.translation_key: m
        for m in Municipality.objects.select_related("site__root_page")
    }
    homes = Page.objects.filter(translation_key__in=municipalities, depth=2)
    return {path: municipalities[key] for path, key in homes.values_list("path", "translation_key")}


def tree_q(municipality, prefix=""):
    """A Q for the pages in any of ``municipality``'s language trees; ``prefix`` ("page__")
    applies it to a model with a page foreign key."""
    paths = [path for path, m in home_paths().items() if m.pk == municipality.pk]
    return paths_q(paths, prefix)


def municipalities_for(user):
    """The municipalities whose pages ``user`` may edit, by short name."""
    if user.is_superuser:
        return list(Municipality.objects.order_by("short_name"))
    homes = home_paths()
    paths = editable_pages(user).filter(depth=2).values_list("path", flat=True)
    found = {homes[path].pk: homes[path] for path in paths if path in homes}
    return sorted(found.values(), key=lambda m: m.short_name)
