from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.catalogue.cpsv import CatalogueDataError
from cms.catalogue.cpsv.importer import import_catalogue


class Command(BaseCommand):
    help = (
        "Import regional services from CPSV-AP JSON-LD (an export_catalogue file or IPDC "
        "concepts): create or update by identifier, all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change and write nothing."
        )

    def handle(self, *args, file, dry_run=False, **options):
        path = Path(file)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: cannot read: {error}") from error
        try:
            plan = import_catalogue(text, dry_run=dry_run)
        except CatalogueDataError as error:
            raise CommandError(f"{file}: refused, nothing imported:\n{error}") from error
        prefix = "would " if dry_run else ""
        for identifier in plan.created:
            self.stdout.write(f"{prefix}create {identifier}")
        for identifier in plan.updated:
            self.stdout.write(f"{prefix}update {identifier}")
        self.stdout.write(
            f"{len(plan.created)} {prefix}created, {len(plan.updated)} {prefix}updated, "
            f"{len(plan.unchanged)} unchanged"
        )
