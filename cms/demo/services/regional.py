"""The demo's regional services: created once, never overwritten (a regional editor may
have changed them since)."""

from wagtail.models import Locale

from cms.catalogue.models import RegionalService

from . import business, citizenship, family, identity, leisure, living, mobility, waste

SPECS = (
    *identity.SERVICES,
    *citizenship.SERVICES,
    *family.SERVICES,
    *mobility.SERVICES,
    *waste.SERVICES,
    *living.SERVICES,
    *business.SERVICES,
    *leisure.SERVICES,
)
SPECS_BY_ID = {spec.identifier: spec for spec in SPECS}


def ensure_regional_services(locale=None):
    """Create the regional services that are missing in ``locale`` (the default language).

    Returns the services created.
    """
    locale = locale or Locale.get_default()
    taken = set(RegionalService.objects.filter(locale=locale).values_list("identifier", flat=True))
    created = []
    for spec in SPECS:
        if spec.identifier in taken:
            continue
        service = RegionalService(locale=locale, **spec.fields())
        service.save()
        service.save_revision(log_action=True)
        created.append(service)
    return created
