"""Alerts in the admin: each editor sees and touches only the alerts in their scope
(cms/alerts/permissions.py).

Three layers keep it so: the listing and the chooser list only alerts in scope; every
URL of the viewset that names one alert (edit, delete, history, revisions, workflow
actions, lock, unpublish, usage, preview ...) refuses an alert outside the scope before
Wagtail's view runs; and the registered permission policy answers "no" for such an alert
wherever Wagtail asks it (bulk actions, action menus).
"""

from functools import wraps

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowTasksReportFilterSet,
    WorkflowTasksView,
    WorkflowView,
)
from wagtail.snippets.action_menu import SubmitForModerationMenuItem
from wagtail.snippets.views import chooser, snippets
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.utils.urlpatterns import decorate_urlpatterns

from cms.municipalities.admin.filters import own_users

from .models import Alert, municipality_workflow
from .permissions import alert_scopes

__all__ = ["AlertViewSet", "CreateSubmitMenuItem", "admin_url_overrides", "default_workflow"]


def _in_scope_or_refuse(user, pk):
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    found = Alert.objects.filter(pk=pk).values_list("municipality_id", flat=True)
    if found and not alert_scopes(user).allows(found[0]):
        raise PermissionDenied


def in_scope_only(view):
    """Refuse ``view`` for an alert outside the user's scope (a missing one: the view's
    own 404)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if "pk" in kwargs:
            _in_scope_or_refuse(request.user, kwargs["pk"])
        return view(request, *args, **kwargs)

    return wrapped


def default_workflow(user):
    """The workflow a new alert of ``user`` goes through: their municipality's, when they
    manage exactly one and not the regional alerts."""
    scopes = alert_scopes(user)
    if scopes.regional or scopes.ids is None or len(scopes.ids) != 1:
        return None
    municipality = scopes.municipalities().select_related("site").first()
    return municipality_workflow(municipality) if municipality else None


class CreateView(snippets.CreateView):
    @cached_property
    def workflow(self):
        # Wagtail takes a new snippet's workflow from its model; a new alert's is the
        # editor's municipality's.
        if self.object is not None and self.object.pk:
            return self.object.get_workflow()
        return default_workflow(self.request.user)


class CreateSubmitMenuItem(SubmitForModerationMenuItem):
    """The "Submit to <workflow>" button on a new alert (Wagtail offers it only for
    workflows assigned to a model)."""

    def __init__(self, workflow, order=60):
        super().__init__(order=order)
        self.workflow = workflow

    def is_shown(self, context):
        return context["view"] == "create"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["label"] = _("Submit to %(workflow_name)s") % {"workflow_name": self.workflow.name}
        return context


class InScopeChooserMixin:
    def get_object_list(self):
        return Alert.objects.filter(alert_scopes(self.request.user).filter())


class ChooseView(InScopeChooserMixin, chooser.ChooseView):
    pass


class ChooseResultsView(InScopeChooserMixin, chooser.ChooseResultsView):
    pass


class ChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        _in_scope_or_refuse(self.request.user, pk)
        return super().get_object(pk)


class ChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        ids = [int(pk) for pk in pks if str(pk).isdigit()]
        return Alert.objects.filter(alert_scopes(self.request.user).filter(), pk__in=ids)


class AlertChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView


class AlertViewSet(SnippetViewSet):
    model = Alert
    icon = "warning"
    menu_label = _("Alerts")
    menu_order = 240
    add_to_admin_menu = True
    add_view_class = CreateView
    chooser_viewset_class = AlertChooserViewSet
    list_display = ["title", "severity", "municipality", "starts_at", "ends_at"]
    list_filter = ["severity", "live"]
    search_fields = ["title", "text"]
    ordering = ["-starts_at", "-pk"]

    def get_queryset(self, request):
        return Alert.objects.filter(alert_scopes(request.user).filter()).select_related(
            "municipality"
        )

    def get_urlpatterns(self):
        return decorate_urlpatterns(super().get_urlpatterns(), in_scope_only)


# Workflow reports ---------------------------------------------------------------------
# Wagtail lists every workflow state of a snippet model to anyone with a permission on
# that model; these list only the alerts in the user's scope. They are plain admin views
# with no hook, so ``admin_url_overrides`` is included in cms/urls.py ahead of Wagtail's.


def _out_of_scope(user, prefix=""):
    """A Q matching the workflow states (through ``prefix``) of alerts outside the scope."""
    content_type = ContentType.objects.get_for_model(Alert)
    in_scope = Alert.objects.filter(alert_scopes(user).filter()).ids_as_text()
    return Q(**{f"{prefix}content_type": content_type}) & ~Q(**{f"{prefix}object_id__in": in_scope})


class WorkflowReportView(WorkflowView):
    filterset_class = own_users(WorkflowReportFilterSet)  # other municipalities' people hidden

    def get_queryset(self):
        return super().get_queryset().exclude(_out_of_scope(self.request.user))


class WorkflowTasksReportView(WorkflowTasksView):
    filterset_class = own_users(WorkflowTasksReportFilterSet)

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.exclude(_out_of_scope(self.request.user, "workflow_state__"))


admin_url_overrides = decorate_urlpatterns(
    [
        path("reports/workflow/", WorkflowReportView.as_view(), name="alerts_workflow_report"),
        path(
            "reports/workflow/results/",
            WorkflowReportView.as_view(results_only=True),
            name="alerts_workflow_report_results",
        ),
        path(
            "reports/workflow_tasks/",
            WorkflowTasksReportView.as_view(),
            name="alerts_workflow_tasks_report",
        ),
        path(
            "reports/workflow_tasks/results/",
            WorkflowTasksReportView.as_view(results_only=True),
            name="alerts_workflow_tasks_report_results",
        ),
    ],
    require_admin_access,
)
