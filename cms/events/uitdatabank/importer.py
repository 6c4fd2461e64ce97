"""Import UiTdatabank events into the municipalities' event pages, idempotently.

Each event is matched by its ``@id`` (``EventPage.uitdatabank_id``). A new event becomes a
published page under its municipality's event index; a changed one gets a new revision; an
unchanged one is not touched (no revision). A cancelled, rejected or deleted event, and an
upcoming one no longer in the answer of the municipalities it covers, is unpublished (never
deleted), and published again when it comes back. A field an editor changed since the last
import (its digest differs from the one stored in ``EventPage.imported``) keeps the
editor's value and is reported; a page with an unpublished draft is left for its editor.
Everything happens in one transaction; a dry run does the same work and rolls it back.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

from cms.municipalities.models import Municipality

from ..models import EventIndexPage, EventPage
from .values import FIELDS, digest, page_values

WITHDRAWN = "_withdrawn"  # the key in EventPage.imported: why the import unpublished it


@dataclass
class ImportReport:
    created: list = field(default_factory=list)  # "slug: title"
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    unpublished: list = field(default_factory=list)  # "slug: title (why)"
    republished: list = field(default_factory=list)
    kept: list = field(default_factory=list)  # "slug: title: fields an editor changed"
    left: list = field(default_factory=list)  # pages with a draft, or unpublished by an editor
    skipped: list = field(default_factory=list)  # "@id name: why"

    @property
    def changes(self):
        return len(self.created) + len(self.updated) + len(self.unpublished)

    def lines(self, prefix=""):
        for label, items in (
            ("create", self.created),
            ("update", self.updated),
            ("unpublish", self.unpublished),
            ("publish again", self.republished),
        ):
            yield from (f"{prefix}{label} {item}" for item in items)
        yield from (f"local edits kept: {item}" for item in self.kept)
        yield from (f"left to its editors: {item}" for item in self.left)
        yield from (f"skipped: {item}" for item in self.skipped)
        yield (
            f"{len(self.created)} {prefix}created, {len(self.updated)} {prefix}updated, "
            f"{len(self.unpublished)} {prefix}unpublished, {len(self.republished)} "
            f"{prefix}published again, {len(self.unchanged)} unchanged, "
            f"{len(self.skipped)} skipped"
        )


class _Rollback(Exception):
    """Raised to undo a dry run."""


def indexes(slugs):
    """{slug: the Dutch event index of that municipality's site} for the synced ones."""
    found = {}
    for municipality in Municipality.objects.filter(slug__in=slugs).select_related("site"):
        index = EventIndexPage.objects.child_of(municipality.site.root_page).first()
        if index is not None:
            found[municipality.slug] = index
    return found


class Importer:
    def __init__(self, region, slugs, now=None):
        self.region = region
        self.slugs = set(slugs)  # the municipalities this run is about
        self.now = now or timezone.now()
        self.report = ImportReport()

    def run(self, events, dry_run=False, complete=False):
        """Import ``events``. ``complete``: the answer holds every event of this run's
        municipalities (a live run); otherwise (a file) only of those it has events for."""
        try:
            with transaction.atomic():
                self._import(events, complete)
                if dry_run:
                    raise _Rollback
        except _Rollback:
            pass
        return self.report

    def _import(self, events, complete):
        targets = indexes(self.slugs)
        pages = {
            page.uitdatabank_id: page
            for page in EventPage.objects.filter(uitdatabank_id__in=[e.id for e in events])
        }
        seen, present = set(), set()
        for event in events:
            destination = self.region.destination(event)
            name = event.text(event.names, "nl")[0]
            if destination.slug not in self.slugs:
                if not destination.slug:
                    self.report.skipped.append(f"{event.id} {name}: {destination.reason}")
                continue
            if destination.slug not in targets:
                reason = "its site has no event index (run sync_sites)"
                self.report.skipped.append(f"{event.id} {name}: {destination.slug}: {reason}")
                continue
            seen.add(event.id)
            present.add(destination.slug)
            label = f"{destination.slug}: {name}"
            page = pages.get(event.id)
            if page is None:
                self._create(targets[destination.slug], event, label)
            else:
                self._update(page, event, label)
        covered = targets if complete else {s: targets[s] for s in present}
        self._withdraw_missing(covered, seen)

    def _create(self, index, event, label):
        if event.cancelled or event.withdrawn:
            self.report.skipped.append(f"{event.id} {label}: not created, {self._why(event)}")
            return
        values = page_values(event)
        page = EventPage(
            slug=find_available_slug(index, slugify(values["title"])[:60] or "evenement"),
            uitdatabank_id=event.id,
            imported={name: digest(name, values[name]) for name in FIELDS},
            **values,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        self.report.created.append(label)

    def _update(self, page, event, label):
        if page.live and page.has_unpublished_changes:
            self.report.left.append(f"{label}: an unpublished draft waits for its editor")
            return
        values = page_values(event)
        imported = dict(page.imported or {})
        changed, kept = False, []
        for name in FIELDS:
            source, current = digest(name, values[name]), digest(name, getattr(page, name))
            before = imported.get(name)
            if before is not None and current != before:
                kept.append(name)
            elif current != source:
                setattr(page, name, values[name])
                imported[name] = source
                changed = True
            else:
                imported[name] = source
        if kept:
            self.report.kept.append(f"{label}: {', '.join(kept)}")
        if event.cancelled or event.withdrawn:
            self._unpublish(page, label, self._why(event))
            return
        if not page.live:
            if WITHDRAWN not in imported:
                self.report.left.append(f"{label}: unpublished by an editor")
                return
            imported.pop(WITHDRAWN)
            self.report.republished.append(label)
            changed = True
        if changed:
            page.imported = imported
            page.save_revision().publish()
            if label not in self.report.republished:
                self.report.updated.append(label)
        else:
            self.report.unchanged.append(label)

    def _unpublish(self, page, label, why):
        if not page.live:
            self.report.unchanged.append(label)
            return
        page.unpublish()
        imported = {**page.imported, WITHDRAWN: why}
        EventPage.objects.filter(pk=page.pk).update(imported=imported)
        self.report.unpublished.append(f"{label} ({why})")

    def _withdraw_missing(self, targets, seen):
        """Upcoming imported pages of this run's municipalities that the answer lacks."""
        missing = (
            EventPage.objects.live()
            .exclude(uitdatabank_id="")
            .exclude(uitdatabank_id__in=seen)
            .upcoming(self.now)
        )
        for slug, index in sorted(targets.items()):
            for page in missing.child_of(index).order_by("pk"):
                self._unpublish(page, f"{slug}: {page.title}", "no longer in UiTdatabank")

    @staticmethod
    def _why(event):
        if event.withdrawn:
            return f"{event.workflow_status.lower()} in UiTdatabank"
        return "cancelled"
