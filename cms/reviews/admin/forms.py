"""The form of a page's owner and next review date.

The owner is one select of the page's municipality's teams and people; any other value (a
crafted POST with another municipality's user or group, junk) is refused on the field.
"""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..owners import person_name

# The furthest a review date may be set (sites/ allows intervals of up to 60 months).
LATEST_DAYS = 5 * 366


class PageReviewForm(forms.Form):
    owner = forms.ChoiceField(
        label=_("Owner"),
        required=False,
        help_text=_("Who looks after this page and gets the review reminders."),
    )
    review_on = forms.DateField(
        label=_("Next review"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "Leave empty to follow the municipality's interval from the last review "
            "(or the first publication)."
        ),
    )

    def __init__(self, *args, owners, municipality, default_name, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = owners.choices(municipality)
        teams = [
            (value, owners.name(owner))
            for value, owner in self.choices.items()
            if value.startswith("group:")
        ]
        people = [
            (value, person_name(owner))
            for value, owner in self.choices.items()
            if value.startswith("user:")
        ]
        self.fields["owner"].choices = [
            ("", _("Default: %(team)s") % {"team": default_name}),
            (_("Teams"), teams),
            (_("People"), people),
        ]

    def clean_owner(self):
        return self.choices.get(self.cleaned_data["owner"])

    def clean_review_on(self):
        day = self.cleaned_data["review_on"]
        if day is None:
            return None
        today = timezone.localdate()
        if day < today:
            raise forms.ValidationError(_("Choose today or a later date."))
        if day > today + timedelta(days=LATEST_DAYS):
            raise forms.ValidationError(_("Choose a date within five years."))
        return day
