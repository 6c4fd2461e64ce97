from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField

from cms.core.blocks import BodyBlock, PageLinkBlock, WebLinkBlock
from cms.core.models import BasePage, BodyPageMixin, SiteRootMixin
from cms.events.models import EventPage
from cms.municipalities.models import Municipality
from cms.news.models import NewsArticlePage

from .accessibility import (
    KNOWN_ISSUES,
    OMBUDSMAN,
    EvaluationMethod,
    InaccessibilityReason,
    InaccessibleContent,
    InaccessibleContentBlock,
)

MAX_TOP_TASKS = 10


class HomePage(SiteRootMixin, BodyPageMixin, BasePage):
    """A municipality's home page: the root of its site in each language."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.ContentPage",
        "pages.AccessibilityStatementPage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
        "locations.ContactPage",
        "forms.FormPage",
        "pages.ComponentLibraryPage",
        "catalogue.ServiceIndexPage",
        "journeys.JourneyIndexPage",
    ]

    # The home page leads with these (cms/journeys/tasks.py); empty: the municipality's
    # defaults from its sites/ file, else the region's most asked services.
    top_tasks = StreamField(
        [("page", PageLinkBlock()), ("link", WebLinkBlock())],
        verbose_name=_("top tasks"),
        blank=True,
        max_num=MAX_TOP_TASKS,
        help_text=_(
            "What most visitors come for, shown first on the home page (at most 10, best "
            "6 to 10). Leave empty to show the defaults: the tasks in the municipality's "
            "settings, else the most asked services of the region."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("top_tasks"),
        *BodyPageMixin.content_panels,
    ]
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
            EventPage.objects.live().descendant_of(self).upcoming().soonest_first()[:3]
        )
        return context


class ContentPage(BodyPageMixin, BasePage):
    """A general page of text and components (about, privacy, ...)."""

    subpage_types = ["pages.ContentPage", "forms.FormPage"]

    content_panels = BasePage.content_panels + BodyPageMixin.content_panels
    search_fields = BasePage.search_fields + BodyPageMixin.search_fields
    api_fields = BasePage.api_fields + BodyPageMixin.api_fields

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


# One instance for the library: a block definition is registered for the process's life.
COMPONENTS = BodyBlock()


class ComponentLibraryPage(BasePage):
    """Every component of the page body with sample content, for editors to look up."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    api_fields = [*BasePage.api_fields, APIField("components")]

    class Meta:
        verbose_name = _("component library")
        verbose_name_plural = _("component libraries")

    @property
    def components(self):
        """Each component's name, label, description and sample value (as the API gives it)."""
        return [
            {
                "type": name,
                "label": str(block.label),
                "description": str(block.get_description()),
                "value": block.get_api_representation(block.get_preview_value()),
            }
            for name, block in COMPONENTS.child_blocks.items()
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parent = {"request": request, "page": self}
        context["components"] = [
            {
                "name": name,
                "label": block.label,
                "description": block.get_description(),
                "html": block.render(block.get_preview_value(), context=parent),
            }
            for name, block in COMPONENTS.child_blocks.items()
        ]
        return context


class ConformanceStatus(models.TextChoices):
    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class AccessibilityStatementPage(BodyPageMixin, BasePage):
    """The accessibility statement every Flemish public body must publish (the decree of
    7 December 2018, bestuursdecreet), in the form of the EU model statement: written from
    the site's configuration, the issues the platform knows about and what its editors add.
    """

    status = models.CharField(
        _("conformance with WCAG 2.1 AA"),
        max_length=16,
        choices=ConformanceStatus.choices,
        default=ConformanceStatus.PARTIAL,
    )
    method = models.CharField(
        _("evaluation method"),
        max_length=16,
        choices=EvaluationMethod.choices,
        default=EvaluationMethod.SELF,
        help_text=_("How the website was checked before this statement was drawn up."),
    )
    drawn_up_on = models.DateField(_("drawn up on"), null=True, blank=True)
    reviewed_on = models.DateField(
        _("last reviewed on"),
        null=True,
        blank=True,
        help_text=_("Review the statement at least once a year, and after large changes."),
    )
    has_uncaptioned_videos = models.BooleanField(
        _("some videos have no captions"),
        default=False,
        help_text=_(
            "Tick this when videos on this site lack captions or a transcript: the statement "
            "then says so, with the platform's standard wording."
        ),
    )
    exceptions = StreamField(
        [("item", InaccessibleContentBlock())],
        verbose_name=_("other content that is not accessible"),
        blank=True,
        help_text=_(
            "Content of this site that is not accessible, beyond what the platform lists "
            "itself (documents, videos)."
        ),
    )
    report_page = models.ForeignKey(
        "forms.FormPage",
        verbose_name=_("form to report a problem"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Offered beside the municipality's e-mail address and phone number."),
    )

    max_count_per_parent = 1
    subpage_types = []
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("method"),
                FieldRowPanel([FieldPanel("drawn_up_on"), FieldPanel("reviewed_on")]),
            ],
            heading=_("Conformance"),
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "The statement lists by itself what the platform knows: documents "
                        "that may not be accessible when this site has any, and videos "
                        "without captions when you tick the box below. Add anything else "
                        "here."
                    )
                ),
                FieldPanel("has_uncaptioned_videos"),
                FieldPanel("exceptions"),
            ],
            heading=_("Content that is not accessible"),
        ),
        FieldPanel("report_page"),
        *BodyPageMixin.content_panels,
    ]
    search_fields = BasePage.search_fields + BodyPageMixin.search_fields
    api_fields = [
        *BasePage.api_fields,
        APIField("status"),
        APIField("method"),
        APIField("drawn_up_on"),
        APIField("reviewed_on"),
        APIField("exceptions"),
        *BodyPageMixin.api_fields,
    ]

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def clean(self):
        super().clean()
        errors = {}
        if self.drawn_up_on and self.reviewed_on and self.reviewed_on < self.drawn_up_on:
            errors["reviewed_on"] = _("A statement cannot be reviewed before it was drawn up.")
        if self.status == ConformanceStatus.FULL and self.lists_non_compliance():
            errors["status"] = _(
                "The statement lists content that does not comply with WCAG 2.1 AA, so the "
                "website is at most partially compliant."
            )
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        municipality = Municipality.for_request(request)
        context["inaccessible_content"] = self.inaccessible_content(municipality)
        report_page = self.report_page
        context["report_page"] = report_page if report_page and report_page.live else None
        context["ombudsman"] = OMBUDSMAN
        return context

    def site_exceptions(self):
        return [
            InaccessibleContent(
                what=block.value["what"],
                reason=block.value["reason"],
                explanation=block.value["explanation"],
                alternative=block.value["alternative"],
            )
            for block in self.exceptions
            if block.block_type == "item"
        ]

    def lists_non_compliance(self):
        return self.has_uncaptioned_videos or any(
            item.reason == InaccessibilityReason.NON_COMPLIANCE for item in self.site_exceptions()
        )

    def inaccessible_content(self, municipality):
        """What is not accessible, grouped by reason in the model statement's order: the
        platform's known issues that apply to this site, then the editors' own."""
        items = [issue.content for issue in KNOWN_ISSUES if issue.applies(self, municipality)]
        items += self.site_exceptions()
        return [
            {"reason": label, "items": [item for item in items if item.reason == reason]}
            for reason, label in InaccessibilityReason.choices
            if any(item.reason == reason for item in items)
        ]


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
