from .body import RICH_TEXT_FEATURES, BodyBlock
from .heading import HeadingBlock
from .image import ImageBlock
from .opening_hours import (
    ClosingDayBlock,
    OpeningHoursBlock,
    OpeningPeriodBlock,
    stream_data,
    weekly_hours,
)

__all__ = [
    "RICH_TEXT_FEATURES",
    "BodyBlock",
    "ClosingDayBlock",
    "HeadingBlock",
    "ImageBlock",
    "OpeningHoursBlock",
    "OpeningPeriodBlock",
    "stream_data",
    "weekly_hours",
]
