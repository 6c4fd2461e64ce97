"""/diensten/: a site's services, and the regional comparison of one service."""

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import get_supported_content_language_variant

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
        """(pages, language): the live local pages in this index's language and, on a
        translation, the pages of the default-language index that have no translation here
        yet; each of those carries ``fallback_language`` (the template marks it with
        ``lang`` and ``hreflang``), and ``language`` is that language, or None when every
        page is in this index's language."""
        pages = list(self.local_services())
        own = {page.translation_key for page in pages}
        language = None
        for source in (
            ServiceIndexPage.objects.filter(
                translation_key=self.translation_key,
                locale__language_code=get_supported_content_language_variant(
                    settings.LANGUAGE_CODE
                ),
            )
            .exclude(pk=self.pk)
            .select_related("locale")
        ):
            for page in source.local_services():
                if page.translation_key not in own:
                    page.fallback_language = language = source.locale.language_code
                    pages.append(page)
        return pages, language

    @path("")
    def index(self, request):
        pages, language = self.listed_services()
        context = {"browse": browse(pages, request.GET), "services_language": language}
        return self.render(request, context_overrides=context)

    @path("vergelijk/<slug:identifier>/", name="compare")
    def compare(self, request, identifier):
        """Every municipality's local page of the service, in this index's language where
        it has one (else its default-language page, marked with ``fallback_language``)."""
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        offers = list(
            LocalServicePage.objects.live()
            .filter(service__identifier=identifier, locale__language_code=default)
            .select_related("service")
            .order_by("url_path")
        )
        if not offers:
            raise Http404
        service, translated = offers[0].service, {}
        if offers[0].locale_id != self.locale_id:
            translated = {
                page.translation_key: page
                for page in LocalServicePage.objects.live()
                .filter(
                    locale_id=self.locale_id,
                    translation_key__in=[page.translation_key for page in offers],
                )
                .select_related("service")
            }
            service = next(iter(translated.values()), offers[0]).service
            for page in offers:
                page.fallback_language = default
        slugs = {page.url_path.split("/")[1] for page in offers}
        municipalities = {
            m.slug: m for m in Municipality.objects.filter(slug__in=slugs).select_related("site")
        }
        # The default-language page's path names the municipality (a translated home's slug
        # does not); its translation, where there is one, is what the row shows.
        rows = [
            (
                municipalities[page.url_path.split("/")[1]],
                translated.get(page.translation_key, page),
            )
            for page in offers
            if page.url_path.split("/")[1] in municipalities
        ]
        rows.sort(key=lambda row: row[0].name)
        return self.render(
            request,
            context_overrides={"service": service, "offers": rows, "comparing": True},
            template="pages/servicecomparison.html",
        )
