from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock


class BasePage(Page):
    """What every public page of a municipality has: a summary and its own template folder."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=300,
        help_text=_("One or two sentences for listings, search results and search engines."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    api_fields = [APIField("summary")]

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        return f"pages/{self._meta.model_name}.html"


class BodyPageMixin(models.Model):
    """A page whose content is a StreamField of the shared components."""

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [FieldPanel("body")]
    search_fields = [index.SearchField("body")]
    api_fields = [APIField("body")]

    class Meta:
        abstract = True
