"""The editors' side of share links: a page's links (make one, revoke one) and the report
of every active link to the pages the user may edit.

Every view answers only about pages the user may edit (their own municipality's trees;
every page for a superuser): 404 for a page or link that does not exist, 403 for one of
another municipality, 405 for a wrong method. A new link's address is shown once, in the
answer to the POST that made it (never stored, never cached).
"""

import django_filters
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import log
from wagtail.models import Page, Site
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.core.redirects import safe_next_url
from cms.municipalities.models import Municipality
from cms.municipalities.trees import municipalities_for, tree_q

from ..models import ShareLink, can_share
from ..views import shared_url
from .forms import ShareLinkForm

CREATE_ACTION = "sharing.create"
REVOKE_ACTION = "sharing.revoke"
PAGE_LINKS_SHOWN = 50


def absolute_shared_url(request, token, page):
    """The link to send: on the page's own site, so it shows with that site's theme."""
    site = page.get_site() or Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    return root + shared_url(token, page)


def _page_context(page, form):
    links = list(page.share_links.select_related("created_by", "revoked_by")[:PAGE_LINKS_SHOWN])
    return {"page": page, "form": form, "links": links}


@require_http_methods(["GET", "POST"])
def page_links(request, page_id):
    """The page's links with a revoke button each, and the form that makes a new one."""
    page = get_object_or_404(Page, pk=page_id).specific_deferred
    if not can_share(request.user, page):
        # A plain 403: Wagtail would turn PermissionDenied into a redirect to the dashboard.
        return HttpResponseForbidden()
    if request.method == "GET":
        return TemplateResponse(
            request, "sharing/admin/page_links.html", _page_context(page, ShareLinkForm())
        )
    form = ShareLinkForm(request.POST)
    if not form.is_valid():
        return TemplateResponse(
            request, "sharing/admin/page_links.html", _page_context(page, form), status=400
        )
    link, token = ShareLink.create_for(
        page,
        request.user,
        days=form.cleaned_data["days"],
        include_descendants=form.cleaned_data["include_descendants"],
        recipient=form.cleaned_data["recipient"],
    )
    log(
        instance=page,
        action=CREATE_ACTION,
        user=request.user,
        data={
            "link": link.pk,
            "expires_at": link.expires_at.isoformat(),
            "recipient": link.recipient,
            "include_descendants": link.include_descendants,
        },
    )
    response = TemplateResponse(
        request,
        "sharing/admin/created.html",
        {"page": page, "link": link, "url": absolute_shared_url(request, token, page)},
    )
    add_never_cache_headers(response)
    return response


@require_POST
def revoke(request, link_id):
    link = get_object_or_404(ShareLink.objects.select_related("page"), pk=link_id)
    page = link.page.specific_deferred
    if not can_share(request.user, page):
        return HttpResponseForbidden()
    if link.revoked_at is None:
        link.revoke(request.user)
        log(instance=page, action=REVOKE_ACTION, user=request.user, data={"link": link.pk})
        messages.success(
            request,
            _("The link to “%(title)s” no longer works.")
            % {"title": page.get_admin_display_title()},
        )
    return redirect(safe_next_url(request, reverse("sharing_admin:page", args=[page.pk])))


# The report ----------------------------------------------------------------------------


def _municipalities(request):
    user = request.user if request else None
    if user is None:
        return Municipality.objects.none()
    return Municipality.objects.filter(pk__in=[m.pk for m in municipalities_for(user)]).order_by(
        "short_name"
    )


class ShareLinkFilterSet(WagtailFilterSet):
    municipality = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Municipality"),
        queryset=_municipalities,
        empty_label=gettext_lazy("All"),
        method="filter_municipality",
    )

    class Meta:
        model = ShareLink
        fields = ["municipality"]

    def filter_municipality(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(tree_q(value, "page__"))


class ShareLinksReportView(ReportView):
    """The active links to the pages the user may edit: their municipality's shared drafts."""

    page_title = gettext_lazy("Shared drafts")
    header_icon = "link"
    results_template_name = "sharing/admin/report_results.html"
    index_url_name = "sharing_admin:report"
    index_results_url_name = "sharing_admin:report_results"
    filterset_class = ShareLinkFilterSet
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    model = ShareLink
    verbose_name_plural = gettext_lazy("share links")
    list_export = [
        "page.title",
        "municipality_name",
        "recipient",
        "include_descendants",
        "created_by",
        "created_at",
        "expires_at",
        "last_viewed_at",
    ]
    export_headings = {
        "page.title": gettext_lazy("Page"),
        "municipality_name": gettext_lazy("Municipality"),
        "recipient": gettext_lazy("Shared with"),
        "include_descendants": gettext_lazy("Include subpages"),
        "created_by": gettext_lazy("Created by"),
        "created_at": gettext_lazy("Created at"),
        "expires_at": gettext_lazy("Expires at"),
        "last_viewed_at": gettext_lazy("Last opened at"),
    }
    export_filename = "shared-drafts"

    def get_base_queryset(self):
        return (
            ShareLink.objects.active()
            .for_user(self.request.user)
            .select_related("page", "created_by")
            .order_by("expires_at")
        )

    def decorate_paginated_queryset(self, object_list):
        links = list(object_list)
        by_site = {m.site_id: m for m in Municipality.objects.all()}
        for link in links:
            site = link.page.get_site()
            municipality = by_site.get(site.pk) if site else None
            link.municipality_name = municipality.short_name if municipality else ""
        return links
