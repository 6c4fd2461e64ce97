"""A regional service: defined once for the region (an IPDC concept), translatable."""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    HelpPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.blocks.struct_block import BlockGroup
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, RevisionMixin, TranslatableMixin
from wagtail.search import index

from cms.core import register
from cms.core.blocks import RICH_TEXT_FEATURES
from cms.core.forms import ReadableModelForm

from ..blocks import (
    CostBlock,
    EvidenceBlock,
    FinancialAdvantageBlock,
    ProcedureStepBlock,
    RequirementBlock,
    TitledLinkBlock,
)
from ..eligibility_blocks import EligibilityBlock
from ..fields import ChoiceListField
from ..signals import regional_service_changed
from ..variants import INFORMAL, variant, without_variants
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
    "eligibility",
)
# Facts left out of facts() while empty: a service without them keeps the digest (and the
# reviewed snapshots) it had before they existed, so adding the field flagged no page.
OPTIONAL_FACTS = ("eligibility",)

# The informal ("je") variants of the texts, as IPDC has them (nl-be-x-informal): not
# facts of their own. A page shows its site's register, falling back to the other one;
# they are left out of facts(), so editing them flags no local page for review.
INFORMAL_FIELDS = ("short_description", "description", "additional_description", "exceptions")
INFORMAL_HELP = _("Only when the informal text differs; empty shows the formal text.")


def variants_layout(*names):
    """Each text followed by its informal variant, then the rest."""
    return BlockGroup(children=[name for pair in names for name in pair])


class RegionalEvidenceBlock(EvidenceBlock):
    title_informal = blocks.CharBlock(
        label=_("What to bring, informal (je)"), max_length=200, required=False
    )
    description_informal = blocks.TextBlock(label=_("Details, informal (je)"), required=False)

    class Meta:
        form_layout = variants_layout(
            ("title", "title_informal"), ("description", "description_informal")
        )


class RegionalRequirementBlock(RequirementBlock):
    title_informal = blocks.CharBlock(
        label=_("Requirement, informal (je)"),
        max_length=200,
        required=False,
        help_text=INFORMAL_HELP,
    )
    description_informal = blocks.TextBlock(label=_("Details, informal (je)"), required=False)
    evidence = blocks.ListBlock(RegionalEvidenceBlock(), label=_("What to bring"), default=[])

    class Meta:
        form_layout = variants_layout(
            ("title", "title_informal"), ("description", "description_informal"), ("evidence",)
        )


class RegionalProcedureStepBlock(ProcedureStepBlock):
    title_informal = blocks.CharBlock(
        label=_("Step, informal (je)"), max_length=200, required=False, help_text=INFORMAL_HELP
    )
    description_informal = blocks.TextBlock(label=_("Details, informal (je)"), required=False)

    class Meta:
        form_layout = variants_layout(
            ("title", "title_informal"), ("description", "description_informal")
        )


class RegionalCostBlock(CostBlock):
    title_informal = blocks.CharBlock(
        label=_("What for, informal (je)"), max_length=200, required=False, help_text=INFORMAL_HELP
    )
    description_informal = blocks.TextBlock(label=_("Details, informal (je)"), required=False)

    class Meta:
        form_layout = variants_layout(
            ("title", "title_informal"), ("amount",), ("description", "description_informal")
        )


class RegionalFinancialAdvantageBlock(FinancialAdvantageBlock):
    title_informal = blocks.CharBlock(
        label=_("Advantage, informal (je)"), max_length=200, required=False, help_text=INFORMAL_HELP
    )
    description_informal = blocks.TextBlock(label=_("Details, informal (je)"), required=False)

    class Meta:
        form_layout = variants_layout(
            ("title", "title_informal"), ("description", "description_informal")
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
    short_description_informal = models.TextField(
        _("short description, informal (je)"),
        max_length=300,
        blank=True,
        help_text=INFORMAL_HELP,
    )
    description_informal = RichTextField(
        _("description, informal (je)"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=INFORMAL_HELP,
    )
    additional_description_informal = RichTextField(
        _("additional description, informal (je)"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=INFORMAL_HELP,
    )
    exceptions_informal = RichTextField(
        _("exceptions, informal (je)"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=INFORMAL_HELP,
    )
    requirements = StreamField(
        [("requirement", RegionalRequirementBlock())], verbose_name=_("requirements"), blank=True
    )
    procedure = StreamField(
        [("step", RegionalProcedureStepBlock())], verbose_name=_("procedure"), blank=True
    )
    costs = StreamField([("cost", RegionalCostBlock())], verbose_name=_("costs"), blank=True)
    financial_advantages = StreamField(
        [("advantage", RegionalFinancialAdvantageBlock())],
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
    eligibility = StreamField(
        EligibilityBlock(),
        verbose_name=_("Do I qualify?"),
        blank=True,
        help_text=_(
            "Questions that lead a citizen to an outcome, starting with the first question. "
            "Each answer leads to a question or an outcome by its key."
        ),
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

    base_form_class = ReadableModelForm  # malformed admin POSTs: field errors, not a 500
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
            ObjectList([FieldPanel("eligibility")], heading=_("Do I qualify?")),
            ObjectList(
                [
                    HelpPanel(
                        _(
                            "Sites whose tone of voice is informal show these texts, and "
                            "the informal variants of requirements, steps and costs (next to "
                            "each item in the other tabs); where a variant is empty, they "
                            "show the formal text. Editing them flags no local page for "
                            "review."
                        )
                    ),
                    FieldPanel("short_description_informal"),
                    FieldPanel("description_informal"),
                    FieldPanel("additional_description_informal"),
                    FieldPanel("exceptions_informal"),
                ],
                heading=_("Informal (je)"),
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

    @classmethod
    def translate_missing(cls, language, texts):
        """Translate into ``language`` (its locale made when missing) the default locale's
        services ``texts`` names (identifier -> field values) that have no translation
        there yet; returns the translations."""
        locale = Locale.objects.get_or_create(language_code=language)[0]
        done = cls.objects.filter(locale=locale).values("identifier")
        sources = cls.objects.filter(locale=Locale.get_default(), identifier__in=list(texts))
        return [
            source.translate(locale, **texts[source.identifier])
            for source in sources.exclude(identifier__in=done)
        ]

    def translate(self, locale, **texts):
        """Save this service's translation into ``locale`` with ``texts`` (field values)
        instead of the source's; the register variants, Dutch, are left empty."""
        translation = self.copy_for_translation(locale)
        for name in INFORMAL_FIELDS:
            setattr(translation, name + INFORMAL, "")
        for name, value in texts.items():
            setattr(translation, name, value)
        translation.save()
        translation.save_revision(log_action=True)
        return translation

    @property
    def keyword_list(self):
        return [word.strip() for word in self.keywords.split(",") if word.strip()]

    def facts(self, variants=False):
        """Every inherited fact as plain JSON data (what a review compares and the digest
        covers): the formal texts only, unless ``variants`` (the export) asks for the
        informal ones too (``<field>_informal``, and ``<key>_informal`` in stream items)."""
        data = {}
        for name in FACT_FIELDS:
            value = getattr(self, name)
            if name in OPTIONAL_FACTS and not value:
                continue
            if hasattr(value, "raw_data"):
                value = [
                    {key: item for key, item in child.items() if key != "id"}
                    for child in value.raw_data
                ]
                if not variants:
                    value = without_variants(value)
            elif hasattr(value, "source"):
                value = value.source
            data[name] = value
        if variants:
            for name in INFORMAL_FIELDS:
                value = getattr(self, name + INFORMAL)
                data[name + INFORMAL] = getattr(value, "source", value)
        return json.loads(json.dumps(data, cls=DjangoJSONEncoder))

    def text(self, name, informal=None):
        """A text field in the register asked for (default: the one in force), falling
        back to the other register."""
        if informal is None:
            informal = register.is_informal()
        return variant(
            {name: getattr(self, name), name + INFORMAL: getattr(self, name + INFORMAL)},
            name,
            informal,
        )

    @property
    def short_description_for_reader(self):
        """The short description in the register of the request's site."""
        return self.text("short_description")

    def announce_change(self):
        regional_service_changed.send(sender=type(self), service=self, pages=self.local_pages.all())
