from .accordion import AccordionBlock, AccordionItemBlock
from .body import BodyBlock
from .call_to_action import CallToActionBlock
from .callout import CalloutBlock
from .chooser import PageChooserBlock
from .contact_card import ContactCardBlock
from .document import DocumentBlock
from .heading import HeadingBlock
from .image import ImageBlock
from .link import LinkBlock, LinkValue, PageLinkBlock, WebLinkBlock
from .opening_hours import (
    ClosingDayBlock,
    OpeningHoursBlock,
    OpeningPeriodBlock,
    stream_data,
    weekly_hours,
)
from .opening_hours_card import OpeningHoursCardBlock
from .quote import QuoteBlock
from .related_links import RelatedLinksBlock
from .rich_text import INLINE_TEXT_FEATURES, RICH_TEXT_FEATURES, RichTextBlock
from .steps import StepBlock, StepsBlock
from .table import TableBlock
from .video import VideoBlock

__all__ = [
    "INLINE_TEXT_FEATURES",
    "RICH_TEXT_FEATURES",
    "AccordionBlock",
    "AccordionItemBlock",
    "BodyBlock",
    "CallToActionBlock",
    "CalloutBlock",
    "ClosingDayBlock",
    "ContactCardBlock",
    "DocumentBlock",
    "HeadingBlock",
    "ImageBlock",
    "LinkBlock",
    "LinkValue",
    "OpeningHoursBlock",
    "OpeningHoursCardBlock",
    "OpeningPeriodBlock",
    "PageChooserBlock",
    "PageLinkBlock",
    "QuoteBlock",
    "RelatedLinksBlock",
    "RichTextBlock",
    "StepBlock",
    "StepsBlock",
    "TableBlock",
    "VideoBlock",
    "WebLinkBlock",
    "stream_data",
    "weekly_hours",
]
