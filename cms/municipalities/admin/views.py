"""Wagtail's admin views whose filters name users or tags, with those narrowed to the
editor's own municipality (filters.py). Superusers get Wagtail's views unchanged.

- the page explorer and the "pages of this type" listing ("owner", "edited by"): through
  a page viewset registered for every page type (wagtail_hooks.py);
- the site history report ("user") and the locked pages report ("locked by"): URL
  overrides; the site history's user filter also lists only the people in the entries the
  user may see, as Wagtail meant to (``get_user_choices``, which it never calls);
- the image and document listings' tag filter, the image chooser's popular tags and the
  tag autocomplete: only tags used in the user's own collections (tags.py).

Per-object histories (a page's, a snippet's) are left alone: they list the people who
acted on an object the editor may already open, and name them in every row anyway.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404, JsonResponse
from django.urls import path
from taggit.models import Tag
from wagtail.admin.views import tags as wagtail_tags
from wagtail.admin.views.pages.listing import GenericPageFilterSet
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.admin.views.reports.locked_pages import LockedPagesReportFilterSet, LockedPagesView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.documents.views import documents
from wagtail.images import get_image_model
from wagtail.images.views import images
from wagtail.images.views.chooser import ImageChooserViewSet, ImageChooseView

from ..tags import popular_tags, visible_tags
from .filters import own_tags, own_users

__all__ = ["OwnPageViewSet", "people_and_tags_urls"]

TAG_AUTOCOMPLETE_LIMIT = 10  # Wagtail's


class OwnPageViewSet(PageViewSet):
    """Wagtail's default page views; the listings' user filters narrowed."""

    filterset_class = own_users(GenericPageFilterSet)


class SiteHistoryFilterSet(SiteHistoryReportFilterSet):
    def get_users_queryset(self):
        # Upstream lists every user of every page log entry: its get_user_choices (the
        # users of the entries this user may see) is never called.
        return self.get_user_choices()


class SiteHistoryView(LogEntriesView):
    filterset_class = own_users(SiteHistoryFilterSet)


class LockedPagesReportView(LockedPagesView):
    filterset_class = own_users(LockedPagesReportFilterSet)


class ImagesIndexView(images.IndexView):
    filterset_class = own_tags(images.ImagesFilterSet)


class DocumentsIndexView(documents.IndexView):
    filterset_class = own_tags(documents.DocumentsFilterSet)


class OwnImageChooseView(ImageChooseView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["popular_tags"] = popular_tags(self.request.user, self.model)
        return context


class OwnImageChooserViewSet(ImageChooserViewSet):
    choose_view_class = OwnImageChooseView


def tag_autocomplete(request, app_name=None, model_name=None):
    """Wagtail's tag autocomplete, of the tags the user may see."""
    if app_name is not None:
        try:
            content_type = ContentType.objects.get_by_natural_key(app_name, model_name)
        except ContentType.DoesNotExist as error:
            raise Http404 from error
        if content_type.model_class() is not Tag:
            # Voordeur has no other tag model; one added later is Wagtail's to answer.
            return wagtail_tags.autocomplete(request, app_name, model_name)
    term = request.GET.get("term")
    tags = []
    if term:
        tags = list(
            visible_tags(request.user)
            .filter(name__istartswith=term)
            .order_by("name")
            .values_list("name", flat=True)[:TAG_AUTOCOMPLETE_LIMIT]
        )
    return JsonResponse(tags, safe=False)


_image_chooser = OwnImageChooserViewSet(
    "wagtailimages_chooser", model=get_image_model(), url_prefix="images/chooser"
)

people_and_tags_urls = [
    path("reports/site-history/", SiteHistoryView.as_view(), name="municipalities_site_history"),
    path(
        "reports/site-history/results/",
        SiteHistoryView.as_view(results_only=True),
        name="municipalities_site_history_results",
    ),
    path("reports/locked/", LockedPagesReportView.as_view(), name="municipalities_locked_pages"),
    path(
        "reports/locked/results/",
        LockedPagesReportView.as_view(results_only=True),
        name="municipalities_locked_pages_results",
    ),
    path("images/", ImagesIndexView.as_view(), name="municipalities_images"),
    path(
        "images/results/",
        ImagesIndexView.as_view(results_only=True),
        name="municipalities_images_results",
    ),
    path("documents/", DocumentsIndexView.as_view(), name="municipalities_documents"),
    path(
        "documents/results/",
        DocumentsIndexView.as_view(results_only=True),
        name="municipalities_documents_results",
    ),
    path("images/chooser/", _image_chooser.choose_view, name="municipalities_image_chooser"),
    path("tag-autocomplete/", tag_autocomplete, name="municipalities_tag_autocomplete"),
    path(
        "tag-autocomplete/<app_name>/<model_name>/",
        tag_autocomplete,
        name="municipalities_tag_model_autocomplete",
    ),
]
