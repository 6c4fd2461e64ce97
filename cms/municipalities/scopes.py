"""Which municipalities' shared objects a user manages (alerts, best bets...).

The scope follows the groups sync_sites keeps: members of "<slug> editors" or "<slug>
moderators" manage that municipality's objects; "regional editors" the regional ones (no
municipality); superusers every one. Nothing has to be granted per object, so a new
municipality's editors are in scope as soon as sync_sites has made their groups.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db.models import Q

from .access import REGIONAL_EDITORS, editor_group_names
from .models import Municipality

__all__ = ["NO_SCOPE", "Scopes", "municipality_scopes"]


@dataclass(frozen=True)
class Scopes:
    """``ids``: the municipalities whose objects the user manages (None: every one);
    ``regional``: whether they manage the regional ones."""

    ids: frozenset | None
    regional: bool

    @property
    def any(self):
        return self.ids is None or bool(self.ids) or self.regional

    def allows(self, municipality_id):
        if municipality_id is None:
            return self.regional
        return self.ids is None or municipality_id in self.ids

    def filter(self):
        """A Q, on a model with a ``municipality`` foreign key, for the objects in scope."""
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


def municipality_scopes(user):
    """The user's scopes, looked up once per user object (that is, per request)."""
    if user is None or not user.is_active or not user.is_authenticated:
        return NO_SCOPE
    if user.is_superuser:
        return Scopes(ids=None, regional=True)
    cached = getattr(user, "_municipality_scopes", None)
    if cached is None:
        names = set(Group.objects.filter(user=user).values_list("name", flat=True))
        ids = {
            pk
            for pk, slug in Municipality.objects.values_list("pk", "slug")
            if names & set(editor_group_names(slug))
        }
        cached = Scopes(ids=frozenset(ids), regional=REGIONAL_EDITORS in names)
        user._municipality_scopes = cached
    return cached
