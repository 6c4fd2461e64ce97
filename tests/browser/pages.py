"""Which pages the browser suite visits: every page type, on the site of every municipality.

Every municipality has its own theme (``sites/<slug>.toml``: ``theme``), so visiting each
page type on each municipality's site covers every page type on every theme. The list is
known when tests are collected (from ``sites/``); a page's address is found in the database
once the demo content exists, because news articles, events and locations get their slugs
from the demo content. A page type that does not exist yet (the component overview page, a
public form page) is skipped with the reason, never silently dropped.
"""

from dataclasses import dataclass, replace

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from wagtail.contrib.forms.models import FormMixin
from wagtail.models import Locale, Page

from cms.catalogue.models import LocalServicePage, ServiceIndexPage
from cms.demo.toolkit import SHARE_TOKEN
from cms.events.models import EventIndexPage, EventPage
from cms.feedback.forms import comment_token
from cms.feedback.models import Feedback
from cms.journeys.models import JourneyIndexPage, JourneyPage
from cms.locations.models import ContactPage, LocationPage
from cms.municipalities.config import load_sites
from cms.municipalities.models import Municipality
from cms.news.models import NewsArticlePage, NewsIndexPage
from cms.pages.models import AccessibilityStatementPage, ContentPage, HomePage
from cms.sharing.models import ShareLink

from .report import SUMMARY

REGION = "region"
SEARCH_QUERY = "bibliotheek"
EMPTY_SEARCH_QUERY = "qqxzvw"  # finds nothing: the page that helps instead
MISSING_PATH = "/deze-pagina-bestaat-niet/"

# (kind, what it is): the page types of a municipality's site, in the order of the report.
KINDS = (
    ("home", "home page"),
    ("content", "content page /over/"),
    ("news-index", "news index /nieuws/"),
    ("news-article", "news article"),
    ("event-index", "event index /evenementen/"),
    ("event", "event page"),
    ("contact", "contact page /contact/"),
    ("location", "location page"),
    ("accessibility", "accessibility statement /toegankelijkheid/"),
    ("privacy", "privacy page /privacy/"),
    ("french", "French home page /fr/"),
    ("french-services", "French services index /fr/diensten/ (Dutch fallbacks marked)"),
    ("french-service", "French local service page /fr/diensten/.../"),
    ("services", "services index /diensten/"),
    ("services-filtered", "services by life event /diensten/?levensgebeurtenis=..."),
    ("service", "local service page"),
    ("service-comparison", "regional comparison /diensten/vergelijk/.../"),
    ("service-check", "'Do I qualify?' first question /diensten/.../kom-ik-in-aanmerking/"),
    ("service-check-outcome", "'Do I qualify?' outcome, every first answer given"),
    ("journeys", "journeys index /stappenplannen/"),
    ("journey", "journey page /stappenplannen/verhuizen/"),
    ("search", "search results /zoeken/?q=..."),
    ("search-empty", "search without results /zoeken/?q=qqxzvw"),
    ("components", "component overview page"),
    ("form", "public form page"),
    ("not-found", "404 page"),
    ("feedback-comment", "feedback comment form, after a 'no'"),
    ("feedback-thanks", "feedback thank-you page"),
    ("shared-draft", "a draft shared without an account /gedeeld/.../"),
)
KIND_NAMES = dict(KINDS)
# (kind, what it is, path): the pages of the regional landing site besides its home page.
REGION_KINDS = (
    (
        "place-finder-service",
        "place finder for a service",
        "/welke-gemeente/?dienst=identiteitskaart",
    ),
    ("place-finder-outside", "place finder: outside the region", "/welke-gemeente/?q=Ooigem"),
    ("place-finder-not-found", "place finder: nothing found", "/welke-gemeente/?q=Kortrik"),
)


@dataclass(frozen=True)
class PageSpec:
    """One page to visit: ``site`` is a municipality's slug or ``region``."""

    site: str
    theme: str
    kind: str

    @property
    def id(self):
        return f"{self.site}-{self.kind}"

    @property
    def hostname(self):
        return "localhost" if self.site == REGION else f"{self.site}.localhost"

    @property
    def expected_status(self):
        return 404 if self.kind == "not-found" else 200

    @property
    def label(self):
        region_kinds = {kind: what for kind, what, _path in REGION_KINDS}
        if self.site == REGION:
            what = region_kinds.get(self.kind, "regional landing page")
        else:
            what = KIND_NAMES[self.kind]
        return f"{self.site} / {what} (theme {self.theme!r})"


@dataclass(frozen=True)
class Target:
    """Where a page spec was found: a path on its host, or why it cannot be visited: ``skip``
    for a page type that does not exist yet, ``missing`` for one that should be there."""

    path: str = ""
    skip: str = ""
    missing: str = ""


def check_exists(target, spec):
    """Skip a page type that does not exist yet; fail for one that should be there."""
    if target.skip:
        SUMMARY.skip(target.skip, spec)
        pytest.skip(target.skip)
    if target.missing:
        SUMMARY.add("pages", "missing page", spec, target.missing)
        pytest.fail(f"{spec.label}: {target.missing}", pytrace=False)


def page_specs():
    """Every page the suite visits, from the files in sites/ (no database needed), and the
    files that were refused (whose pages cannot be visited)."""
    directory = load_sites(settings.SITES_DIR, settings.THEMES_DIR)
    specs = [PageSpec(REGION, "regio", "home")]
    specs += [PageSpec(REGION, "regio", kind) for kind, _what, _path in REGION_KINDS]
    for slug, config in sorted(directory.municipalities.items()):
        for kind, _what in KINDS:
            if kind.startswith("french") and "fr" not in config.languages:
                continue
            specs.append(PageSpec(slug, config.theme, kind))
    return specs, [str(error) for error in directory.errors]


def _path(page):
    """The page's path on its own site (Wagtail's URL without scheme and host)."""
    return page.specific.get_url_parts()[2]


def _first(queryset, description, *, optional=False):
    page = queryset.live().public().order_by("path").first()
    if page is None:
        reason = f"no live {description} on this site"
        return Target(skip=reason) if optional else Target(missing=reason)
    return Target(path=_path(page))


def _is_form_page_model(model):
    """A page built on Wagtail's form builder: AbstractForm or AbstractEmailForm, both of
    which take FormMixin."""
    return issubclass(model, Page) and issubclass(model, FormMixin)


def _form_page(home):
    """A public form page: any live page built on Wagtail's form builder."""
    models = [m for m in apps.get_models() if _is_form_page_model(m)]
    if not models:
        return Target(skip="no public form page type yet (no page model built on the form builder)")
    names = ", ".join(m.__name__ for m in models)
    return _first(
        Page.objects.descendant_of(home).type(*models), f"form page ({names})", optional=True
    )


def _component_page(home):
    """The component overview page: a page model named after components."""
    models = [
        m for m in apps.get_models() if issubclass(m, Page) and "component" in m.__name__.lower()
    ]
    if not models:
        return Target(skip="no component overview page type yet (no *Component*Page model)")
    return _first(
        Page.objects.descendant_of(home).type(*models), "component overview page", optional=True
    )


def _search(home, query=SEARCH_QUERY):
    try:
        path = reverse("search")
    except NoReverseMatch:
        return Target(skip="no search results page yet (no URL named 'search')")
    return Target(path=f"{path}?q={query}")


def _service(home, compare=False):
    """The local service with the most channels (the richest page), or its comparison."""
    pages = list(LocalServicePage.objects.live().public().descendant_of(home))
    if not pages:
        return Target(missing="no live local service page (seed the catalogue: setup_demo)")
    page = max(pages, key=lambda p: (len(p.channels.raw_data), p.path))
    path = _path(page)
    if compare:
        path = f"{path[: -len(page.slug) - 1]}vergelijk/{page.service.identifier}/"
    return Target(path=path)


def _service_check(home, outcome=False):
    """The "Do I qualify?" check of a local service with a flow (one with local changes
    first), at its first question or, answering the first answer each time, its outcome."""
    pages = [
        p for p in LocalServicePage.objects.live().public().descendant_of(home) if p.eligibility
    ]
    if not pages:
        return Target(skip="no local service with a 'Do I qualify?' flow on this site")
    page = max(pages, key=lambda p: (len(p.eligibility_local.raw_data), p.path))
    flow, answers, key = page.eligibility, [], page.eligibility.start
    while outcome and key in flow.questions:
        answer = flow.questions[key].answers[0]
        answers.append(f"{key}={answer.value}")
        key = answer.next
    query = f"?{'&'.join(answers)}" if answers else ""
    return Target(path=f"{_path(page)}kom-ik-in-aanmerking/{query}")


def _feedback(municipality, tree, kind):
    """The comment form of a new "no" on /over/, or the thank-you page after it."""
    page = tree.type(ContentPage).filter(slug="over").live().order_by("path").first()
    if page is None:
        return Target(missing="no live content page /over/ on this site")
    if kind == "feedback-thanks":
        return Target(path=f"{reverse('feedback:thanks')}?page={page.pk}")
    vote = Feedback.objects.create(page=page, municipality=municipality, useful=False)
    return Target(path=f"{reverse('feedback:comment')}?token={comment_token(vote)}")


def resolve(spec):
    """The address of ``spec`` in the test database (after the demo content is in)."""
    if spec.site == REGION:
        return Target(path={k: path for k, _w, path in REGION_KINDS}.get(spec.kind, "/"))
    municipality = Municipality.objects.select_related("site__root_page").get(slug=spec.site)
    home = municipality.site.root_page
    tree = Page.objects.descendant_of(home, inclusive=True)
    match spec.kind:
        case "home":
            return _first(tree.type(HomePage).filter(depth=home.depth), "home page")
        case "content":
            return _first(tree.type(ContentPage).filter(slug="over"), "content page /over/")
        case "privacy":
            return _first(tree.type(ContentPage).filter(slug="privacy"), "privacy page")
        case "news-index":
            return _first(tree.type(NewsIndexPage), "news index")
        case "news-article":
            return _first(tree.type(NewsArticlePage), "news article")
        case "event-index":
            return _first(tree.type(EventIndexPage), "event index")
        case "event":
            return _first(tree.type(EventPage), "event page")
        case "contact":
            return _first(tree.type(ContactPage), "contact page")
        case "location":
            return _first(tree.type(LocationPage), "location page")
        case "accessibility":
            return _first(tree.type(AccessibilityStatementPage), "accessibility statement")
        case "french":
            french = home.get_translation_or_none(Locale.objects.get(language_code="fr"))
            if french is None or not french.live:
                return Target(missing="no live French home page, though the site has French")
            return Target(path=_path(french))
        case "french-services" | "french-service":
            french = home.get_translation_or_none(Locale.objects.get(language_code="fr"))
            if french is None:
                return Target(missing="no French home page, though the site has French")
            if spec.kind == "french-service":
                return _service(french)
            return _first(ServiceIndexPage.objects.child_of(french), "French services index")
        case "services":
            return _first(tree.type(ServiceIndexPage), "services index /diensten/")
        case "services-filtered":
            target = _first(tree.type(ServiceIndexPage), "services index /diensten/")
            return replace(target, path=f"{target.path}?levensgebeurtenis=verhuizen")
        case "service":
            return _service(home)
        case "service-comparison":
            return _service(home, compare=True)
        case "service-check" | "service-check-outcome":
            return _service_check(home, outcome=spec.kind == "service-check-outcome")
        case "journeys":
            return _first(tree.type(JourneyIndexPage), "journeys index /stappenplannen/")
        case "journey":
            journeys = tree.type(JourneyPage).filter(slug="verhuizen")
            return _first(journeys, "journey page /stappenplannen/verhuizen/")
        case "search":
            return _search(home)
        case "search-empty":
            return _search(home, EMPTY_SEARCH_QUERY)
        case "components":
            return _component_page(home)
        case "form":
            return _form_page(home)
        case "not-found":
            return Target(path=MISSING_PATH)
        case "feedback-comment" | "feedback-thanks":
            return _feedback(municipality, tree, spec.kind)
        case "shared-draft":
            link = ShareLink.for_token(SHARE_TOKEN)
            if link is None or not link.page.url_path.startswith(home.url_path):
                return Target(skip="the demo shares a draft on kortrijk's site only")
            return Target(path=reverse("sharing:draft", args=[SHARE_TOKEN]))
    raise ValueError(f"unknown page kind {spec.kind!r}")
