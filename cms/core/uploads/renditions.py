"""Renditions of an image whose stored file may be missing or damaged.

Wagtail turns a missing file into ``SourceImageIOError`` and its ``{% image %}`` tag shows a
placeholder for it; a damaged file (truncated, bad checksums) raises the decoder's own error
instead, which nothing catches. The components call these instead of ``get_rendition(s)``:
an image that cannot be rendered is left out of the page and logged, never a server error.
"""

import logging
import struct

from PIL import Image as PILImage

logger = logging.getLogger(__name__)

# What reading a missing or damaged original raises (SourceImageIOError is an OSError).
UNREADABLE = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    struct.error,
    PILImage.DecompressionBombError,
)


def renditions_or_none(image, *specs):
    """``image.get_renditions(*specs)``, or None when the original cannot be read."""
    try:
        return image.get_renditions(*specs)
    except UNREADABLE:
        logger.warning(
            "Image %s (%s) cannot be rendered: its file is missing or damaged.",
            image.pk,
            image.file.name,
            exc_info=True,
        )
        return None


def rendition_or_none(image, spec):
    """One rendition of ``image``, or None when the original cannot be read."""
    renditions = renditions_or_none(image, spec)
    return None if renditions is None else renditions[spec]
