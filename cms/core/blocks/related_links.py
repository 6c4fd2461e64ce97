"""Related links: a short list of pages of the site or other websites."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .link import LinkBlock


class RelatedLinksBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=120,
        help_text=_("Leave empty for “Related links”."),
    )
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Related links")
        template = "components/related_links.html"
        preview_template = "components/_preview.html"
        description = _("A short list of links to related pages or other websites.")
        preview_value = {
            "title": "Meer over mobiliteit",
            "links": [
                {"text": "Fietsen in Vlaanderen", "url": "https://www.vlaanderen.be/fietsen"},
                {"text": "Parkeren in de regio", "url": "https://www.example.org/parkeren"},
            ],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        context["links"] = [
            {"text": link.label, "href": href}
            for link in value["links"]
            if (href := link.href(request))
        ]
        return context

    def get_api_representation(self, value, context=None):
        return {
            "title": value.get("title", ""),
            "links": [
                {"text": link.label, "url": url}
                for link in value["links"]
                if (url := link.full_url())
            ],
        }
