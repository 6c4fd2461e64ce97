from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.core.models import BasePage, BodyPageMixin
from cms.core.pagination import listing_page

PAGE_SIZE = 12


class EventQuerySet(PageQuerySet):
    def upcoming(self):
        """Events that have not ended yet."""
        now = timezone.now()
        return self.filter(models.Q(end__gte=now) | models.Q(end__isnull=True, start__gte=now))


EventManager = PageManager.from_queryset(EventQuerySet)


class EventIndexPage(BasePage):
    """/evenementen/: what is on, soonest first."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = (
            EventPage.objects.live()
            .child_of(self)
            .upcoming()
            .select_related("location")
            .order_by("start", "pk")
        )
        context["events"] = listing_page(events, request.GET.get("page"), PAGE_SIZE)
        return context


class EventPage(BodyPageMixin, BasePage):
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
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

    objects = EventManager()

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("location"),
                FieldPanel("place"),
            ],
            heading=_("When and where"),
        ),
        *BodyPageMixin.content_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        *BodyPageMixin.search_fields,
        index.SearchField("place"),
        index.FilterField("start"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("start"),
        APIField("end"),
        APIField("place"),
        *BodyPageMixin.api_fields,
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})
        if not self.location_id and not self.place:
            raise ValidationError({"place": _("Choose a location or fill in the place.")})

    @property
    def venue(self):
        return self.location.title if self.location_id else self.place
