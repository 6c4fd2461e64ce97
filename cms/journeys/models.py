"""Journeys: life events as ordered steps across services (GOV.UK's step-by-step).

A ``RegionalJourney`` is defined once for the region (a translatable snippet, like a
regional service); ``sync_sites`` gives every municipality a ``JourneyPage`` for it under
``/stappenplannen/``, which reads the regional steps live and resolves each service to the
municipality's own local page (``resolve.py``). A municipality's editors may also make a
journey of their own: a ``JourneyPage`` without a regional journey, with its own steps.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index

from cms.catalogue.vocabularies import LifeEvent
from cms.core.forms import ReadableModelForm
from cms.core.models import BasePage, BodyPageMixin

from .blocks import JourneyStepsBlock
from .resolve import resolve_steps, steps_text

__all__ = ["JourneyIndexPage", "JourneyPage", "RegionalJourney"]


class RegionalJourney(TranslatableMixin, RevisionMixin, index.Indexed, models.Model):
    """A life event's steps, for every municipality: services resolve to local pages."""

    title = models.CharField(_("title"), max_length=200)
    identifier = models.SlugField(
        _("identifier"),
        max_length=80,
        help_text=_("Stable identifier: the address of every municipality's journey page."),
    )
    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("One or two sentences: when this applies.")
    )
    life_event = models.CharField(
        _("life event"), max_length=40, choices=LifeEvent.choices, blank=True
    )
    steps = StreamField(JourneyStepsBlock(), verbose_name=_("steps"))

    base_form_class = ReadableModelForm  # malformed admin POSTs: field errors, not a 500
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("summary"),
        index.FilterField("locale_id"),
    ]
    panels = [
        FieldPanel("title"),
        FieldPanel("identifier"),
        FieldPanel("summary"),
        FieldPanel("life_event"),
        FieldPanel("steps"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("regional journey")
        verbose_name_plural = _("regional journeys")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["identifier", "locale"], name="unique_regional_journey_per_locale"
            )
        ]

    def __str__(self):
        return self.title


class JourneyIndexPage(BodyPageMixin, BasePage):
    """/stappenplannen/: the site's journeys."""

    template = "journeys/journeyindexpage.html"
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["journeys.JourneyPage"]
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + BodyPageMixin.content_panels
    search_fields = BasePage.search_fields + BodyPageMixin.search_fields
    api_fields = BasePage.api_fields + BodyPageMixin.api_fields

    class Meta:
        verbose_name = _("journeys index")
        verbose_name_plural = _("journeys indexes")

    def journeys(self):
        return JourneyPage.objects.live().public().child_of(self).defer_streamfields()

    def listed_journeys(self):
        """(pages, language): this index's journeys or, on a translation without any yet,
        those of the index it was translated from, in that language (as /diensten/ does)."""
        pages = list(self.journeys())
        if pages:
            return pages, None
        for source in (
            JourneyIndexPage.objects.filter(translation_key=self.translation_key)
            .exclude(pk=self.pk)
            .select_related("locale")
            .order_by("pk")
        ):
            pages = list(source.journeys())
            if pages:
                return pages, source.locale.language_code
        return [], None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["journeys"], context["journeys_language"] = self.listed_journeys()
        return context


class ResolvedStepsField(serializers.Field):
    """The API's ``steps``: resolved for the requesting site, as the page shows them."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return [step.to_json() for step in resolve_steps(page, self.context.get("request"))]


class JourneyPage(BodyPageMixin, BasePage):
    """One journey on a municipality's site: a regional one (steps read live from the
    regional journey) or the municipality's own (its own steps)."""

    journey = models.ForeignKey(
        RegionalJourney,
        verbose_name=_("regional journey"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pages",
    )
    steps = StreamField(
        JourneyStepsBlock(required=False),
        verbose_name=_("steps"),
        blank=True,
        help_text=_("Only for a journey of this municipality's own."),
    )

    template = "journeys/journeypage.html"
    route_select_related = ("journey",)
    parent_page_types = ["journeys.JourneyIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("journey", read_only=True),
        HelpPanel(
            _(
                "A regional journey's steps are the region's: they appear on this page as "
                "they are defined, each service as this municipality's own page. Add an "
                "introduction below if you like. A journey of your own has its own steps."
            )
        ),
        FieldPanel("body", heading=_("introduction")),
        FieldPanel("steps"),
    ]
    search_fields = [*BasePage.search_fields, *BodyPageMixin.search_fields]
    api_fields = [
        *BasePage.api_fields,
        *BodyPageMixin.api_fields,
        APIField("journey_identifier"),
        APIField("steps", serializer=ResolvedStepsField()),
    ]

    class Meta:
        verbose_name = _("journey")
        verbose_name_plural = _("journeys")

    def clean(self):
        super().clean()
        has_steps = bool(list(getattr(self.steps, "raw_data", self.steps or ())))
        if self.journey_id is None and not has_steps:
            raise ValidationError({"steps": _("A journey of your own needs at least one step.")})
        if self.journey_id is not None and has_steps:
            raise ValidationError(
                {"steps": _("A regional journey's steps are the region's: leave these empty.")}
            )

    @property
    def journey_identifier(self):
        return self.journey.identifier if self.journey_id else None

    @property
    def raw_steps(self):
        """The steps' raw data: the regional journey's (live) or the page's own."""
        return (self.journey.steps if self.journey_id else self.steps).raw_data

    @property
    def lead(self):
        return self.summary or (self.journey.summary if self.journey_id else "")

    def joint_index_fields(self):
        """The steps' text for the joint search index."""
        life_event = self.journey.life_event if self.journey_id else ""
        return {
            "life_events": [life_event] if life_event else [],
            "text": steps_text(self.raw_steps),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["steps"] = resolve_steps(self, request)
        return context
