"""A journey's steps as one municipality's site shows them.

``resolve_steps(page, request)``: each ``service`` item becomes the site's live local page
of that service (in the visitor's language when it has one, else Dutch, marked ``lang``);
a service the municipality does not take part in says so, and where to go instead: the
site's comparison page when another municipality offers it, else the service's first
"more information" link. A ``page`` item is shown when the page is live, public and in
the municipality's own trees; any other page is dropped (a regional journey may name a
page of one municipality, which means nothing on the others). ``link`` items link out.
The number of queries does not depend on the number of steps or items (four at most).
"""

from dataclasses import asdict, dataclass, field

from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.catalogue.models import LocalServicePage, RegionalService

from .blocks import Choice

__all__ = [
    "HOME_PATH",
    "Item",
    "Step",
    "item_pk",
    "resolve_steps",
    "step_items",
    "step_values",
    "steps_text",
]

DEFAULT_LANGUAGE = "nl"
HOME_PATH = 2 * Page.steplen  # the length of a depth-2 path: a site's root in one language


@dataclass
class Item:
    kind: str  # "service", "page" or "link"
    title: str
    url: str = ""
    offered: bool = True
    lang: str | None = None  # the item's language when it is not the page's
    external: bool = False
    instead_url: str = ""  # not offered here: where to go instead
    instead_label: str = ""


@dataclass
class Step:
    number: int
    title: str
    explanation: str
    optional: bool
    choice: str
    items: list = field(default_factory=list)

    @property
    def one_of(self):
        return self.choice == Choice.ONE

    def to_json(self):
        data = asdict(self)
        data["items"] = [
            {key: value for key, value in asdict(item).items() if value not in ("", None)}
            for item in self.items
        ]
        return data


def step_values(raw):
    """(value of each step) from a steps StreamField's raw data, skipping malformed ones."""
    return [child.get("value") or {} for child in raw or () if child.get("type") == "step"]


def step_items(step):
    return [(c.get("type"), c.get("value")) for c in step.get("items") or () if isinstance(c, dict)]


def item_pk(kind, value):
    """The service's or page's id of an item, or None (a link, or malformed data)."""
    if kind == "service":
        pk = value
    elif kind == "page" and isinstance(value, dict):
        pk = value.get("page")
    else:
        return None
    return pk if isinstance(pk, int) and not isinstance(pk, bool) else None


def _ids(raw, kind):
    return {
        item_pk(k, value) for step in step_values(raw) for k, value in step_items(step) if k == kind
    } - {None}


def steps_text(raw):
    """The steps' words, for the search index."""
    words = []
    for step in step_values(raw):
        words += [str(step.get("title") or ""), str(step.get("explanation") or "")]
        words += [str((v or {}).get("label") or "") for k, v in step_items(step) if k != "service"]
    return " ".join(word for word in words if word)


def _home_paths(page):
    """The paths of the roots of every language tree of the page's site."""
    return list(
        Page.objects.filter(
            depth=2,
            translation_key__in=Page.objects.filter(path=page.path[:HOME_PATH]).values(
                "translation_key"
            ),
        ).values_list("path", flat=True)
    )


def _preferred(candidates, language):
    by_language = {c.locale.language_code: c for c in reversed(candidates)}
    return by_language.get(language) or by_language.get(DEFAULT_LANGUAGE) or candidates[0]


class _Resolver:
    def __init__(self, page, request):
        self.page = page
        self.request = request
        self.language = (get_language() or DEFAULT_LANGUAGE).split("-")[0]
        self.raw = page.raw_steps
        self.homes = tuple(_home_paths(page))
        service_ids, page_ids = _ids(self.raw, "service"), _ids(self.raw, "page")
        self.services, self.local, self.elsewhere = self._services(service_ids)
        self.pages = self._pages(page_ids)

    def _services(self, ids):
        """({pk: service in the visitor's language}, {pk: local page here}, {pks offered
        elsewhere}): two queries, whatever the number of services."""
        if not ids:
            return {}, {}, set()
        keys = RegionalService.objects.filter(pk__in=ids).values("translation_key")
        found = list(
            RegionalService.objects.filter(
                Q(pk__in=ids) | Q(translation_key__in=keys, locale__language_code=self.language)
            )
            .select_related("locale")
            .only("identifier", "name", "translation_key", "more_information", "locale")
        )
        by_key = {}
        for service in found:
            by_key.setdefault(service.translation_key, []).append(service)
        services = {
            s.pk: _preferred(by_key[s.translation_key], self.language) for s in found if s.pk in ids
        }
        local, elsewhere = {}, set()
        grouped = {}
        pages = (
            LocalServicePage.objects.live()
            .public()
            .filter(Q(service_id__in=ids) | Q(service__translation_key__in=keys))
            .select_related("locale", "service")
            .only("title", "path", "url_path", "depth", "locale", "service__translation_key")
            .order_by("path")
        )
        original = {services[pk].translation_key: pk for pk in services}
        for local_page in pages:
            pk = original.get(local_page.service.translation_key)
            if pk is None:
                continue
            if local_page.path.startswith(self.homes):
                grouped.setdefault(pk, []).append(local_page)
            else:
                elsewhere.add(pk)
        for pk, candidates in grouped.items():
            local[pk] = _preferred(candidates, self.language)
        return services, local, elsewhere

    def _pages(self, ids):
        if not ids:
            return {}
        pages = Page.objects.live().public().filter(pk__in=ids).select_related("locale")
        return {p.pk: p for p in pages if p.path.startswith(self.homes)}

    def _lang(self, page):
        code = page.locale.language_code
        return code if code != self.language else None

    def service_item(self, pk):
        service = self.services.get(pk)
        if service is None:
            return None
        local = self.local.get(pk)
        if local is not None:
            return Item(
                "service", local.title, local.get_url(self.request) or "", lang=self._lang(local)
            )
        item = Item("service", service.name, offered=False, lang=self._lang(service))
        if pk in self.elsewhere:
            item.instead_url = f"/diensten/vergelijk/{service.identifier}/"
            item.instead_label = _("Who offers it in the region")
        else:
            links = [c for c in service.more_information.raw_data if c.get("value")]
            if links:
                item.instead_url = str(links[0]["value"].get("url") or "")
                item.instead_label = str(links[0]["value"].get("title") or "") or _(
                    "More information"
                )
                item.external = True
        return item

    def page_item(self, value):
        page = self.pages.get(item_pk("page", value))
        if page is None:
            return None
        title = str((value or {}).get("label") or "") or page.title
        return Item("page", title, page.get_url(self.request) or "", lang=self._lang(page))

    def steps(self):
        steps = []
        for number, step in enumerate(step_values(self.raw), 1):
            items = []
            for kind, value in step_items(step):
                if kind == "service":
                    item = self.service_item(value)
                elif kind == "page":
                    item = self.page_item(value)
                elif kind == "link" and isinstance(value, dict) and value.get("url"):
                    item = Item("link", str(value.get("label") or value["url"]), value["url"])
                    item.external = True
                else:
                    item = None
                if item is not None:
                    items.append(item)
            steps.append(
                Step(
                    number,
                    str(step.get("title") or ""),
                    str(step.get("explanation") or ""),
                    bool(step.get("optional")),
                    Choice.ONE if step.get("choice") == Choice.ONE else Choice.ALL,
                    items,
                )
            )
        return steps


def resolve_steps(page, request=None):
    """The steps of ``page`` (a JourneyPage) as its municipality's site shows them."""
    return _Resolver(page, request).steps()
