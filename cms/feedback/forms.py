"""The two public forms: the yes/no vote every page carries, and the comment after a "no".

Both carry a honeypot (a field people never see or fill in, as the form pages have); a
filled one is answered as if it worked and nothing is kept. Both give the error summary
(``themes/base/templates/includes/error_summary.html``) its entries.
"""

import django.forms
from django.core import signing
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.core.public_forms import HONEYPOT, ErrorEntry, HoneypotMixin

from .models import COMMENT_MAX_LENGTH, Feedback

TOKEN_SALT = "cms.feedback.comment"  # noqa: S105 - a signing salt, not a secret
# How long after a "no" the comment may still be added.
TOKEN_MAX_AGE = 2 * 60 * 60


class Answer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")


def comment_token(feedback):
    """A signed, expiring token that lets the visitor add a comment to their own "no"."""
    return signing.dumps(feedback.pk, salt=TOKEN_SALT, compress=False)


class PublicFeedbackForm(HoneypotMixin, django.forms.Form):
    honeypot_id = "feedback-website"
    # Whether the error summary links to the fields (not when they are on another page).
    links_to_fields = True

    @property
    def error_summary(self):
        entries = [ErrorEntry(message=str(error)) for error in self.non_field_errors()]
        for field in self:
            if field.name == HONEYPOT:
                continue
            shown = self.links_to_fields and not field.is_hidden
            entries.extend(
                ErrorEntry(
                    message=str(error),
                    label=field.label if shown else "",
                    anchor=field.id_for_label if shown else "",
                )
                for error in field.errors
            )
        return entries


class VoteForm(PublicFeedbackForm):
    """Yes or no about one page; which pages may be voted on is the view's to check."""

    links_to_fields = False  # the buttons are on the page, not on the problem page

    page = django.forms.IntegerField(
        widget=django.forms.HiddenInput,
        min_value=1,
        max_value=2**31 - 1,
        error_messages={
            "required": _("It is not clear which page your answer is about."),
            "invalid": _("It is not clear which page your answer is about."),
            "min_value": _("It is not clear which page your answer is about."),
            "max_value": _("It is not clear which page your answer is about."),
        },
    )
    useful = django.forms.ChoiceField(
        label=_("Was this page useful?"),
        choices=Answer.choices,
        error_messages={
            "required": _("Choose “Yes” or “No”."),
            "invalid_choice": _("Choose “Yes” or “No”."),
        },
    )


class CommentForm(PublicFeedbackForm):
    """The optional comment after a "no", bound to that one vote by a signed token."""

    honeypot_id = "comment-website"

    token = django.forms.CharField(
        widget=django.forms.HiddenInput,
        max_length=200,
        error_messages={"required": _("This link to add a comment is not valid.")},
    )
    comment = django.forms.CharField(
        label=_("What were you looking for, or what could be better?"),
        help_text=_(
            "Optional, at most 500 characters. Do not type personal data such as your name, "
            "e-mail address or national register number."
        ),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        strip=True,
        widget=django.forms.Textarea(attrs={"rows": 5, "autocomplete": "off"}),
    )

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.feedback = None

    def clean_token(self):
        self.feedback = feedback_for_token(self.cleaned_data["token"], self.municipality)
        return self.cleaned_data["token"]


class TokenError(django.forms.ValidationError):
    pass


def feedback_for_token(token, municipality):
    """The "no" vote ``token`` was made for, if it still takes a comment; else TokenError."""
    try:
        pk = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.SignatureExpired as error:
        raise TokenError(
            _("The time to add a comment has passed. Your answer was recorded; thank you."),
            code="expired",
        ) from error
    except signing.BadSignature as error:
        raise TokenError(_("This link to add a comment is not valid."), code="invalid") from error
    feedback = Feedback.objects.filter(
        pk=pk if isinstance(pk, int) else None, useful=False, municipality=municipality
    ).first()
    if feedback is None:
        raise TokenError(_("This link to add a comment is not valid."), code="invalid")
    if feedback.comment:
        raise TokenError(_("A comment was already added to this answer."), code="used")
    return feedback
