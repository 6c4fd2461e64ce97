from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin import urls as review_urls
from .admin.panels import ServicesToReviewPanel
from .admin.review import changes_of
from .admin.views import MARK_REVIEWED_ACTION
from .models import LocalServicePage, RegionalService
from .models.review import needs_review_q


class RegionalServiceViewSet(SnippetViewSet):
    """Regional services: only superusers and the regional editors hold its permissions."""

    model = RegionalService
    icon = "list-ul"
    menu_label = _("Regional services")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "identifier", "service_type", "archived", "definition_changed_at"]
    list_filter = ["archived", "service_type", "locale"]
    search_fields = ["name", "identifier", "keywords"]


register_snippet(RegionalServiceViewSet)


# The review of local service pages ----------------------------------------------------


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("catalogue/review/", include(review_urls, namespace="catalogue_review"))]


@hooks.register("construct_homepage_panels")
def add_services_to_review_panel(request, panels):
    panels.append(ServicesToReviewPanel())


class ServicesToReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_services_to_review_menu_item():
    return ServicesToReviewMenuItem(
        _("Services to review"),
        reverse("catalogue_review:report"),
        name="services-to-review",
        icon_name="warning",
        order=650,
    )


@hooks.register("before_edit_page")
def warn_when_regional_definition_changed(request, page):
    """Opening a flagged local page says what changed, with "Mark as reviewed"."""
    if request.method != "GET" or not isinstance(page, LocalServicePage):
        return None
    page = (
        LocalServicePage.objects.filter(needs_review_q(), pk=page.pk)
        .select_related("service", "review_state")
        .first()
    )
    if page is None:
        return None
    html = render_to_string(
        "catalogue/admin/edit_warning.html",
        {"page": page, "changes": changes_of(page), "next": request.get_full_path()},
        request=request,
    )
    messages.warning(request, mark_safe(html))  # noqa: S308 - rendered by our template
    return None


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    actions.register_action(
        MARK_REVIEWED_ACTION,
        _("Mark as reviewed"),
        _("Marked as reviewed against the regional definition"),
    )
