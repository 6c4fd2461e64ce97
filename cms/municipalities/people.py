"""Whose names an editor may see in the admin's user filters and choice lists.

An editor works with the people of their own municipality: the members of its editors'
and moderators' groups. The regional editors (who keep the regional services every
municipality publishes) and the superusers (who run the platform and act on every site)
are everyone's colleagues, so they are listed too. Nobody else is: another
municipality's editors and moderators stay unnamed. Superusers see everyone.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from .access import REGIONAL_EDITORS, editor_group_names
from .scopes import municipality_scopes

__all__ = ["visible_users"]


def visible_users(user):
    """The users whose names ``user`` may see in the admin (a lazy queryset)."""
    users = get_user_model().objects.all()
    if user.is_superuser:
        return users
    names = [REGIONAL_EDITORS]
    for municipality in municipality_scopes(user).municipalities():
        names.extend(editor_group_names(municipality.slug))
    members = users.model.groups.through.objects.filter(group__name__in=names)
    return users.filter(Q(pk__in=members.values("user_id")) | Q(is_superuser=True) | Q(pk=user.pk))
