"""Wagtail's page chooser block, hardened at our boundary.

Seen on Wagtail 8.0.1: a posted page id that is not a number ("abc", a NUL byte) makes
``PageChooserBlock.value_from_form`` raise ``ValueError`` out of ``Page.objects.get``, a
server error on the page edit form. Here such an id is no page: the field is then empty,
which publishing refuses as a required field and a draft keeps as an empty choice.

Every other chooser block is covered by the page form's guard (``cms/core/forms.py``): an
id that is no id is an error on the field there. This block stays lenient because the top
tasks also come from ``sites/*.toml`` (``to_python``), and a draft keeps an empty choice.
"""

from wagtail import blocks

NOT_AN_ID = (ValueError, TypeError, OverflowError)


class PageChooserBlock(blocks.PageChooserBlock):
    def value_from_form(self, value):
        try:
            return super().value_from_form(value)
        except NOT_AN_ID:
            return None

    def to_python(self, value):
        try:
            return super().to_python(value)
        except NOT_AN_ID:
            return None
