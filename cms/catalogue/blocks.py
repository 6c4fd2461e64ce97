"""The catalogue's structured facts, as blocks stored in the service's own row.

Requirements, steps, costs, channels and the like are lists that would each need a join
(and a query) as related models; as StreamField blocks a service of any size is read in
one row. They are data, rendered by the service page template as a whole, not body
components.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.core.blocks import OpeningHoursBlock

from .vocabularies import ChannelType


class TitledLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(label=_("Address (URL)"))

    class Meta:
        icon = "link"
        label = _("Link")


class EvidenceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("What to bring"), max_length=200)
    description = blocks.TextBlock(label=_("Details"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Supporting evidence")


class RequirementBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Requirement"), max_length=200)
    description = blocks.TextBlock(label=_("Details"), required=False)
    evidence = blocks.ListBlock(EvidenceBlock(), label=_("What to bring"), default=[])

    class Meta:
        icon = "tick"
        label = _("Requirement")


class ProcedureStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=200)
    description = blocks.TextBlock(label=_("Details"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Procedure step")


class CostBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("What for"), max_length=200)
    amount = blocks.DecimalBlock(
        label=_("Amount in euro"),
        min_value=Decimal(0),
        max_digits=8,
        decimal_places=2,
        required=False,
        help_text=_("Leave empty when it is free or depends on the case."),
    )
    description = blocks.TextBlock(label=_("Details"), required=False)

    class Meta:
        icon = "tag"
        label = _("Cost")


class LocalCostBlock(CostBlock):
    valid_from = blocks.DateBlock(
        label=_("Applies from"),
        required=False,
        help_text=_("The date this amount applies from; empty when it already applies."),
    )

    class Meta:
        icon = "tag"
        label = _("Local cost")


class FinancialAdvantageBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Advantage"), max_length=200)
    description = blocks.TextBlock(label=_("Details"), required=False)

    class Meta:
        icon = "pick"
        label = _("Financial advantage")


class LocationChooserBlock(blocks.PageChooserBlock):
    def __init__(self, **kwargs):
        super().__init__(page_type="locations.LocationPage", label=_("Location"), **kwargs)

    class Meta:
        icon = "site"


class PhoneBlock(blocks.CharBlock):
    """A phone number: the same in every language, so wagtail-localize keeps it in sync
    with the source page rather than offering it for translation (as it does for URLs)."""

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class ChannelBlock(blocks.StructBlock):
    """One way to get the service: at a desk, by phone, online or by post."""

    kind = blocks.ChoiceBlock(label=_("Channel"), choices=ChannelType.choices)
    name = blocks.CharBlock(
        label=_("Name"),
        max_length=120,
        required=False,
        help_text=_('For example "Balie Burgerzaken" or "E-loket".'),
    )
    location = blocks.PageChooserBlock(
        label=_("Location"),
        page_type="locations.LocationPage",
        required=False,
        help_text=_("Where to go: its address and hours come from the location page."),
    )
    address = blocks.TextBlock(label=_("Postal address"), required=False)
    hours = OpeningHoursBlock(
        label=_("Opening hours"),
        required=False,
        help_text=_("This channel's own hours; empty means the location's hours."),
    )
    appointment_required = blocks.BooleanBlock(label=_("By appointment only"), required=False)
    appointment_url = blocks.URLBlock(label=_("Book an appointment at"), required=False)
    phone = PhoneBlock(label=_("Phone number"), max_length=40, required=False)
    url = blocks.URLBlock(label=_("Apply online at"), required=False)
    processing_time = blocks.CharBlock(label=_("Processing time"), max_length=120, required=False)
    cost = blocks.DecimalBlock(
        label=_("Cost through this channel, in euro"),
        min_value=Decimal(0),
        max_digits=8,
        decimal_places=2,
        required=False,
        help_text=_("Only when it differs from the service's cost."),
    )

    class Meta:
        icon = "site"
        label = _("Channel")

    NEEDS = {
        ChannelType.ONLINE: ("url", _("An online channel needs the address to apply at.")),
        ChannelType.PHONE: ("phone", _("A phone channel needs a phone number.")),
        ChannelType.POST: ("address", _("A postal channel needs the address to write to.")),
    }

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        need = self.NEEDS.get(value["kind"])
        if need and not value[need[0]]:
            errors[need[0]] = ValidationError(need[1])
        if value["kind"] == ChannelType.DESK and not (value["location"] or value["address"]):
            errors["location"] = ValidationError(
                _("A desk channel needs a location or an address.")
            )
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value
