"""The demo's regional services: described in data/services/<topic>.toml, one
``[[services]]`` table per service (SCHEMA says what each key means), created once and never
overwritten (a regional editor may have changed them since).
"""

from types import SimpleNamespace

from wagtail.models import Locale

from cms.catalogue.models import RegionalService
from cms.catalogue.vocabularies import Audience

from ..datafiles import DATA_DIR, DemoDataError, block, choice, html, load

# The data files of data/services/, in the catalogue's order.
TOPICS = ("identity", "citizenship", "family", "mobility", "waste", "living", "business", "leisure")
# *_informal: the text in the informal register ("je"), where it differs
INFORMAL = {"title_informal": ("str", False), "description_informal": ("str", False)}
TITLED = {"title": ("str", True), "description": ("str", True), **INFORMAL}
LINK = {"title": ("str", True), "url": ("url", True)}
# amount: a string ("20.00"), or missing when it differs per municipality
COST = {"title": ("str", True), "amount": ("money", False), "description": ("str", False)}
COST.update(INFORMAL)
# evidence: what to bring
REQUIREMENT = {**TITLED, "description": ("str", False), "evidence": (["evidence"], False)}
# Where a service is offered, wherever it is.
CHANNELS = {
    "desk": ("desk", False),  # the desk's location page: "hall", "library", "recycling", ""
    "online": ("slug", False),  # the path on the municipality's e-loket
    "online_url": ("url", False),  # with online_name: a portal every municipality links to
    "online_name": ("str", False),
    "appointment": ("bool", False),  # whether desks that work with appointments require one
    **dict.fromkeys(("phone", "post"), ("bool", False)),
}
KINDS = {"desk": choice("hall", "library", "recycling", "")}
CHANNEL_DEFAULTS = {"desk": "hall", "online": "", "online_url": "", "online_name": ""}
CHANNEL_DEFAULTS.update(phone=True, post=False, appointment=False)
FRENCH = dict.fromkeys(("name", "short_description", "keywords"), ("str", True))
FRENCH.update(description=("strings", True), processing_time=("str", False))
SCHEMA = {
    "identifier": ("slug", True),
    **dict.fromkeys(("name", "short", "keywords"), ("str", True)),  # short: short description
    "description": ("strings", True),  # paragraphs, like additional and exceptions
    "short_informal": ("str", False),
    "description_informal": ("strings", False),
    **dict.fromkeys(("additional", "exceptions"), ("strings", False)),
    "processing_time": ("str", False),
    "service_type": ("service_type", True),  # and the three below: cms.catalogue.vocabularies
    "audiences": (["audience"], False),
    "themes": (["theme"], True),
    "life_events": (["life_event"], False),
    # surcharged: municipalities add their own tax to the federal price
    **dict.fromkeys(("popular", "surcharged"), ("bool", False)),
    "channels": (CHANNELS, False),
    **dict.fromkeys(("legal", "info"), ([LINK], False)),
    "requirements": ([REQUIREMENT], False),
    **dict.fromkeys(("steps", "advantages"), ([TITLED], False)),
    "costs": ([COST], False),
    "eligibility": (["table"], False),  # "Do I qualify?": blocks, { type = ..., <its fields> }
    "fr": (FRENCH, False),  # RegionalService fields of its French translation; the rest is Dutch
}


class ServiceSpec:
    """One service of a data file: its checked table, and what the local pages need of it."""

    def __init__(self, values):
        self.values = values
        self.identifier = values["identifier"]
        self.popular = values.get("popular", False)
        self.surcharged = values.get("surcharged", False)
        self.channels = SimpleNamespace(**{**CHANNEL_DEFAULTS, **values.get("channels", {})})
        empty = {"amount": None, "description": ""}
        self.costs = tuple({"title": c["title"], **empty, **c} for c in values.get("costs", ()))

    def fields(self):
        """The RegionalService field values of this spec."""
        values = self.values
        return {
            "identifier": self.identifier,
            "name": values["name"],
            "short_description": values["short"],
            "description": html(values["description"]),
            "short_description_informal": values.get("short_informal", ""),
            "description_informal": html(values.get("description_informal", ())),
            "additional_description": html(values.get("additional", ())),
            "exceptions": html(values.get("exceptions", ())),
            "requirements": [requirement(item) for item in values.get("requirements", ())],
            "procedure": blocks("step", values.get("steps")),
            "costs": blocks("cost", self.costs),
            "financial_advantages": blocks("advantage", values.get("advantages")),
            "processing_time": values.get("processing_time", ""),
            "legal_resources": blocks("legal_resource", values.get("legal")),
            "more_information": blocks("link", values.get("info")),
            "audiences": list(values.get("audiences", [Audience.CITIZEN.value])),
            "themes": list(values["themes"]),
            "life_events": list(values.get("life_events", ())),
            "keywords": values["keywords"],
            "service_type": values["service_type"],
            "popular": self.popular,
            "eligibility": [
                block(t.pop("type"), t) for t in map(dict, values.get("eligibility", ()))
            ],
        }


def blocks(kind, items):
    return [block(kind, dict(item)) for item in items or ()]


def requirement(item):
    """A requirement's block from its checked table: title, description, what to bring."""
    value = {key: item.get(key, "") for key in ("title", "description", *INFORMAL)}
    return block("requirement", {**value, "evidence": list(map(dict, item.get("evidence", ())))})


def load_services(path):
    """The services of one data file, as :class:`ServiceSpec` objects."""
    data = load(path, {"services": ([SCHEMA], True)}, KINDS)
    return tuple(ServiceSpec(values) for values in data["services"])


def load_catalogue(folder=DATA_DIR / "services", topics=TOPICS):
    """Every service of the data files ``topics`` in ``folder``; an identifier used twice is
    refused."""
    specs, seen = [], {}
    for topic in topics:
        path = folder / f"{topic}.toml"
        for index, spec in enumerate(load_services(path)):
            if spec.identifier in seen:
                also = f"{spec.identifier!r} is also a service in {seen[spec.identifier]}"
                raise DemoDataError(path, f"services[{index}].identifier", also)
            seen[spec.identifier] = path.name
            specs.append(spec)
    return tuple(specs)


SPECS = load_catalogue()
SPECS_BY_ID = {spec.identifier: spec for spec in SPECS}
FRENCH_TEXTS = {s.identifier: {**s.values["fr"], "description": html(s.values["fr"]["description"])}
                for s in SPECS if "fr" in s.values}  # fmt: skip


def ensure_regional_services(locale=None):
    """Create the regional services missing in ``locale`` (the default language); returns
    those created."""
    locale = locale or Locale.get_default()
    taken = set(RegionalService.objects.filter(locale=locale).values_list("identifier", flat=True))
    missing = [spec for spec in SPECS if spec.identifier not in taken]
    created = [RegionalService(locale=locale, **spec.fields()) for spec in missing]
    for service in created:
        service.save()
        service.save_revision(log_action=True)
    return created
