from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.municipalities.config import load_sites
from cms.municipalities.models import Municipality
from cms.sitesync.sync import MunicipalitySync, RegionSync, synchronise


class Command(BaseCommand):
    help = (
        "Create or update every municipality described in sites/ (or only the SLUGs given): "
        "its site, page tree, locales, collection, groups and workflow. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", metavar="SLUG")
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the plan and write nothing."
        )

    def handle(self, *args, slugs=(), dry_run=False, **options):
        directory = load_sites(settings.SITES_DIR, settings.THEMES_DIR)
        for error in directory.errors:
            self.stderr.write(self.style.ERROR(f"refused {error}"))
        unknown = sorted(set(slugs) - set(directory.municipalities) - set(directory.merged))
        refused = {error.path.stem for error in directory.errors}
        for slug in unknown:
            if slug not in refused:
                self.stderr.write(self.style.ERROR(f"no file sites/{slug}.toml"))
        kind, port = settings.VOORDEUR_HOSTNAMES, settings.VOORDEUR_DEV_PORT
        if kind not in ("development", "production"):
            raise CommandError("VOORDEUR_HOSTNAMES must be 'development' or 'production'.")

        workers = []
        if directory.region and not slugs:
            workers.append(RegionSync(directory.region, kind, port))
        workers += [
            MunicipalitySync(config, kind, port)
            for slug, config in sorted(directory.municipalities.items())
            if not slugs or slug in slugs
        ]
        prefix = "would " if dry_run else ""
        changed = failed = 0
        for worker in workers:
            report = synchronise(worker, dry_run)
            if report.error:
                failed += 1
                self.stderr.write(self.style.ERROR(f"{report.slug}: refused: {report.error}"))
            elif report.changes:
                changed += 1
                for change in report.changes:
                    self.stdout.write(f"{report.slug}: {prefix}{change}")
            else:
                self.stdout.write(f"{report.slug}: unchanged")

        remaining = set(Municipality.objects.values_list("slug", flat=True))
        files = {path.stem for path in Path(settings.SITES_DIR).glob("*.toml")}
        for slug, new in sorted(directory.merged.items()):
            if slug not in remaining and slug in files:
                self.stdout.write(f"{slug}: merged into {new}; sites/{slug}.toml can be deleted")
        if not slugs:
            for orphan in Municipality.objects.exclude(
                slug__in=[*directory.municipalities, *directory.merged]
            ):
                if orphan.slug in refused:
                    continue
                self.stdout.write(
                    self.style.WARNING(
                        f"{orphan.slug}: no file in sites/ any more; its site and pages are "
                        "kept as they are (nothing deleted)"
                    )
                )
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
        elif not changed and not failed:
            self.stdout.write(self.style.SUCCESS("Nothing changed."))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{changed} changed, {len(workers) - changed - failed} unchanged"
                )
            )
        if directory.errors or failed or unknown:
            raise CommandError(
                f"{len(directory.errors) + failed + len(unknown)} site(s) refused; see above."
            )
