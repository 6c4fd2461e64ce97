"""A quotation with who said it and, optionally, where."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"), max_length=600)
    author = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)
    source = blocks.CharBlock(
        label=_("Source"),
        required=False,
        max_length=200,
        help_text=_("The title of the article, report or speech it comes from."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/quote.html"
        preview_template = "components/_preview.html"
        description = _("A quotation with the name of the person who said it.")
        preview_value = {
            "text": "Dankzij de nieuwe fietsstraat rijden onze kinderen veilig naar school.",
            "author": "Els Vandenberghe, ouder",
            "source": "Bewonersbevraging mobiliteit 2025",
        }

    def get_api_representation(self, value, context=None):
        return {
            "text": value.get("text", ""),
            "author": value.get("author", ""),
            "source": value.get("source", ""),
        }
