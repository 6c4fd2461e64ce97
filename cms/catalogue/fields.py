"""A list of codes from one code list, stored as JSON and edited as checkboxes."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    """Several values of one ``TextChoices``: stored as a JSON list (no join table, so no
    extra query to show them), edited as checkboxes, validated against the code list."""

    def __init__(self, *args, choice_list=None, **kwargs):
        self.choice_list = choice_list
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("default", None)
        kwargs.pop("blank", None)
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list):
            raise ValidationError(_("Expected a list of codes."), code="invalid")
        known = set(self.choice_list.values)
        unknown = [code for code in value if code not in known]
        if unknown:
            raise ValidationError(
                _("Unknown code(s): %(codes)s.") % {"codes": ", ".join(map(str, unknown))},
                code="invalid_choice",
            )

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choice_list.choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )
