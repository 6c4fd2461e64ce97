from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import RegionalService

# What marking a local page reviewed was logged as before cms.reviews took the review over;
# registered so that page histories still name it.
MARK_REVIEWED_ACTION = "catalogue.mark_reviewed"


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


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    actions.register_action(
        MARK_REVIEWED_ACTION,
        _("Mark as reviewed"),
        _("Marked as reviewed against the regional definition"),
    )
