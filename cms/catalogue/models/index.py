"""/diensten/: a site's services, and the regional comparison of one service."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from cms.core.models import BasePage, BodyPageMixin
from cms.municipalities.models import Municipality

from ..browse import browse
from .local import LocalServicePage


class ServiceIndexPage(RoutablePageMixin, BodyPageMixin, BasePage):
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["catalogue.LocalServicePage", "pages.ContentPage"]
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + BodyPageMixin.content_panels
    search_fields = BasePage.search_fields + BodyPageMixin.search_fields
    api_fields = BasePage.api_fields + BodyPageMixin.api_fields

    class Meta:
        verbose_name = _("services index")
        verbose_name_plural = _("services indexes")

    def local_services(self):
        return (
            LocalServicePage.objects.live()
            .child_of(self)
            .select_related("service")
            .defer_streamfields()
        )

    def listed_services(self):
        """(pages, language) of the services this index lists: its own children, or on a
        translation that has none yet, those of the index it was translated from (in that
        language, which the template marks up)."""
        pages = list(self.local_services())
        if pages:
            return pages, None
        for source in (
            ServiceIndexPage.objects.filter(translation_key=self.translation_key)
            .exclude(pk=self.pk)
            .select_related("locale")
            .order_by("pk")
        ):
            pages = list(source.local_services())
            if pages:
                return pages, source.locale.language_code
        return [], None

    @path("")
    def index(self, request):
        pages, language = self.listed_services()
        context = {"browse": browse(pages, request.GET), "services_language": language}
        return self.render(request, context_overrides=context)

    @path("vergelijk/<slug:identifier>/", name="compare")
    def compare(self, request, identifier):
        offers = list(
            LocalServicePage.objects.live()
            .filter(service__identifier=identifier, locale_id=self.locale_id)
            .select_related("service")
            .order_by("url_path")
        )
        if not offers:
            raise Http404
        slugs = {page.url_path.split("/")[1] for page in offers}
        municipalities = {
            m.slug: m for m in Municipality.objects.filter(slug__in=slugs).select_related("site")
        }
        rows = [
            (municipalities.get(page.url_path.split("/")[1]), page)
            for page in offers
            if page.url_path.split("/")[1] in municipalities
        ]
        rows.sort(key=lambda row: row[0].name)
        return self.render(
            request,
            context_overrides={"service": offers[0].service, "offers": rows, "comparing": True},
            template="pages/servicecomparison.html",
        )
