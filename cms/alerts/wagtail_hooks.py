"""Alerts in the Wagtail admin: the snippet viewset, its permission policy, and "Submit
to <workflow>" on a new alert."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import Alert, AlertLogEntry
from .permissions import AlertPermissionPolicy
from .views import AlertViewSet, CreateSubmitMenuItem, default_workflow

register_permission_policy(Alert, AlertPermissionPolicy(Alert))
register_snippet(AlertViewSet)


@hooks.register("construct_snippet_action_menu")
def offer_submit_on_create(menu_items, request, context):
    if context.get("model") is not Alert or context.get("view") != "create":
        return
    if context.get("locked_for_user") or any(i.name == "action-submit" for i in menu_items):
        return
    workflow = default_workflow(request.user)
    if workflow is not None:
        menu_items.append(CreateSubmitMenuItem(workflow))


@hooks.register("register_log_actions")
def log_alerts_apart(actions):
    actions.register_model(Alert, AlertLogEntry)
