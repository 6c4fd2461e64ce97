"""Who manages which alerts.

What a user may do with alerts (add, change, delete, publish) comes from the model
permissions sync_sites grants to the groups (cms/sitesync/groups.py): "<slug> editors"
add and change, "<slug> moderators" also delete and publish, "regional editors" all four.
*Which* alerts follows the same groups: "<slug> editors" and "<slug> moderators" manage
that municipality's alerts, "regional editors" the regional ones, superusers every one.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from cms.municipalities.access import REGIONAL_EDITORS, editor_group_names
from cms.municipalities.models import Municipality

__all__ = ["AlertPermissionPolicy", "Scopes", "alert_scopes"]


@dataclass(frozen=True)
class Scopes:
    """``ids``: the municipalities whose alerts the user manages (None: every one);
    ``regional``: whether they manage the regional ones."""

    ids: frozenset | None
    regional: bool

    def allows(self, municipality_id):
        if municipality_id is None:
            return self.regional
        return self.ids is None or municipality_id in self.ids

    def filter(self):
        """A Q on Alert for the alerts in scope."""
        if self.ids is None:
            return Q()
        condition = Q(municipality_id__in=self.ids)
        if self.regional:
            condition |= Q(municipality__isnull=True)
        return condition

    def municipalities(self):
        if self.ids is None:
            return Municipality.objects.all()
        return Municipality.objects.filter(pk__in=self.ids)


NO_SCOPE = Scopes(ids=frozenset(), regional=False)


def alert_scopes(user):
    """The user's scopes, looked up once per user object (that is, per request)."""
    if user is None or not user.is_active or not user.is_authenticated:
        return NO_SCOPE
    if user.is_superuser:
        return Scopes(ids=None, regional=True)
    cached = getattr(user, "_alert_scopes", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        ids = {
            pk
            for pk, slug in Municipality.objects.values_list("pk", "slug")
            if names & set(editor_group_names(slug))
        }
        cached = user._alert_scopes = Scopes(ids=frozenset(ids), regional=REGIONAL_EDITORS in names)
    return cached


def _group_names(instance):
    if instance.municipality_id is None:
        return [REGIONAL_EDITORS]
    return list(editor_group_names(instance.municipality.slug))


class AlertPermissionPolicy(ModelPermissionPolicy):
    """The model permissions, narrowed to the alerts in the user's scope."""

    def user_has_permission_for_instance(self, user, action, instance):
        return alert_scopes(user).allows(
            instance.municipality_id
        ) and super().user_has_permission_for_instance(user, action, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        return instances.filter(alert_scopes(user).filter())

    def users_with_any_permission_for_instance(self, actions, instance):
        users = super().users_with_any_permission_for_instance(actions, instance)
        in_scope = get_user_model().objects.filter(
            Q(is_superuser=True)
            | Q(groups__in=Group.objects.filter(name__in=_group_names(instance)))
        )
        return users.filter(pk__in=in_scope.values("pk"))
