"""The blocks of a "Do I qualify?" flow (regional) and of a municipality's changes to
its outcomes (local). The checks themselves are in :mod:`cms.catalogue.eligibility`, so
the admin refuses exactly what evaluation could not use."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError

from .eligibility import ADD, CHOICE, MAX_ANSWERS, OUTCOME_KINDS, REPLACE, YES_NO, problems

KEY_HELP = _('A short name in lower case, for example "owner": answers point to it.')
NEXT_HELP = _("The key of the next question or of an outcome.")


class AnswerBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Answer"), max_length=200)
    next = blocks.CharBlock(label=_("Then"), max_length=50, help_text=NEXT_HELP)

    class Meta:
        icon = "arrow-right"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    key = blocks.CharBlock(label=_("Key"), max_length=50, help_text=KEY_HELP)
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    explanation = blocks.TextBlock(label=_("Explanation"), required=False)
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=((YES_NO, _("Yes or no")), (CHOICE, _("Choice"))),
        default=YES_NO,
    )
    yes_next = blocks.CharBlock(
        label=_("After yes"), max_length=50, required=False, help_text=NEXT_HELP
    )
    no_next = blocks.CharBlock(
        label=_("After no"), max_length=50, required=False, help_text=NEXT_HELP
    )
    answers = blocks.ListBlock(
        AnswerBlock(),
        label=_("Answers (a choice)"),
        default=[],
        max_num=MAX_ANSWERS,
    )

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value["kind"] == YES_NO:
            for name in ("yes_next", "no_next"):
                if not value[name]:
                    errors[name] = ValidationError(_("A yes/no question needs both next steps."))
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class OutcomeBlock(blocks.StructBlock):
    key = blocks.CharBlock(label=_("Key"), max_length=50, help_text=KEY_HELP)
    kind = blocks.ChoiceBlock(label=_("Kind"), choices=OUTCOME_KINDS)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link_url = blocks.URLBlock(label=_("Link"), required=False)
    link_label = blocks.CharBlock(label=_("Link text"), max_length=200, required=False)

    class Meta:
        icon = "success"
        label = _("Outcome")


class OmittedIsEmpty:
    """A form post without the field (an older form, a script) reads as no flow rather
    than failing: the field came after the forms that post the rest."""

    def value_from_datadict(self, data, files, prefix):
        if f"{prefix}-count" not in data:
            return self.to_python([])
        return super().value_from_datadict(data, files, prefix)


class EligibilityBlock(OmittedIsEmpty, blocks.StreamBlock):
    """The flow: its first question is where it starts."""

    question = QuestionBlock()
    outcome = OutcomeBlock()

    class Meta:
        block_counts = {"question": {"max_num": 20}, "outcome": {"max_num": 20}}

    def clean(self, value):
        value = super().clean(value)
        raw = [
            {"type": child.block_type, "value": child.block.get_prep_value(child.value)}
            for child in value
        ]
        found = problems(raw)
        if found:
            at_block = {}
            for index, message in found:
                if index is not None:
                    at_block.setdefault(index, []).append(ValidationError(str(message)))
            raise StreamBlockValidationError(
                block_errors={
                    index: blocks.StructBlockValidationError(non_block_errors=messages)
                    for index, messages in at_block.items()
                },
                non_block_errors=[ValidationError(str(m)) for i, m in found if i is None],
            )
        return value


class LocalOutcomeBlock(blocks.StructBlock):
    """A municipality's change to one outcome of the regional flow."""

    outcome = blocks.CharBlock(
        label=_("Outcome"), max_length=50, help_text=_("The key of a regional outcome.")
    )
    mode = blocks.ChoiceBlock(
        label=_("Change"),
        choices=((REPLACE, _("Replace the regional text")), (ADD, _("Add to the regional text"))),
        default=ADD,
    )
    text = blocks.TextBlock(label=_("Text"))
    link_url = blocks.URLBlock(label=_("Link"), required=False)
    link_label = blocks.CharBlock(label=_("Link text"), max_length=200, required=False)

    class Meta:
        icon = "success"
        label = _("Local outcome")


class LocalEligibilityBlock(OmittedIsEmpty, blocks.StreamBlock):
    outcome = LocalOutcomeBlock()
