"""Keep every editor inside their own municipality in the admin.

Wagtail's page and collection permissions already stop edits outside an editor's tree,
but several admin screens still show other municipalities' pages or media to anyone with
*some* permission. What is narrowed here (superusers always see everything):

- the page explorer and page chooser list only the trees the user holds a page permission
  on, and refuse to open a page outside them (Wagtail lets any editor open every page
  below their "explorable root", which is the tree root when a municipality has several
  language trees);
- bulk actions refuse outright when asked about a page, image or document outside the
  user's own trees and collections, instead of listing its title as "no permission";
- the page types usage report (which names the last edited page of every site) is for
  superusers only, and the translations report lists only the user's own pages.

The last two are plain admin views with no hook, so ``admin_url_overrides`` below is
included in cms/urls.py ahead of Wagtail's admin URLs.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import path
from wagtail import hooks
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages import bulk_actions as page_bulk_actions
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.documents import get_document_model
from wagtail.documents.views import bulk_actions as document_bulk_actions
from wagtail.images import get_image_model
from wagtail.images.views import bulk_actions as image_bulk_actions
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.utils.urlpatterns import decorate_urlpatterns
from wagtail_localize.views.report import TranslationsReportView

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


def permitted_tree_filter(user):
    """A Q matching the pages under any page the user holds a permission on."""
    condition = Q(pk__in=[])
    for root in permitted_roots(user):
        condition |= Q(path__startswith=root)
    return condition


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


@hooks.register("construct_page_chooser_queryset")
def restrict_page_chooser(pages, request):
    # The chooser does not pass the page it browses; the URL has it.
    match = request.resolver_match
    parent_id = match.kwargs.get("parent_page_id") if match else None
    if parent_id is not None:
        parent = Page.objects.filter(pk=parent_id).only("path").first()
        if parent is not None and not on_way_to_own_trees(request.user, parent):
            raise PermissionDenied
    return restrict_to_own_trees(pages, request)


@hooks.register("construct_explorer_page_queryset")
def restrict_explorer(parent_page, pages, request):
    # Unlike the chooser's hook, the explorer's gets the explored page first.
    if not on_way_to_own_trees(request.user, parent_page):
        raise PermissionDenied
    return restrict_to_own_trees(pages, request)


# Bulk actions --------------------------------------------------------------------------


def _in_own_area(user, item):
    if isinstance(item, Page):
        return in_own_trees(user, item)
    if isinstance(item, (get_image_model(), get_document_model())):
        return in_own_collections(user, item)
    return True


class OwnAreaBulkActionMixin:
    """Refuse a bulk action that names anything outside the user's trees or collections,
    rather than listing its title among the items the user may not touch."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        user = self.request.user
        if not all(_in_own_area(user, item) for item in extra.get("items_with_no_access", ())):
            raise PermissionDenied
        return objects, extra


def _own_area_bulk_action(action_class):
    return type(
        action_class.__name__,
        (OwnAreaBulkActionMixin, action_class),
        {"__module__": __name__, "__qualname__": action_class.__qualname__},
    )


for _module in (page_bulk_actions, image_bulk_actions, document_bulk_actions):
    for _name in _module.__all__:
        # A higher order than Wagtail's own registration: the registry keeps the last one.
        hooks.register("register_bulk_action", _own_area_bulk_action(getattr(_module, _name)), 1)


# Reports -------------------------------------------------------------------------------


@hooks.register("construct_reports_menu")
def hide_cross_site_reports(request, menu_items):
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


def superusers_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


class OwnTranslationsReportView(TranslationsReportView):
    """wagtail-localize's translations report, of the user's own pages only."""

    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        if user.is_superuser:
            return queryset
        own_keys = Page.objects.filter(permitted_tree_filter(user)).values("translation_key")
        return queryset.filter(source__object_id__in=own_keys)


admin_url_overrides = decorate_urlpatterns(
    [
        path(
            "reports/page-types-usage/",
            superusers_only(PageTypesUsageReportView.as_view()),
            name="municipalities_page_types_usage",
        ),
        path(
            "reports/page-types-usage/results/",
            superusers_only(PageTypesUsageReportView.as_view(results_only=True)),
            name="municipalities_page_types_usage_results",
        ),
        path(
            "localize/reports/translations/",
            OwnTranslationsReportView.as_view(),
            name="municipalities_translations_report",
        ),
        path(
            "localize/reports/translations/results/",
            OwnTranslationsReportView.as_view(results_only=True),
            name="municipalities_translations_report_results",
        ),
    ],
    require_admin_access,
)
