"""Pages that need review as list items: municipality, owner, reasons and what changed.

``review_items`` decorates a list of pages from ``Schedule.needing_review`` with a fixed
number of queries (the local service pages among them, and the teams), whatever the
number of pages.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.text import capfirst

from cms.catalogue.admin.review import changes_of
from cms.catalogue.models import LocalServicePage
from cms.municipalities.models import Municipality

from .owners import Owners
from .schedule import Reason, Schedule, review_of


@dataclass
class ReviewItem:
    page: object
    municipality: Municipality | None
    owner: object = None
    owner_name: str = ""
    owner_is_default: bool = False
    due_on: object = None
    date_due: bool = False
    regional: bool = False
    service: object = None
    changes: list = field(default_factory=list)

    @property
    def municipality_name(self):
        return self.municipality.short_name if self.municipality else ""

    @property
    def type_name(self):
        model = self.page.specific_class
        return capfirst(str(model._meta.verbose_name)) if model else ""

    @property
    def service_name(self):
        return self.service.name if self.service else ""

    @property
    def reasons(self):
        found = []
        if self.date_due:
            found.append(Reason.DATE.label)
        if self.regional:
            found.append(Reason.REGIONAL.label)
        return found

    @property
    def reasons_text(self):
        return ", ".join(str(reason) for reason in self.reasons)

    @property
    def changed_labels(self):
        return ", ".join(str(change.label) for change in self.changes)


@dataclass
class Group:
    municipality: Municipality | None
    items: list = field(default_factory=list)
    total: int = 0

    @property
    def more(self):
        return max(0, self.total - len(self.items))


def review_items(pages, schedule: Schedule, owners: Owners | None = None):
    """``pages`` (annotated by ``Schedule.annotate``, with ``page_review`` and its owners
    selected) as :class:`ReviewItem` objects."""
    pages = list(pages)
    if owners is None:
        owners = Owners(set(schedule.homes.values()))
    services = {
        page.pk: page
        for page in LocalServicePage.objects.filter(
            pk__in=[page.pk for page in pages if page.content_type_id == schedule.service_type]
        ).select_related("service", "review_state")
    }
    facts = {}
    items = []
    for page in pages:
        municipality = schedule.municipality_of(page)
        review = review_of(page)
        owner = review.owner if review else None
        local = services.get(page.pk)
        regional = bool(getattr(page, "regional_change", False))
        item = ReviewItem(
            page=page,
            municipality=municipality,
            owner=owner or owners.default(municipality),
            owner_is_default=owner is None,
            due_on=schedule.due_on(page),
            date_due=schedule.date_due(page),
            regional=regional,
            service=local.service if local else None,
            changes=changes_of(local, facts) if regional and local else [],
        )
        item.owner_name = owners.name(item.owner)
        items.append(item)
    return items


def grouped(items, totals=None, limit=None):
    """Items per municipality (by short name), at most ``limit`` each; ``totals`` ({pk of
    a municipality: how many need review}) gives the "and N more" counts."""
    groups = {}
    for item in items:
        key = item.municipality.pk if item.municipality else None
        groups.setdefault(key, Group(item.municipality)).items.append(item)
    result = sorted(
        groups.values(), key=lambda g: g.municipality.short_name if g.municipality else "~"
    )
    for group in result:
        group.items.sort(key=sort_key)
        if limit:
            group.items = group.items[:limit]
        key = group.municipality.pk if group.municipality else None
        group.total = (totals or {}).get(key, len(group.items))
    return result


def sort_key(item):
    """Regional changes first, then the longest overdue."""
    return (not item.regional, item.due_on or date.max, item.page.path)
