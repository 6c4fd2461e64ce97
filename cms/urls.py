from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.alerts.views import admin_url_overrides as alerts_admin_url_overrides
from cms.api.urls import api_router
from cms.core.admin_guards import urlpatterns as admin_guards
from cms.core.views import healthz
from cms.events.feed import calendar_feed
from cms.journeys.finder import place_finder
from cms.municipalities.wagtail_hooks import admin_url_overrides
from search.views import autocomplete as search_suggestions_view
from search.views import search as search_view

# A database failure raised in a middleware: the 503 maintenance page (cms/core/faults.py).
handler500 = "cms.core.faults.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Admin views that would show one municipality's content to another's editors.
    path("admin/", include(admin_url_overrides)),
    path("admin/", include(alerts_admin_url_overrides)),
    path("admin/", include(admin_guards)),  # input Wagtail takes for granted
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap),
    path("", include("cms.feedback.urls")),
    path("", include("cms.sharing.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("zoeken/", search_view, name="search"),
    path("zoeken/suggesties/", search_suggestions_view, name="search-suggestions"),
    path("welke-gemeente/", place_finder, name="place-finder"),
    path("evenementen/agenda.ics", calendar_feed, name="event-feed"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
