"""The document upload form: a document must be what its extension says.

PDF, ZIP and the office formats are recognised by their signatures (for the office formats
the archive's table of contents, nothing extracted); a document of any type that starts
with HTML, SVG or XML is refused. A text or CSV file may contain markup further on: it is
served as a download with nosniff (cms/core/headers.py), never shown as a page.
"""

import os

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from .sniff import matches_extension, starts_with_markup


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not isinstance(file, UploadedFile):
            return file  # no new upload: the stored file stays
        extension = os.path.splitext(file.name)[1].lower()[1:]
        file.seek(0)
        head = file.read(1024)
        file.seek(0)
        if starts_with_markup(head):
            raise ValidationError(
                _(
                    "This document starts with HTML, SVG or XML code; such files are not "
                    "accepted. Convert it to PDF and upload it again."
                ),
                code="document_markup",
            )
        if not matches_extension(file, extension):
            raise ValidationError(
                _(
                    "The content of this file does not match its extension .%(extension)s. "
                    "Save it again in the right format or give it the right extension."
                ),
                code="document_type_mismatch",
                params={"extension": extension},
            )
        return file

    def _post_clean(self):
        # A refused file leaves the instance without one; Wagtail's Document.clean() then adds
        # "extension '' is not allowed" under the real message. Keep the field's own errors.
        refused = len(self.errors.get("file", ()))
        super()._post_clean()
        if refused:
            del self.errors["file"][refused:]
