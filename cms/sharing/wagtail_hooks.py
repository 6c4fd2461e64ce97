from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.permission_policies.pages import PagePermissionPolicy

from .admin import urls as admin_urls
from .admin.views import CREATE_ACTION, REVOKE_ACTION
from .models import can_share

SHARE_LABEL = _("Share without an account")


@hooks.register("register_admin_urls")
def register_sharing_urls():
    return [path("sharing/", include(admin_urls, namespace="sharing_admin"))]


def _share_button(page, user, priority):
    if can_share(user, page):
        yield Button(
            SHARE_LABEL,
            reverse("sharing_admin:page", args=[page.pk]),
            icon_name="link",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def share_header_button(page, user, view_name=None, next_url=None):
    yield from _share_button(page, user, priority=64)


@hooks.register("register_page_listing_more_buttons")
def share_listing_button(page, user, next_url=None):
    yield from _share_button(page, user, priority=48)


class SharedDraftsMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_shared_drafts_menu_item():
    return SharedDraftsMenuItem(
        _("Shared drafts"),
        reverse("sharing_admin:report"),
        name="shared-drafts",
        icon_name="link",
        order=660,
    )


@hooks.register("register_log_actions")
def register_sharing_log_actions(actions):
    actions.register_action(
        CREATE_ACTION, _("Share without an account"), _("Made a link to the draft")
    )
    actions.register_action(REVOKE_ACTION, _("Revoke share link"), _("Revoked a link to the draft"))
