"""A call to action, the start button of a service: a link that looks like a button."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .link import LinkBlock, LinkValue


class CallToActionBlock(LinkBlock):
    text = blocks.CharBlock(
        label=_("Button text"),
        max_length=80,
        help_text=_("What the visitor does next, e.g. “Apply for a parking permit”."),
    )
    description = blocks.CharBlock(
        label=_("Short explanation"),
        required=False,
        max_length=200,
        help_text=_("Shown above the button, e.g. what to have at hand."),
    )

    text_required = True

    class Meta:
        icon = "arrow-right"
        label = _("Call to action")
        template = "components/call_to_action.html"
        preview_template = "components/_preview.html"
        value_class = LinkValue
        description = _(
            "A prominent start button that takes visitors to the next step, such as an online form."
        )
        preview_value = {
            "description": "Houd uw eID en kaartlezer of de app itsme bij de hand.",
            "text": "Vraag een bewonerskaart aan",
            "url": "https://www.example.org/bewonerskaart",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["href"] = value.href((parent_context or {}).get("request"))
        return context

    def get_api_representation(self, value, context=None):
        return {
            "text": value.label,
            "url": value.full_url(),
            "description": value.get("description", ""),
        }
