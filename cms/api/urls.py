from wagtail.api.v2.router import WagtailAPIRouter

from cms.alerts.api import AlertsAPIView
from cms.catalogue.api import CatalogueAPIView
from cms.journeys.places_api import PlacesAPIView
from cms.journeys.tasks_api import TopTasksAPIView
from search.api import SearchAPIView

from .views import SiteDocumentsAPIViewSet, SiteImagesAPIViewSet, SitePagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SitePagesAPIViewSet)
api_router.register_endpoint("images", SiteImagesAPIViewSet)
api_router.register_endpoint("documents", SiteDocumentsAPIViewSet)
api_router.register_endpoint("search", SearchAPIView)
api_router.register_endpoint("catalogue", CatalogueAPIView)
api_router.register_endpoint("alerts", AlertsAPIView)
api_router.register_endpoint("places", PlacesAPIView)
api_router.register_endpoint("top-tasks", TopTasksAPIView)
