"""Keep every editor inside their own municipality in the admin.

Wagtail's page permissions already stop edits outside an editor's tree, but its page
chooser and explorer list pages of every site. These hooks narrow them to the trees the
user holds a page permission on (superusers see everything).
"""

from django.db.models import Q
from wagtail import hooks
from wagtail.models import Page


def permitted_tree_filter(user):
    """A Q matching the pages under any page the user holds a permission on."""
    roots = (
        Page.objects.filter(group_permissions__group__user=user)
        .values_list("path", flat=True)
        .distinct()
    )
    condition = Q(pk__in=[])
    for path in roots:
        condition |= Q(path__startswith=path)
    return condition


def restrict_to_own_trees(pages, request):
    user = request.user
    if user.is_superuser:
        return pages
    return pages.filter(permitted_tree_filter(user))


@hooks.register("construct_page_chooser_queryset")
def restrict_page_chooser(pages, request):
    return restrict_to_own_trees(pages, request)


@hooks.register("construct_explorer_page_queryset")
def restrict_explorer(parent_page, pages, request):
    # The explorer passes the page being explored first; the chooser does not.
    return restrict_to_own_trees(pages, request)
