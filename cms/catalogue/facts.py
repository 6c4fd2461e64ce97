"""A local service's facts: the regional definition merged with the local page.

Every fact knows whether it is the municipality's own (an override or a local addition)
or the region's, so the page can say which parts are local. Locations, in the page's list
and in its channels, are read in one query whatever their number.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from cms.core import register
from cms.core.blocks import weekly_hours
from cms.core.opening_hours import OpeningHoursError, WeeklyHours
from cms.locations.models import LocationPage

from .variants import INFORMAL, in_register, variant
from .vocabularies import Audience, ChannelType, LifeEvent, ServiceType, Theme, labels


@dataclass(frozen=True)
class Fact:
    key: str
    label: str
    value: object
    local: bool

    def __bool__(self):
        return bool(self.value)


@dataclass
class Channel:
    kind: str
    name: str = ""
    location: object = None
    address: str = ""
    hours: WeeklyHours | None = None
    appointment_required: bool = False
    appointment_url: str = ""
    phone: str = ""
    url: str = ""
    processing_time: str = ""
    cost: Decimal | None = None

    @property
    def label(self):
        return ChannelType(self.kind).label

    @property
    def opening_hours(self):
        """The channel's own hours, else its location's."""
        if self.hours is not None:
            return self.hours
        if self.location is not None:
            return self.location.opening_hours
        return None

    def to_json(self):
        hours = self.opening_hours
        return {
            "kind": self.kind,
            "name": self.name,
            "location": self.location.url_path if self.location is not None else None,
            "location_title": self.location.title if self.location is not None else None,
            "address": self.address,
            "opening_hours": hours.to_json() if hours is not None else None,
            "appointment_required": self.appointment_required,
            "appointment_url": self.appointment_url,
            "phone": self.phone,
            "url": self.url,
            "processing_time": self.processing_time,
            "cost": str(self.cost) if self.cost is not None else None,
        }


@dataclass(frozen=True)
class Cost:
    title: str
    amount: Decimal | None
    description: str = ""
    valid_from: dt.date | None = None


@dataclass
class Costs:
    current: list = field(default_factory=list)
    upcoming: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.current or self.upcoming)


def _decimal(value):
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def hours_from_raw(raw):
    """The :class:`WeeklyHours` of an opening-hours stream's raw data; None when empty or
    invalid."""
    if not raw:
        return None
    try:
        return weekly_hours(raw)
    except OpeningHoursError:
        return None


class ServiceFacts:
    """The merged facts of one :class:`LocalServicePage`."""

    def __init__(self, page, today=None, informal=None):
        self.page = page
        self.service = page.service
        self.today = today or timezone.localdate()
        # The register: the one in force for the request unless asked (the export).
        self.informal = register.is_informal() if informal is None else informal

    def _text(self, name):
        """A regional text field in this page's register."""
        service = self.service
        value = {name: getattr(service, name), name + INFORMAL: getattr(service, name + INFORMAL)}
        return variant(value, name, self.informal)

    def _override(self, key, label, local_value, regional_value):
        if local_value:
            return Fact(key, label, local_value, True)
        return Fact(key, label, regional_value, False)

    # The facts, each a Fact -------------------------------------------------------------
    @property
    def name(self):
        return Fact("name", _("Name"), self.page.title, self.page.title != self.service.name)

    @property
    def short_description(self):
        return self._override(
            "short_description",
            _("In short"),
            self.page.summary,
            self._text("short_description"),
        )

    @property
    def description(self):
        return self._override(
            "description",
            _("What is it?"),
            self.page.description_override,
            self._text("description"),
        )

    @property
    def additional_description(self):
        return Fact(
            "additional_description",
            _("Good to know"),
            self._text("additional_description"),
            False,
        )

    @property
    def exceptions(self):
        return self._override(
            "exceptions",
            _("Exceptions"),
            self.page.exceptions_override,
            self._text("exceptions"),
        )

    @property
    def requirements(self):
        return self._override(
            "requirements",
            _("Conditions and what to bring"),
            in_register(self.page.requirements_override, self.informal),
            in_register(self.service.requirements, self.informal),
        )

    @property
    def procedure(self):
        return self._override(
            "procedure",
            _("How to apply"),
            in_register(self.page.procedure_override, self.informal),
            in_register(self.service.procedure, self.informal),
        )

    @property
    def processing_time(self):
        return self._override(
            "processing_time",
            _("Processing time"),
            self.page.processing_time_override,
            self.service.processing_time,
        )

    @property
    def costs(self):
        local = [
            Cost(
                c.value["title"],
                c.value["amount"],
                c.value["description"],
                c.value["valid_from"],
            )
            for c in self.page.local_costs
        ]
        if local:
            costs = Costs()
            for cost in sorted(local, key=lambda c: c.valid_from or dt.date.min):
                if cost.valid_from and cost.valid_from > self.today:
                    costs.upcoming.append(cost)
                else:
                    costs.current.append(cost)
            # An amount that applies from a date replaces the older one with the same title.
            latest = {}
            for cost in costs.current:
                latest[cost.title] = cost
            costs.current = list(latest.values())
            return Fact("costs", _("What it costs here"), costs, True)
        regional = [
            Cost(
                variant(c.value, "title", self.informal),
                c.value["amount"],
                variant(c.value, "description", self.informal),
            )
            for c in self.service.costs
        ]
        return Fact("costs", _("What it costs"), Costs(current=regional), False)

    @property
    def financial_advantages(self):
        return Fact(
            "financial_advantages",
            _("Financial advantages"),
            in_register(self.service.financial_advantages, self.informal),
            False,
        )

    @property
    def legal_resources(self):
        return Fact("legal_resources", _("Legislation"), self.service.legal_resources, False)

    @property
    def more_information(self):
        return Fact("more_information", _("More information"), self.service.more_information, False)

    @property
    def local_conditions(self):
        return Fact("local_conditions", _("Local conditions"), self.page.local_conditions, True)

    @property
    def audiences(self):
        return labels(Audience, self.service.audiences)

    @property
    def themes(self):
        return labels(Theme, self.service.themes)

    @property
    def life_events(self):
        return labels(LifeEvent, self.service.life_events)

    @property
    def service_type(self):
        return ServiceType(self.service.service_type).label if self.service.service_type else ""

    # Where and how ----------------------------------------------------------------------
    def _location_ids(self):
        ids = [child["value"] for child in self.page.locations.raw_data if child.get("value")]
        ids += [
            child["value"]["location"]
            for child in self.page.channels.raw_data
            if child.get("value", {}).get("location")
        ]
        return ids

    @cached_property
    def _locations(self):
        ids = self._location_ids()
        if not ids:
            return {}
        return LocationPage.objects.live().in_bulk(ids)

    @property
    def locations(self):
        found = (self._locations.get(child["value"]) for child in self.page.locations.raw_data)
        return Fact("locations", _("Where"), [page for page in found if page is not None], True)

    @cached_property
    def channels(self):
        channels = []
        for child in self.page.channels.raw_data:
            value = child.get("value") or {}
            kind = value.get("kind")
            if kind not in ChannelType.values:
                continue
            channels.append(
                Channel(
                    kind=kind,
                    name=value.get("name") or "",
                    location=self._locations.get(value.get("location")),
                    address=value.get("address") or "",
                    hours=hours_from_raw(value.get("hours")),
                    appointment_required=bool(value.get("appointment_required")),
                    appointment_url=value.get("appointment_url") or "",
                    phone=value.get("phone") or "",
                    url=value.get("url") or "",
                    processing_time=value.get("processing_time") or "",
                    cost=_decimal(value.get("cost")),
                )
            )
        return channels

    @property
    def start_url(self):
        """Where the start button goes: the first online channel."""
        for child in self.page.channels.raw_data:
            value = child.get("value") or {}
            if value.get("kind") == ChannelType.ONLINE and value.get("url"):
                return value["url"]
        return ""

    # Export -----------------------------------------------------------------------------
    def plain_text(self):
        """Everything a citizen reads on the page, without markup, for the search index."""
        parts = [
            self.short_description.value,
            strip_tags(str(self.description.value)),
            strip_tags(str(self.additional_description.value)),
            strip_tags(str(self.exceptions.value)),
            strip_tags(str(self.local_conditions.value)),
            self.processing_time.value,
        ]
        for requirement in self.requirements.value:
            parts += [requirement["value"]["title"], requirement["value"]["description"]]
            parts += [e["title"] for e in requirement["value"]["evidence"]]
        for step in self.procedure.value:
            parts += [step["value"]["title"], step["value"]["description"]]
        return " ".join(part for part in parts if part)

    def to_json(self):
        costs = self.costs
        return {
            "local": sorted(
                fact.key
                for fact in (
                    self.short_description,
                    self.description,
                    self.exceptions,
                    self.requirements,
                    self.procedure,
                    self.processing_time,
                    costs,
                )
                if fact.local and fact.value
            ),
            "short_description": self.short_description.value,
            "description": str(self.description.value),
            "additional_description": str(self.additional_description.value),
            "exceptions": str(self.exceptions.value),
            "local_conditions": str(self.local_conditions.value),
            "requirements": self.requirements.value,
            "procedure": self.procedure.value,
            "processing_time": self.processing_time.value,
            "costs": [
                {
                    "title": c.title,
                    "amount": str(c.amount) if c.amount is not None else None,
                    "description": c.description,
                    "valid_from": c.valid_from.isoformat() if c.valid_from else None,
                }
                for c in costs.value.current + costs.value.upcoming
            ],
            "channels": [channel.to_json() for channel in self.channels],
            "locations": [page.url_path for page in self.locations.value],
            "themes": list(self.service.themes),
            "life_events": list(self.service.life_events),
            "audiences": list(self.service.audiences),
            "type": self.service.service_type,
        }
