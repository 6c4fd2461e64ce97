"""What every public form shares (form pages, page feedback): a honeypot against spam bots,
and the entries of the error summary (themes/base/templates/includes/error_summary.html)."""

from dataclasses import dataclass

import django.forms
from django.utils.translation import gettext_lazy as _

# The honeypot's name ends in "_", which no field an editor makes can have: Wagtail derives
# field names from labels with slugify, which strips leading and trailing underscores.
HONEYPOT = "website_"


@dataclass(frozen=True)
class ErrorEntry:
    """One line of the error summary: what went wrong and, for a field, where."""

    message: str
    label: str = ""
    anchor: str = ""


class HoneypotMixin:
    """A field people never see or fill in; a form whose honeypot is filled has
    ``caught_spam`` set (and is answered as if it worked, keeping nothing)."""

    honeypot_id = None  # the field's id, where a page holds two such forms

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        attrs = {"tabindex": "-1", "autocomplete": "off"}
        if self.honeypot_id:
            attrs["id"] = self.honeypot_id
        self.fields[HONEYPOT] = django.forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            max_length=255,
            widget=django.forms.TextInput(attrs=attrs),
        )
        self.caught_spam = False

    def clean(self):
        cleaned_data = super().clean()
        self.caught_spam = bool((cleaned_data.pop(HONEYPOT, "") or "").strip())
        return cleaned_data

    @property
    def honeypot(self):
        return self[HONEYPOT]
