"""A regional service: defined once for the region (an IPDC concept), translatable."""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index

from cms.core.blocks import RICH_TEXT_FEATURES

from ..blocks import (
    CostBlock,
    FinancialAdvantageBlock,
    ProcedureStepBlock,
    RequirementBlock,
    TitledLinkBlock,
)
from ..fields import ChoiceListField
from ..signals import regional_service_changed
from ..vocabularies import Audience, LifeEvent, ServiceType, Theme

# The facts a local page inherits, in the order the admin and the review show them.
FACT_FIELDS = (
    "name",
    "short_description",
    "description",
    "additional_description",
    "exceptions",
    "requirements",
    "procedure",
    "costs",
    "financial_advantages",
    "processing_time",
    "legal_resources",
    "more_information",
    "audiences",
    "themes",
    "life_events",
    "keywords",
    "service_type",
)


class RegionalService(TranslatableMixin, RevisionMixin, index.Indexed, models.Model):
    """What a service is, for every municipality: the facts that do not differ locally."""

    identifier = models.SlugField(
        _("identifier"),
        max_length=80,
        help_text=_(
            "Stable identifier, used in sites/ files and open data; never change it once used."
        ),
    )
    name = models.CharField(_("name"), max_length=200)
    short_description = models.TextField(
        _("short description"),
        max_length=300,
        help_text=_("One or two sentences: what it is and who it is for."),
    )
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES)
    additional_description = RichTextField(
        _("additional description"), features=RICH_TEXT_FEATURES, blank=True
    )
    exceptions = RichTextField(
        _("exceptions"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Cases in which the service does not apply or applies differently."),
    )
    requirements = StreamField(
        [("requirement", RequirementBlock())], verbose_name=_("requirements"), blank=True
    )
    procedure = StreamField(
        [("step", ProcedureStepBlock())], verbose_name=_("procedure"), blank=True
    )
    costs = StreamField([("cost", CostBlock())], verbose_name=_("costs"), blank=True)
    financial_advantages = StreamField(
        [("advantage", FinancialAdvantageBlock())],
        verbose_name=_("financial advantages"),
        blank=True,
    )
    processing_time = models.CharField(_("processing time"), max_length=200, blank=True)
    legal_resources = StreamField(
        [("legal_resource", TitledLinkBlock())], verbose_name=_("legal resources"), blank=True
    )
    more_information = StreamField(
        [("link", TitledLinkBlock())], verbose_name=_("more information"), blank=True
    )
    audiences = ChoiceListField(_("audiences"), choice_list=Audience)
    themes = ChoiceListField(_("themes"), choice_list=Theme)
    life_events = ChoiceListField(_("life events"), choice_list=LifeEvent)
    keywords = models.CharField(
        _("keywords"),
        max_length=500,
        blank=True,
        help_text=_("Words citizens search with, separated by commas."),
    )
    service_type = models.CharField(
        _("type"), max_length=40, choices=ServiceType.choices, default=ServiceType.PROOF
    )
    popular = models.BooleanField(
        _("popular"),
        default=False,
        help_text=_("Shown first on every services page and when a search finds nothing."),
    )
    archived = models.BooleanField(
        _("archived"),
        default=False,
        help_text=_(
            "No longer offered in the region: no new local pages, and existing ones are "
            "flagged for review."
        ),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    definition_changed_at = models.DateTimeField(
        _("definition changed at"), default=timezone.now, editable=False
    )
    facts_digest = models.CharField(max_length=64, editable=False, blank=True)

    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("short_description"),
        index.SearchField("keywords", boost=2),
        index.FilterField("locale_id"),
        index.FilterField("archived"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldPanel("identifier"),
                    FieldPanel("short_description"),
                    FieldPanel("description"),
                    FieldPanel("additional_description"),
                    FieldPanel("exceptions"),
                ],
                heading=_("Description"),
            ),
            ObjectList(
                [
                    FieldPanel("requirements"),
                    FieldPanel("procedure"),
                    FieldPanel("costs"),
                    FieldPanel("financial_advantages"),
                    FieldPanel("processing_time"),
                ],
                heading=_("How to get it"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("audiences"),
                            FieldPanel("themes"),
                            FieldPanel("life_events"),
                            FieldPanel("service_type"),
                            FieldPanel("keywords"),
                        ],
                        heading=_("Classification"),
                    ),
                    FieldPanel("legal_resources"),
                    FieldPanel("more_information"),
                    FieldPanel("popular"),
                    FieldPanel("archived"),
                ],
                heading=_("Classification and links"),
            ),
        ]
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("regional service")
        verbose_name_plural = _("regional services")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["identifier", "locale"], name="unique_regional_service_per_locale"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        digest = hashlib.sha256(
            json.dumps([self.facts(), self.archived], sort_keys=True).encode()
        ).hexdigest()
        changed = bool(self.pk) and digest != self.facts_digest
        if changed:
            self.definition_changed_at = timezone.now()
        self.facts_digest = digest
        super().save(*args, **kwargs)
        if changed:
            transaction.on_commit(self.announce_change)

    @property
    def keyword_list(self):
        return [word.strip() for word in self.keywords.split(",") if word.strip()]

    def facts(self):
        """Every inherited fact as plain JSON data (what a review compares)."""
        data = {}
        for name in FACT_FIELDS:
            value = getattr(self, name)
            if hasattr(value, "raw_data"):
                value = list(value.raw_data)
                for item in value:
                    item.pop("id", None)
            elif hasattr(value, "source"):
                value = value.source
            data[name] = value
        return json.loads(json.dumps(data, cls=DjangoJSONEncoder))

    def announce_change(self):
        regional_service_changed.send(sender=type(self), service=self, pages=self.local_pages.all())
