"""A document to download; the link says the file type and size, e.g.
“Reglement (PDF, 240 kB)”."""

import math

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from .samples import sample_document


def file_size_label(size):
    """``240_123`` -> ``"241 kB"``, ``1_234_567`` -> ``"1,2 MB"`` (in the active language)."""
    if size is None:
        return ""
    if size < 1_000_000:
        return f"{max(1, math.ceil(size / 1000))} kB"
    return f"{number_format(size / 1_000_000, 1)} MB"


def file_type_label(document):
    return document.file_extension.upper() or "?"


def _preview():
    return {
        "document": sample_document(),
        "title": "Politiereglement op het gebruik van de openbare weg",
        "description": "Goedgekeurd door de gemeenteraad op 16 maart 2026.",
    }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=120,
        help_text=_("Leave empty to use the document's title. File type and size are added."),
    )
    description = blocks.CharBlock(label=_("Short description"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "components/document.html"
        preview_template = "components/_preview.html"
        description = _("A file to download, with its type and size in the link.")
        preview_value = staticmethod(_preview)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        document = value.get("document")
        if document is not None:
            context["label"] = value.get("title") or document.title
            context["file_type"] = file_type_label(document)
            context["file_size"] = file_size_label(document.get_file_size())
        return context

    def get_api_representation(self, value, context=None):
        document = value.get("document")
        if document is None:
            return None
        request = (context or {}).get("request")
        url = document.url
        return {
            "title": value.get("title") or document.title,
            "url": request.build_absolute_uri(url) if request is not None else url,
            "file_type": file_type_label(document),
            "file_size": document.get_file_size(),
            "description": value.get("description", ""),
        }
