"""How each demo municipality offers the regional services: its prices, e-loket, desk habits,
the services its editors opted out of, and its own costs and texts on a few local pages.

They are the ``[services]`` and ``[local.<identifier>]`` tables of
data/municipalities/<slug>.toml (``_default.toml``: a municipality without a file of its
own). Plausible, not the real tariffs.
"""

from dataclasses import dataclass, field
from types import SimpleNamespace

from cms.core.tomlschema import Invalid

from ..datafiles import DATA_DIR, block, data_files, html, load
from .regional import COST, REQUIREMENT, SPECS_BY_ID, TITLED, requirement


@dataclass(frozen=True)
class LocalPage:
    """What a municipality writes on the local page of one service."""

    costs: tuple = ()  # (title, amount, description)
    conditions: str = ""  # rich text
    overrides: dict = field(default_factory=dict)  # page field -> value


def _service(value):
    if value not in SPECS_BY_ID:
        raise Invalid(f"{value!r} is not a regional service (data/services/)")
    return value


SERVICES = {
    "eid": ("money", True),  # the eID's normal procedure here
    "surcharge": ("money", True),  # its tax on the other surcharged services' documents
    "appointments": ("bool", True),  # desks that can work with appointments require one
    "eloket": ("url", False),  # its e-loket; none: certificates by post instead
    "rises": ([{"service": ("service", True), "amount": ("money", True)}], False),
    "opt_out": (["service"], False),  # local pages its editors unpublished
    "hours": ("hours", False),  # the population desk's hours on appointment
    "recycling_park_of": ("slug", False),  # the neighbour whose recycling park it uses
}
DEFAULTS = {"eloket": "", "rises": (), "opt_out": (), "hours": None, "recycling_park_of": ""}
LOCAL_PAGE = {
    "costs": ([{**COST, "amount": ("money", True)}], False),
    "conditions": ("strings", False),
    "description": ("strings", False),
    "requirements": ([REQUIREMENT], False),
    "steps": ([TITLED], False),
    "processing_time": ("str", False),
}
SCHEMA = {
    "services": (SERVICES, True),
    "local": (dict.fromkeys(SPECS_BY_ID, (LOCAL_PAGE, False)), False),
}


def _local_page(values):
    overrides = {}
    if "description" in values:
        overrides["description_override"] = html(values["description"])
    if "requirements" in values:
        overrides["requirements_override"] = [requirement(item) for item in values["requirements"]]
    if "steps" in values:
        overrides["procedure_override"] = [block("step", dict(item)) for item in values["steps"]]
    if "processing_time" in values:
        overrides["processing_time_override"] = values["processing_time"]
    costs = tuple((c["title"], c["amount"], c.get("description")) for c in values.get("costs", ()))
    return LocalPage(costs, html(values.get("conditions", ())), overrides)


def load_profile(path):
    """The profile in a municipality's data file: ``profile.eid``, ``profile.pages``..."""
    valid = load(path, SCHEMA, {"service": _service}, part=True)
    pages = {key: _local_page(values) for key, values in valid.get("local", {}).items()}
    return SimpleNamespace(**{**DEFAULTS, **valid["services"]}, pages=pages)


PROFILES = {path.stem: load_profile(path) for path in data_files("municipalities")}
DEFAULT_PROFILE = load_profile(DATA_DIR / "municipalities" / "_default.toml")
