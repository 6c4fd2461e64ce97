"""Wagtail's API v2, scoped to the site the request is for.

Wagtail's pages endpoint takes a ``site`` parameter that answers for any site; here the
host decides, so one municipality's API never lists another's content.

Every query parameter Wagtail reads is checked first (``ParameterValidationMixin``):
what Wagtail would pass on to the database or the search backend unchecked (a NUL, a
quotation mark in ``search``, an unknown ``search_operator``, an ``offset`` past 64 bits, a date
filter that is no date, a ``find`` id that is no number) is a 400 ``{"message": ...}``
naming the parameter, as Wagtail's own BadRequestError answers.
"""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.translation import gettext as _
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection

from cms.municipalities.models import Municipality

# Wagtail's ids are 32-bit: no page, image or document has a larger one.
MAX_ID = 2**31 - 1
MAX_OFFSET = MAX_ID
MAX_VALUE_LENGTH = 1000
MAX_SEARCH_LENGTH = 200
MAX_SEARCH_WORDS = 32
SEARCH_OPERATORS = ("and", "or")
FORMATS = ("json", "api")
# Parameters that name a page by id, and whether they also take "root" (the site's root).
PAGE_PARAMETERS = {
    "child_of": True,
    "descendant_of": True,
    "translation_of": True,
    "ancestor_of": False,
}
# The values a model field's filter may take, by its type (the database's, not SQLite's).
INTEGER_RANGES = BaseDatabaseOperations.integer_field_ranges


def _whole_number(value, maximum, minimum=0):
    """``value`` as an int when it is plain ASCII digits (optionally negative) in range."""
    digits = value[1:] if value.startswith("-") else value
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 20:
        return None
    number = int(value)
    return number if minimum <= number <= maximum else None


def _check_whole_number(name, value, maximum):
    if _whole_number(value, maximum) is None:
        raise BadRequestError(
            _("%(name)s must be a whole number from 0 to %(max)d") % {"name": name, "max": maximum}
        )


class ParameterValidationMixin:
    """Checks the query parameters of Wagtail's API viewsets before Wagtail reads them."""

    def initial(self, request, *args, **kwargs):
        # Before content negotiation, which answers an unknown ``format`` with a 404.
        self.check_common_parameters(request.GET)
        super().initial(request, *args, **kwargs)

    def check_common_parameters(self, params):
        """What every action (listing, detail, find) reads."""
        for name, value in params.items():
            if "\x00" in name or "\x00" in value:
                # PostgreSQL refuses NUL in any text it is given (html_path: a 500).
                raise BadRequestError(
                    _("%(name)s contains a character that is not allowed (NUL)")
                    % {"name": name.replace("\x00", "\\x00")[:40]}
                )
            if len(value) > MAX_VALUE_LENGTH:
                raise BadRequestError(
                    _("%(name)s is longer than %(max)d characters")
                    % {"name": name, "max": MAX_VALUE_LENGTH}
                )
        if "format" in params and params["format"] not in FORMATS:
            raise BadRequestError(_("format must be 'json' or 'api'"))
        for name, maximum in (("offset", MAX_OFFSET), ("limit", MAX_ID)):
            if name in params:
                _check_whole_number(name, params[name], maximum)

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        params = self.request.GET
        if "search" in params:
            self.check_search(params["search"])
        operator = params.get("search_operator", "")
        if operator and operator.lower() not in SEARCH_OPERATORS:
            raise BadRequestError(_("search_operator must be 'and' or 'or'"))
        self.check_field_filters(queryset.model, params)

    def check_search(self, value):
        words = value.split()
        if not words:
            raise BadRequestError(_("search needs at least one word"))
        if len(value) > MAX_SEARCH_LENGTH:
            raise BadRequestError(
                _("%(name)s is longer than %(max)d characters")
                % {"name": "search", "max": MAX_SEARCH_LENGTH}
            )
        if len(words) > MAX_SEARCH_WORDS:
            raise BadRequestError(
                _("search may hold at most %(max)d words") % {"max": MAX_SEARCH_WORDS}
            )
        # The SQLite backend puts each word between quotation marks unescaped.
        if '"' in value:
            raise BadRequestError(_('search cannot contain quotation marks ("); leave them out'))
        if any(not (ch.isprintable() or ch.isspace()) for ch in value):
            raise BadRequestError(_("search contains control characters"))

    def check_field_filters(self, model, params):
        """Each ``?field=value`` filter: a value the field can hold, as Wagtail's
        FieldsFilter would convert it (it converts only booleans and integers itself)."""
        fields = set(self.get_available_fields(model, db_fields_only=True)) - {"locale"}
        for name in fields & set(params):
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            self.check_field_value(name, field, params[name])

    def check_field_value(self, name, field, value):
        if isinstance(field, models.ForeignKey):
            field = field.target_field
        if not isinstance(field, models.Field) or isinstance(field, models.BooleanField):
            return  # tags (split on commas) and booleans: Wagtail checks them
        internal_type = field.get_internal_type()
        if internal_type in INTEGER_RANGES:
            minimum, maximum = INTEGER_RANGES[internal_type]
            if _whole_number(value, maximum, minimum) is None:
                raise BadRequestError(
                    _("%(name)s must be a whole number from %(min)d to %(max)d")
                    % {"name": name, "min": minimum, "max": maximum}
                )
            return
        try:
            field.get_prep_value(field.to_python(value))
        except (ValidationError, ValueError, TypeError) as error:
            raise BadRequestError(
                _("%(name)s: '%(value)s' is not a valid value")
                % {"name": name, "value": value[:40]}
            ) from error

    def find_object(self, queryset, request):
        if "id" in request.GET:
            _check_whole_number("id", request.GET["id"], MAX_ID)
        return super().find_object(queryset, request)


class SitePagesAPIViewSet(ParameterValidationMixin, PagesAPIViewSet):
    known_query_parameters = PagesAPIViewSet.known_query_parameters - {"site"}

    def get_base_queryset(self):
        if "site" in self.request.GET:
            raise BadRequestError(_("The site is the host name you ask; 'site' is not accepted."))
        return super().get_base_queryset()

    def check_common_parameters(self, params):
        super().check_common_parameters(params)
        for name, takes_root in PAGE_PARAMETERS.items():
            if name not in params or (takes_root and params[name] == "root"):
                continue
            if _whole_number(params[name], MAX_ID) is None:
                message = (
                    _("%(name)s must be a page id (a whole number from 0 to %(max)d) or 'root'")
                    if takes_root
                    else _("%(name)s must be a page id (a whole number from 0 to %(max)d)")
                )
                raise BadRequestError(message % {"name": name, "max": MAX_ID})
        if "locale" in params:
            codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
            if params["locale"] not in codes:
                raise BadRequestError(
                    _("locale must be one of: %(codes)s") % {"codes": ", ".join(codes)}
                )


class SiteCollectionMixin:
    """Images and documents of the requesting municipality's collection only."""

    def get_queryset(self):
        municipality = Municipality.for_request(self.request)
        if municipality is None or municipality.collection is None:
            # The regional site shares what sits directly in the root collection.
            return super().get_queryset().filter(collection=Collection.get_first_root_node())
        return (
            super()
            .get_queryset()
            .filter(collection__in=municipality.collection.get_descendants(inclusive=True))
        )


class SiteImagesAPIViewSet(ParameterValidationMixin, SiteCollectionMixin, ImagesAPIViewSet):
    pass


class SiteDocumentsAPIViewSet(ParameterValidationMixin, SiteCollectionMixin, DocumentsAPIViewSet):
    pass
