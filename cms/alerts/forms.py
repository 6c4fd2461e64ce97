"""The alert form: a municipal editor's alerts are their own municipality's."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from cms.core.forms import ReadableFormMixin

from .permissions import alert_scopes

__all__ = ["AlertForm"]

CHOOSER_FIELDS = ("page", "link_page")


def _is_id(value):
    return value.isascii() and value.isdigit() and len(value) <= 18


class AlertForm(ReadableFormMixin, WagtailAdminModelForm):
    """The municipality is the editor's own and cannot be changed (a forged value is
    ignored); a user who manages several (or the region too) chooses among those only."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.junk_choices = self._drop_junk_choices()
        self.scopes = alert_scopes(for_user) if for_user is not None else None
        field = self.fields.get("municipality")
        if field is None or self.scopes is None:
            return
        field.queryset = self.scopes.municipalities()
        field.required = not self.scopes.regional
        field.empty_label = _("The whole region") if self.scopes.regional else None
        own = self.scopes.ids
        if own is not None and len(own) == 1 and not self.scopes.regional:
            (only,) = own
            field.disabled = True
            if not self.instance.pk:
                self.initial["municipality"] = only
        if own is not None and not own and self.scopes.regional:
            field.disabled = True  # regional only: every alert of theirs is regional

    def _drop_junk_choices(self):
        """A chooser's value that is no id at all would break the form when it is shown
        again (Wagtail's chooser widget looks it up); drop it and say so on the field."""
        if not self.is_bound:
            return []
        junk = [
            name
            for name in CHOOSER_FIELDS
            if (value := self.data.get(self.add_prefix(name))) and not _is_id(value)
        ]
        if junk:
            self.data = self.data.copy()
            for name in junk:
                self.data[self.add_prefix(name)] = ""
        return junk

    def clean(self):
        cleaned = super().clean()
        for name in self.junk_choices:
            self.add_error(name, _("Choose a page with the chooser."))
        municipality = cleaned.get("municipality")
        if self.scopes is not None and not self.scopes.allows(
            municipality.pk if municipality else None
        ):
            self.add_error(
                "municipality", _("You can only manage alerts of your own municipality.")
            )
        return cleaned
