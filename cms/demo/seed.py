"""Write the demo content of one municipality into its Dutch page tree, idempotently.

A page is created only when its slug is free under its parent; an existing page only gets a
body when its body is empty, it is live and it has no unpublished draft. Nothing else is
touched.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from cms.events.models import EventIndexPage
from cms.locations.models import ContactPage, LocationPage
from cms.news.models import NewsIndexPage
from cms.pages.models import ComponentLibraryPage
from cms.sitesync.tree import publish

from .content import STANDARD_BODIES, Local
from .events import event_specs
from .locations import location_specs
from .news import news_specs


@dataclass
class SeedReport:
    slug: str
    created: list = field(default_factory=list)
    filled: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.created or self.filled)


class MunicipalityDemo:
    """The demo content of one municipality (its Dutch tree: the site's root page)."""

    def __init__(self, municipality, today):
        self.local = Local(municipality, today)
        self.report = SeedReport(municipality.slug)

    def run(self):
        home = self.local.municipality.site.root_page.specific
        children = {page.slug: page for page in home.get_children().specific()}
        for slug, body in STANDARD_BODIES.items():
            self.fill_body(home if not slug else children.get(slug), slug, body)

        contact = self.parent(children, "contact", ContactPage)
        self.add_missing(contact, location_specs(self.local))
        locations = (
            {page.slug: page for page in LocationPage.objects.child_of(contact)} if contact else {}
        )
        self.add_missing(self.parent(children, "nieuws", NewsIndexPage), news_specs(self.local))
        self.add_missing(
            self.parent(children, "evenementen", EventIndexPage),
            event_specs(self.local),
            locations,
        )
        if "componenten" not in children:
            library = ComponentLibraryPage(
                title="Componenten",
                slug="componenten",
                summary="Alle bouwstenen van een pagina, met voorbeeldinhoud.",
            )
            home.add_child(instance=library)
            publish(library)
            self.report.created.append(library.url_path)
        return self.report

    def parent(self, children, slug, model):
        page = children.get(slug)
        if not isinstance(page, model):
            self.report.warnings.append(
                _("/%(slug)s/ is missing or not a %(model)s; its demo pages are skipped")
                % {"slug": slug, "model": model._meta.verbose_name}
            )
            return None
        return page

    def fill_body(self, page, slug, body):
        path = f"/{slug}/" if slug else "/"
        if page is None:
            self.report.warnings.append(
                _("%(path)s is missing; its body is skipped") % {"path": path}
            )
            return
        if not hasattr(page, "body") or len(page.body):
            return
        if not page.live or page.has_unpublished_changes:
            self.report.warnings.append(
                _("%(path)s is unpublished or has a draft; left as it is") % {"path": path}
            )
            return
        page.body = self.local.standard_body(body)
        publish(page)
        self.report.filled.append(path)

    def add_missing(self, parent, specs, locations=None):
        if parent is None:
            return
        taken = set(parent.get_children().values_list("slug", flat=True))
        for spec in specs:
            if spec.slug in taken:
                continue
            page = spec.build(parent.locale)
            if spec.location and spec.location in (locations or {}):
                page.location = locations[spec.location]
                page.place = ""
            parent.add_child(instance=page)
            publish(page)
            self.report.created.append(page.url_path)
