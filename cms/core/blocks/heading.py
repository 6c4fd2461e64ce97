"""A heading of level 2, 3 or 4 that structures the body under the page title."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.core.validation import Heading


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
        help_text=_(
            "The page title is level 1. Start with level 2 and go at most one level "
            "deeper at a time."
        ),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/heading.html"
        preview_template = "components/_preview.html"
        description = _("A heading that starts a new section of the page.")
        preview_value = {"text": "Wat heeft u nodig?", "level": "h3"}

    def heading_outline(self, value):
        if not value or not value.get("text"):
            return []
        return [Heading(level_number(value), value["text"])]

    def get_api_representation(self, value, context=None):
        return {"text": value["text"], "level": level_number(value)}


def level_number(value):
    """``"h3"`` -> ``3``."""
    return int((value.get("level") or "h2")[1:])
