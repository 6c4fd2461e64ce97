"""``manage.py export_static SLUG [--language nl ...] --output DIR``: one municipality's
public site as plain files (docs/static-export.md)."""

import os
import re
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.municipalities.models import Municipality
from cms.staticexport.atomic import replacing, write_tree
from cms.staticexport.exporter import MARKER, ExportError, SiteExport
from cms.staticexport.render import static_copy_settings

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")


def _inside(path, other):
    return path == other or other in path.parents


class Command(BaseCommand):
    help = "Write a browsable copy of one municipality's public site to a directory."
    # The system checks (every app's, the register's reading of each .po file) cost a
    # second per run and belong to deploys, not to an export cron runs every half hour.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the municipality, as in sites/<slug>.toml")
        parser.add_argument(
            "--language",
            action="append",
            dest="languages",
            metavar="CODE",
            help="a language of the site to export (repeat for several; default: all)",
        )
        parser.add_argument(
            "--output",
            required=True,
            help="the directory of the copy; a previous copy there is replaced",
        )

    def handle(self, slug, languages, output, **options):
        municipality = self._municipality(slug)
        languages = self._languages(municipality, languages)
        target = self._target(output)
        started = time.monotonic()
        try:
            with static_copy_settings():
                export = SiteExport(municipality, languages)
                export.run()
            with replacing(target) as work:
                write_tree(work, export.files)
        except ExportError as error:
            raise CommandError(
                f"Export of {slug} failed, {target} left as it was: {error}"
            ) from error
        except OSError as error:
            raise CommandError(f"Cannot write the copy to {target}: {error}") from error
        seconds = time.monotonic() - started
        self.stdout.write(
            f"{slug}: {export.page_count} pages ({', '.join(languages)}), "
            f"{len(export.files)} files written to {target} in {seconds:.1f}s"
        )

    @staticmethod
    def _municipality(slug):
        found = (
            Municipality.objects.filter(slug=slug).select_related("site").first()
            if _SLUG.fullmatch(slug)
            else None
        )
        if found is None:
            known = ", ".join(Municipality.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(f"No municipality {slug!r}. Known: {known}.")
        return found

    @staticmethod
    def _languages(municipality, asked):
        offered = list(municipality.languages or [settings.LANGUAGE_CODE])
        if not asked:
            return offered
        unknown = [code for code in asked if code not in offered]
        if unknown:
            raise CommandError(
                f"{municipality.slug} has no language {', '.join(map(repr, unknown))}; "
                f"its languages: {', '.join(offered)}."
            )
        return list(dict.fromkeys(asked))

    @staticmethod
    def _target(output):
        """The output directory, refused where replacing it could destroy anything but a
        previous copy: the project, its static and media roots, a file, a directory with
        other content."""
        if not output or "\x00" in output:
            raise CommandError("--output needs a directory path.")
        try:
            target = Path(os.path.abspath(output))
            parent = target.parent
            if target == parent:
                raise CommandError(f"Refusing to replace {target}.")
            for name, protected in (
                ("the project", settings.BASE_DIR),
                ("STATIC_ROOT", settings.STATIC_ROOT),
                ("MEDIA_ROOT", settings.MEDIA_ROOT),
            ):
                protected = Path(os.path.abspath(protected))
                if _inside(target, protected) or _inside(protected, target):
                    raise CommandError(f"Refusing to write the copy into {name} ({protected}).")
            if not parent.is_dir():
                raise CommandError(f"{parent} does not exist or is not a directory.")
            if target.exists() and not target.is_dir():
                raise CommandError(f"{target} exists and is not a directory.")
            if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
                raise CommandError(
                    f"{target} holds files that are not a previous copy; "
                    "give a new or empty directory."
                )
            if not os.access(parent, os.W_OK | os.X_OK):
                raise CommandError(f"{parent} is not writable.")
        except OSError as error:
            raise CommandError(f"Cannot use {output!r} as the output: {error}") from error
        return target
