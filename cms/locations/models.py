from functools import cached_property

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms.core.blocks import OpeningHoursBlock, weekly_hours
from cms.core.models import BasePage, BodyPageMixin


class ContactPage(BodyPageMixin, BasePage):
    """/contact/: the main contact, the town hall desk's hours and every location."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["locations.LocationPage"]
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + BodyPageMixin.content_panels
    search_fields = BasePage.search_fields + BodyPageMixin.search_fields
    api_fields = BasePage.api_fields + BodyPageMixin.api_fields

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["locations"] = LocationPage.objects.live().child_of(self).order_by("title")
        return context


class LocationPage(BodyPageMixin, BasePage):
    """A desk or service point: address, contact and structured opening hours."""

    address = models.CharField(_("address"), max_length=255)
    postcode = models.CharField(_("postcode"), max_length=8)
    city = models.CharField(_("city"), max_length=255)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    appointment_url = models.URLField(_("appointment link"), blank=True)
    hours = StreamField(
        OpeningHoursBlock(),
        verbose_name=_("opening hours"),
        blank=True,
        help_text=_("Weekly opening periods and the days it is closed."),
    )
    accessibility = models.TextField(
        _("physical accessibility"),
        blank=True,
        help_text=_("Entrance, lift, parking for people with a disability."),
    )

    parent_page_types = ["locations.ContactPage"]
    subpage_types = []
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("city"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("appointment_url"),
                FieldPanel("accessibility"),
            ],
            heading=_("Address and contact"),
        ),
        FieldPanel("hours"),
        *BodyPageMixin.content_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        *BodyPageMixin.search_fields,
        index.SearchField("address"),
        index.SearchField("city"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("address"),
        APIField("postcode"),
        APIField("city"),
        APIField("phone"),
        APIField("email"),
        APIField("appointment_url"),
        APIField("opening_hours_json"),
        *BodyPageMixin.api_fields,
    ]

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    @cached_property
    def opening_hours(self):
        return weekly_hours(self.hours)

    @property
    def opening_hours_json(self):
        return self.opening_hours.to_json()
