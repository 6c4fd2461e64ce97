from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import RegionalJourney


class RegionalJourneyViewSet(SnippetViewSet):
    """Regional journeys: only superusers and the regional editors hold its permissions
    (cms/sitesync/groups.py), as for regional services."""

    model = RegionalJourney
    icon = "list-ol"
    menu_label = _("Regional journeys")
    menu_order = 251
    add_to_admin_menu = True
    list_display = ["title", "identifier", "life_event", "locale"]
    list_filter = ["life_event", "locale"]
    search_fields = ["title", "identifier", "summary"]


register_snippet(RegionalJourneyViewSet)
