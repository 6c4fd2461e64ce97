from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable
from wagtail.search import index

from cms.core.models import BasePage, BodyPageMixin
from cms.core.opening_hours import WEEKDAYS, ClosingDay, OpeningHoursError, WeeklyHours


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


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
        context["locations"] = (
            LocationPage.objects.live()
            .child_of(self)
            .prefetch_related("opening_periods", "closing_days")
            .order_by("title")
        )
        return context


class LocationPageForm(WagtailAdminPageForm):
    """Refuses opening periods that overlap or close before they open."""

    def clean(self):
        cleaned = super().clean()
        periods = {day: [] for day in WEEKDAYS}
        for form in self.formsets["opening_periods"].forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or data.get("opens") is None:
                continue
            if data.get("closes") is None:
                continue
            day = WEEKDAYS[int(data["weekday"])]
            periods[day].append(f"{data['opens']:%H:%M}-{data['closes']:%H:%M}")
        try:
            WeeklyHours.from_config(periods, key=_("Opening hours"))
        except OpeningHoursError as error:
            self.add_error(None, ValidationError(str(error)))
        return cleaned


class LocationPage(BodyPageMixin, BasePage):
    """A desk or service point: address, contact and structured opening hours."""

    address = models.CharField(_("address"), max_length=255)
    postcode = models.CharField(_("postcode"), max_length=8)
    city = models.CharField(_("city"), max_length=255)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    appointment_url = models.URLField(_("appointment link"), blank=True)
    accessibility = models.TextField(
        _("physical accessibility"),
        blank=True,
        help_text=_("Entrance, lift, parking for people with a disability."),
    )

    base_form_class = LocationPageForm
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
        InlinePanel("opening_periods", heading=_("Weekly opening hours"), label=_("Period")),
        InlinePanel("closing_days", heading=_("Closing days"), label=_("Closing day")),
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
        periods = {day: [] for day in WEEKDAYS}
        for period in self.opening_periods.all():
            periods[WEEKDAYS[period.weekday]].append(f"{period.opens:%H:%M}-{period.closes:%H:%M}")
        closed = [ClosingDay(day.date, day.reason) for day in self.closing_days.all()]
        return WeeklyHours.from_config(periods, closed=closed)

    @property
    def opening_hours_json(self):
        return self.opening_hours.to_json()


class OpeningPeriod(Orderable):
    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="opening_periods")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]

    class Meta(Orderable.Meta):
        verbose_name = _("opening period")
        verbose_name_plural = _("opening periods")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens__lt=models.F("closes")),
                name="locations_period_opens_before_closes",
            )
        ]

    def clean(self):
        if self.opens and self.closes and self.opens >= self.closes:
            raise ValidationError({"closes": _("A period must close after it opens.")})


class ClosingDayRecord(Orderable):
    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="closing_days")
    date = models.DateField(_("date"))
    reason = models.CharField(_("reason"), max_length=255, blank=True)

    panels = [FieldPanel("date"), FieldPanel("reason")]

    class Meta(Orderable.Meta):
        verbose_name = _("closing day")
        verbose_name_plural = _("closing days")
        ordering = ["date"]
