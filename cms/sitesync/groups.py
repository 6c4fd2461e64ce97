"""Groups, permissions and the moderation workflow of one municipality, and the regional
editors' group.

Editors and moderators get page permissions on their own site's trees (one per locale)
and collection permissions on their own collection only; nothing is granted globally
except access to the admin. The regional editors manage the regional services.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.alerts.models import Alert
from cms.catalogue.models import RegionalService
from cms.journeys.models import RegionalJourney
from cms.municipalities.access import REGIONAL_EDITORS, editor_group_names

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
MODERATOR_PAGE_PERMISSIONS = (
    *EDITOR_PAGE_PERMISSIONS,
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)
EDITOR_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
# Alerts: which ones a group manages follows its municipality (cms/alerts/permissions.py).
EDITOR_ALERT_ACTIONS = ("add", "change")
MODERATOR_ALERT_ACTIONS = (*EDITOR_ALERT_ACTIONS, "delete", "publish", "lock", "unlock")
MODERATOR_COLLECTION_PERMISSIONS = (
    *EDITOR_COLLECTION_PERMISSIONS,
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
)


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_group(name, changes):
    group, created = Group.objects.get_or_create(name=name)
    if created:
        changes.append(f"create group {name!r}")
    admin_access = _permission("wagtailadmin", "access_admin")
    if not group.permissions.filter(pk=admin_access.pk).exists():
        group.permissions.add(admin_access)
        changes.append(f"grant admin access to {name!r}")
    return group


def ensure_permissions(group, permissions, changes):
    """Grant ``group`` each global permission, given as (app label, codename), it lacks."""
    for app_label, codename in permissions:
        permission = _permission(app_label, codename)
        if not group.permissions.filter(pk=permission.pk).exists():
            group.permissions.add(permission)
            changes.append(f"grant {codename} to {group.name!r}")


def ensure_model_permissions(group, model, changes, actions=("add", "change", "delete")):
    """Let ``group`` manage every instance of ``model`` (a snippet, say) in the admin."""
    app_label, model_name = model._meta.app_label, model._meta.model_name
    ensure_permissions(group, [(app_label, f"{a}_{model_name}") for a in actions], changes)


def ensure_page_permissions(group, pages, codenames, changes):
    for page in pages:
        for codename in codenames:
            _, created = GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_permission("wagtailcore", codename)
            )
            if created:
                changes.append(f"grant {codename} on {page.url_path} to {group.name!r}")


def ensure_collection_permissions(group, collection, permissions, changes):
    for app_label, codename in permissions:
        _, created = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )
        if created:
            changes.append(f"grant {codename} on collection {collection.name!r} to {group.name!r}")


def ensure_site_setting_permission(group, site, changes):
    _, created = GroupSitePermission.objects.get_or_create(
        group=group, site=site, permission=_permission("municipalities", "change_municipality")
    )
    if created:
        changes.append(f"grant site settings of {site.hostname} to {group.name!r}")


def ensure_workflow(short_name, moderators, homes, changes):
    """One moderation workflow per municipality: its moderators approve its editors' work."""
    task, created = GroupApprovalTask.objects.get_or_create(
        name=f"{short_name}: goedkeuring door moderatoren"
    )
    if created:
        changes.append(f"create moderation task for {short_name}")
    if not task.groups.filter(pk=moderators.pk).exists():
        task.groups.add(moderators)
        changes.append(f"let {moderators.name!r} approve")
    workflow, created = Workflow.objects.get_or_create(name=f"{short_name}: moderatie")
    if created:
        changes.append(f"create workflow for {short_name}")
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for home in homes:
        link = WorkflowPage.objects.filter(page=home).first()
        if link is None:
            WorkflowPage.objects.create(page=home, workflow=workflow)
            changes.append(f"apply workflow to {home.url_path}")


def ensure_municipality_access(municipality, homes, changes):
    """Create or complete the editor and moderator groups of ``municipality``."""
    editors_name, moderators_name = editor_group_names(municipality.slug)
    editors = ensure_group(editors_name, changes)
    moderators = ensure_group(moderators_name, changes)
    ensure_page_permissions(editors, homes, EDITOR_PAGE_PERMISSIONS, changes)
    ensure_page_permissions(moderators, homes, MODERATOR_PAGE_PERMISSIONS, changes)
    ensure_collection_permissions(
        editors, municipality.collection, EDITOR_COLLECTION_PERMISSIONS, changes
    )
    ensure_collection_permissions(
        moderators, municipality.collection, MODERATOR_COLLECTION_PERMISSIONS, changes
    )
    for group in (editors, moderators):
        ensure_site_setting_permission(group, municipality.site, changes)
    ensure_model_permissions(editors, Alert, changes, EDITOR_ALERT_ACTIONS)
    ensure_model_permissions(moderators, Alert, changes, MODERATOR_ALERT_ACTIONS)
    ensure_workflow(municipality.short_name, moderators, homes, changes)
    return editors, moderators


def ensure_regional_editors(changes):
    """The ``regional editors`` group: it manages the regional services and translates
    them with wagtail-localize.

    wagtail-localize shows "Translate" on a snippet only to holders of the global
    submit_translation permission. That permission does not open other municipalities'
    pages: cms/municipalities/wagtail_hooks.py limits page translation to the user's own
    trees, and the regional editors hold no page permission.
    """
    group = ensure_group(REGIONAL_EDITORS, changes)
    ensure_model_permissions(group, RegionalService, changes)
    ensure_model_permissions(group, RegionalJourney, changes)
    ensure_model_permissions(group, Alert, changes, MODERATOR_ALERT_ACTIONS)
    ensure_regional_translation_permission(group, changes)
    return group


def ensure_regional_translation_permission(group, changes):
    """Let ``group`` translate regional services with wagtail-localize."""
    ensure_permissions(group, [("wagtail_localize", "submit_translation")], changes)
