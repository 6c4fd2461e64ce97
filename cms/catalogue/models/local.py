"""A municipality's own version of a regional service (an IPDC instance): a page in its
tree, so its editors own it with revisions, workflow, preview and permissions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.blocks import StructBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.core.blocks import RICH_TEXT_FEATURES
from cms.core.models import BasePage

from ..blocks import (
    ChannelBlock,
    LocalCostBlock,
    LocationChooserBlock,
    ProcedureStepBlock,
    RequirementBlock,
)
from ..eligibility import Flow
from ..eligibility_blocks import LocalEligibilityBlock
from ..eligibility_views import check_view
from ..facts import ServiceFacts
from .regional import RegionalService

OVERRIDE_HELP = _("Leave empty to show the regional text.")


class LocalServicePage(RoutablePageMixin, BasePage):
    """Shows every regional fact unless this page overrides it, plus local facts."""

    service = models.ForeignKey(
        RegionalService,
        verbose_name=_("regional service"),
        on_delete=models.PROTECT,
        related_name="local_pages",
    )
    description_override = RichTextField(
        _("description"), features=RICH_TEXT_FEATURES, blank=True, help_text=OVERRIDE_HELP
    )
    requirements_override = StreamField(
        [("requirement", RequirementBlock())],
        verbose_name=_("requirements"),
        blank=True,
        help_text=OVERRIDE_HELP,
    )
    procedure_override = StreamField(
        [("step", ProcedureStepBlock())],
        verbose_name=_("procedure"),
        blank=True,
        help_text=OVERRIDE_HELP,
    )
    exceptions_override = RichTextField(
        _("exceptions"), features=RICH_TEXT_FEATURES, blank=True, help_text=OVERRIDE_HELP
    )
    processing_time_override = models.CharField(
        _("processing time"), max_length=200, blank=True, help_text=OVERRIDE_HELP
    )
    local_costs = StreamField(
        [("cost", LocalCostBlock())],
        verbose_name=_("costs here"),
        blank=True,
        help_text=_("This municipality's costs; they replace the regional costs when given."),
    )
    local_conditions = RichTextField(
        _("local conditions"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Conditions that apply in this municipality only."),
    )
    locations = StreamField(
        [("location", LocationChooserBlock())],
        verbose_name=_("where"),
        blank=True,
        help_text=_("The places where citizens can get this service in person."),
    )
    channels = StreamField(
        [("channel", ChannelBlock())],
        verbose_name=_("channels"),
        blank=True,
        help_text=_(
            "Every way to get it: desk, phone, online, post. An online channel gives the "
            "page its start button."
        ),
    )

    eligibility_local = StreamField(
        LocalEligibilityBlock(),
        verbose_name=_("Do I qualify? here"),
        blank=True,
        help_text=_(
            "Replace or add to an outcome of the regional check, for example a local "
            "premium's conditions."
        ),
    )

    # Fetched with the page when routed to it (SiteRootMixin): the page is never shown
    # without its regional service, and one join is cheaper than a second query.
    route_select_related = ("service",)

    parent_page_types = ["catalogue.ServiceIndexPage"]
    subpage_types = []
    # Made by sync_sites from the regional service, never by hand: its link to the
    # regional definition is what makes it a local version.
    is_creatable = False

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("service", read_only=True),
        HelpPanel(
            _(
                "Every field below that you leave empty shows the regional text. "
                "What you fill in is shown as this municipality's own."
            )
        ),
        MultiFieldPanel(
            [
                FieldPanel("description_override"),
                FieldPanel("requirements_override"),
                FieldPanel("procedure_override"),
                FieldPanel("exceptions_override"),
                FieldPanel("processing_time_override"),
            ],
            heading=_("Overrides of the regional facts"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("local_costs"),
                FieldPanel("local_conditions"),
                FieldPanel("locations"),
                FieldPanel("channels"),
                FieldPanel("eligibility_local"),
            ],
            heading=_("Local facts"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description_override"),
        index.SearchField("local_conditions"),
        index.RelatedFields("service", [index.SearchField("name"), index.SearchField("keywords")]),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("service_identifier"),
        APIField("merged_facts"),
        APIField("eligibility_json"),
    ]

    class Meta:
        verbose_name = _("local service")
        verbose_name_plural = _("local services")

    def clean(self):
        super().clean()
        flow = Flow.from_raw(self.service.eligibility.raw_data) if self.service_id else None
        keys = set(flow.outcomes) if flow else set()
        errors = {}
        for number, child in enumerate(self.eligibility_local.raw_data):
            if (child.get("value") or {}).get("outcome") not in keys:
                message = _("The regional check has no outcome with this key.")
                errors[number] = StructBlockValidationError(
                    block_errors={"outcome": ValidationError(message)}
                )
        if errors:
            raise ValidationError(
                {"eligibility_local": StreamBlockValidationError(block_errors=errors)}
            )

    @cached_property
    def eligibility(self):
        """The check with this municipality's changes; None when the service has none."""
        flow = Flow.from_raw(self.service.eligibility.raw_data)
        return flow.with_local(self.eligibility_local.raw_data) if flow else None

    @path("kom-ik-in-aanmerking/", name="eligibility")
    def eligibility_check(self, request):
        if self.eligibility is None:
            raise Http404
        return check_view(self, request)

    @cached_property
    def facts(self):
        return ServiceFacts(self)

    @property
    def service_identifier(self):
        return self.service.identifier

    @property
    def eligibility_json(self):
        return self.eligibility.to_json() if self.eligibility else None

    @property
    def merged_facts(self):
        return self.facts.to_json()

    def joint_index_fields(self):
        """What the joint search index stores besides title, summary and body."""
        service = self.service
        return {
            "themes": list(service.themes),
            "life_events": list(service.life_events),
            # The identifier too: it is the word a citizen may know from elsewhere.
            "keywords": [*service.keyword_list, service.identifier.replace("-", " ")],
            "regional_service": service.identifier,
            "text": self.facts.plain_text(),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["facts"] = self.facts
        url = self.get_url(request) or ""
        context["compare_url"] = f"{url[: -len(self.slug) - 1]}vergelijk/{self.service.identifier}/"
        if self.eligibility is not None:
            context["eligibility_url"] = url + self.reverse_subpage("eligibility")
        return context
