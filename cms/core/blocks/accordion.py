"""An accordion: sections that open and close, built on the native ``<details>`` element,
so it works with keyboard and screen readers without any script."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .rich_text import INLINE_TEXT_FEATURES, RichTextBlock, rich_text_api


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    content = RichTextBlock(label=_("Content"), features=INLINE_TEXT_FEATURES)

    class Meta:
        icon = "collapse-down"
        label = _("Section")


class AccordionBlock(blocks.StructBlock):
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Sections"), min_num=1)

    class Meta:
        icon = "collapse-down"
        label = _("Accordion")
        template = "components/accordion.html"
        preview_template = "components/_preview.html"
        description = _(
            "Sections that visitors open one by one, for example frequently asked questions."
        )
        preview_value = {
            "items": [
                {
                    "title": "Wie kan een bewonerskaart aanvragen?",
                    "content": "<p>Iedereen die in de zone woont en er gedomicilieerd is.</p>",
                },
                {
                    "title": "Hoe lang is de kaart geldig?",
                    "content": "<p>Eén jaar. U krijgt een e-mail een maand voor ze vervalt.</p>",
                },
            ]
        }

    def get_api_representation(self, value, context=None):
        return {
            "items": [
                {"title": item["title"], "content": rich_text_api(item["content"], context)}
                for item in value["items"]
            ]
        }
