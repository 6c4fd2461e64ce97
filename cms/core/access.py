"""Where an editor may act: the page trees and collections they hold permissions on.

Every municipality's editors hold page permissions on their own site's trees (one per
language) and collection permissions on their own collection, and nothing else; these
helpers answer "is this inside the user's own area?" for the admin hooks and the page
form. Superusers are inside everywhere.
"""

from django.db.models import Q
from wagtail.models import Page
from wagtail.permissions import policy_registry

COLLECTION_ACTIONS = ("add", "change", "choose", "delete")


def permitted_roots(user):
    """Paths of the pages the user holds a page permission on (the roots of their trees)."""
    if not hasattr(user, "_municipality_tree_roots"):
        user._municipality_tree_roots = list(
            Page.objects.filter(group_permissions__group__user=user)
            .values_list("path", flat=True)
            .distinct()
        )
    return user._municipality_tree_roots


def paths_q(paths, prefix=""):
    """A Q matching the pages under any of ``paths`` (none when empty); ``prefix``
    ("page__") applies it to a model with a page foreign key."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{f"{prefix}path__startswith": path})
    return condition


def permitted_tree_filter(user, prefix=""):
    """A Q matching the pages under any page the user holds a permission on."""
    return paths_q(permitted_roots(user), prefix)


def in_own_trees(user, page):
    return user.is_superuser or any(page.path.startswith(root) for root in permitted_roots(user))


def on_way_to_own_trees(user, page):
    """The page is in the user's trees or above them (the root page, say): the explorer and
    chooser may open it, since they list only the children in the user's trees."""
    return in_own_trees(user, page) or any(
        root.startswith(page.path) for root in permitted_roots(user)
    )


def in_own_collections(user, item):
    """The image or document sits in a collection the user holds a permission on."""
    if user.is_superuser:
        return True
    if not hasattr(user, "_municipality_collection_ids"):
        user._municipality_collection_ids = {}
    model = type(item)
    if model not in user._municipality_collection_ids:
        policy = policy_registry.get_by_type(model)
        user._municipality_collection_ids[model] = set(
            policy.collections_user_has_any_permission_for(user, COLLECTION_ACTIONS).values_list(
                "pk", flat=True
            )
        )
    return item.collection_id in user._municipality_collection_ids[model]


def restrict_to_own_trees(pages, request):
    user = request.user
    if user.is_superuser:
        return pages
    return pages.filter(permitted_tree_filter(user))
