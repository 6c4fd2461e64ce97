"""The ``places`` key of a sites/ file and the ``neighbours`` of ``_region.toml``: which
postcodes and towns (deelgemeenten included) make up each municipality, and which places
lie just outside the region. The place finder (cms/municipalities/places.py) reads them
from the database once ``sync_sites`` has stored them.
"""

import re
from dataclasses import dataclass

from cms.core.text import fold
from cms.core.tomlschema import BASIC_KINDS, Invalid, list_of

NON_WORD = re.compile(r"[\W_]+")


def fold_place(name):
    """How a place name is matched: folded (cms.core.text.fold), and hyphens, dots and
    apostrophes read as spaces, so "Sint Eloois Vijve" finds "Sint-Eloois-Vijve"."""
    return " ".join(NON_WORD.sub(" ", fold(name)).split())


@dataclass(frozen=True)
class PlaceNames:
    """One postcode and the towns and villages (deelgemeenten) it covers."""

    postcode: str
    names: tuple


@dataclass(frozen=True)
class Neighbour:
    """A place just outside the region: the municipality it belongs to and its website."""

    municipality: str
    postcode: str
    names: tuple
    website: str = ""


def _names(value):
    if not isinstance(value, list) or not value:
        raise Invalid("expected a non-empty list of place names")
    names = list_of(BASIC_KINDS["str"])(value)
    folded = [fold_place(name) for name in names]
    if not all(folded):
        raise Invalid("a place name needs at least one letter or digit")
    if len(set(folded)) != len(folded):
        raise Invalid("a place name is listed twice")
    return names


def _table(value, keys, required):
    """The checked values of an inline table ``value`` with ``keys`` (key -> check)."""
    if not isinstance(value, dict):
        raise Invalid(f"expected a table {{ {', '.join(f'{k} = ...' for k in required)} }}")
    for key in value:
        if key not in keys:
            raise Invalid(f"unknown key; allowed: {', '.join(keys)}", f".{key}")
    for key in required:
        if key not in value:
            raise Invalid("missing required key", f".{key}")
    result = {}
    for key, check in keys.items():
        if key in value:
            try:
                result[key] = check(value[key])
            except Invalid as error:
                raise Invalid(error.message, f".{key}{error.key}") from error
    return result


def _unique_places(items):
    seen = set()
    for i, item in enumerate(items):
        for name in item.names:
            key = (item.postcode, fold_place(name))
            if key in seen:
                raise Invalid(f"{item.postcode} {name} is listed twice", f"[{i}]")
            seen.add(key)
    return items


def _place(value):
    keys = {"postcode": BASIC_KINDS["postcode"], "names": _names}
    valid = _table(value, keys, required=("postcode", "names"))
    return PlaceNames(valid["postcode"], valid["names"])


def places_kind(value):
    if not isinstance(value, list) or not value:
        raise Invalid('expected a non-empty list of { postcode = "8500", names = [...] }')
    return _unique_places(list_of(_place)(value))


def _neighbour(value):
    keys = {
        "municipality": BASIC_KINDS["str"],
        "postcode": BASIC_KINDS["postcode"],
        "names": _names,
        "website": BASIC_KINDS["url"],
    }
    valid = _table(value, keys, required=("municipality", "postcode", "names"))
    return Neighbour(
        valid["municipality"], valid["postcode"], valid["names"], valid.get("website", "")
    )


def neighbours_kind(value):
    if not isinstance(value, list):
        raise Invalid("expected a list of { municipality, postcode, names, website }")
    return _unique_places(list_of(_neighbour)(value))


def place_conflicts(region, configs):
    """{path: message} for files claiming a postcode and place name another file claims too.

    A postcode shared by municipalities under different names is fine (an ambiguous
    postcode, the finder offers the choice); the same name under the same postcode is not.
    """
    claimed = {}
    sources = [(region.path, region.neighbours)] if region else []
    sources += [(config.path, config.places) for config in configs]
    for path, items in sources:
        for item in items:
            for name in item.names:
                claimed.setdefault((item.postcode, fold_place(name)), []).append((path, name))
    conflicts = {}
    for (postcode, _folded), claims in claimed.items():
        paths = {path for path, _name in claims}
        if len(paths) < 2:
            continue
        for path, name in claims:
            others = ", ".join(sorted({p.name for p in paths if p != path}))
            conflicts.setdefault(path, f"{postcode} {name} is also claimed by {others}")
    return conflicts
