import datetime as dt
from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.core.blocks import OpeningHoursBlock, weekly_hours
from cms.core.models import BasePage, BodyPageMixin
from cms.core.pagination import listing_page

from .filters import EventFilters

PAGE_SIZE = 12
CHILDREN_UNDER = 12  # "for children": an age range that starts below this age...
YOUTH_UNTIL = 18  # ...and ends at this age at the latest


class CalendarType(models.TextChoices):
    """UiTdatabank's four calendars (docs/events.md says how each is shown)."""

    SINGLE = "single", _("one date")
    MULTIPLE = "multiple", _("several dates")
    PERIODIC = "periodic", _("a period with opening hours")
    PERMANENT = "permanent", _("permanent, with opening hours")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("takes place")
    POSTPONED = "postponed", _("postponed")
    CANCELLED = "cancelled", _("cancelled")


class EventQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Events that have not ended yet; permanent ones always."""
        now = now or timezone.now()
        return self.filter(
            models.Q(end__gte=now)
            | models.Q(end__isnull=True, start__gte=now)
            | models.Q(calendar_type=CalendarType.PERMANENT)
        )

    def between(self, first, last):
        """Events on at some moment from ``first`` to ``last``: their span overlaps it."""
        return self.filter(
            models.Q(calendar_type=CalendarType.PERMANENT)
            | models.Q(start__lt=last)
            & (models.Q(end__gte=first) | models.Q(end__isnull=True, start__gte=first))
        )

    def free(self):
        return self.filter(price=0)

    def for_children(self):
        return self.filter(age_min__lt=CHILDREN_UNDER, age_max__lte=YOUTH_UNTIL)

    def soonest_first(self):
        return self.order_by(models.F("start").asc(nulls_last=True), "pk")


EventManager = PageManager.from_queryset(EventQuerySet)


class EventIndexPage(BasePage):
    """/evenementen/: what is on, soonest first, with filters (cms/events/filters.py) and
    an iCalendar feed (cms/events/feed.py)."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    def upcoming_events(self):
        return EventPage.objects.live().child_of(self).upcoming()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = EventFilters(request.GET, self.upcoming_events())
        events = filters.apply().select_related("location").soonest_first()
        context["filters"] = filters
        context["events"] = listing_page(events, request.GET.get("page"), PAGE_SIZE)
        context["total"] = events.count()
        context["filter_query"] = filters.query_string()
        return context


class EventPage(BodyPageMixin, BasePage):
    start = models.DateTimeField(
        _("starts"), null=True, blank=True, help_text=_("Empty only for a permanent event.")
    )
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    calendar_type = models.CharField(
        _("calendar"),
        max_length=16,
        choices=CalendarType.choices,
        default=CalendarType.SINGLE,
    )
    dates = models.JSONField(
        _("dates"),
        default=list,
        blank=True,
        help_text=_('Several dates: [{"start": "...", "end": "...", "cancelled": false}, ...]'),
    )
    hours = StreamField(
        OpeningHoursBlock(),
        verbose_name=_("opening hours"),
        blank=True,
        help_text=_("For a period or a permanent event: when it can be visited."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    location = models.ForeignKey(
        "locations.LocationPage",
        verbose_name=_("location"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A location page of this municipality, or fill in the place below."),
    )
    place = models.CharField(
        _("place"), max_length=255, blank=True, help_text=_("Name and address of the venue.")
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    price = models.DecimalField(
        _("price (EUR)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The basic price; 0 for a free event, empty when unknown."),
    )
    price_note = models.CharField(
        _("prices"), max_length=255, blank=True, help_text=_("Other tariffs, in words.")
    )
    age_min = models.PositiveSmallIntegerField(
        _("from age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    age_max = models.PositiveSmallIntegerField(
        _("up to age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    theme = models.CharField(_("theme"), max_length=100, blank=True)
    event_type = models.CharField(_("kind of event"), max_length=100, blank=True)
    organizer = models.CharField(_("organiser"), max_length=255, blank=True)
    booking_url = models.URLField(_("booking link"), max_length=500, blank=True)
    booking_phone = models.CharField(_("booking phone"), max_length=64, blank=True)
    booking_email = models.EmailField(_("booking e-mail"), blank=True)
    language = models.CharField(
        _("language of the text"),
        max_length=8,
        blank=True,
        help_text=_("Only when the text is not in the page's language (an imported event)."),
    )
    uitdatabank_id = models.CharField(
        _("UiTdatabank identifier"), max_length=255, blank=True, db_index=True
    )
    imported = models.JSONField(
        _("imported values"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("A digest per field of what the last import wrote."),
    )

    objects = EventManager()

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("calendar_type"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("dates"),
                FieldPanel("hours"),
                FieldPanel("location"),
                FieldPanel("place"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("price"), FieldPanel("price_note")]),
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
                FieldRowPanel([FieldPanel("theme"), FieldPanel("event_type")]),
                FieldPanel("organizer"),
                FieldRowPanel(
                    [
                        FieldPanel("booking_url"),
                        FieldPanel("booking_phone"),
                        FieldPanel("booking_email"),
                    ]
                ),
            ],
            heading=_("Tickets and audience"),
        ),
        *BodyPageMixin.content_panels,
        MultiFieldPanel(
            [FieldPanel("uitdatabank_id", read_only=True), FieldPanel("language", read_only=True)],
            heading=_("Source"),
            help_text=_(
                "Imported from UiTdatabank when an identifier is shown. A field you change "
                "here keeps your text: the import reports it and no longer updates it."
            ),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        *BodyPageMixin.search_fields,
        index.SearchField("place"),
        index.SearchField("organizer"),
        index.FilterField("start"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("start"),
        APIField("end"),
        APIField("calendar_type"),
        APIField("dates"),
        APIField("status"),
        APIField("place"),
        APIField("price"),
        APIField("theme"),
        APIField("organizer"),
        *BodyPageMixin.api_fields,
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.calendar_type != CalendarType.PERMANENT and not self.start:
            raise ValidationError({"start": _("Only a permanent event has no start.")})
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})
        if self.age_min is not None and self.age_max is not None and self.age_max < self.age_min:
            raise ValidationError({"age_max": _("The age range ends before it starts.")})
        if not self.location_id and not self.place:
            raise ValidationError({"place": _("Choose a location or fill in the place.")})

    @property
    def venue(self):
        return self.location.title if self.location_id else self.place

    @property
    def is_permanent(self):
        return self.calendar_type == CalendarType.PERMANENT

    @property
    def is_free(self):
        return self.price is not None and self.price == 0

    @cached_property
    def occurrences(self):
        """(start, end, cancelled) of every date: the ``dates`` of a multiple calendar,
        else the one span; none for a permanent event."""
        if self.is_permanent:
            return []
        found = []
        for item in self.dates if isinstance(self.dates, list) else ():
            start = _moment(item.get("start")) if isinstance(item, dict) else None
            if start is not None:
                found.append((start, _moment(item.get("end")), bool(item.get("cancelled"))))
        if found:
            return sorted(found, key=lambda occurrence: occurrence[0])
        return [(self.start, self.end, False)] if self.start else []

    @property
    def upcoming_occurrences(self):
        now = timezone.now()
        return [o for o in self.occurrences if (o[1] or o[0]) >= now]

    @property
    def next_start(self):
        """When it next starts, for listings: the first date not yet over."""
        upcoming = self.upcoming_occurrences
        return upcoming[0][0] if upcoming else self.start

    @cached_property
    def opening_hours(self):
        return weekly_hours(self.hours) if self.hours else None


def _moment(value):
    """An aware datetime from an ISO string in ``dates``; None when it is not one."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)
