"""Factories for the service catalogue's tests.

``RegionalServiceFactory(identifier=..., **facts)`` makes a regional service in the ``nl``
locale; ``local_page(site_slug, service)`` returns that municipality's live local page
for it, made the way ``sync_sites`` makes it (``ensure_local_services``).
"""

import factory
from wagtail.models import Locale

from cms.catalogue.models import LocalServicePage, RegionalService, ServiceIndexPage
from cms.municipalities.models import Municipality
from cms.sitesync.services import ensure_local_services


class RegionalServiceFactory(factory.django.DjangoModelFactory):
    identifier = factory.Sequence(lambda n: f"dienst-{n}")
    name = factory.LazyAttribute(lambda service: service.identifier.replace("-", " ").capitalize())
    short_description = factory.LazyAttribute(lambda service: f"Korte uitleg over {service.name}.")
    description = factory.LazyAttribute(lambda service: f"<p>Alles over {service.name}.</p>")
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="nl"))
    themes = factory.LazyFunction(lambda: ["BurgerOverheid"])
    audiences = factory.LazyFunction(lambda: ["Burger"])

    class Meta:
        model = RegionalService


def service_index(site_slug):
    """The municipality's default-language /diensten/ page."""
    municipality = Municipality.objects.select_related("site__root_page").get(slug=site_slug)
    root = municipality.site.root_page
    return municipality, ServiceIndexPage.objects.child_of(root).get(locale_id=root.locale_id)


def local_page(site_slug, service, participation=None):
    """The live local page of ``service`` on ``site_slug``, synced like ``sync_sites`` does.

    ``participation`` (a ``cms.municipalities.config.Participation``) replaces the
    municipality's own when given.
    """
    municipality, index = service_index(site_slug)
    ensure_local_services(index, participation or municipality.participation, [])
    return LocalServicePage.objects.live().child_of(index).get(service=service)
