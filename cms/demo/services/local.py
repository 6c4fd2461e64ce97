"""Local variations on the local service pages, written as an editor of the municipality
would: one new revision per page, published.

Only an untouched page gets them: live, with no draft, no channels and no revision but the
one the catalogue sync made. A page anyone has worked on since (the demo itself, or an
editor who republished a page the demo opted out of) is left alone, so a second run
changes nothing.
"""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count
from wagtail.models import Revision

from cms.catalogue.models import LocalServicePage
from cms.catalogue.vocabularies import ChannelType
from cms.core.blocks import stream_data
from cms.core.opening_hours import WeeklyHours
from cms.locations.models import ContactPage, LocationPage

from ..datafiles import block
from ..locations import town_hall_slug
from .profiles import DEFAULT_PROFILE, PROFILES, LocalPage

DESK_NAMES = {
    "hall": "Balie Burgerzaken",
    "library": "Balie van de bibliotheek",
    "recycling": "Recyclagepark",
}


RISE = "Nieuw tarief, beslist door de gemeenteraad."


def _money(value):
    return f"{Decimal(value):.2f}"


class LocalVariations:
    """Fills the untouched local service pages of one municipality."""

    def __init__(self, municipality, index_page, today, specs):
        self.municipality = municipality
        self.index_page = index_page
        self.today = today
        self.specs = specs
        self.profile = PROFILES.get(municipality.slug, DEFAULT_PROFILE)
        # The demo accounts, when setup_demo made them: the editor writes, the moderator
        # publishes (editors cannot publish).
        self.editor, self.moderator = (
            get_user_model().objects.filter(username=f"{role}-{municipality.slug}").first()
            for role in ("editor", "moderator")
        )
        self.locations = self._locations()

    def _locations(self):
        home = self.index_page.get_parent()
        contact = ContactPage.objects.child_of(home).first()
        if contact is None:
            return {}
        pages = {page.slug: page for page in LocationPage.objects.child_of(contact)}
        found = {
            "hall": pages.get(town_hall_slug(self.municipality)),
            "library": pages.get("bibliotheek"),
            "recycling": pages.get("recyclagepark"),
        }
        if found["recycling"] is None and self.profile.recycling_park_of:
            found["recycling"] = LocationPage.objects.filter(
                url_path__startswith=f"/{self.profile.recycling_park_of}/", slug="recyclagepark"
            ).first()
        return {key: page for key, page in found.items() if page is not None}

    def run(self):
        """Returns the paths of the pages filled and of those unpublished (opted out)."""
        filled, opted_out = [], []
        pages = list(LocalServicePage.objects.child_of(self.index_page).select_related("service"))
        revisions = dict(
            Revision.page_revisions.filter(object_id__in=[str(page.pk) for page in pages])
            .order_by()
            .values_list("object_id")
            .annotate(count=Count("pk"))
        )
        for page in pages:
            spec = self.specs.get(page.service.identifier)
            if spec is None or not self.untouched(page, revisions.get(str(page.pk), 0)):
                continue
            if spec.identifier in self.profile.opt_out:
                page.unpublish(user=self.moderator)
                opted_out.append(page.url_path)
                continue
            self.fill(page, spec)
            revision = page.save_revision(user=self.editor, log_action=True)
            revision.publish(user=self.moderator)
            filled.append(page.url_path)
        return filled, opted_out

    @staticmethod
    def untouched(page, revisions):
        return (
            revisions == 1
            and page.live
            and not page.has_unpublished_changes
            and not len(page.channels)
        )

    def fill(self, page, spec):
        local = self.profile.pages.get(spec.identifier, LocalPage())
        page.channels = self.channels(spec)
        page.local_costs = self.costs(spec, local)
        location = self.locations.get(spec.channels.desk)
        if location is not None:
            page.locations = [block("location", location.pk)]
        page.local_conditions = local.conditions
        for name, value in local.overrides.items():
            setattr(page, name, value)

    # Costs ------------------------------------------------------------------------------
    def costs(self, spec, local):
        if local.costs:
            rows = list(local.costs)
        elif spec.surcharged:
            surcharge = Decimal(self.profile.surcharge)
            rows = [
                (cost["title"], Decimal(cost["amount"]), Decimal(cost["amount"]) + surcharge)
                for cost in spec.costs
                if cost["amount"] is not None
            ]
            if spec.identifier == "identiteitskaart" and rows:
                rows[0] = (rows[0][0], rows[0][1], Decimal(self.profile.eid))
            rows = [
                (title, _money(local), self.tax_note(local - federal))
                for title, federal, local in rows
            ]
        else:
            rows = []
        costs = [
            block(
                "cost",
                {"title": title, "amount": amount, "description": text or "", "valid_from": None},
            )
            for title, amount, text in rows
        ]
        next_year = dt.date(self.today.year + 1, 1, 1).isoformat()
        for rise in self.profile.rises:
            if rise["service"] == spec.identifier and costs:
                value = {**costs[0]["value"], "amount": rise["amount"], "description": RISE}
                costs.append(block("cost", {**value, "valid_from": next_year}))
        return costs

    @staticmethod
    def tax_note(tax):
        if not tax:
            return "Zonder gemeentebelasting."
        return f"Inclusief {_money(tax).replace('.', ',')} euro gemeentebelasting."

    # Channels ---------------------------------------------------------------------------
    def channels(self, spec):
        m, profile, wanted = self.municipality, self.profile, spec.channels
        channels = []
        if wanted.desk:
            channels.append(self.desk(wanted))
        if wanted.online_url:
            channels.append(
                self.channel(ChannelType.ONLINE, name=wanted.online_name, url=wanted.online_url)
            )
        elif wanted.online and profile.eloket:
            channels.append(
                self.channel(
                    ChannelType.ONLINE,
                    name="E-loket",
                    url=f"{profile.eloket}/{wanted.online}",
                    processing_time="U krijgt een bevestiging per e-mail.",
                )
            )
        if wanted.phone:
            channels.append(
                self.channel(
                    ChannelType.PHONE,
                    name="Contactcenter" if m.name.startswith("Stad ") else "Onthaal",
                    phone=m.desk_phone or m.phone,
                    hours=stream_data(m.opening_hours),
                )
            )
        if wanted.post or (wanted.online and not profile.eloket):
            channels.append(
                self.channel(
                    ChannelType.POST,
                    name="Dienst Burgerzaken",
                    address=f"{m.name}\nDienst Burgerzaken\n{m.address}\n{m.postcode} {m.city}",
                    processing_time="Binnen vijf werkdagen in uw brievenbus.",
                )
            )
        if not channels:
            channels.append(self.channel(ChannelType.PHONE, name="Onthaal", phone=m.phone))
        return [block("channel", channel) for channel in channels]

    def desk(self, wanted):
        m, profile = self.municipality, self.profile
        location = self.locations.get(wanted.desk) or self.locations.get("hall")
        appointment = wanted.appointment and profile.appointments
        hours = []
        if appointment and profile.hours and wanted.desk == "hall":
            hours = stream_data(
                WeeklyHours.from_config(profile.hours, closed=m.opening_hours.closed)
            )
        return self.channel(
            ChannelType.DESK,
            name=DESK_NAMES.get(wanted.desk, DESK_NAMES["hall"]),
            location=location.pk if location else None,
            address="" if location else m.desk_address or f"{m.address}, {m.postcode} {m.city}",
            hours=hours,
            appointment_required=appointment,
            appointment_url=(m.desk_appointment_url or m.website) if appointment else "",
            phone=m.desk_phone if wanted.desk == "hall" else "",
        )

    @staticmethod
    def channel(kind, **values):
        return {
            "kind": str(kind),
            "name": "",
            "location": None,
            "address": "",
            "hours": [],
            "appointment_required": False,
            "appointment_url": "",
            "phone": "",
            "url": "",
            "processing_time": "",
            "cost": None,
            **values,
        }
