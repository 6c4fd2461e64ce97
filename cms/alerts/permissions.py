"""Who manages which alerts.

What a user may do with alerts (add, change, delete, publish) comes from the model
permissions sync_sites grants to the groups (cms/sitesync/groups.py): "<slug> editors"
add and change, "<slug> moderators" also delete and publish, "regional editors" all four.
*Which* alerts follows the same groups: "<slug> editors" and "<slug> moderators" manage
that municipality's alerts, "regional editors" the regional ones, superusers every one.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from cms.municipalities.access import REGIONAL_EDITORS, editor_group_names
from cms.municipalities.scopes import municipality_scopes

__all__ = ["AlertPermissionPolicy", "alert_scopes"]


def alert_scopes(user):
    """The municipalities whose alerts the user manages, and whether the regional ones."""
    return municipality_scopes(user)


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
