"""Who manages which best bets.

The scope follows the groups sync_sites already keeps (cms/municipalities/access.py):
members of "<slug> editors" or "<slug> moderators" manage that municipality's best bets;
superusers and "regional editors" manage the regional ones (and superusers every one).
Nothing has to be granted per group, so a new municipality's editors can use best bets as
soon as sync_sites has created their groups.
"""

from django.contrib.auth.models import Group
from django.db.models import Q
from wagtail.models import Page
from wagtail.permission_policies.base import BasePermissionPolicy

from cms.municipalities.access import REGIONAL_EDITORS, editor_group_names
from cms.municipalities.models import Municipality
from cms.municipalities.scopes import municipality_scopes

ACTIONS = ("add", "change", "delete", "view")


def best_bet_scopes(user):
    """The municipalities whose best bets the user manages, and whether the regional ones."""
    return municipality_scopes(user)


def municipality_trees(municipality):
    """The paths of the municipality's home pages, one per language."""
    root = municipality.site.root_page
    return list(
        Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True)
    ) or [root.path]


class BestBetPermissionPolicy(BasePermissionPolicy):
    """Every action on a best bet in scope; nothing outside it."""

    def user_has_permission(self, user, action):
        return action in ACTIONS and best_bet_scopes(user).any

    def user_has_permission_for_instance(self, user, action, instance):
        return action in ACTIONS and best_bet_scopes(user).allows(instance.municipality_id)

    def instances_user_has_any_permission_for(self, user, actions):
        if not set(actions) & set(ACTIONS):
            return self.model.objects.none()
        scopes = best_bet_scopes(user)
        if not scopes.any:
            return self.model.objects.none()
        return self.model.objects.filter(scopes.filter())

    def users_with_any_permission(self, actions):
        user_model = Group._meta.get_field("user").related_model
        if not set(actions) & set(ACTIONS):
            return user_model.objects.none()
        slugs = Municipality.objects.values_list("slug", flat=True)
        names = [REGIONAL_EDITORS, *(n for slug in slugs for n in editor_group_names(slug))]
        return user_model.objects.filter(
            Q(is_superuser=True) | Q(groups__name__in=names), is_active=True
        ).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])

    def users_with_any_permission_for_instance(self, actions, instance):
        user_model = Group._meta.get_field("user").related_model
        if not set(actions) & set(ACTIONS):
            return user_model.objects.none()
        if instance.municipality_id is None:
            names = [REGIONAL_EDITORS]
        else:
            names = list(editor_group_names(instance.municipality.slug))
        return user_model.objects.filter(
            Q(is_superuser=True) | Q(groups__name__in=names), is_active=True
        ).distinct()
