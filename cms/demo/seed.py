"""Write the demo content of one municipality into its Dutch page tree, idempotently.

A page is created only when its slug is free under its parent; an existing page only gets a body
when its body is empty, it is live and it has no unpublished draft. Nothing else is touched."""

from django.utils.translation import gettext as _

from cms.events.models import EventIndexPage
from cms.locations.models import ContactPage, LocationPage
from cms.news.models import NewsIndexPage
from cms.pages.models import ComponentLibraryPage
from cms.sitesync.tree import publish

from .content import COMPONENTS, STANDARD_BODIES, Local, PageSpec, news_specs
from .events import event_specs
from .locations import location_specs


def add_missing(parent, specs, locations=None):
    """Create and publish the pages of ``specs`` whose slug is free under ``parent``, an
    event at its location page when ``locations`` (by slug) has it; returns their paths."""
    taken = set(parent.get_children().values_list("slug", flat=True))
    created = []
    for spec in specs:
        if spec.slug in taken:
            continue
        page = spec.build(parent.locale)
        if spec.location and spec.location in (locations or {}):
            page.location, page.place = locations[spec.location], ""
        parent.add_child(instance=page)
        publish(page)
        created.append(page.url_path)
    return created


class MunicipalityDemo:
    """The demo content of one municipality (its Dutch tree: the site's root page); ``run()``
    returns the demo itself as the report: ``created``, ``filled``, ``warnings``."""

    def __init__(self, municipality, today):
        self.local = Local(municipality, today)
        self.slug = municipality.slug
        self.created, self.filled, self.warnings = [], [], []

    def run(self):
        home = self.local.municipality.site.root_page.specific
        children = {page.slug: page for page in home.get_children().specific()}
        for slug, body in STANDARD_BODIES.items():
            self.fill_body(home if not slug else children.get(slug), slug, body)
        contact = self.parent(children, "contact", ContactPage)
        self.add_missing(contact, location_specs(self.local))
        locations = LocationPage.objects.child_of(contact) if contact else ()
        self.add_missing(self.parent(children, "nieuws", NewsIndexPage), news_specs(self.local))
        events = self.parent(children, "evenementen", EventIndexPage)
        self.add_missing(events, event_specs(self.local), {page.slug: page for page in locations})
        slug, title, summary = (COMPONENTS[key] for key in ("slug", "title", "summary"))
        self.add_missing(home, [PageSpec(ComponentLibraryPage, slug, title, {"summary": summary})])
        return self

    def parent(self, children, slug, model):
        page = children.get(slug)
        if isinstance(page, model):
            return page
        message = _("/%(slug)s/ is missing or not a %(model)s; its demo pages are skipped")
        self.warnings.append(message % {"slug": slug, "model": model._meta.verbose_name})
        return None

    def add_missing(self, parent, specs, locations=None):
        if parent is not None:
            self.created += add_missing(parent, specs, locations)

    def fill_body(self, page, slug, body):
        path = f"/{slug}/" if slug else "/"
        if page is None:
            self.warnings.append(_("%(path)s is missing; its body is skipped") % {"path": path})
        elif not hasattr(page, "body") or len(page.body):
            return  # not a page with a body, or its body is written already
        elif not page.live or page.has_unpublished_changes:
            message = _("%(path)s is unpublished or has a draft; left as it is")
            self.warnings.append(message % {"path": path})
        else:
            page.body = self.local.standard_body(body)
            publish(page)
            self.filled.append(path)
