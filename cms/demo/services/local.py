"""Local variations on the local service pages, written as an editor of the municipality would: one
new revision per page, published. What each municipality writes (its prices, e-loket, desk habits,
opt-outs, its own costs and texts) is its profile: the ``[services]`` and ``[local.<identifier>]``
tables of data/municipalities/<slug>.toml; channel names and cost notes are in data/channels.toml.
Plausible, not the real tariffs.

Only an untouched page gets them: live, with no draft, no channels and no revision but the one the
catalogue sync made. A page anyone has worked on since (the demo itself, or an editor who
republished a page the demo opted out of) is left alone, so a second run changes nothing."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from django.db.models import Count
from wagtail.models import Revision

from cms.catalogue.models import LocalServicePage
from cms.catalogue.vocabularies import ChannelType
from cms.core.blocks import stream_data
from cms.core.opening_hours import WeeklyHours
from cms.locations.models import ContactPage, LocationPage

from ..datafiles import DATA_DIR, block, choice, data_files, html, load
from ..locations import RECYCLING, location_slugs
from ..users import ROLES, demo_user
from .regional import COST, REQUIREMENT, SPECS_BY_ID, TITLED, blocks, requirement

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
SERVICE = choice(*SPECS_BY_ID, what="a regional service (data/services/)")
DEFAULTS = {"eloket": "", "rises": (), "opt_out": (), "hours": None, "recycling_park_of": ""}
LOCAL_PAGE = {"costs": ([{**COST, "amount": ("money", True)}], False)}
LOCAL_PAGE.update(dict.fromkeys(("conditions", "description"), ("strings", False)))
LOCAL_PAGE.update(requirements=([REQUIREMENT], False), steps=([TITLED], False))
LOCAL_PAGE.update(processing_time=("str", False), eligibility=(["table"], False))
LOCAL_PAGES = dict.fromkeys(SPECS_BY_ID, (LOCAL_PAGE, False))
SCHEMA = {"services": (SERVICES, True), "local": (LOCAL_PAGES, False)}
# A local page's key: the page field it overrides, and its value from the checked one.
OVERRIDES = {
    "description": ("description_override", html),
    "requirements": ("requirements_override", lambda items: list(map(requirement, items))),
    "steps": ("procedure_override", lambda items: blocks("step", items)),
    "processing_time": ("processing_time_override", str),
    "eligibility": ("eligibility_local", lambda items: blocks("outcome", items)),
}
NAMED = (dict.fromkeys(("name", "processing_time"), ("str", True)), True)  # online, post
TEXTS = load(DATA_DIR / "channels.toml", {
    "desks": (dict.fromkeys(("hall", "library", "recycling"), ("str", True)), True),
    "online": NAMED, "phone": (dict.fromkeys(("city", "town"), ("str", True)), True), "post": NAMED,
    "costs": (dict.fromkeys(("no_tax", "tax", "rise"), ("str", True)), True),
})  # fmt: skip


def local_page(values):
    """What a municipality writes on the local page of one service: its costs (title,
    amount, description), its conditions (rich text) and the page fields it overrides."""
    costs = [(c["title"], c["amount"], c.get("description")) for c in values.get("costs", ())]
    overrides = {
        name: make(values[key]) for key, (name, make) in OVERRIDES.items() if key in values
    }
    conditions = html(values.get("conditions", ()))
    return SimpleNamespace(costs=costs, conditions=conditions, overrides=overrides)


def load_profile(path):
    """The profile in a municipality's data file: ``profile.eid``, ``profile.pages``..."""
    valid = load(path, SCHEMA, {"service": SERVICE}, part=True)
    pages = {key: local_page(values) for key, values in valid.get("local", {}).items()}
    return SimpleNamespace(**{**DEFAULTS, **valid["services"]}, pages=pages)


PROFILES = {path.stem: load_profile(path) for path in data_files("municipalities")}
DEFAULT_PROFILE = load_profile(DATA_DIR / "municipalities" / "_default.toml")
NO_LOCAL_PAGE = local_page({})
# A channel block's empty value, in the block's order of fields.
EMPTY_CHANNEL = {"name": "", "location": None, "address": "", "hours": []}
EMPTY_CHANNEL.update(appointment_required=False, appointment_url="", phone="", url="")
EMPTY_CHANNEL.update(processing_time="", cost=None)


def _money(value):
    return f"{Decimal(value):.2f}"


def tax_note(tax):
    costs = TEXTS["costs"]
    return costs["tax"].format(tax=_money(tax).replace(".", ",")) if tax else costs["no_tax"]


def cost(title, amount, description, valid_from=None):
    value = {"title": title, "amount": amount, "description": description}
    return block("cost", {**value, "valid_from": valid_from})


def channel(kind, **values):
    """A channel block's value: ``values`` on top of an empty channel of ``kind``."""
    return {"kind": str(kind), **EMPTY_CHANNEL, **values}


class LocalVariations:
    """Fills the untouched local service pages of one municipality."""

    def __init__(self, municipality, index_page, today):
        self.municipality = municipality
        self.index_page = index_page
        self.today = today
        self.profile = PROFILES.get(municipality.slug, DEFAULT_PROFILE)
        # The demo accounts, when setup_demo made them: the editor writes, the moderator
        # publishes (editors cannot publish).
        self.editor, self.moderator = (demo_user(role, municipality) for role in ROLES)
        self.locations = self._locations()

    def _locations(self):
        home = self.index_page.get_parent()
        contact = ContactPage.objects.child_of(home).first()
        if contact is None:
            return {}
        pages = {page.slug: page for page in LocationPage.objects.child_of(contact)}
        found = {key: pages.get(slug) for key, slug in location_slugs(self.municipality).items()}
        if found["recycling"] is None and self.profile.recycling_park_of:
            found["recycling"] = LocationPage.objects.filter(
                url_path__startswith=f"/{self.profile.recycling_park_of}/", slug=RECYCLING
            ).first()
        return {key: page for key, page in found.items() if page is not None}

    def run(self):
        """Returns the paths of the pages filled and of those unpublished (opted out)."""
        filled, opted_out = [], []
        pages = list(LocalServicePage.objects.child_of(self.index_page).select_related("service"))
        ids = [str(page.pk) for page in pages]
        query = Revision.page_revisions.filter(object_id__in=ids).order_by()
        revisions = dict(query.values_list("object_id").annotate(count=Count("pk")))
        for page in pages:
            spec = SPECS_BY_ID.get(page.service.identifier)
            touched = revisions.get(str(page.pk), 0) != 1 or page.has_unpublished_changes
            if spec is None or touched or not page.live or len(page.channels):
                continue
            if spec.identifier in self.profile.opt_out:
                page.unpublish(user=self.moderator)
                opted_out.append(page.url_path)
                continue
            self.fill(page, spec)
            page.save_revision(user=self.editor, log_action=True).publish(user=self.moderator)
            filled.append(page.url_path)
        return filled, opted_out

    def fill(self, page, spec):
        local = self.profile.pages.get(spec.identifier, NO_LOCAL_PAGE)
        page.channels = [block("channel", value) for value in self.channels(spec)]
        page.local_costs = self.costs(spec, local)
        location = self.locations.get(spec.channels.desk)
        if location is not None:
            page.locations = [block("location", location.pk)]
        page.local_conditions = local.conditions
        for name, value in local.overrides.items():
            setattr(page, name, value)

    def costs(self, spec, local):
        """The page's own costs, else the federal prices plus the municipality's tax; and the
        new price from next year where the council raised it."""
        rows = list(local.costs) or (self.surcharged(spec) if spec.surcharged else [])
        costs = [cost(title, amount, note or "") for title, amount, note in rows]
        next_year = dt.date(self.today.year + 1, 1, 1).isoformat()
        for rise in self.profile.rises:
            if rise["service"] == spec.identifier and costs:
                title, note = costs[0]["value"]["title"], TEXTS["costs"]["rise"]
                costs.append(cost(title, rise["amount"], note, next_year))
        return costs

    def surcharged(self, spec):
        """(title, amount, tax note) of the federal prices with the municipality's tax; the
        eID's first price is the municipality's own."""
        rows = []
        amounts = [item for item in spec.costs if item["amount"] is not None]
        for index, item in enumerate(amounts):
            federal = Decimal(item["amount"])
            price = federal + Decimal(self.profile.surcharge)
            if index == 0 and spec.identifier == "identiteitskaart":
                price = Decimal(self.profile.eid)
            rows.append((item["title"], _money(price), tax_note(price - federal)))
        return rows

    def channels(self, spec):
        m, profile, wanted = self.municipality, self.profile, spec.channels
        channels = [self.desk(wanted)] if wanted.desk else []
        if wanted.online_url:
            name, url = wanted.online_name, wanted.online_url
            channels.append(channel(ChannelType.ONLINE, name=name, url=url))
        elif wanted.online and profile.eloket:
            url = f"{profile.eloket}/{wanted.online}"
            channels.append(channel(ChannelType.ONLINE, url=url, **TEXTS["online"]))
        if wanted.phone:
            name = TEXTS["phone"]["city" if m.name.startswith("Stad ") else "town"]
            phone, hours = m.desk_phone or m.phone, stream_data(m.opening_hours)
            channels.append(channel(ChannelType.PHONE, name=name, phone=phone, hours=hours))
        if wanted.post or (wanted.online and not profile.eloket):
            post = TEXTS["post"]
            address = f"{m.name}\n{post['name']}\n{m.address}\n{m.postcode} {m.city}"
            channels.append(channel(ChannelType.POST, address=address, **post))
        return channels or [channel(ChannelType.PHONE, name=TEXTS["phone"]["town"], phone=m.phone)]

    def desk(self, wanted):
        m, profile = self.municipality, self.profile
        location = self.locations.get(wanted.desk) or self.locations.get("hall")
        appointment = wanted.appointment and profile.appointments
        hours = []
        if appointment and profile.hours and wanted.desk == "hall":
            closed = m.opening_hours.closed
            hours = stream_data(WeeklyHours.from_config(profile.hours, closed=closed))
        return channel(
            ChannelType.DESK,
            name=TEXTS["desks"][wanted.desk],
            location=location.pk if location else None,
            address="" if location else m.desk_address or f"{m.address}, {m.postcode} {m.city}",
            hours=hours,
            appointment_required=appointment,
            appointment_url=(m.desk_appointment_url or m.website) if appointment else "",
            phone=m.desk_phone if wanted.desk == "hall" else "",
        )
