from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .heading import HeadingBlock
from .image import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="components/rich_text.html"
    )
    image = ImageBlock()

    class Meta:
        label = _("Body")
