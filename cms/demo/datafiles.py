"""The demo's TOML data files under cms/demo/data/, each checked against a schema
(cms.core.tomlschema): a wrong file is refused with the file, the key and what is wrong. The
kinds below are the demo's own (vocabulary codes, amounts, times, hours, body blocks). Read here
too: each demo municipality's facts, data/municipalities/<slug>.toml (``_default.toml`` for one
without a file; ``[services]``, ``[local.*]``: cms.demo.services.local). Plausible, not
authoritative: inhabitant counts are rounded, venue addresses illustrative."""

import re
from pathlib import Path
from types import SimpleNamespace

from django.utils.html import escape

from cms.catalogue.vocabularies import Audience, LifeEvent, ServiceType, Theme
from cms.core.opening_hours import WEEKDAYS, OpeningHoursError, WeeklyHours
from cms.core.tomlschema import ConfigError, Invalid, list_of, read_toml, text, validate_table

DATA_DIR = Path(__file__).resolve().parent / "data"
BLOCK_KINDS = ("h2", "h3", "p", "ul", "each")
_MONEY = re.compile(r"\d+\.\d\d")
_CLOCK = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


class DemoDataError(ConfigError):
    """A demo data file that cannot be used, with the file, the key and what is wrong."""


def _matching(pattern, what, convert=str):
    def check(value):
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise Invalid(f"{value!r} is not {what}")
        return convert(value)

    return check


def choice(*options, convert=None, what=None):
    """A kind: one of ``options`` (``convert`` turns it into the value to use); anything else
    is refused as not ``what``, by default a list of the options."""
    what = what or f"one of {', '.join(map(repr, options))}"

    def check(value):
        if value not in options:
            raise Invalid(f"{value!r} is not {what}")
        return convert(value) if convert else value

    return check


def _hours(value):
    """Weekday names to lists of "HH:MM-HH:MM"; kept as written (the caller adds closing days)."""
    try:
        WeeklyHours.from_config(value, key="")
    except OpeningHoursError as error:
        raise Invalid(error.message, error.key) from error
    return value


def _at(key, check, value):
    """``check(value)``; an error's key is prefixed with ``.key``."""
    try:
        return check(value)
    except Invalid as error:
        raise Invalid(error.message, f".{key}{error.key}") from error


def _patterns(value):
    """Opening-hours patterns by name: ``[x.hours.<name>]`` tables."""
    return {name: _at(name, _hours, hours) for name, hours in _table(value).items()}


def _block(value):
    """One body block, ``{ h2 = "..." }``, ``{ p = "..." }``, ``{ ul = [...] }`` or
    ``{ each = "history" }`` (a paragraph per item), as a ``(kind, text)`` pair."""
    if not isinstance(value, dict) or len(value) != 1 or next(iter(value)) not in BLOCK_KINDS:
        raise Invalid(f"expected a table with one of the keys {', '.join(BLOCK_KINDS)}")
    ((kind, content),) = value.items()
    return kind, _at(kind, list_of(text) if kind == "ul" else text, content)


def _evidence(value):
    """What to bring: a title, or ``{ title = "...", description = "..." }``."""
    if isinstance(value, str):
        return {"title": text(value), "description": ""}
    if not isinstance(value, dict) or set(value) != {"title", "description"}:
        raise Invalid('expected a title or { title = "...", description = "..." }')
    return {key: _at(key, text, value[key]) for key in ("title", "description")}


def _streets(value):
    streets = list_of(text)(value)
    if len(streets) != 4:
        raise Invalid(f"expected four streets, got {len(streets)}")
    return streets


def _table(value):
    if not isinstance(value, dict):
        raise Invalid("expected a table")
    return value


KINDS = {
    "theme": choice(*Theme.values),
    "life_event": choice(*LifeEvent.values),
    "audience": choice(*Audience.values),
    "service_type": choice(*ServiceType.values),
    "money": _matching(_MONEY, 'an amount in euro with two decimals, as a string ("20.00")'),
    "clock": _matching(_CLOCK, "a time (HH:MM)", lambda v: tuple(map(int, v.split(":")))),
    "weekday": choice(*WEEKDAYS, convert=WEEKDAYS.index),
    "hours": _hours,
    "patterns": _patterns,
    "block": _block,
    "evidence": _evidence,
    "table": _table,
    "streets": _streets,
}


def load(path, schema, kinds=None, part=False):
    """The checked values of the data file at ``path``, only the keys of ``schema`` with
    ``part`` (another loader checks the rest); raises :class:`DemoDataError`."""
    data = read_toml(path, DemoDataError)
    if part and isinstance(data, dict):
        data = {key: value for key, value in data.items() if key in schema}
    return validate_table(path, data, schema, {**KINDS, **(kinds or {})}, error=DemoDataError)


def data_files(folder):
    """The data files in ``folder`` (under data/), by name; ``_`` files are not included."""
    return sorted(p for p in (DATA_DIR / folder).glob("*.toml") if not p.name.startswith("_"))


def block(kind, value):
    """One block in a StreamField's raw data (amounts as strings: "21.00", or None)."""
    return {"type": kind, "value": value}


def html(paragraphs):
    """Rich text from paragraphs of plain text."""
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)


def record(values):
    """A checked table as an object (``record(table).key``), its tables too."""
    fields = {key: record(v) if isinstance(v, dict) else v for key, v in values.items()}
    return SimpleNamespace(**fields)


# The local facts of the demo municipalities.
VENUE = {"address": ("str", True), "hours": ("slug", True)}  # hours: a locations.toml pattern
FACTS_SCHEMA = {
    "inhabitants": ("int", False),
    **dict.fromkeys(("deelgemeenten", "history"), ("strings", True)),
    **dict.fromkeys(("intro", "square", "hall", "walk"), ("str", True)),
    "streets": ("streets", True),
    "library": (VENUE, True),
    "recycling": (VENUE, False),
    "event": (dict.fromkeys(("slug", "title", "place", "summary", "text"), ("str", True)), True),
    "services": ("table", True),  # cms.demo.services.local checks these two
    "local": ("table", False),
}


def _facts(slug, valid):
    valid = {key: value for key, value in valid.items() if key not in ("services", "local")}
    return record({"slug": slug, "inhabitants": None, "recycling": None, **valid})


def _fill(value, words):
    if isinstance(value, str):
        return value.format(**words)
    if isinstance(value, dict):
        return {key: _fill(item, words) for key, item in value.items()}
    if isinstance(value, tuple):
        return tuple(_fill(item, words) for item in value)
    return value


def load_facts(path):
    """The facts in the file at ``path`` as an object: ``facts.library.address``."""
    return _facts(path.stem, load(path, FACTS_SCHEMA))


FACTS = tuple(load_facts(path) for path in data_files("municipalities"))
FACTS_BY_SLUG = {facts.slug: facts for facts in FACTS}
_DEFAULT = load(DATA_DIR / "municipalities" / "_default.toml", FACTS_SCHEMA)


def default_facts(slug, **words):
    """The facts of a municipality without a data file: _default.toml, with ``words``
    (``short``, ``street``, ``address``) filled in."""
    return _facts(slug, _fill(_DEFAULT, words))
