from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.demo.datafiles import DATA_DIR
from cms.demo.forms import ensure_demo_forms
from cms.demo.seed import MunicipalityDemo
from cms.demo.services import seed_services
from cms.demo.toolkit import seed_toolkit
from cms.demo.users import MissingGroupError, demo_accounts, ensure_accounts
from cms.municipalities.models import Municipality
from cms.sitesync.journeys import ensure_local_journeys, ensure_regional_journeys


class Command(BaseCommand):
    help = "Demo content and users (admin, editor-<slug>, moderator-<slug>); only with DEBUG."

    def add_arguments(self, parser):
        parser.add_argument(
            "slugs", nargs="*", metavar="SLUG", help=_("Only these municipalities.")
        )

    def handle(self, *args, slugs=(), **options):
        if not settings.DEBUG:
            raise CommandError(
                _(
                    "setup_demo creates users with publicly known passwords, so it only runs "
                    "with DEBUG on. Never run it in production."
                )
            )
        municipalities = self.municipalities(slugs)
        self.verbose = options["verbosity"] >= 2
        try:
            with transaction.atomic():
                accounts = ensure_accounts(demo_accounts(municipalities))
        except MissingGroupError as error:
            raise CommandError(
                _("Missing groups %(groups)s: run `manage.py sync_sites` first.")
                % {"groups": error}
            ) from error
        changed = self.outcome(
            _("users: created %(created)d, added %(joined)d to their group")
            % {"created": len(accounts.created), "joined": len(accounts.joined)},
            _("users: unchanged"),
            [_("  created user %(name)s") % {"name": name} for name in accounts.created]
            + [
                _("  added %(name)s to %(group)s") % {"name": name, "group": group}
                for name, group in accounts.joined
            ],
        )

        today = timezone.localdate()
        for municipality in municipalities:
            with transaction.atomic():
                report = MunicipalityDemo(municipality, today).run()
                report.created.extend(ensure_demo_forms(municipality))
            for warning in report.warnings:
                self.stderr.write(self.style.WARNING(f"{report.slug}: {warning}"))
            counts = {"created": len(report.created), "filled": len(report.filled)}
            changed += self.outcome(
                _("%(slug)s: created %(created)d pages, filled the body of %(filled)d")
                % {"slug": report.slug, **counts},
                _("%(slug)s: unchanged") % {"slug": report.slug},
                [_("  filled the body of %(path)s") % {"path": path} for path in report.filled]
                + [_("  created page %(path)s") % {"path": path} for path in report.created],
            )

        call_command("import_uitdatabank", sample=True, stdout=self.stdout)  # docs/events.md
        # The service catalogue, after the location pages its desks point at.
        services = seed_services(municipalities, today)
        for warning in services.warnings:
            self.stderr.write(self.style.WARNING(warning))
        changed += services.changed
        self.stdout.write(services.summary())
        with transaction.atomic():  # the region's journeys, then every site's journey pages
            synced = [str(j) for j in ensure_regional_journeys(DATA_DIR / "journeys.toml")]
            for municipality in municipalities:
                ensure_local_journeys(municipality.site.root_page, synced)
        counts = _("journeys: %(n)d changes") % {"n": len(synced)}
        changed += self.outcome(counts, _("journeys: unchanged"), synced)
        with transaction.atomic():
            toolkit = [path for m in municipalities for path in seed_toolkit(m, today)]
        changed += self.outcome(
            _("toolkit: feedback, reviews, drafts and alerts on %(count)d pages")
            % {"count": len(toolkit)},
            _("toolkit: unchanged"),
            [f"  {path}" for path in toolkit],
        )
        done = _("Demo content and users are in place.") if changed else _("Nothing changed.")
        self.stdout.write(self.style.SUCCESS(done))
        self.write_credentials(accounts.rows)

    def outcome(self, summary, unchanged, details):
        """Write ``summary`` and, with ``-v 2``, the lines of ``details`` (one per change),
        or ``unchanged`` when there are none; return whether there were."""
        self.stdout.write(summary if details else unchanged)
        for line in details if self.verbose else ():
            self.stdout.write(line)
        return bool(details)

    def municipalities(self, slugs):
        municipalities = list(Municipality.objects.select_related("site__root_page"))
        if not municipalities:
            raise CommandError(_("No municipalities yet: run `manage.py sync_sites` first."))
        if unknown := sorted(set(slugs) - {m.slug for m in municipalities}):
            message = _("Unknown municipalities: %(slugs)s.") % {"slugs": ", ".join(unknown)}
            raise CommandError(message)
        return [m for m in municipalities if not slugs or m.slug in slugs]

    def write_credentials(self, rows):
        headers = (_("user"), _("password"), _("role"), _("account"))
        status = {True: _("created now"), False: _("existed already")}
        cells = [(a.username, a.password, a.role, status[created]) for a, created in rows]
        widths = [max(map(len, column)) for column in zip(headers, *cells, strict=True)]
        admin = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/"
        self.stdout.write("\n" + _("Demo accounts (log in at %(url)s):") % {"url": admin})
        for row in [headers, tuple("-" * width for width in widths), *cells]:
            self.stdout.write("  ".join(map(str.ljust, row, widths)).rstrip())
        if not all(created for _account, created in rows):
            note = _(
                "Accounts that existed already were left as they were: their password is "
                "the one shown only if an earlier setup_demo created them."
            )
            self.stdout.write(note)
