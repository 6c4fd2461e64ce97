"""The demo's service catalogue: about forty regional services, and their local pages in
every municipality, with local costs, channels, conditions, "do I qualify?" checks and a few
opt-outs. ``seed_services()`` is idempotent: regional services are only created when missing,
the catalogue sync only adds what is missing, and a local page only gets its local facts
while nobody has touched it."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.catalogue.models import LocalServicePage, RegionalService, ServiceIndexPage
from cms.municipalities.models import Municipality
from cms.sitesync.services import ensure_local_services, ensure_translated_local_services

from .indexing import indexing_deferred
from .local import LocalVariations
from .regional import FRENCH_TEXTS, SPECS, ensure_regional_services

__all__ = ["SPECS", "ServicesReport", "seed_services"]


@dataclass
class ServicesReport:
    created: list = field(default_factory=list)  # regional service identifiers
    synced: list = field(default_factory=list)  # the catalogue sync's changes
    filled: list = field(default_factory=list)  # local pages given their local facts
    opted_out: list = field(default_factory=list)  # local pages unpublished by an editor
    warnings: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.created or self.synced or self.filled or self.opted_out)

    def summary(self):
        if not self.changed:
            return _("services: unchanged")
        pages = sum(change.startswith("create ") for change in self.synced)
        counts = {"created": len(self.created), "pages": pages, "filled": len(self.filled)}
        return _(
            "services: created %(created)d regional services, %(pages)d local pages; gave "
            "%(filled)d their local facts; %(opted_out)d opted out"
        ) % {**counts, "opted_out": len(self.opted_out)}


def seed_services(municipalities=None, today=None):
    """Create the regional services, the local pages of ``municipalities`` (default: all;
    Municipality objects or slugs) and their local variations. Returns a
    :class:`ServicesReport`.

    All 13 demo municipalities take 40 to 50 seconds on SQLite (some 580 local pages, each
    created and published by the catalogue sync, then edited and published again; the
    search indexes are updated once at the end); a test that needs fewer can name them:
    ``seed_services(["kortrijk", "menen"])`` takes about 6 seconds.
    """
    today = today or timezone.localdate()
    everyone = Municipality.objects.select_related("site__root_page")
    if municipalities is None:
        municipalities = everyone
    elif all(isinstance(slug, str) for slug in municipalities):
        municipalities = everyone.filter(slug__in=municipalities)
    report = ServicesReport()
    with transaction.atomic(), indexing_deferred() as defer:
        created = ensure_regional_services()
        defer(*created, *RegionalService.translate_missing("fr", FRENCH_TEXTS))
        report.created = [service.identifier for service in created]
        for m in municipalities:
            pages = ServiceIndexPage.objects.child_of(m.site.root_page)
            index_page = pages.filter(slug="diensten").first()
            if index_page is None:
                report.warnings.append(f"{m.slug}: /diensten/ is missing; run sync_sites first")
                continue
            synced = []
            ensure_local_services(index_page, m.participation, synced)
            filled, opted_out = LocalVariations(m, index_page, today).run()
            ensure_translated_local_services(index_page, synced)
            if synced or filled or opted_out:
                keys = LocalServicePage.objects.child_of(index_page).values("translation_key")
                defer(*LocalServicePage.objects.filter(translation_key__in=keys))
            report.synced += synced
            report.filled += filled
            report.opted_out += opted_out
    return report
