"""The admin reports of page feedback, and one page's feedback.

Every view counts only the pages in the user's own trees (``reports.rows_for``); a
superuser sees every municipality. A user without any page permission is refused, like
Wagtail's own page reports; a page outside the user's trees answers 403, a page that does
not exist 404.
"""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe
from wagtail.admin import messages
from wagtail.admin.filters import ContentTypeFilter, DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.core.access import in_own_trees
from cms.municipalities.models import Municipality

from ..models import Feedback, page_types
from ..reports import (
    RECENT_DAYS,
    monthly_trend,
    page_scores,
    recent_score,
    rows_for,
    score_of,
    scores_by_page,
)

PAGE_ACTIONS = ["add", "change", "publish"]
COMMENTS_PER_PAGE = 50


def _page_content_types(request):
    condition = Q(pk__in=[])
    for label in page_types():
        app_label, _dot, model = label.partition(".")
        condition |= Q(app_label=app_label, model=model)
    return ContentType.objects.filter(condition).order_by("model")


def _municipalities(request):
    return Municipality.objects.filter(
        pk__in=rows_for(request.user).values("municipality")
    ).order_by("short_name")


class FeedbackFilterSet(WagtailFilterSet):
    created = django_filters.DateFromToRangeFilter(label=_("Period"), widget=DateRangePickerWidget)
    page_type = ContentTypeFilter(
        label=_("Page type"),
        field_name="page__content_type",
        queryset=_page_content_types,
        empty_label=_("All"),
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Municipality"), queryset=_municipalities, empty_label=_("All")
    )

    class Meta:
        model = Feedback
        fields = ["created", "page_type", "municipality"]


class _FeedbackReport(ReportView):
    filterset_class = FeedbackFilterSet
    permission_policy = PagePermissionPolicy()
    any_permission_required = PAGE_ACTIONS
    model = Feedback

    def get_base_queryset(self):
        return rows_for(self.request.user)


class PageFeedbackReportView(_FeedbackReport):
    """Per page: how many visitors found it useful, and the trend per month."""

    page_title = _("Page feedback")
    header_icon = "comment"
    results_template_name = "feedback/admin/report_results.html"
    index_url_name = "feedback_admin:report"
    index_results_url_name = "feedback_admin:report_results"
    verbose_name_plural = _("pages with feedback")
    list_export = [
        "title",
        "municipality_name",
        "page_type",
        "language",
        "score.useful",
        "score.not_useful",
        "score.percent_useful",
        "score.comments",
        "page.url_path",
    ]
    export_headings = {
        "title": _("Page"),
        "municipality_name": _("Municipality"),
        "page_type": _("Page type"),
        "language": _("Language"),
        "score.useful": _("Useful"),
        "score.not_useful": _("Not useful"),
        "score.percent_useful": _("Percentage useful"),
        "score.comments": _("Comments"),
        "page.url_path": _("Path"),
    }
    export_filename = "page-feedback"

    def get_filtered_queryset(self):
        self.filtered_rows = self.filter_queryset(self.get_queryset())
        return scores_by_page(self.filtered_rows)

    def decorate_paginated_queryset(self, object_list):
        return page_scores(object_list)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.is_export:
            context["total"] = score_of(self.filtered_rows)
            context["trend"] = monthly_trend(self.filtered_rows)
            context["comments_url"] = reverse("feedback_admin:comments")
        return context


class FeedbackCommentsView(_FeedbackReport):
    """Every comment left after a "no", newest first."""

    page_title = _("Feedback comments")
    header_icon = "comment"
    results_template_name = "feedback/admin/comments_results.html"
    index_url_name = "feedback_admin:comments"
    index_results_url_name = "feedback_admin:comments_results"
    verbose_name_plural = _("comments")
    list_export = ["created", "page.title", "municipality.short_name", "comment", "page.url_path"]
    export_headings = {
        "created": _("Date"),
        "page.title": _("Page"),
        "municipality.short_name": _("Municipality"),
        "comment": _("Comment"),
        "page.url_path": _("Path"),
    }
    export_filename = "page-feedback-comments"

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .exclude(comment="")
            .select_related("page", "municipality")
            .order_by("-created", "-pk")
        )


@require_safe
def page_detail(request, page_id):
    """One page's feedback: its score, the trend per month and every comment."""
    if not PagePermissionPolicy().user_has_any_permission(request.user, PAGE_ACTIONS):
        raise PermissionDenied
    page = get_object_or_404(Page.objects.select_related("locale"), pk=page_id)
    if not in_own_trees(request.user, page):
        raise PermissionDenied
    rows = Feedback.objects.filter(page=page)
    comments = Paginator(rows.exclude(comment="").order_by("-created", "-pk"), COMMENTS_PER_PAGE)
    return TemplateResponse(
        request,
        "feedback/admin/page_detail.html",
        {
            "page": page,
            "recent": recent_score(page),
            "recent_days": RECENT_DAYS,
            "total": score_of(rows),
            "trend": monthly_trend(rows),
            "comments": comments.get_page(request.GET.get("p")),
        },
    )


@require_POST
def clear_comment(request, feedback_id):
    """Wipe a comment (personal data a visitor typed anyway); the yes/no stays counted."""
    feedback = get_object_or_404(Feedback.objects.select_related("page"), pk=feedback_id)
    if not in_own_trees(
        request.user, feedback.page
    ) or not PagePermissionPolicy().user_has_any_permission(request.user, PAGE_ACTIONS):
        # A plain 403: Wagtail would turn the exception into a redirect to the dashboard.
        return HttpResponseForbidden()
    Feedback.objects.filter(pk=feedback.pk).update(comment="")
    messages.success(request, gettext("The comment was deleted; the answer itself still counts."))
    return redirect("feedback_admin:page", feedback.page_id)
