from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import RegionalService


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
