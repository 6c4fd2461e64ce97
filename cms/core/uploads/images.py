"""The image upload form: before anything is stored, the file is checked from its bytes up.

Wagtail's own field opens the file with Willow, whose Pillow loader decodes the whole image
before the pixel limit is compared, and lets a decoder's error (a truncated JPEG) escape as
a server error. Here the order is: size in bytes, extension, markup (HTML, SVG, script,
polyglots), the real format against the extension, the pixel count declared in the header
(every frame counted, nothing decoded yet), then one full decode of every frame. Only a
file that passes all of them reaches Wagtail's field and the database.
"""

import os
from io import BytesIO

from django.core.exceptions import ValidationError
from django.forms.fields import FileField
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .sniff import hides_markup

# The Pillow format each allowed extension must hold.
PILLOW_FORMATS = {
    "avif": "AVIF",
    "gif": "GIF",
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "png": "PNG",
    "webp": "WEBP",
}
_PNG_END = b"IEND\xaeB`\x82"


class VerifiedImageField(WagtailImageField):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["image_markup"] = _(
            "This file contains HTML, SVG or script, so it is not just an image. Choose a "
            "photo or illustration in one of the supported formats."
        )
        self.error_messages["image_damaged"] = _(
            "This image is damaged or incomplete and cannot be read. Save it again in an "
            "image editor and upload it once more."
        )
        self.error_messages["image_trailing_data"] = _(
            "This image has other data attached after its end. Save it again in an image "
            "editor and upload it once more."
        )

    def to_python(self, data):
        f = FileField.to_python(self, data)
        if f is None:
            return None
        self.check_image_file_size(f)  # from the upload's size: nothing read yet
        extension = os.path.splitext(f.name)[1].lower()[1:]
        if extension not in self.allowed_image_extensions:
            raise ValidationError(
                self.error_messages["invalid_image_extension"], code="invalid_image_extension"
            )
        self.inspect(_read(data), extension)
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # any decoder error means a damaged file
            raise self._error("image_damaged") from error

    def inspect(self, content, extension):
        """Refuse ``content`` unless it is one image, in the format its extension says,
        within the pixel limit, and decodes completely."""
        if hides_markup(content):
            raise self._error("image_markup")
        try:
            with PILImage.open(BytesIO(content)) as image:
                found, (width, height) = image.format, image.size
                frames = getattr(image, "n_frames", 1)  # skips through frames, no decoding
        except PILImage.DecompressionBombError as error:
            raise self._too_many_pixels(_("unknown number")) from error
        except PILImage.UnidentifiedImageError as error:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error
        except Exception as error:  # a header a decoder chokes on
            raise self._error("image_damaged") from error
        expected = PILLOW_FORMATS.get(extension)
        if expected and found != expected:
            raise ValidationError(
                self.error_messages["invalid_image_known_format"]
                % {"extension": extension, "image_format": found.lower()},
                code="invalid_image_known_format",
            )
        if self.max_image_pixels and width * height * frames > self.max_image_pixels:
            raise self._too_many_pixels(width * height * frames)
        try:
            with PILImage.open(BytesIO(content)) as image:
                image.verify()  # checksums (PNG chunk CRCs) and structure
            with PILImage.open(BytesIO(content)) as image:
                for frame in range(frames):
                    image.seek(frame)
                    image.load()
        except Exception as error:  # truncated data, bad checksums, bad codes
            raise self._error("image_damaged") from error
        if found == "PNG" and not content.endswith(_PNG_END):
            raise self._error("image_trailing_data")  # e.g. a PNG that is also a ZIP archive

    def _error(self, code):
        return ValidationError(self.error_messages[code], code=code)

    def _too_many_pixels(self, count):
        return ValidationError(
            self.error_messages["file_too_many_pixels"]
            % {"num_pixels": count, "max_pixels_count": self.max_image_pixels},
            code="file_too_many_pixels",
        )


def _read(data):
    """The whole upload (already known to be within the size limit), left rewound."""
    data.seek(0)
    content = data.read()
    data.seek(0)
    return content


class ImageForm(BaseImageForm):
    """Wagtail's image form with the file field replaced by ``VerifiedImageField``: the
    single and multiple upload views and the chooser's upload all build on it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, VerifiedImageField):
            self.fields["file"] = VerifiedImageField(
                label=field.label, required=field.required, widget=field.widget
            )
