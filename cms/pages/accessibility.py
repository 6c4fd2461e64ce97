"""What an accessibility statement says that is not typed by an editor.

Flemish public bodies publish a statement under the administrative decree of 7 December
2018 (bestuursdecreet, transposing Directive (EU) 2016/2102), in the form of the EU model
statement: conformance status, content that is not accessible and why, how the statement
was drawn up, how to report a problem and how to escalate. This module holds the
platform's share: the issues the platform knows about, the reasons content may be
inaccessible, and the escalation body.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents import get_document_model


class InaccessibilityReason(models.TextChoices):
    """The three reasons the model statement distinguishes."""

    NON_COMPLIANCE = "non_compliance", _("Non-compliance with the decree")
    DISPROPORTIONATE_BURDEN = "disproportionate_burden", _("Disproportionate burden")
    OUT_OF_SCOPE = "out_of_scope", _("Content outside the scope of the decree")


class EvaluationMethod(models.TextChoices):
    SELF = "self", _("self-assessment")
    THIRD_PARTY = "third_party", _("assessment by a third party")


class InaccessibleContentBlock(blocks.StructBlock):
    """One piece of this site's content that is not accessible, added by an editor."""

    what = blocks.TextBlock(
        label=_("What is not accessible"),
        help_text=_(
            "The content and the problem, e.g. 'The PDF of the 2019 budget has no "
            "headings and its tables cannot be read by a screen reader.'"
        ),
    )
    reason = blocks.ChoiceBlock(
        choices=InaccessibilityReason.choices,
        default=InaccessibilityReason.NON_COMPLIANCE,
        label=_("Why"),
    )
    explanation = blocks.TextBlock(
        required=False,
        label=_("Explanation"),
        help_text=_("For a disproportionate burden: why fixing it costs more than it brings."),
    )
    alternative = blocks.TextBlock(
        required=False,
        label=_("Accessible alternative"),
        help_text=_("How someone can still get the information, e.g. 'Ask us by phone.'"),
    )

    class Meta:
        icon = "warning"
        label = _("Inaccessible content")


@dataclass(frozen=True)
class InaccessibleContent:
    what: str
    reason: str
    explanation: str = ""
    alternative: str = ""


@dataclass(frozen=True)
class KnownIssue:
    """An issue the platform knows may affect a site, and when it does."""

    key: str
    content: InaccessibleContent
    applies: Callable  # (statement, municipality) -> bool


def _has_documents(statement, municipality):
    collection_id = getattr(municipality, "collection_id", None)
    return bool(
        collection_id and get_document_model().objects.filter(collection_id=collection_id).exists()
    )


def _has_uncaptioned_videos(statement, municipality):
    return statement.has_uncaptioned_videos


KNOWN_ISSUES = (
    KnownIssue(
        key="documents",
        content=InaccessibleContent(
            what=_(
                "Some PDF files and other office documents, in particular documents made by "
                "other organisations and documents published before 23 September 2018, are "
                "not fully accessible: they may lack headings, text alternatives or a "
                "reading order."
            ),
            reason=InaccessibilityReason.OUT_OF_SCOPE,
            explanation=_(
                "Office documents published before 23 September 2018 and content from third "
                "parties that we neither fund, develop nor control fall outside the scope of "
                "the decree, unless they are needed for an ongoing administrative procedure."
            ),
            alternative=_(
                "Ask us for the information by e-mail or phone: we send it to you in a form "
                "you can use."
            ),
        ),
        applies=_has_documents,
    ),
    KnownIssue(
        key="videos",
        content=InaccessibleContent(
            what=_("Some embedded videos have no captions and no transcript."),
            reason=InaccessibilityReason.NON_COMPLIANCE,
            explanation=_(
                "This fails success criteria 1.2.2 (captions) and 1.2.3 (audio description "
                "or media alternative) of WCAG 2.1."
            ),
            alternative=_("Ask us for a written version of what the video says."),
        ),
        applies=_has_uncaptioned_videos,
    ),
)

# The body that handles complaints about Flemish public bodies, accessibility included.
OMBUDSMAN = {
    "name": "Vlaamse Ombudsdienst",
    "url": "https://www.vlaamseombudsdienst.be",
    "email": "klachten@vlaamseombudsdienst.be",
    "phone": "0800 240 50",
}
