from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from ..models import DEFAULT_DAYS, MAX_DAYS, RECIPIENT_MAX_LENGTH


class ShareLinkForm(forms.Form):
    days = forms.IntegerField(
        label=_("Valid for (days)"),
        min_value=1,
        max_value=MAX_DAYS,
        initial=DEFAULT_DAYS,
        help_text=format_lazy(
            _("From 1 to {max} days; the link stops working after that."), max=MAX_DAYS
        ),
    )
    recipient = forms.CharField(
        label=_("Shared with"),
        max_length=RECIPIENT_MAX_LENGTH,
        required=False,
        help_text=_("Whom the link is for, e.g. “alderman for culture”. Only editors see this."),
    )
    include_descendants = forms.BooleanField(
        label=_("Include subpages"),
        required=False,
        help_text=_("The link also shows the latest draft of every page below this one."),
    )
