"""The public form a form page shows, and the admin form that edits a form page.

Wagtail's form builder makes the fields; this module adds what citizens and the page
need on top: a honeypot against spam bots, input types that phones and assistive
technology understand, a length limit on long text, and the error summary's entries.
The markup itself (labels, hints, errors, ``aria-describedby``, ``aria-invalid``) is in
``themes/base/templates/includes/form_field.html`` and Django's own widgets.
"""

import datetime as dt
import re

import django.forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder, WagtailAdminFormPageForm

from cms.core.forms import MunicipalityPageForm
from cms.core.public_forms import HONEYPOT, ErrorEntry, HoneypotMixin

MULTILINE_MAX_LENGTH = 10_000


class _SanitisedInput:
    """A date or date-time input that renders a value its type cannot hold as empty, as a
    browser's value sanitisation would: only a crafted post sends such a value (a browser
    sends these inputs' values in ISO form or not at all), and HTML may not carry it."""

    pattern = None

    def format_value(self, value):
        value = super().format_value(value)
        if value is None or not self.pattern.fullmatch(str(value)):
            return None
        try:
            dt.datetime.fromisoformat(str(value))
        except ValueError:
            return None
        return value


class NativeDateInput(_SanitisedInput, django.forms.DateInput):
    input_type = "date"
    pattern = re.compile(r"\d{4}-\d{2}-\d{2}")

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class NativeDateTimeInput(_SanitisedInput, django.forms.DateTimeInput):
    input_type = "datetime-local"
    pattern = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?")

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class PublicForm(HoneypotMixin, BaseForm):
    """The base of every form page's form."""

    @property
    def citizen_fields(self):
        """The fields a visitor fills in, in order: everything but the honeypot."""
        return [field for field in self if field.name != HONEYPOT]

    @property
    def has_required_fields(self):
        return any(field.field.required and not field.is_hidden for field in self.citizen_fields)

    @property
    def error_summary(self):
        """Every error, in the order of the fields; a visible field's links to it."""
        entries = [ErrorEntry(message=str(error)) for error in self.non_field_errors()]
        for field in self.citizen_fields:
            anchor = ""
            if not field.is_hidden:
                # A group of radio buttons or checkboxes links to its first option.
                anchor = field.id_for_label or f"{field.auto_id}_0"
            entries.extend(
                ErrorEntry(message=str(error), label=field.label, anchor=anchor)
                for error in field.errors
            )
        return entries


class PublicFormBuilder(FormBuilder):
    """Wagtail's builder, with input types and autocomplete that help citizens."""

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTILINE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    def create_dropdown_field(self, field, options):
        # An empty first option: nothing is chosen for the visitor, and a required
        # dropdown can carry the required attribute (valid HTML only with such an option).
        form_field = super().create_dropdown_field(field, options)
        form_field.choices = [("", _("Choose…")), *form_field.choices]
        return form_field

    def create_email_field(self, field, options):
        options.setdefault("widget", django.forms.EmailInput(attrs={"autocomplete": "email"}))
        return super().create_email_field(field, options)

    def create_date_field(self, field, options):
        options.setdefault("widget", NativeDateInput)
        return super().create_date_field(field, options)

    def create_datetime_field(self, field, options):
        options.setdefault("widget", NativeDateTimeInput)
        return super().create_datetime_field(field, options)

    def create_number_field(self, field, options):
        # A text input: it keeps whatever was typed for the error message (a number input
        # may not hold "3 stuks"), and "3,5" is read the Dutch way.
        options.setdefault("widget", django.forms.TextInput(attrs={"inputmode": "decimal"}))
        options.setdefault("localize", True)
        return super().create_number_field(field, options)

    def create_url_field(self, field, options):
        # A text input too: a url input may not hold the "www.example" a visitor typed.
        options.setdefault(
            "widget", django.forms.TextInput(attrs={"inputmode": "url", "spellcheck": "false"})
        )
        return super().create_url_field(field, options)

    def get_form_class(self):
        return type("PublicForm", (PublicForm,), self.formfields)


class FormPageAdminForm(WagtailAdminFormPageForm, MunicipalityPageForm):
    """Wagtail's form page checks (unique field names) and the municipality's isolation."""
