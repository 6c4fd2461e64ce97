"""Best bets in the admin: each editor sees and changes only the ones in their scope
(search/permissions.py). Every view that opens one best bet checks it, not only the list."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.core.page_cache import bump_on_change_of

from .models import BestBet
from .permissions import BestBetPermissionPolicy, best_bet_scopes

register_permission_policy(BestBet, BestBetPermissionPolicy(BestBet))
# A new or changed best bet shows at once, not when the cached results page expires.
bump_on_change_of(BestBet)


class InScopeMixin:
    """Refuse to open a best bet outside the user's scope."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not best_bet_scopes(self.request.user).allows(obj.municipality_id):
            raise PermissionDenied
        return obj


class EditView(InScopeMixin, snippets.EditView):
    pass


class DeleteView(InScopeMixin, snippets.DeleteView):
    pass


class CopyView(InScopeMixin, snippets.CopyView):
    pass


class UsageView(InScopeMixin, snippets.UsageView):
    pass


class HistoryView(InScopeMixin, snippets.HistoryView):
    pass


class InspectView(InScopeMixin, snippets.InspectView):
    pass


class BestBetViewSet(SnippetViewSet):
    model = BestBet
    icon = "pick"
    menu_label = _("Best bets")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["__str__", "municipality", "keywords", "active", "sort_order"]
    list_filter = ["municipality", "active"]
    edit_view_class = EditView
    delete_view_class = DeleteView
    copy_view_class = CopyView
    usage_view_class = UsageView
    history_view_class = HistoryView
    inspect_view_class = InspectView

    def get_queryset(self, request):
        return BestBet.objects.filter(best_bet_scopes(request.user).filter()).select_related(
            "municipality", "page"
        )

    def register_chooser_viewset(self):
        """No chooser: nothing links to a best bet, and a chooser would list every one."""


register_snippet(BestBetViewSet)
