"""A data table with a caption and header cells: every column has a heading (the first
row), and the first column can hold row headings."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import (
    TypedTableBlock,
    TypedTableBlockValidationError,
)

from .rich_text import RichTextBlock, rich_text_api

CELL_TEXT_FEATURES = ["bold", "italic", "link", "document-link"]


def _preview():
    return {
        "table": {
            "caption": "Tarieven bewonerskaart",
            "columns": [
                {"type": "text", "heading": "Kaart"},
                {"type": "number", "heading": "Prijs per jaar"},
            ],
            "rows": [
                {"values": ["Eerste wagen", "€ 25"]},
                {"values": ["Tweede wagen", "€ 100"]},
                {"values": ["Zorgverlener", "gratis"]},
            ],
        },
        "row_headers": True,
    }


class TableBlock(blocks.StructBlock):
    table = TypedTableBlock(
        [
            ("text", blocks.CharBlock(label=_("Text"), required=False)),
            ("number", blocks.CharBlock(label=_("Number or amount"), required=False)),
            (
                "rich_text",
                RichTextBlock(
                    label=_("Text with links"), features=CELL_TEXT_FEATURES, required=False
                ),
            ),
        ],
        label=_("Table"),
        help_text=_(
            "Give the table a caption and every column a heading; they are read out to "
            "people who cannot see the table."
        ),
    )
    row_headers = blocks.BooleanBlock(
        label=_("The first column holds row headings"),
        required=False,
        default=False,
    )

    class Meta:
        icon = "table"
        label = _("Table")
        template = "components/table.html"
        preview_template = "components/_preview.html"
        description = _("Data in rows and columns, with a caption and column headings.")
        preview_value = staticmethod(_preview)

    def clean(self, value):
        value = super().clean(value)
        table = value["table"]
        errors = []
        if not (table.caption or "").strip():
            errors.append(
                ValidationError(
                    _("Give the table a caption that says what it shows."), code="no_caption"
                )
            )
        if not table.columns:
            errors.append(ValidationError(_("Add at least one column."), code="no_columns"))
        elif any(not (column["heading"] or "").strip() for column in table.columns):
            errors.append(
                ValidationError(
                    _("Give every column a heading: the headings are the table's header cells."),
                    code="no_column_heading",
                )
            )
        if not table.row_data:
            errors.append(ValidationError(_("Add at least one row."), code="no_rows"))
        if errors:
            raise blocks.StructBlockValidationError(
                block_errors={"table": TypedTableBlockValidationError(non_block_errors=errors)}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        table = value["table"]
        types = [column["block"].name for column in table.columns]
        context["columns"] = [
            {"heading": column["heading"], "type": kind}
            for column, kind in zip(table.columns, types, strict=True)
        ]
        context["rows"] = [
            [
                {
                    "value": cell,
                    "type": kind,
                    "header": bool(value.get("row_headers")) and index == 0,
                }
                for index, (cell, kind) in enumerate(zip(row["values"], types, strict=True))
            ]
            for row in table.row_data
        ]
        return context

    def get_api_representation(self, value, context=None):
        table = value["table"]
        return {
            "caption": table.caption,
            "row_headers": bool(value.get("row_headers")),
            "columns": [
                {"heading": column["heading"], "type": column["block"].name}
                for column in table.columns
            ],
            "rows": [
                [
                    rich_text_api(cell, context)
                    if column["block"].name == "rich_text"
                    else column["block"].get_api_representation(cell, context)
                    for column, cell in zip(table.columns, row["values"], strict=True)
                ]
                for row in table.row_data
            ],
        }
