"""An image with alternative text (or marked decorative), a caption and responsive
renditions in AVIF and WebP with a JPEG fallback."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from ..uploads import rendition_or_none, renditions_or_none
from .samples import sample_image

WIDTHS = (480, 800, 1200)
# Newest first: the browser takes the first <source> it supports; the last is the <img>.
FORMATS = (("avif", "image/avif"), ("webp", "image/webp"), ("jpeg", "image/jpeg"))
SIZES = "(min-width: 52rem) 50rem, 100vw"


def responsive_image(image, widths=WIDTHS, formats=FORMATS):
    """The ``<picture>`` of ``image``: a ``<source>`` per modern format and the fallback
    ``<img>``, each with a width variant per size that the original can give without
    being enlarged. All renditions are fetched (or made) at once; None when the original
    is missing or damaged (cms/core/uploads/renditions.py)."""
    usable = sorted({min(width, image.width) for width in widths})
    specs = {
        (fmt, width): f"width-{width}|format-{fmt}" for fmt, _type in formats for width in usable
    }
    renditions = renditions_or_none(image, *specs.values())
    if renditions is None:
        return None

    def srcset(fmt):
        return ", ".join(
            f"{renditions[specs[fmt, width]].url} {renditions[specs[fmt, width]].width}w"
            for width in usable
        )

    *sources, (fallback_format, _type) = formats
    fallback = renditions[specs[fallback_format, usable[-1]]]
    return {
        "sources": [{"type": mime, "srcset": srcset(fmt)} for fmt, mime in sources],
        "src": fallback.url,
        "srcset": srcset(fallback_format),
        "width": fallback.width,
        "height": fallback.height,
        "sizes": SIZES,
    }


def _preview():
    return {
        "image": sample_image(),
        "alt_text": "Getekend landschap: groene heuvels onder een blauwe lucht, met een zon.",
        "decorative": False,
        "caption": "Een voorbeeldafbeelding, getekend voor de componentenbibliotheek.",
    }


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_(
            "What the image shows, for people who cannot see it. Leave empty only if the "
            "image is decorative."
        ),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative"),
        required=False,
        help_text=_("The image adds no information: screen readers skip it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/image.html"
        preview_template = "components/_preview.html"
        description = _(
            "A photo or illustration with a text alternative and an optional caption. "
            "Visitors get a size and file format that suits their screen."
        )
        preview_value = staticmethod(_preview)

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not value.get("decorative") and not value.get("alt_text"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _(
                            "Describe the image for people who cannot see it, or mark it as "
                            "decorative if it adds no information."
                        ),
                        code="no_alt_text",
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        image = value.get("image")
        context["picture"] = responsive_image(image) if image else None
        context["alt"] = "" if value.get("decorative") else value.get("alt_text", "")
        return context

    def get_api_representation(self, value, context=None):
        image = value.get("image")
        if image is None:
            return None
        rendition = rendition_or_none(image, f"width-{min(WIDTHS[-1], image.width)}")
        if rendition is None:
            return None
        return {
            "id": image.pk,
            "url": rendition.full_url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": "" if value.get("decorative") else value.get("alt_text", ""),
            "decorative": bool(value.get("decorative")),
            "caption": value.get("caption", ""),
        }
