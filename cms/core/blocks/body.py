"""The page body: every shared component, in the order editors reach for them."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.core.validation import heading_order_errors

from .accordion import AccordionBlock
from .call_to_action import CallToActionBlock
from .callout import CalloutBlock
from .contact_card import ContactCardBlock
from .document import DocumentBlock
from .heading import HeadingBlock
from .image import ImageBlock
from .opening_hours_card import OpeningHoursCardBlock
from .quote import QuoteBlock
from .related_links import RelatedLinksBlock
from .rich_text import RichTextBlock
from .steps import StepsBlock
from .table import TableBlock
from .video import VideoBlock


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = RichTextBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    callout = CalloutBlock()
    steps = StepsBlock()
    accordion = AccordionBlock()
    table = TableBlock()
    quote = QuoteBlock()
    contact = ContactCardBlock()
    opening_hours = OpeningHoursCardBlock()
    document = DocumentBlock()
    video = VideoBlock()
    related_links = RelatedLinksBlock()

    class Meta:
        label = _("Body")

    def heading_outline(self, value):
        """Every heading of the body in reading order, inside rich text too."""
        return [
            heading
            for child in value or ()
            if hasattr(child.block, "heading_outline")
            for heading in child.block.heading_outline(child.value)
        ]

    def clean(self, value):
        """The components one by one, then the body as a whole: the headings under the
        page title (level 1) may not skip a level. All problems are reported at once."""
        outline_errors = heading_order_errors(self.heading_outline(value))
        try:
            cleaned = super().clean(value)
        except blocks.StreamBlockValidationError as error:
            if outline_errors:
                raise blocks.StreamBlockValidationError(
                    block_errors=error.block_errors,
                    non_block_errors=[*error.non_block_errors.as_data(), *outline_errors],
                ) from error
            raise
        if outline_errors:
            raise blocks.StreamBlockValidationError(non_block_errors=outline_errors)
        return cleaned
