"""Local facts of the demo municipalities that the demo content is written from.

One file per municipality, data/municipalities/<slug>.toml (its ``[services]`` and
``[local.*]`` tables are read by cms.demo.services.profiles); ``_default.toml`` holds the
facts of a municipality without a file. Plausible, not authoritative: inhabitant counts are
rounded, and the addresses of libraries and recycling parks are illustrative.
"""

from cms.core.tomlschema import Invalid, list_of, text

from .datafiles import DATA_DIR, data_files, load, record


def _streets(value):
    streets = list_of(text)(value)
    if len(streets) != 4:
        raise Invalid(f"expected four streets, got {len(streets)}")
    return streets


KINDS = {"streets": _streets}
VENUE = {"address": ("str", True), "hours": ("slug", True)}  # hours: a locations.toml pattern
SCHEMA = {
    "inhabitants": ("int", False),
    "deelgemeenten": ("strings", True),
    "intro": ("str", True),
    "history": ("strings", True),
    "streets": ("streets", True),
    "square": ("str", True),
    "hall": ("str", True),
    "walk": ("str", True),
    "library": (VENUE, True),
    "recycling": (VENUE, False),
    "event": (dict.fromkeys(("slug", "title", "place", "summary", "text"), ("str", True)), True),
    "services": ("table", True),  # cms.demo.services.profiles checks these two
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
    return _facts(path.stem, load(path, SCHEMA, KINDS))


FACTS = tuple(load_facts(path) for path in data_files("municipalities"))
FACTS_BY_SLUG = {facts.slug: facts for facts in FACTS}
_DEFAULT = load(DATA_DIR / "municipalities" / "_default.toml", SCHEMA, KINDS)


def default_facts(slug, **words):
    """The facts of a municipality without a data file: _default.toml, with ``words``
    (``short``, ``street``, ``address``) filled in."""
    return _facts(slug, _fill(_DEFAULT, words))
