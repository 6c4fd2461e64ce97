"""The steps of a journey: each step one or more services, pages or links, to do all of
them or one of them (GOV.UK's step-by-step navigation, "and" / "or")."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.catalogue.models import RegionalService
from cms.core.blocks import PageLinkBlock, WebLinkBlock

__all__ = ["MAX_STEPS", "Choice", "JourneyStepsBlock", "StepBlock"]

# GOV.UK keeps a step-by-step short; a longer journey is two journeys.
MAX_STEPS = 15


class Choice:
    ALL = "all"
    ONE = "one"
    CHOICES = ((ALL, _("All of these")), (ONE, _("One of these")))


class StepItemsBlock(blocks.StreamBlock):
    """What a step points to: a regional service resolves to each municipality's own page."""

    service = SnippetChooserBlock(RegionalService, label=_("Service"), icon="list-ul")
    page = PageLinkBlock(label=_("Page"))
    link = WebLinkBlock(label=_("Link"))

    class Meta:
        min_num = 1
        label = _("What to do")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    explanation = blocks.TextBlock(label=_("short explanation"), required=False)
    optional = blocks.BooleanBlock(
        label=_("optional"), required=False, help_text=_("Not everyone needs this step.")
    )
    choice = blocks.ChoiceBlock(
        label=_("and / or"),
        choices=Choice.CHOICES,
        default=Choice.ALL,
        help_text=_("Whether citizens do all of the items below or one of them."),
    )
    items = StepItemsBlock()

    class Meta:
        icon = "list-ol"
        label = _("Step")
        description = _("One step of a journey: what to do, with the services or pages for it.")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("items"):
            raise blocks.StructBlockValidationError(
                block_errors={"items": ValidationError(_("A step needs at least one item."))}
            )
        return value


class JourneyStepsBlock(blocks.StreamBlock):
    step = StepBlock()

    class Meta:
        min_num = 1
        max_num = MAX_STEPS
