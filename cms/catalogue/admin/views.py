"""Admin views of the review: what changed for one page, marking it reviewed, the report.

Every view answers only about pages the user may edit: 403 for a page they may not,
404 for one that does not exist, 405 when marking reviewed is asked with GET.
"""

import django_filters
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import log
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.municipalities.models import Municipality

from ..models import LocalServicePage, LocalServiceState, RegionalService
from ..models.review import needs_review_q
from .review import (
    can_edit,
    changes_of,
    flagged_pages,
    flagged_with_changes,
    home_paths,
    municipalities_for,
    municipality_of,
    tree_q,
)

MARK_REVIEWED_ACTION = "catalogue.mark_reviewed"


def _editable_local_page(request, page_id):
    page = get_object_or_404(
        LocalServicePage.objects.select_related("service", "review_state"), pk=page_id
    )
    if not can_edit(request.user, page):
        raise PermissionDenied
    return page


def _next_url(request, default):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return default


@require_GET
def review_detail(request, page_id):
    """What changed in the regional service since the page was reviewed, old and new."""
    page = _editable_local_page(request, page_id)
    flagged = LocalServicePage.objects.filter(needs_review_q(), pk=page.pk).exists()
    return TemplateResponse(
        request,
        "catalogue/admin/review_detail.html",
        {
            "page": page,
            "service": page.service,
            "flagged": flagged,
            "changes": changes_of(page) if flagged else [],
            "municipality": municipality_of(page, home_paths()),
            "state": getattr(page, "review_state", None),
            "next": _next_url(request, ""),
        },
    )


@require_POST
def mark_reviewed(request, page_id):
    """Record that the page was checked against its regional service's current facts.

    No page revision: it is not an edit of the page's content.
    """
    try:
        page = _editable_local_page(request, page_id)
    except PermissionDenied:
        # A plain 403: Wagtail would turn the exception into a redirect to the dashboard.
        return HttpResponseForbidden()
    state = LocalServiceState.objects.filter(page=page).first() or LocalServiceState(page=page)
    state.mark_reviewed(page.service, request.user)
    log(instance=page, action=MARK_REVIEWED_ACTION, user=request.user)
    messages.success(
        request,
        _("“%(title)s” is marked as reviewed against the regional definition.")
        % {"title": page.get_admin_display_title()},
    )
    return redirect(_next_url(request, reverse("wagtailadmin_pages:edit", args=[page.pk])))


def _municipalities(request):
    return Municipality.objects.filter(
        pk__in=[m.pk for m in municipalities_for(request.user)]
    ).order_by("short_name")


def _services(request):
    return RegionalService.objects.filter(
        pk__in=flagged_pages(request.user).values("service")
    ).order_by("name")


class ReviewFilterSet(WagtailFilterSet):
    municipality = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Municipality"),
        queryset=_municipalities,
        empty_label=gettext_lazy("All"),
        method="filter_municipality",
    )
    service = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Regional service"),
        queryset=_services,
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = LocalServicePage
        fields = ["municipality", "service"]

    def filter_municipality(self, queryset, name, value):
        return queryset.filter(tree_q(value)) if value else queryset


class ServicesToReviewView(ReportView):
    """Local service pages whose regional definition changed, for the user's own trees."""

    page_title = gettext_lazy("Services to review")
    header_icon = "warning"
    results_template_name = "catalogue/admin/review_report_results.html"
    index_url_name = "catalogue_review:report"
    index_results_url_name = "catalogue_review:report_results"
    filterset_class = ReviewFilterSet
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    model = LocalServicePage
    verbose_name_plural = gettext_lazy("local services to review")
    list_export = [
        "page.title",
        "municipality_name",
        "page.service.name",
        "changed_labels",
        "page.service.definition_changed_at",
    ]
    export_headings = {
        "page.title": gettext_lazy("Local service"),
        "municipality_name": gettext_lazy("Municipality"),
        "page.service.name": gettext_lazy("Regional service"),
        "changed_labels": gettext_lazy("What changed"),
        "page.service.definition_changed_at": gettext_lazy("Changed at"),
    }
    export_filename = "services-to-review"

    def get_base_queryset(self):
        return flagged_pages(self.request.user)

    def decorate_paginated_queryset(self, object_list):
        return flagged_with_changes(object_list)
