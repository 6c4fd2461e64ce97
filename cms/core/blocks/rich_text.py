"""Rich text: paragraphs with headings h2 to h4, lists, links and emphasis, nothing else."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.api.rich_text import APIRichText

from cms.core.validation import link_text_error, read_rich_text

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
# Inside a component (a step, a callout, an accordion panel): no headings of its own.
INLINE_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


def rich_text_api(value, context=None):
    """Rich text for the API: display HTML with real URLs, unless the client asks for
    another of Wagtail's formats with ``?rich_text_format=``."""
    request = context.get("request") if context else None
    requested = request.GET.get("rich_text_format") if request is not None else None
    text_format = APIRichText.resolve_format(requested or APIRichText.FORMAT_HTML)
    return APIRichText.serialize(value.source if value else "", format=text_format)


class RichTextBlock(blocks.RichTextBlock):
    """Text with the house rules: every link text says where it goes."""

    def __init__(self, features=None, **kwargs):
        super().__init__(features=features or RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "components/rich_text.html"
        preview_template = "components/_preview.html"
        description = _(
            "Paragraphs of text with headings (levels 2 to 4), lists, links, bold and italic."
        )
        preview_value = (
            "<h3>Afval buiten zetten</h3>"
            "<p>Zet uw afval <b>de avond voor</b> de ophaling buiten, vóór 6 uur 's ochtends.</p>"
            "<ul><li>Restafval in de grijze container</li><li>PMD in de blauwe zak</li></ul>"
            '<p>Bekijk de <a href="https://www.fostplus.be/nl">sorteerregels voor de '
            "blauwe zak</a>.</p>"
        )

    def clean(self, value):
        value = super().clean(value)
        _headings, links = read_rich_text(value.source)
        errors = [error for error in map(link_text_error, links) if error is not None]
        if errors:
            raise ValidationError(errors)
        return value

    def heading_outline(self, value):
        headings, _links = read_rich_text(value.source if value else "")
        return headings

    def get_api_representation(self, value, context=None):
        return rich_text_api(value, context)
