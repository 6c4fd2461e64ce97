"""The admin form of every municipal page: no images, documents or pages from elsewhere.

The choosers offer an editor only their own municipality's pages and collection, but the
page form takes any id it is sent, in a StreamField block, a rich text embed or link or a
foreign key; a crafted request could so show another municipality's unpublished image or
document in a preview, or publish it. This form refuses such a reference outright (the
choosers cannot produce one), unless the page had it already: what a superuser placed
stays editable.
"""

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from .access import in_own_collections, in_own_trees


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
    if issubclass(model, Page):
        page = Page.objects.filter(pk=pk).only("path").first()
        return page is None or in_own_trees(user, page)
    if issubclass(model, (get_image_model(), get_document_model())):
        item = model.objects.filter(pk=pk).only("collection_id").first()
        return item is None or in_own_collections(user, item)
    return True


class MunicipalityPageForm(WagtailAdminPageForm):
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
