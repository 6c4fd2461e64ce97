"""Reports → "Pages to review": every page the user may edit that needs review, filterable
by reason, owner, page type, municipality and regional service; CSV and XLSX export."""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.catalogue.models import LocalServicePage, RegionalService
from cms.municipalities.models import Municipality
from cms.municipalities.trees import municipalities_for

from ..items import review_items
from ..owners import Owners, owner_value
from ..schedule import Reason, Schedule
from .common import reviewable_pages

MINE = "mine"


def _municipalities(request):
    return Municipality.objects.filter(
        pk__in=[m.pk for m in municipalities_for(request.user)]
    ).order_by("short_name")


def _services(request):
    return RegionalService.objects.filter(
        pk__in=LocalServicePage.objects.filter(
            pk__in=reviewable_pages(request.user).values("pk")
        ).values("service")
    ).order_by("name")


def page_type_choices():
    models = [model for model in get_page_models() if model is not Page]
    types = ContentType.objects.get_for_models(*models)
    return sorted(
        ((str(ct.pk), str(model._meta.verbose_name).capitalize()) for model, ct in types.items()),
        key=lambda choice: choice[1],
    )


def unowned_q():
    return Q(page_review__owner_user__isnull=True, page_review__owner_group__isnull=True)


class ReviewFilterSet(WagtailFilterSet):
    reason = django_filters.ChoiceFilter(
        label=_("Reason"), choices=Reason.choices, empty_label=_("All"), method="filter_reason"
    )
    owner = django_filters.ChoiceFilter(
        label=_("Owner"), choices=(), empty_label=_("Anyone"), method="filter_owner"
    )
    page_type = django_filters.ChoiceFilter(
        label=_("Page type"), choices=page_type_choices, empty_label=_("All"), method="filter_type"
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Municipality"),
        queryset=_municipalities,
        empty_label=_("All"),
        method="filter_municipality",
    )
    service = django_filters.ModelChoiceFilter(
        label=_("Regional service"),
        queryset=_services,
        empty_label=_("All"),
        method="filter_service",
    )

    class Meta:
        model = Page
        fields = ["reason", "owner", "page_type", "municipality", "service"]

    def __init__(self, *args, schedule, **kwargs):
        super().__init__(*args, **kwargs)
        self.schedule = schedule
        user = self.request.user
        municipalities = municipalities_for(user)
        self.owners = Owners(municipalities)
        self.owner_choices = {MINE: None}
        choices = [(MINE, _("Me or my teams"))]
        for municipality in municipalities:
            for value, owner in self.owners.choices(municipality).items():
                if value not in self.owner_choices:
                    self.owner_choices[value] = owner
                    label = self.owners.name(owner)
                    if value.startswith("user:") and len(municipalities) > 1:
                        label = f"{label} ({municipality.short_name})"
                    choices.append((value, label))
        self.filters["owner"].extra["choices"] = choices

    def filter_reason(self, queryset, name, value):
        if value == Reason.DATE:
            return queryset.filter(self.schedule.date_due_q())
        if value == Reason.REGIONAL:
            return queryset.filter(regional_change=True)
        return queryset

    def _team_q(self, group):
        """Pages the team owns: chosen for it, or, for a municipality's editors, every page
        of the municipality nobody was chosen for."""
        query = Q(page_review__owner_group=group)
        municipality = self.owners.municipality_of_group.get(group.pk)
        if municipality is not None and self.owners.default(municipality) == group:
            query |= unowned_q() & self.schedule.in_trees_q(municipality)
        return query

    def filter_owner(self, queryset, name, value):
        if value == MINE:
            user = self.request.user
            query = Q(page_review__owner_user=user)
            for group in user.groups.all():
                if group.pk in self.owners.municipality_of_group:
                    query |= self._team_q(group)
            return queryset.filter(query)
        owner = self.owner_choices.get(value)
        if owner is None:
            return queryset
        if owner_value(owner).startswith("user:"):
            return queryset.filter(page_review__owner_user=owner)
        return queryset.filter(self._team_q(owner))

    def filter_type(self, queryset, name, value):
        return queryset.filter(content_type_id=value) if value else queryset

    def filter_municipality(self, queryset, name, value):
        return queryset.filter(self.schedule.in_trees_q(value)) if value else queryset

    def filter_service(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(pk__in=LocalServicePage.objects.filter(service=value).values("pk"))


class PagesToReviewView(ReportView):
    """The pages that need review, of the user's own trees (every page for a superuser)."""

    page_title = _("Pages to review")
    header_icon = "warning"
    results_template_name = "reviews/admin/report_results.html"
    index_url_name = "reviews:report"
    index_results_url_name = "reviews:report_results"
    filterset_class = ReviewFilterSet
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    model = Page
    verbose_name_plural = _("pages to review")
    # The first four columns are the catalogue's former "Services to review" export.
    list_export = [
        "page.title",
        "municipality_name",
        "service_name",
        "changed_labels",
        "reasons_text",
        "due_on",
        "owner_name",
        "type_name",
    ]
    export_headings = {
        "page.title": _("Page"),
        "municipality_name": _("Municipality"),
        "service_name": _("Regional service"),
        "changed_labels": _("What changed"),
        "reasons_text": _("Reason"),
        "due_on": _("Review date"),
        "owner_name": _("Owner"),
        "type_name": _("Page type"),
    }
    export_filename = "pages-to-review"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.schedule = Schedule()

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "schedule": self.schedule}

    def get_base_queryset(self):
        return self.schedule.needing_review(reviewable_pages(self.request.user)).order_by(
            F("regional_change").desc(), F("review_base").asc(nulls_last=True), "path"
        )

    def decorate_paginated_queryset(self, object_list):
        owners = self.filters.owners if self.filters else None
        return review_items(object_list, self.schedule, owners)
