"""Each municipality's journey pages, from the regional journeys.

Creates (and publishes) a journey page under the site's Dutch ``/stappenplannen/`` for
every regional journey in the site's language that has none there yet, at
``/stappenplannen/<identifier>/``. Never deletes nor unpublishes: a page a moderator
unpublished stays so (that is how a municipality opts out of a journey), and one an editor
moved or renamed is still found by its regional journey. The steps are not copied: the
page reads them live from the regional journey.

Like the services catalogue, a regional journey saved in the admin appears on the sites
with the next ``sync_sites`` run (or ``setup_demo``); the page it gets would be the same.
"""

from wagtail.models import Locale

from cms.catalogue.models import RegionalService
from cms.catalogue.vocabularies import LifeEvent
from cms.core.tomlschema import ConfigError, Invalid, read_toml, validate_table
from cms.journeys.blocks import MAX_STEPS, Choice
from cms.journeys.models import JourneyIndexPage, JourneyPage, RegionalJourney

__all__ = ["JOURNEY_SCHEMA", "ensure_local_journeys", "ensure_regional_journeys"]

# A file of regional journeys: [[journeys]], each with [[journeys.steps]]; a step's
# services (regional identifiers) come before its links.
STEP_SCHEMA = {
    "title": ("str", True),
    "explanation": ("str", False),
    "optional": ("bool", False),
    "choice": ("choice", False),  # "all" (the default) or "one"
    "services": (["slug"], False),
    "links": ([{"label": ("str", True), "url": ("url", True)}], False),
}
JOURNEY_SCHEMA = {
    "identifier": ("slug", True),
    "title": ("str", True),
    "summary": ("str", True),
    "life_event": ("life_event", False),
    "steps": ([STEP_SCHEMA], True),
}


def _one_of(*options):
    def check(value):
        if value not in options:
            raise Invalid(f"{value!r} is not one of {', '.join(map(repr, options))}")
        return value

    return check


KINDS = {"choice": _one_of(Choice.ALL, Choice.ONE), "life_event": _one_of(*LifeEvent.values)}


def _steps(path, index, steps, services):
    if not 1 <= len(steps) <= MAX_STEPS:
        raise ConfigError(path, f"journeys[{index}].steps", f"expected 1 to {MAX_STEPS} steps")
    raw = []
    for number, step in enumerate(steps):
        key = f"journeys[{index}].steps[{number}]"
        items = []
        for identifier in step.get("services", ()):
            if identifier not in services:
                raise ConfigError(path, f"{key}.services", f"no regional service {identifier!r}")
            items.append({"type": "service", "value": services[identifier]})
        items += [{"type": "link", "value": dict(link)} for link in step.get("links", ())]
        if not items:
            raise ConfigError(path, key, "a step needs at least one service or link")
        value = {
            "title": step["title"],
            "explanation": step.get("explanation", ""),
            "optional": step.get("optional", False),
            "choice": step.get("choice", Choice.ALL),
            "items": items,
        }
        raw.append({"type": "step", "value": value})
    return raw


def ensure_regional_journeys(path, locale=None):
    """Create the regional journeys of the TOML file at ``path`` missing in ``locale`` (the
    default language); never changes an existing one. Returns those created; a wrong file
    raises ConfigError (file, key, reason) before anything is written."""
    data = validate_table(path, read_toml(path), {"journeys": ([JOURNEY_SCHEMA], True)}, KINDS)
    locale = locale or Locale.get_default()
    services = dict(RegionalService.objects.filter(locale=locale).values_list("identifier", "pk"))
    taken = set(RegionalJourney.objects.filter(locale=locale).values_list("identifier", flat=True))
    wanted = []
    for index, values in enumerate(data["journeys"]):
        steps = _steps(path, index, values["steps"], services)
        if values["identifier"] not in taken:
            fields = {k: v for k, v in values.items() if k != "steps"}
            wanted.append(RegionalJourney(locale=locale, steps=steps, **fields))
    for journey in wanted:
        journey.save()
        journey.save_revision(log_action=True)
    return wanted


def ensure_local_journeys(home, changes):
    """Bring the journey pages of the site whose home is ``home`` in line with the regional
    journeys, saying what changed in ``changes``."""
    index_page = JourneyIndexPage.objects.child_of(home).filter(slug="stappenplannen").first()
    if index_page is None:
        return
    journeys = RegionalJourney.objects.filter(locale_id=index_page.locale_id).order_by("pk")
    made = set(
        JourneyPage.objects.filter(path__startswith=home.path, journey__isnull=False).values_list(
            "journey_id", flat=True
        )
    )
    taken = set(index_page.get_children().values_list("slug", flat=True))
    where = index_page.url_path.split("/", 2)[-1]
    for journey in journeys:
        if journey.pk in made:
            continue
        if journey.identifier in taken:
            changes.append(
                f"warning: {where}{journey.identifier}/ exists and is not the page of "
                f"the journey {journey.title}"
            )
            continue
        page = JourneyPage(
            title=journey.title,
            slug=journey.identifier,
            locale_id=index_page.locale_id,
            journey=journey,
        )
        index_page.add_child(instance=page)
        page.save_revision().publish()
        changes.append(f"create journey {where}{journey.identifier}/")
