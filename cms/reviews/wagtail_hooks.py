from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.municipalities.trees import home_paths

from .actions import MARK_REVIEWED, UPDATE, MarkReviewedFormatter, UpdateFormatter
from .admin import urls
from .admin.common import with_review
from .admin.panels import PagesToReviewPanel
from .items import review_items
from .schedule import Schedule


@hooks.register("register_admin_urls")
def register_review_urls():
    return [
        path("reviews/", include(urls, namespace="reviews")),
        # The catalogue's former "Services to review" URLs answer with the same views.
        path("catalogue/review/", include(urls.legacy_urlpatterns)),
    ]


@hooks.register("construct_homepage_panels")
def add_pages_to_review_panel(request, panels):
    panels.append(PagesToReviewPanel())


class PagesToReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_pages_to_review_menu_item():
    return PagesToReviewMenuItem(
        _("Pages to review"),
        reverse("reviews:report"),
        name="pages-to-review",
        icon_name="warning",
        order=650,
    )


@hooks.register("register_page_header_buttons")
def owner_and_review_button(page, user, view_name, next_url=None):
    """The header's "Owner and review" button, on a municipality's page the user may edit."""
    if page.depth < 2 or not page.permissions_for_user(user).can_edit():
        return
    if page.path[: Page.steplen * 2] in home_paths():
        yield Button(
            _("Owner and review"),
            reverse("reviews:page", args=[page.pk]),
            icon_name="calendar-check",
            priority=66,
        )


@hooks.register("before_edit_page")
def notice_when_review_is_needed(request, page):
    """Opening a page that needs review says why, with "Mark as reviewed"."""
    if request.method != "GET":
        return None
    schedule = Schedule()
    pages = with_review(schedule.needing_review(Page.objects.filter(pk=page.pk)))
    items = review_items(pages, schedule)
    if not items:
        return None
    html = render_to_string(
        "reviews/admin/edit_notice.html",
        {"item": items[0], "page": items[0].page, "next": request.get_full_path()},
        request=request,
    )
    messages.warning(request, mark_safe(html))  # noqa: S308 - rendered by our template
    return None


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    actions.register_action(MARK_REVIEWED)(MarkReviewedFormatter)
    actions.register_action(UPDATE)(UpdateFormatter)
