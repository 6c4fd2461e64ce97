from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField

from cms.core.models import BasePage, BodyPageMixin, SiteRootMixin
from cms.events.models import EventPage
from cms.municipalities.models import Municipality
from cms.news.models import NewsArticlePage


class HomePage(SiteRootMixin, BodyPageMixin, BasePage):
    """A municipality's home page: the root of its site in each language."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.ContentPage",
        "pages.AccessibilityStatementPage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
        "locations.ContactPage",
    ]

    content_panels = BasePage.content_panels + BodyPageMixin.content_panels
    search_fields = BasePage.search_fields + BodyPageMixin.search_fields
    api_fields = BasePage.api_fields + BodyPageMixin.api_fields

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsArticlePage.objects.live().descendant_of(self).order_by("-date")[:3]
        )
        context["upcoming_events"] = (
            EventPage.objects.live().descendant_of(self).upcoming().order_by("start")[:3]
        )
        return context


class ContentPage(BodyPageMixin, BasePage):
    """A general page of text and components (about, privacy, ...)."""

    subpage_types = ["pages.ContentPage"]

    content_panels = BasePage.content_panels + BodyPageMixin.content_panels
    search_fields = BasePage.search_fields + BodyPageMixin.search_fields
    api_fields = BasePage.api_fields + BodyPageMixin.api_fields

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


class ConformanceStatus(models.TextChoices):
    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class AccessibilityStatementPage(BodyPageMixin, BasePage):
    """The accessibility statement every Flemish public body must publish."""

    status = models.CharField(
        _("conformance with WCAG 2.1 AA"),
        max_length=16,
        choices=ConformanceStatus.choices,
        default=ConformanceStatus.PARTIAL,
    )
    drawn_up_on = models.DateField(_("drawn up on"), null=True, blank=True)
    reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)

    max_count_per_parent = 1
    subpage_types = []
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("drawn_up_on"), FieldPanel("reviewed_on")],
            heading=_("Conformance"),
        ),
        *BodyPageMixin.content_panels,
    ]
    search_fields = BasePage.search_fields + BodyPageMixin.search_fields
    api_fields = [
        *BasePage.api_fields,
        APIField("status"),
        APIField("drawn_up_on"),
        APIField("reviewed_on"),
        *BodyPageMixin.api_fields,
    ]

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")


class RegionPage(BasePage):
    """The regional landing page: every municipality of the region, one link each."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = []

    class Meta:
        verbose_name = _("regional landing page")
        verbose_name_plural = _("regional landing pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["municipalities"] = Municipality.objects.select_related("site").order_by(
            "short_name"
        )
        return context
