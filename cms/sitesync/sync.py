"""Create or update what a sites/ file describes, idempotently.

Each municipality is written in its own transaction: its Wagtail Site, Municipality record,
collection, home page and standard page tree in every language, groups and workflow.
What exists is left alone unless sites/ owns it; nothing editors wrote is overwritten or
deleted. A dry run does all the work inside a transaction it then rolls back.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Collection, Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from cms.catalogue.models import ServiceIndexPage
from cms.municipalities.models import CONFIG_FIELDS, Municipality
from cms.pages.models import AccessibilityStatementPage, HomePage, RegionPage

from .groups import ensure_municipality_access, ensure_regional_editors
from .journeys import ensure_local_journeys
from .merge import MergeError, merge_into
from .places import ensure_neighbours, ensure_places
from .services import ensure_local_services, ensure_translated_local_services
from .tree import STANDARD_PAGES, TRANSLATED_TITLES, create_child, publish


class SyncError(Exception):
    """The database disagrees with a sites/ file in a way the sync will not resolve."""


class DryRunRollback(Exception):
    pass


@dataclass
class SyncReport:
    slug: str
    changes: list = field(default_factory=list)
    error: str = ""


def site_address(config, hostname_kind, dev_port):
    """(hostname, port) the Wagtail Site gets in this environment."""
    if hostname_kind == "development":
        return config.development_hostname, dev_port
    return config.production_hostnames[0], 443


def _config_values(config, collection):
    contact = config.contact
    return {
        "slug": config.slug,
        "name": config.name,
        "short_name": config.short_name,
        "languages": list(config.languages),
        "theme": config.theme,
        "services": config.services.to_json(),
        "hostnames": list(config.hostnames),
        "address": contact["address"],
        "postcode": contact["postcode"],
        "city": contact["city"],
        "phone": contact["phone"],
        "email": contact["email"],
        "website": contact.get("website", ""),
        "desk_name": config.desk.name,
        "desk_address": config.desk.address,
        "desk_phone": config.desk.phone,
        "desk_appointment_url": config.desk.appointment_url,
        "desk_hours": config.desk.hours.to_json(),
        "social_links": dict(config.social),
        "register": config.register,
        "review_months": dict(config.review_months),
        "top_tasks": list(config.top_tasks),
        "collection": collection,
    }


class MunicipalitySync:
    def __init__(self, config, hostname_kind, dev_port):
        self.config = config
        self.hostname_kind = hostname_kind
        self.dev_port = dev_port
        self.changes = []

    def run(self):
        config = self.config
        municipality = Municipality.objects.filter(slug=config.slug).select_related("site").first()
        locales = [self.ensure_locale(code) for code in config.languages]
        collection = self.ensure_collection(municipality)
        home = self.ensure_home(municipality, locales[0])
        site = self.ensure_site(municipality, home)
        municipality = self.ensure_municipality(municipality, site, collection)
        ensure_places(municipality, config, self.changes)
        pages = [home, *self.ensure_standard_pages(home)]
        homes = [home, *self.ensure_translations(pages, locales[1:])]
        if config.merges:
            merge_into(municipality, homes, config, self.dev_port, self.changes)
        for page in pages:
            if isinstance(page, ServiceIndexPage):
                ensure_local_services(page, config.services, self.changes)
                ensure_translated_local_services(page, self.changes)
        ensure_local_journeys(home, self.changes)
        ensure_municipality_access(municipality, homes, self.changes)
        return self.changes

    def ensure_locale(self, code):
        locale, created = Locale.objects.get_or_create(language_code=code)
        if created:
            self.changes.append(f"create locale {code}")
        return locale

    def ensure_collection(self, municipality):
        if municipality and municipality.collection:
            collection = municipality.collection
            if collection.name != self.config.name:
                collection.name = self.config.name
                collection.save(update_fields=["name"])
                self.changes.append(f"rename collection to {self.config.name!r}")
            return collection
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=self.config.name).first()
        if collection is None:
            collection = root.add_child(name=self.config.name)
            self.changes.append(f"create collection {self.config.name!r}")
        return collection

    def ensure_home(self, municipality, locale):
        if municipality:
            return municipality.site.root_page.specific
        root = Page.get_first_root_node()
        if root.get_children().filter(slug=self.config.slug).exists():
            raise SyncError(
                _("a page with slug %(slug)r already sits at the top of the tree")
                % {"slug": self.config.slug}
            )
        home = HomePage(
            title=self.config.short_name,
            slug=self.config.slug,
            locale=locale,
            summary=f"Welkom op de website van {self.config.name}.",
        )
        root.add_child(instance=home)
        publish(home)
        self.changes.append("create home page")
        return home

    def ensure_site(self, municipality, home):
        hostname, port = site_address(self.config, self.hostname_kind, self.dev_port)
        site = municipality.site if municipality else None
        clash = Site.objects.filter(hostname=hostname, port=port)
        if site:
            clash = clash.exclude(pk=site.pk)
        if clash.exists():
            raise SyncError(
                _("host %(host)s:%(port)s is already served by another Wagtail site")
                % {"host": hostname, "port": port}
            )
        if site is None:
            site = Site.objects.create(
                hostname=hostname, port=port, root_page=home, site_name=self.config.name
            )
            self.changes.append(f"create site {hostname}:{port}")
            return site
        wanted = {"hostname": hostname, "port": port, "site_name": self.config.name}
        differing = {k: v for k, v in wanted.items() if getattr(site, k) != v}
        if differing:
            for key, value in differing.items():
                setattr(site, key, value)
            site.save()
            self.changes.append(f"update site {', '.join(sorted(differing))}")
        return site

    def ensure_municipality(self, municipality, site, collection):
        values = _config_values(self.config, collection)
        if municipality is None:
            municipality = Municipality.objects.create(site=site, **values)
            self.changes.append("create municipality record")
            return municipality
        differing = [name for name in CONFIG_FIELDS if getattr(municipality, name) != values[name]]
        if differing:
            for name in differing:
                setattr(municipality, name, values[name])
            municipality.save(update_fields=differing)
            self.changes.append(f"update municipality {', '.join(differing)}")
        return municipality

    def ensure_standard_pages(self, home):
        existing = {page.slug: page for page in home.get_children().specific()}
        pages = []
        names = {"name": self.config.name, "short_name": self.config.short_name}
        for spec in STANDARD_PAGES:
            page = existing.get(spec.slug)
            if page is None:
                page = spec.model(
                    title=spec.title.format(**names),
                    slug=spec.slug,
                    locale=home.locale,
                    show_in_menus=spec.in_menu,
                    summary=spec.summary.format(**names),
                )
                if isinstance(page, AccessibilityStatementPage):
                    page.drawn_up_on = page.reviewed_on = dt.date.today()
                page = create_child(home, page, self.changes)
            elif not isinstance(page, spec.model):
                self.changes.append(
                    f"warning: /{spec.slug}/ is a {page._meta.verbose_name}, "
                    f"not a {spec.model._meta.verbose_name}; left as it is"
                )
            pages.append(page)
        return pages

    def ensure_translations(self, pages, locales):
        """Give the home page and standard pages a copy in every extra locale, registered
        with wagtail-localize so editors translate them there; return the translated homes.

        The copies are published here, top-down, rather than through wagtail-localize's
        save_target, which publishes on commit from a stale instance and so resets the
        parent's child count when parent and children are created in one transaction.
        """
        homes = []
        for locale in locales:
            for page in pages:
                if page.get_translation_or_none(locale) is not None:
                    continue
                source, _created = TranslationSource.get_or_create_from_instance(page)
                translated = page.copy_for_translation(locale)
                translated.title = TRANSLATED_TITLES.get(
                    (page.slug, locale.language_code), translated.title
                )
                translated.draft_title = translated.title
                publish(translated)
                Translation.objects.get_or_create(
                    source=source, target_locale=locale, defaults={"enabled": True}
                )
                self.changes.append(
                    f"translate {page.url_path.split('/', 2)[-1] or '/'} "
                    f"into {locale.language_code}"
                )
            homes.append(pages[0].get_translation(locale))
        return homes


class RegionSync:
    """The regional landing site (the default Wagtail Site) and the regional editors."""

    def __init__(self, config, hostname_kind, dev_port):
        self.config = config
        self.hostname_kind = hostname_kind
        self.dev_port = dev_port
        self.changes = []

    def run(self):
        hostname, port = site_address(self.config, self.hostname_kind, self.dev_port)
        locale = Locale.objects.get_or_create(language_code="nl")[0]
        root = Page.get_first_root_node()
        region = RegionPage.objects.filter(depth=2).first()
        if region is None:
            region = RegionPage(title=self.config.name, slug="regio", locale=locale)
            create_child(root, region, self.changes)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(
                hostname=hostname,
                port=port,
                root_page=region,
                is_default_site=True,
                site_name=self.config.name,
            )
            self.changes.append(f"create regional site {hostname}:{port}")
        else:
            placeholder = site.root_page
            wanted = {
                "hostname": hostname,
                "port": port,
                "site_name": self.config.name,
                "root_page_id": region.pk,
            }
            differing = {k: v for k, v in wanted.items() if getattr(site, k) != v}
            if differing:
                for key, value in differing.items():
                    setattr(site, key, value)
                site.save()
                self.changes.append(f"update regional site {', '.join(sorted(differing))}")
            if _is_wagtail_placeholder(placeholder) and placeholder.pk != region.pk:
                placeholder.delete()
                self.changes.append("remove Wagtail's welcome page")
        ensure_regional_editors(self.changes)
        ensure_neighbours(self.config, self.changes)
        return self.changes


def _is_wagtail_placeholder(page):
    """The 'Welcome to your new Wagtail site' page Wagtail's first migration creates."""
    return (
        page.specific_class is Page
        and page.slug == "home"
        and page.depth == 2
        and not page.numchild
    )


def synchronise(worker, dry_run):
    """Run one sync in its own transaction; roll it back on a dry run or an error."""
    report = SyncReport(slug=getattr(worker.config, "slug", "region"))
    try:
        with transaction.atomic():
            report.changes = worker.run()
            if dry_run:
                raise DryRunRollback
    except DryRunRollback:
        pass
    except (SyncError, MergeError) as error:
        report.error = str(error)
    return report
