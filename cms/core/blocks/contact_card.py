"""A contact card: who to contact, by phone, e-mail or at which address, and when."""

import re

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

PHONE = RegexValidator(
    r"^\+?[0-9][0-9 ./-]{5,}$",
    _("Enter a phone number such as 056 27 00 00 or +32 56 27 00 00."),
)


def tel_href(phone):
    """``"056 27 00 00"`` -> ``"tel:+3256270000"`` (Belgian numbers get the country code)."""
    digits = re.sub(r"[^0-9+]", "", (phone or "").replace("(0)", ""))
    if digits.startswith("0") and not digits.startswith("00"):
        digits = "+32" + digits[1:]
    return f"tel:{digits}" if digits else ""


class ContactCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        label=_("Name"), max_length=120, help_text=_("A service, a desk or a person.")
    )
    phone = blocks.CharBlock(label=_("Phone"), required=False, max_length=32, validators=[PHONE])
    email = blocks.EmailBlock(label=_("E-mail"), required=False)
    address = blocks.TextBlock(label=_("Address"), required=False, max_length=300)
    hours_page = blocks.PageChooserBlock(
        label=_("Opening hours"),
        required=False,
        help_text=_("The page with the opening hours, e.g. the location's page."),
    )

    class Meta:
        icon = "user"
        label = _("Contact card")
        template = "components/contact_card.html"
        preview_template = "components/_preview.html"
        description = _("How to reach a service: phone, e-mail, address and opening hours.")
        preview_value = {
            "name": "Dienst Burgerzaken",
            "phone": "056 27 00 00",
            "email": "burgerzaken@example.org",
            "address": "Grote Markt 54\n8500 Kortrijk",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = value.get("hours_page")
        request = (parent_context or {}).get("request")
        context["tel"] = tel_href(value.get("phone"))
        context["hours_url"] = page.get_url(request) if page is not None and page.live else None
        return context

    def get_api_representation(self, value, context=None):
        page = value.get("hours_page")
        return {
            "name": value.get("name", ""),
            "phone": value.get("phone", ""),
            "email": value.get("email", ""),
            "address": value.get("address", ""),
            "hours_url": page.get_full_url() if page is not None and page.live else None,
        }
