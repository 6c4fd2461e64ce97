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
  copying or moving a page into another municipality's tree is refused before Wagtail
  re-renders its form with the destination's title in it;
- the page types usage report (which names the last edited page of every site) is for
  superusers only, and the translations report lists only the user's own pages;
- wagtail-localize's "translate this page" and "sync translated pages" views, which check
  only the global submit_translation permission, accept only the user's own pages, and so
  does Wagtail's "publishing cancels the workflow" confirmation, which checks nothing.

The user filters of the admin's listings and reports, and the tags it offers, are
narrowed to the user's own municipality by the views in admin/ (people.py, tags.py),
registered here: a page viewset for every page type, and URL overrides.

The last two points are plain admin views with no hook, so ``admin_url_overrides`` below
is included in cms/urls.py ahead of Wagtail's admin URLs.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path
from wagtail import hooks
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages import bulk_actions as page_bulk_actions
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.documents import get_document_model
from wagtail.documents.views import bulk_actions as document_bulk_actions
from wagtail.images import get_image_model
from wagtail.images.views import bulk_actions as image_bulk_actions
from wagtail.models import Page
from wagtail.utils.urlpatterns import decorate_urlpatterns
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.report import TranslationsReportView
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from cms.core.access import (
    in_own_collections,
    in_own_trees,
    on_way_to_own_trees,
    permitted_tree_filter,
    restrict_to_own_trees,
)

from .admin.views import OwnPageViewSet, people_and_tags_urls


@hooks.register("register_admin_viewset")
def register_own_page_viewset():
    # After Wagtail's default page viewset (order -1): the registry keeps the last one.
    return OwnPageViewSet()


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


@hooks.register("before_copy_page")
def refuse_copy_into_other_trees(request, page):
    """Wagtail refuses a copy into another municipality's tree only after re-rendering its
    form, with the chosen destination's title in it; refuse before."""
    if request.method != "POST" or "new_parent_page" not in request.POST:
        return
    try:
        destination = Page.objects.filter(pk=int(request.POST["new_parent_page"])).first()
    except ValueError:
        destination = None
    if destination is None:
        raise Http404
    if not in_own_trees(request.user, destination):
        raise PermissionDenied


@hooks.register("before_move_page")
def refuse_move_across_trees(request, page, destination):
    """Wagtail's move confirmation checks no permission before showing the page's and the
    destination's titles (the move itself is refused later); check both here."""
    user = request.user
    if not (
        in_own_trees(user, page)
        and in_own_trees(user, destination)
        and page.permissions_for_user(user).can_move_to(destination)
    ):
        raise PermissionDenied


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
        # The move action's destination, once chosen.
        destination = self.cleaned_form and self.cleaned_form.cleaned_data.get("chooser")
        if isinstance(destination, Page) and not in_own_trees(user, destination):
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


def own_pages_only(view, find_page):
    """Refuse ``view`` for a page outside the user's trees; ``find_page(**kwargs)`` finds it
    (None lets the view answer, with its own 404)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        page = find_page(**kwargs)
        if page is not None and not in_own_trees(request.user, page):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _page_by_id(page_id):
    return Page.objects.filter(pk=page_id).only("path").first()


def _source_page(translation_source_id):
    source = TranslationSource.objects.filter(pk=translation_source_id).first()
    if source is None:
        return None
    return Page.objects.filter(translation_key=source.object_id).only("path").first()


class OwnTranslationsReportView(TranslationsReportView):
    """wagtail-localize's translations report, of the user's own pages only."""

    def get_queryset(self):
        queryset = super().get_queryset().order_by("pk")  # upstream pages an unordered list
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
        # Wagtail tells anyone whether a page is in moderation, and in which workflow.
        path(
            "pages/workflow/confirm_cancellation/<int:page_id>/",
            own_pages_only(
                page_viewset_registry.as_view(
                    "confirm_workflow_cancellation", page_id_kwarg="page_id"
                ),
                _page_by_id,
            ),
            name="municipalities_confirm_workflow_cancellation",
        ),
        # wagtail-localize checks only the global submit_translation permission here, so
        # whoever holds it could translate, sync and publish any municipality's pages.
        path(
            "localize/submit/page/<int:page_id>/",
            own_pages_only(SubmitPageTranslationView.as_view(), _page_by_id),
            name="municipalities_submit_page_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            own_pages_only(UpdateTranslationsView.as_view(), _source_page),
            name="municipalities_update_translations",
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
        *people_and_tags_urls,
    ],
    require_admin_access,
)
