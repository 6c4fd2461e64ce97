"""Which local service pages a user must review because their regional service changed, and
what changed, for the review in ``cms.reviews``.

A page needs review when its regional service's definition changed after the page was last
reviewed, or when the service was archived (``needs_review_q``). Every list here holds only
the pages the user may edit, found with Wagtail's page permission policy, so an editor of
one municipality never learns about another's pages.
"""

from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.municipalities.trees import editable_pages, tree_q

from ..models import FACT_FIELDS, LocalServicePage, RegionalService
from ..models.review import needs_review_q
from ..vocabularies import labels

# Facts short enough to show as "old -> new"; longer ones show their label only.
SHORT_TEXT = 160


@dataclass(frozen=True)
class Change:
    """One regional fact that differs from what the page was reviewed against."""

    key: str
    label: str
    old: str = ""
    new: str = ""

    @property
    def shows_values(self):
        return bool(self.old or self.new)


def can_edit(user, page):
    return page.permissions_for_user(user).can_edit()


def flagged_pages(user, municipality=None, service=None):
    """The local pages ``user`` may edit that need review, oldest change first."""
    pages = LocalServicePage.objects.filter(needs_review_q()).filter(
        pk__in=editable_pages(user).values("pk")
    )
    if municipality is not None:
        pages = pages.filter(tree_q(municipality))
    if service is not None:
        pages = pages.filter(service=service)
    return pages.select_related("service", "review_state", "locale").order_by(
        "service__definition_changed_at", "path"
    )


def municipality_of(page, homes):
    return homes.get(page.path[: Page.steplen * 2])


def _short(value):
    """A fact's value as short plain text, or "" when it is not a short text."""
    if isinstance(value, list):
        if all(isinstance(item, str) for item in value):
            value = ", ".join(value)
        else:
            return ""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    text = " ".join(strip_tags(value).split())
    if len(text) > SHORT_TEXT * 3:
        return ""
    return Truncator(text).chars(SHORT_TEXT)


def _labelled(model_field, value):
    """Codes from a code list as their labels ("Burger" -> "Citizen")."""
    choices = getattr(model_field, "choice_list", None)
    if choices is not None and isinstance(value, list):
        return [str(label) for label in labels(choices, value)]
    if model_field.choices and isinstance(value, str):
        return str(dict(model_field.flatchoices).get(value, value))
    return value


def changes_of(page, facts_cache=None):
    """What changed in ``page``'s regional service since the page was reviewed.

    ``facts_cache`` ({service pk: facts}) saves computing a service's facts once per page
    when many pages derive from it.
    """
    service = page.service
    cache = facts_cache if facts_cache is not None else {}
    if service.pk not in cache:
        cache[service.pk] = service.facts()
    current = cache[service.pk]
    state = getattr(page, "review_state", None)
    reviewed = state.reviewed_facts if state is not None else {}
    changes = []
    if state is not None and state.merge_conflict:
        changes.append(Change("merge_conflict", state.merge_conflict))
    if service.archived:
        changes.append(Change("archived", _("Archived: no longer offered in the region"), "", ""))
    for name in FACT_FIELDS:
        old, new = reviewed.get(name), current.get(name)
        if old == new:
            continue
        model_field = RegionalService._meta.get_field(name)
        label = str(model_field.verbose_name)
        old_text, new_text = (
            _short(_labelled(model_field, old)),
            _short(_labelled(model_field, new)),
        )
        if (old and not old_text) or (new and not new_text):
            old_text = new_text = ""
        changes.append(Change(name, label, old_text, new_text))
    return changes
