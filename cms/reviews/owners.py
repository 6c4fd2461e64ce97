"""Who owns a page: a person or a team of its own municipality.

A team is one of the municipality's two groups (its editors and its moderators, made by
``sync_sites``); a person is an active member of one of them. A page nobody was chosen
for belongs to its municipality's editors.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.translation import gettext as _

from cms.municipalities.access import editor_group_names

USER, GROUP = "user", "group"


def owner_value(owner):
    """The form value of an owner: "user:<pk>" or "group:<pk>"."""
    if owner is None:
        return ""
    kind = GROUP if isinstance(owner, Group) else USER
    return f"{kind}:{owner.pk}"


def person_name(user):
    return user.get_full_name() or user.get_username()


def members(groups):
    """The active people in ``groups``, by name."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__in=groups)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class Owners:
    """The municipalities' teams, read in one query."""

    def __init__(self, municipalities):
        self.by_name = {}
        for municipality in municipalities:
            for name in editor_group_names(municipality.slug):
                self.by_name[name] = municipality
        self.groups = {
            group.name: group for group in Group.objects.filter(name__in=list(self.by_name))
        }
        self.municipality_of_group = {
            group.pk: self.by_name[name] for name, group in self.groups.items()
        }

    def teams(self, municipality):
        """The municipality's editors and moderators groups (those that exist)."""
        return [
            self.groups[name]
            for name in editor_group_names(municipality.slug)
            if name in self.groups
        ]

    def default(self, municipality):
        """The owner of a page nobody was chosen for: the municipality's editors."""
        if municipality is None:
            return None
        return self.groups.get(editor_group_names(municipality.slug)[0])

    def team_name(self, group):
        municipality = self.municipality_of_group.get(group.pk)
        if municipality is None:
            return group.name
        editors, _moderators = editor_group_names(municipality.slug)
        if group.name == editors:
            return _("Editors of %(municipality)s") % {"municipality": municipality.short_name}
        return _("Moderators of %(municipality)s") % {"municipality": municipality.short_name}

    def name(self, owner):
        if owner is None:
            return ""
        if isinstance(owner, Group):
            return self.team_name(owner)
        return person_name(owner)

    def choices(self, municipality):
        """The owners a page of ``municipality`` may get: {form value: owner}."""
        teams = self.teams(municipality)
        found = {owner_value(group): group for group in teams}
        found.update({owner_value(user): user for user in members(teams)})
        return found
