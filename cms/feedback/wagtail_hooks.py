from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from .admin import urls as admin_urls
from .admin.views import PAGE_ACTIONS
from .models import accepts_feedback
from .reports import RECENT_DAYS, recent_score


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [path("feedback/", include(admin_urls, namespace="feedback_admin"))]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(request.user, PAGE_ACTIONS)


@hooks.register("register_reports_menu_item")
def register_feedback_menu_item():
    return FeedbackMenuItem(
        _("Page feedback"),
        reverse("feedback_admin:report"),
        name="page-feedback",
        icon_name="comment",
        order=660,
    )


@hooks.register("before_edit_page")
def show_feedback_score(request, page):
    """Opening a page that asks for feedback shows its score of the last 90 days."""
    if request.method != "GET" or not accepts_feedback(page):
        return None
    score = recent_score(page)
    if not score.total:
        return None
    html = render_to_string(
        "feedback/admin/edit_message.html",
        {"page": page, "score": score, "days": RECENT_DAYS},
        request=request,
    )
    messages.info(request, mark_safe(html))  # noqa: S308 - rendered by our template
    return None
