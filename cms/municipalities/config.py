"""Read and validate the sites/ directory: one TOML file per municipality.

Each ``sites/<slug>.toml`` inherits from ``sites/_defaults.toml`` (tables merge key by key,
any other value replaces the default). A file that is wrong is refused as a whole with the
file, the key and what is wrong; the other files are still read.
"""

import copy
import datetime as dt
import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from cms.core.opening_hours import ClosingDay, OpeningHoursError, WeeklyHours
from cms.themes import ThemeError, load_theme

DEFAULTS_FILE = "_defaults.toml"
REGION_FILE = "_region.toml"
SUPPORTED_LANGUAGES = ("nl", "fr", "en", "de")
SOCIAL_NETWORKS = ("facebook", "instagram", "linkedin", "youtube", "mastodon", "bluesky", "x")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HOSTNAME = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9-]{1,63})*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ./()-]{6,20}$")


class SiteConfigError(Exception):
    """A sites/ file that cannot be used, with the file, the key and what is wrong."""

    def __init__(self, path, key, message):
        self.path = Path(path)
        self.key = key
        self.message = message
        super().__init__(str(self))

    def __str__(self):
        where = f"{self.path.name}: {self.key}: " if self.key else f"{self.path.name}: "
        return where + self.message


# The schema: key -> (kind, required). Kinds: "str", "email", "phone", "url", "hostname",
# "list", "services", "hours", "closed", or a nested dict for a table.
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
}

REGION_SCHEMA = {
    "name": ("str", True),
    "hostnames": SCHEMA["hostnames"],
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

    @property
    def hostnames(self):
        return (self.development_hostname, *self.production_hostnames)


@dataclass(frozen=True)
class RegionConfig:
    path: Path
    name: str
    development_hostname: str
    production_hostnames: tuple

    @property
    def hostnames(self):
        return (self.development_hostname, *self.production_hostnames)


@dataclass
class SitesDirectory:
    """Everything read from sites/: the valid municipalities, the region and the refusals."""

    municipalities: dict = field(default_factory=dict)
    region: RegionConfig | None = None
    errors: list = field(default_factory=list)


def read_toml(path):
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise SiteConfigError(path, "", f"invalid TOML: {error}") from error
    except OSError as error:
        raise SiteConfigError(path, "", f"cannot be read: {error.strerror}") from error


def merge(defaults, overrides):
    """Tables merge key by key; any other value in ``overrides`` replaces the default."""
    result = copy.deepcopy(defaults)
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def _check_value(path, key, kind, value):
    """Validate one value of a known kind; return its normalised form."""

    def fail(message):
        raise SiteConfigError(path, key, message)

    if kind in ("str", "slug", "email", "phone", "url", "hostname", "postcode"):
        if not isinstance(value, str) or not value.strip():
            fail(f"expected a non-empty string, got {value!r}")
        value = value.strip()
        if kind == "slug" and not _SLUG.match(value):
            fail(f"{value!r} is not a slug (lower-case letters, digits and hyphens)")
        if kind == "email" and not _EMAIL.match(value):
            fail(f"{value!r} is not an e-mail address")
        if kind == "phone" and not _PHONE.match(value):
            fail(f"{value!r} is not a phone number")
        if kind == "url" and not value.startswith("https://"):
            fail(f"{value!r} is not an https:// address")
        if kind == "hostname" and not _HOSTNAME.match(value):
            fail(f"{value!r} is not a host name (lower case, no scheme, no port)")
        if kind == "postcode" and not re.fullmatch(r"[1-9][0-9]{3}", value):
            fail(f"{value!r} is not a Belgian postcode (four digits)")
        return value
    if kind == "hostnames":
        if not isinstance(value, list) or not value:
            fail("expected a non-empty list of host names")
        return tuple(
            _check_value(path, f"{key}[{i}]", "hostname", item) for i, item in enumerate(value)
        )
    if kind == "languages":
        if not isinstance(value, list) or not value:
            fail("expected a non-empty list of language codes, Dutch first")
        for i, code in enumerate(value):
            if code not in SUPPORTED_LANGUAGES:
                fail(
                    f"unsupported language {code!r} at position {i + 1} "
                    f"(supported: {', '.join(SUPPORTED_LANGUAGES)})"
                )
        if value[0] != "nl":
            fail(f"Dutch comes first: the list starts with {value[0]!r}, not 'nl'")
        if len(set(value)) != len(value):
            fail("a language is listed twice")
        return tuple(value)
    if kind == "services":
        return _check_services(path, key, value)
    if kind == "closed":
        return _check_closed(path, key, value)
    if kind == "hours":
        return value  # checked together with the closing days in _build_desk
    raise AssertionError(kind)


def _check_services(path, key, value):
    def identifiers(items, where):
        if not isinstance(items, list):
            raise SiteConfigError(path, where, "expected a list of service identifiers")
        for i, item in enumerate(items):
            _check_value(path, f"{where}[{i}]", "slug", item)
        return tuple(items)

    if value == "all":
        return Participation("all")
    if isinstance(value, list):
        return Participation("only", identifiers(value, key))
    if isinstance(value, dict):
        if set(value) != {"except"}:
            raise SiteConfigError(
                path, key, "a table here takes one key, 'except' (all services except a list)"
            )
        return Participation("except", identifiers(value["except"], f"{key}.except"))
    raise SiteConfigError(
        path, key, f'expected "all", a list of services, or {{ except = [...] }}; got {value!r}'
    )


def _check_closed(path, key, value):
    if not isinstance(value, list):
        raise SiteConfigError(path, key, "expected a list of { date = YYYY-MM-DD, reason = ... }")
    days = []
    for i, item in enumerate(value):
        where = f"{key}[{i}]"
        if not isinstance(item, dict) or set(item) - {"date", "reason"} or "date" not in item:
            raise SiteConfigError(path, where, 'expected { date = YYYY-MM-DD, reason = "..." }')
        date = item["date"]
        if isinstance(date, dt.datetime) or not isinstance(date, dt.date):
            raise SiteConfigError(path, f"{where}.date", f"{date!r} is not a date (YYYY-MM-DD)")
        days.append(ClosingDay(date, str(item.get("reason", ""))))
    return tuple(days)


def validate_table(path, data, schema, prefix=""):
    """Check ``data`` against ``schema``: unknown keys, missing keys, value kinds."""
    result = {}
    for key in data:
        if key not in schema:
            suggestion = difflib.get_close_matches(key, schema, n=1)
            hint = f" (did you mean {suggestion[0]!r}?)" if suggestion else ""
            allowed = ", ".join(sorted(schema))
            raise SiteConfigError(path, prefix + key, f"unknown key{hint}; allowed: {allowed}")
    for key, (kind, required) in schema.items():
        if key not in data:
            if required:
                raise SiteConfigError(path, prefix + key, "missing required key")
            continue
        value = data[key]
        if isinstance(kind, dict):
            if not isinstance(value, dict):
                raise SiteConfigError(path, prefix + key, "expected a table")
            result[key] = validate_table(path, value, kind, prefix=f"{prefix}{key}.")
        else:
            result[key] = _check_value(path, prefix + key, kind, value)
    return result


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
    data = merge(defaults, read_toml(path))
    data.setdefault("slug", path.stem)
    hostnames = data.get("hostnames")
    if isinstance(hostnames, dict) and isinstance(hostnames.get("development"), str):
        hostnames["development"] = hostnames["development"].replace("{slug}", str(data["slug"]))
    valid = validate_table(path, data, SCHEMA)
    if valid["slug"] != path.stem:
        raise SiteConfigError(
            path, "slug", f"{valid['slug']!r} differs from the file name {path.stem!r}"
        )
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
    )


def parse_region(path):
    valid = validate_table(path, read_toml(path), REGION_SCHEMA)
    return RegionConfig(
        path=Path(path),
        name=valid["name"],
        development_hostname=valid["hostnames"]["development"],
        production_hostnames=valid["hostnames"]["production"],
    )


def available_themes(themes_dir):
    return {p.parent.name for p in Path(themes_dir).glob("*/theme.toml")}


def load_sites(sites_dir, themes_dir):
    """Read every file in ``sites_dir``; invalid files end up in ``errors``, not in the result."""
    sites_dir = Path(sites_dir)
    result = SitesDirectory()
    defaults_path = sites_dir / DEFAULTS_FILE
    try:
        defaults = read_toml(defaults_path) if defaults_path.exists() else {}
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
    for config in parsed:
        if config.path in conflicted:
            hostname, others = conflicted[config.path]
            result.errors.append(
                SiteConfigError(
                    config.path, "hostnames", f"{hostname!r} is also claimed by {others}"
                )
            )
        else:
            result.municipalities[config.slug] = config
    return result
