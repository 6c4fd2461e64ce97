"""Step by step: an ordered list of steps, each with a title and a short text."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .rich_text import INLINE_TEXT_FEATURES, RichTextBlock, rich_text_api


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = RichTextBlock(label=_("Text"), features=INLINE_TEXT_FEATURES, required=False)

    class Meta:
        icon = "list-ol"
        label = _("Step")


class StepsBlock(blocks.StructBlock):
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"), min_num=2)

    class Meta:
        icon = "list-ol"
        label = _("Step by step")
        template = "components/steps.html"
        preview_template = "components/_preview.html"
        description = _("The steps of a procedure in order, each with a title and a short text.")
        preview_value = {
            "steps": [
                {
                    "title": "Vraag uw kaart online aan",
                    "text": "<p>Log in met uw eID of itsme en vul het formulier in.</p>",
                },
                {
                    "title": "Betaal de retributie",
                    "text": "<p>U betaalt online met Bancontact of met een overschrijving.</p>",
                },
                {
                    "title": "Haal uw kaart af",
                    "text": "<p>U krijgt een e-mail zodra uw kaart klaarligt aan het loket.</p>",
                },
            ]
        }

    def get_api_representation(self, value, context=None):
        return {
            "steps": [
                {"title": step["title"], "text": rich_text_api(step["text"], context)}
                for step in value["steps"]
            ]
        }
