"""Wagtail's API v2, scoped to the site the request is for.

Wagtail's pages endpoint takes a ``site`` parameter that answers for any site; here the
host decides, so one municipality's API never lists another's content.
"""

from django.utils.translation import gettext as _
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection

from cms.municipalities.models import Municipality


class SitePagesAPIViewSet(PagesAPIViewSet):
    known_query_parameters = PagesAPIViewSet.known_query_parameters - {"site"}

    def get_base_queryset(self):
        if "site" in self.request.GET:
            raise BadRequestError(_("The site is the host name you ask; 'site' is not accepted."))
        return super().get_base_queryset()


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


class SiteImagesAPIViewSet(SiteCollectionMixin, ImagesAPIViewSet):
    pass


class SiteDocumentsAPIViewSet(SiteCollectionMixin, DocumentsAPIViewSet):
    pass
