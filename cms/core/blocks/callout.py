"""A callout: information or a warning set apart from the text, with a visible label so
its kind is never conveyed by colour alone."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks

from .rich_text import INLINE_TEXT_FEATURES, RichTextBlock, rich_text_api

# The visible label of each kind ("Info", "Let op" in Dutch).
KINDS = {
    "info": pgettext_lazy("callout label", "Info"),
    "warning": pgettext_lazy("callout label", "Warning"),
}


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Information")), ("warning", _("Warning"))],
        default="info",
    )
    text = RichTextBlock(label=_("Text"), features=INLINE_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "components/callout.html"
        preview_template = "components/_preview.html"
        description = _(
            "Information or a warning that stands out from the text, labelled “Info” or “Warning”."
        )
        preview_value = {
            "kind": "warning",
            "text": "<p>Het containerpark is gesloten op <b>zaterdag 11 juli</b>.</p>",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["kind_label"] = KINDS.get(value.get("kind"), KINDS["info"])
        return context

    def get_api_representation(self, value, context=None):
        kind = value.get("kind") or "info"
        return {
            "kind": kind,
            "label": str(KINDS.get(kind, KINDS["info"])),
            "text": rich_text_api(value.get("text"), context),
        }
