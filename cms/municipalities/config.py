"""Read and validate the sites/ directory: one TOML file per municipality.

Each ``sites/<slug>.toml`` inherits from ``sites/_defaults.toml`` (tables merge key by key,
any other value replaces the default). A file that is wrong is refused as a whole with the
file, the key and what is wrong; the other files are still read.
"""

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from cms.core.opening_hours import ClosingDay, OpeningHoursError, WeeklyHours
from cms.core.tomlschema import (
    BASIC_KINDS,
    ConfigError,
    Invalid,
    list_of,
    merge,
    read_toml,
    validate_table,
)
from cms.themes import ThemeError, available_themes, load_theme

from .placenames import neighbours_kind, place_conflicts, places_kind

DEFAULTS_FILE = "_defaults.toml"
REGION_FILE = "_region.toml"
SUPPORTED_LANGUAGES = ("nl", "fr", "en", "de")
REGISTERS = ("formal", "informal")  # how the site addresses citizens: "u" or "je"
REVIEW_KINDS = ("services", "pages")  # page kinds with their own review interval
SOCIAL_NETWORKS = ("facebook", "instagram", "linkedin", "youtube", "mastodon", "bluesky", "x")


class SiteConfigError(ConfigError):
    """A sites/ file that cannot be used, with the file, the key and what is wrong."""


# The schema: key -> (kind, required). Kinds: cms.core.tomlschema's basic ones ("str",
# "email", "phone", "url", "hostname", "postcode", ...) and KINDS below, or a nested dict
# for a table.
SCHEMA = {
    "slug": ("slug", True),
    "name": ("str", True),
    "short_name": ("str", True),
    "languages": ("languages", True),
    "theme": ("slug", True),
    "services": ("services", True),
    "hostnames": (
        {"development": ("hostname", True), "production": ("hostnames", True)},
        True,
    ),
    "contact": (
        {
            "address": ("str", True),
            "postcode": ("postcode", True),
            "city": ("str", True),
            "phone": ("phone", True),
            "email": ("email", True),
            "website": ("url", False),
        },
        True,
    ),
    "desk": (
        {
            "name": ("str", True),
            "address": ("str", False),
            "phone": ("phone", False),
            "appointment_url": ("url", False),
            "hours": ("hours", True),
            "closed": ("closed", False),
        },
        True,
    ),
    "holidays": ("closed", False),
    "social": (dict.fromkeys(SOCIAL_NETWORKS, ("url", False)), False),
    "register": ("register", True),
    "review": (dict.fromkeys(REVIEW_KINDS, ("months", True)), True),
    "top_tasks": ("tasks", False),
    "places": ("places", False),
    "uitdatabank": ({"postcodes": ("postcodes", True)}, False),
    "merges": ("merges", False),
}

REGION_SCHEMA = {
    "name": ("str", True),
    "hostnames": SCHEMA["hostnames"],
    "neighbours": ("neighbours", False),
}


@dataclass(frozen=True)
class Desk:
    name: str
    address: str
    phone: str
    appointment_url: str
    hours: WeeklyHours


@dataclass(frozen=True)
class Participation:
    """Which shared regional services a municipality takes part in."""

    mode: str  # "all", "only" or "except"
    services: tuple = ()

    def includes(self, identifier):
        if self.mode == "all":
            return True
        if self.mode == "only":
            return identifier in self.services
        return identifier not in self.services

    def to_json(self):
        return {"mode": self.mode, "services": list(self.services)}


@dataclass(frozen=True)
class MunicipalityConfig:
    path: Path
    slug: str
    name: str
    short_name: str
    languages: tuple
    theme: str
    services: Participation
    development_hostname: str
    production_hostnames: tuple
    contact: dict
    desk: Desk
    social: dict = field(default_factory=dict)
    register: str = "formal"
    review_months: dict = field(default_factory=dict)
    top_tasks: tuple = ()
    places: tuple = ()  # PlaceNames: the postcodes and towns that make up the municipality
    uitdatabank_postcodes: tuple = ()  # where its UiTdatabank events are (docs/events.md)
    merges: tuple = ()  # slugs of the municipalities merged into this one (docs/mergers.md)

    @property
    def hostnames(self):
        return (self.development_hostname, *self.production_hostnames)

    @property
    def event_postcodes(self):
        """The postcodes whose UiTdatabank events are this municipality's: ``[uitdatabank]
        postcodes``, else those of its ``places``, else its contact address's."""
        places = tuple(dict.fromkeys(place.postcode for place in self.places))
        return self.uitdatabank_postcodes or places or (self.contact["postcode"],)


@dataclass(frozen=True)
class RegionConfig:
    path: Path
    name: str
    development_hostname: str
    production_hostnames: tuple
    neighbours: tuple = ()  # Neighbours: places just outside the region

    @property
    def hostnames(self):
        return (self.development_hostname, *self.production_hostnames)


@dataclass
class SitesDirectory:
    """Everything read from sites/: the valid municipalities, the region and the refusals."""

    municipalities: dict = field(default_factory=dict)
    region: RegionConfig | None = None
    errors: list = field(default_factory=list)
    merged: dict = field(default_factory=dict)  # {merged slug: slug of the file merging it}


def _hostnames(value):
    if not isinstance(value, list) or not value:
        raise Invalid("expected a non-empty list of host names")
    return list_of(BASIC_KINDS["hostname"])(value)


def _languages(value):
    if not isinstance(value, list) or not value:
        raise Invalid("expected a non-empty list of language codes, Dutch first")
    for i, code in enumerate(value):
        if code not in SUPPORTED_LANGUAGES:
            raise Invalid(
                f"unsupported language {code!r} at position {i + 1} "
                f"(supported: {', '.join(SUPPORTED_LANGUAGES)})"
            )
    if value[0] != "nl":
        raise Invalid(f"Dutch comes first: the list starts with {value[0]!r}, not 'nl'")
    if len(set(value)) != len(value):
        raise Invalid("a language is listed twice")
    return tuple(value)


def _services(value):
    identifiers = list_of(BASIC_KINDS["slug"])
    if value == "all":
        return Participation("all")
    if isinstance(value, list):
        return Participation("only", identifiers(value))
    if isinstance(value, dict):
        if set(value) != {"except"}:
            raise Invalid("a table here takes one key, 'except' (all services except a list)")
        try:
            return Participation("except", identifiers(value["except"]))
        except Invalid as error:
            raise Invalid(error.message, ".except" + error.key) from error
    raise Invalid(f'expected "all", a list of services, or {{ except = [...] }}; got {value!r}')


def _closing_day(item):
    if not isinstance(item, dict) or set(item) - {"date", "reason"} or "date" not in item:
        raise Invalid('expected { date = YYYY-MM-DD, reason = "..." }')
    try:
        date = BASIC_KINDS["date"](item["date"])
    except Invalid as error:
        raise Invalid(error.message, ".date") from error
    return ClosingDay(date, str(item.get("reason", "")))


def _closed(value):
    if not isinstance(value, list):
        raise Invalid("expected a list of { date = YYYY-MM-DD, reason = ... }")
    return list_of(_closing_day)(value)


def _register(value):
    if value not in REGISTERS:
        raise Invalid(f"expected one of {', '.join(map(repr, REGISTERS))}, got {value!r}")
    return value


def _months(value):
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 60:
        raise Invalid(f"expected a whole number of months from 1 to 60, got {value!r}")
    return value


MAX_TOP_TASKS = 10
TASK = re.compile(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*|/(?:[a-z0-9]+(?:-[a-z0-9]+)*/)*)$")


def _task(value):
    if not isinstance(value, str) or not TASK.match(value):
        raise Invalid(
            "expected a regional service's identifier (identiteitskaart) or a path on "
            f"the site (/contact/), got {value!r}"
        )
    return value


def _merges(value):
    if not isinstance(value, list) or not value:
        raise Invalid("expected a non-empty list of the slugs of the municipalities merged")
    slugs = list_of(BASIC_KINDS["slug"])(value)
    if len(set(slugs)) != len(slugs):
        raise Invalid("a municipality is listed twice")
    return tuple(slugs)


def _postcodes(value):
    if not isinstance(value, list) or not value:
        raise Invalid("expected a non-empty list of postcodes")
    return tuple(dict.fromkeys(list_of(BASIC_KINDS["postcode"])(value)))


def _tasks(value):
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_TOP_TASKS:
        raise Invalid(f"expected a list of 1 to {MAX_TOP_TASKS} tasks")
    tasks = list_of(_task)(value)
    if len(set(tasks)) != len(tasks):
        raise Invalid("a task is listed twice")
    return tuple(tasks)


KINDS = {
    "places": places_kind,
    "neighbours": neighbours_kind,
    "register": _register,
    "tasks": _tasks,
    "postcodes": _postcodes,
    "merges": _merges,
    "months": _months,
    "hostnames": _hostnames,
    "languages": _languages,
    "services": _services,
    "closed": _closed,
    "hours": lambda value: value,  # checked together with the closing days in _build_desk
}


def _validate(path, data, schema):
    return validate_table(path, data, schema, KINDS, error=SiteConfigError)


def _build_desk(path, desk, contact, holidays):
    try:
        hours = WeeklyHours.from_config(
            desk["hours"], key="desk.hours", closed=(*holidays, *desk.get("closed", ()))
        )
    except OpeningHoursError as error:
        raise SiteConfigError(path, error.key, error.message) from error
    return Desk(
        name=desk["name"],
        address=desk.get("address")
        or f"{contact['address']}, {contact['postcode']} {contact['city']}",
        phone=desk.get("phone") or contact["phone"],
        appointment_url=desk.get("appointment_url", ""),
        hours=hours,
    )


def parse_municipality(path, defaults):
    path = Path(path)
    data = merge(defaults, read_toml(path, SiteConfigError))
    data.setdefault("slug", path.stem)
    hostnames = data.get("hostnames")
    if isinstance(hostnames, dict) and isinstance(hostnames.get("development"), str):
        hostnames["development"] = hostnames["development"].replace("{slug}", str(data["slug"]))
    valid = _validate(path, data, SCHEMA)
    if valid["slug"] != path.stem:
        raise SiteConfigError(
            path, "slug", f"{valid['slug']!r} differs from the file name {path.stem!r}"
        )
    if valid["slug"] in valid.get("merges", ()):
        raise SiteConfigError(path, "merges", "a municipality cannot merge itself")
    return MunicipalityConfig(
        path=path,
        slug=valid["slug"],
        name=valid["name"],
        short_name=valid["short_name"],
        languages=valid["languages"],
        theme=valid["theme"],
        services=valid["services"],
        development_hostname=valid["hostnames"]["development"],
        production_hostnames=valid["hostnames"]["production"],
        contact=valid["contact"],
        desk=_build_desk(path, valid["desk"], valid["contact"], valid.get("holidays", ())),
        social=valid.get("social", {}),
        register=valid["register"],
        review_months=valid["review"],
        top_tasks=valid.get("top_tasks", ()),
        places=valid.get("places", ()),
        uitdatabank_postcodes=valid.get("uitdatabank", {}).get("postcodes", ()),
        merges=valid.get("merges", ()),
    )


def parse_region(path):
    valid = _validate(path, read_toml(path, SiteConfigError), REGION_SCHEMA)
    return RegionConfig(
        path=Path(path),
        name=valid["name"],
        development_hostname=valid["hostnames"]["development"],
        production_hostnames=valid["hostnames"]["production"],
        neighbours=valid.get("neighbours", ()),
    )


def _set_aside_merged(parsed, result):
    """Refuse impossible mergers (a slug merged by two files, a chain of mergers); record
    each merged slug in ``result.merged`` and return the files left to sync: a merged
    municipality's file is no site of its own any more, and its host names and places
    pass to the file that merges it."""
    mergers = {}
    for config in parsed:
        for slug in config.merges:
            mergers.setdefault(slug, []).append(config)
    by_slug = {config.slug: config for config in parsed}
    refused = {}
    for config in parsed:
        for slug in config.merges:
            others = [other.path.name for other in mergers[slug] if other is not config]
            if others:
                refused.setdefault(config.path, f"{slug!r} is also merged by {', '.join(others)}")
            elif slug in by_slug and by_slug[slug].merges:
                inner = by_slug[slug]
                refused.setdefault(
                    config.path,
                    f"{slug!r} merges {', '.join(inner.merges)} itself: "
                    "list every municipality of the merger in one file",
                )
                refused.setdefault(
                    inner.path,
                    f"merged into {config.path.name} itself: "
                    "list every municipality of the merger in one file",
                )
    for config in parsed:
        if config.path in refused:
            result.errors.append(SiteConfigError(config.path, "merges", refused[config.path]))
        else:
            result.merged.update(dict.fromkeys(config.merges, config.slug))
    return [
        config
        for config in parsed
        if config.path not in refused and config.slug not in result.merged
    ]


def load_sites(sites_dir, themes_dir):
    """Read every file in ``sites_dir``; invalid files end up in ``errors``, not in the result."""
    sites_dir = Path(sites_dir)
    result = SitesDirectory()
    defaults_path = sites_dir / DEFAULTS_FILE
    try:
        defaults = read_toml(defaults_path, SiteConfigError) if defaults_path.exists() else {}
    except SiteConfigError as error:
        result.errors.append(error)
        return result
    try:
        result.region = parse_region(sites_dir / REGION_FILE)
    except SiteConfigError as error:
        result.errors.append(error)

    themes = available_themes(themes_dir)
    parsed = []
    for path in sorted(sites_dir.glob("*.toml")):
        if path.name.startswith("_"):
            continue
        try:
            config = parse_municipality(path, defaults)
            if config.theme not in themes:
                suggestion = difflib.get_close_matches(config.theme, themes, n=1)
                hint = f" (did you mean {suggestion[0]!r}?)" if suggestion else ""
                raise SiteConfigError(
                    path,
                    "theme",
                    f"unknown theme {config.theme!r}{hint}; themes: {', '.join(sorted(themes))}",
                )
            try:
                load_theme(config.theme, themes_dir)
            except ThemeError as error:
                raise SiteConfigError(path, "theme", str(error)) from error
        except SiteConfigError as error:
            result.errors.append(error)
            continue
        parsed.append(config)

    parsed = _set_aside_merged(parsed, result)
    claimed = {}
    if result.region:
        for hostname in result.region.hostnames:
            claimed[hostname] = [result.region.path]
    for config in parsed:
        for hostname in config.hostnames:
            claimed.setdefault(hostname, []).append(config.path)
    conflicted = {}
    for hostname, paths in claimed.items():
        if len(paths) > 1:
            for path in paths:
                others = ", ".join(p.name for p in paths if p != path)
                conflicted.setdefault(path, (hostname, others))
    places_conflicted = place_conflicts(result.region, parsed)
    for config in parsed:
        if config.path in conflicted:
            hostname, others = conflicted[config.path]
            result.errors.append(
                SiteConfigError(
                    config.path, "hostnames", f"{hostname!r} is also claimed by {others}"
                )
            )
        elif config.path in places_conflicted:
            result.errors.append(
                SiteConfigError(config.path, "places", places_conflicted[config.path])
            )
        else:
            result.municipalities[config.slug] = config
    return result
