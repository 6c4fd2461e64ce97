"""A link to a page of the site or to a web address, with a text that says where it goes.

Not a component of its own: the call to action and related links are made of it.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.core.validation import link_text_error

from .chooser import PageChooserBlock


class LinkValue(blocks.StructValue):
    @property
    def label(self):
        page = self.get("page")
        return self.get("text") or (page.title if page else "")

    def href(self, request=None):
        page = self.get("page")
        if page is not None:
            return page.get_url(request) if page.live else None
        return self.get("url") or None

    def full_url(self):
        page = self.get("page")
        if page is not None:
            return page.get_full_url() if page.live else None
        return self.get("url") or None


class LinkBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=120,
        help_text=_("Where the link goes, e.g. “Apply for a parking permit”."),
    )
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Web address"), required=False)

    # Without a text of its own, a link to a page reads the page's title.
    text_required = False
    # An optional link (a video's transcript) may be left empty altogether.
    optional = False

    class Meta:
        icon = "link"
        label = _("Link")
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        if self.optional and not any(value.get(name) for name in ("text", "page", "url")):
            return value
        errors = {}
        if value.get("page") and value.get("url"):
            errors["url"] = ValidationError(
                _("Choose a page or enter a web address, not both."), code="two_targets"
            )
        elif not value.get("page") and not value.get("url"):
            errors["page"] = ValidationError(
                _("Choose a page or enter a web address."), code="no_target"
            )
        if value.get("text"):
            error = link_text_error(value["text"])
            if error is not None:
                errors["text"] = error
        elif self.text_required or value.get("url"):
            errors["text"] = ValidationError(
                _("Give the link a text that says where it goes."), code="no_link_text"
            )
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    def get_api_representation(self, value, context=None):
        return {"text": value.label, "url": value.full_url()}


class PageLinkBlock(blocks.StructBlock):
    """A page, under its own title or a shorter text (a top task, a journey step's item)."""

    page = PageChooserBlock(label=_("page"))
    label = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=80,
        help_text=_("Leave empty to show the page's title."),
    )

    class Meta:
        icon = "doc-empty"
        label = _("page on this site")


class WebLinkBlock(blocks.StructBlock):
    """A web address elsewhere, with the text that says where it goes."""

    url = blocks.URLBlock(label=_("web address"))
    label = blocks.CharBlock(label=_("link text"), max_length=80)

    class Meta:
        icon = "link"
        label = _("link elsewhere")
