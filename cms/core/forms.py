"""The admin forms of municipal pages: every posted value is read safely, and no images,
documents or pages come from elsewhere.

Reading: a crafted request can post what no browser sends (a StreamField count "abc",
rich text that is no JSON or JSON of another shape, a chooser id "abc"). Wagtail's
widgets raise on such data while the form reads it, a server error. Here the form reads
every field through one guard: unreadable data becomes an error on that field, which is
shown again with the value it had before, and a reference by an id that can be no id (a
rich text link to page "abc") is refused too, so it cannot reach a public page.

Isolation: the choosers offer an editor only their own municipality's pages and
collection, but the page form takes any id it is sent, in a StreamField block, a rich
text embed or link or a foreign key; a crafted request could so show another
municipality's unpublished image or document in a preview, or publish it. This form
refuses such a reference outright (the choosers cannot produce one), unless the page had
it already: what a superuser placed stays editable.
"""

import json
import logging

from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from draftjs_exporter.error import ExporterException
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from .access import in_own_collections, in_own_trees

__all__ = ["MunicipalityPageForm", "ReadableFormMixin", "ReadableModelForm"]

logger = logging.getLogger(__name__)

# What Wagtail's widgets and blocks raise on data no browser sends: a number that is none
# (ValueError, OverflowError), a missing key (KeyError), JSON that is none or of another
# shape (JSONDecodeError, TypeError, AttributeError, IndexError, the Draftail exporter's
# own errors), nesting too deep to read (RecursionError), an id a model refuses.
UNREADABLE = (
    ValueError,
    TypeError,
    KeyError,
    AttributeError,
    IndexError,
    OverflowError,
    RecursionError,
    json.JSONDecodeError,
    ExporterException,
    ValidationError,
)
UNREADABLE_MESSAGE = _(
    "This data could not be read, so nothing was saved. Reload the page and try again."
)
NO_ID_MESSAGE = _("A link or choice here points at something that does not exist.")


def is_id(model, pk):
    """``pk`` can be a primary key of ``model`` (it may still not exist)."""
    try:
        field = model._meta.pk
        field.run_validators(field.get_prep_value(field.to_python(pk)))
    except UNREADABLE:
        return False
    return True


def _references(field, value):
    """The (model, pk) pairs a field's value refers to; the value may be a cleaned one or,
    for a field that failed validation, what the widget read from the request."""
    if value is None or value == "":
        return set()
    if isinstance(field, models.ForeignKey):
        if isinstance(value, models.Model):
            return {(type(value), str(value.pk))}
        return {(field.related_model, str(value))}
    extract = getattr(field, "extract_references", None)
    if extract is None:
        return set()
    return {(model, str(pk)) for model, pk, _path, _content_path in extract(value)}


def _within_reach(user, model, pk):
    if not is_id(model, pk):
        return True  # nothing it could reach; the form refuses it as no id
    if issubclass(model, Page):
        page = Page.objects.filter(pk=pk).only("path").first()
        return page is None or in_own_trees(user, page)
    if issubclass(model, (get_image_model(), get_document_model())):
        item = model.objects.filter(pk=pk).only("collection_id").first()
        return item is None or in_own_collections(user, item)
    return True


class ReadableFormMixin:
    """Reads each field's posted data through one guard (Django's ``_widget_data_value``,
    the single step where a widget reads the request). Data a widget cannot read, a
    chooser's id that can be no id, or a StreamField or rich text that refers to an item
    by no id is an error on that field, and the field shows the value it had before:
    Wagtail's widgets look such ids up when the form is shown again, and a public page
    would when it is rendered."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.unreadable = {}  # html name: the message for the field

    def _widget_data_value(self, widget, html_name):
        try:
            value = super()._widget_data_value(widget, html_name)
            if self._refers_to_no_id(widget, html_name, value):
                return self._unreadable(html_name, NO_ID_MESSAGE, f"no id in {value!r}")
        except UNREADABLE as error:
            return self._unreadable(html_name, UNREADABLE_MESSAGE, repr(error))
        return value

    def _refers_to_no_id(self, widget, html_name, value):
        if not value:
            return False
        if isinstance(widget, BaseChooser):
            return not is_id(widget.model_class, value)
        name = html_name.removeprefix(f"{self.prefix}-") if self.prefix else html_name
        try:
            field = self._meta.model._meta.get_field(name)
        except FieldDoesNotExist:
            return False
        extract = getattr(field, "extract_references", None)
        return extract is not None and any(
            not is_id(model, pk) for model, pk, _path, _content_path in extract(value)
        )

    def _unreadable(self, html_name, message, detail):
        """Note the field's error, and give it back the value it had before."""
        logger.info("Unreadable form data for %s: %s", html_name, detail)
        self.unreadable[html_name] = message
        for name, field in self.fields.items():
            if self.add_prefix(name) == html_name:
                return self.get_initial_for_field(field, name)
        return None

    def _clean_fields(self):
        super()._clean_fields()
        for name, bound_field in self._bound_items():
            if message := self.unreadable.get(bound_field.html_name):
                # Only this message: any other would be about the value from before.
                self._errors.pop(name, None)
                self.add_error(name, ValidationError(message, code="unreadable"))


class ReadableModelForm(ReadableFormMixin, WagtailAdminModelForm):
    """The guard for a snippet's or setting's admin form (``base_form_class``)."""


class MunicipalityPageForm(ReadableFormMixin, WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        user = self.for_user
        if user is None or user.is_superuser:
            return cleaned_data
        for name in self.fields:
            try:
                field = self._meta.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            # A field with errors is re-rendered from the request: check that too, or the
            # form would show the other municipality's item back in its chooser.
            value = cleaned_data[name] if name in cleaned_data else self[name].data
            # The instance still holds the values from before this edit.
            before = _references(field, getattr(self.instance, name, None))
            for model, pk in _references(field, value) - before:
                if not _within_reach(user, model, pk):
                    raise PermissionDenied
        return cleaned_data
