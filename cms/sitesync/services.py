"""Each municipality's local service pages, from the regional services it takes part in.

Creates (and publishes) the local page of every regional service the municipality takes
part in, unpublishes — never deletes — the pages of services its sites/ file no longer
includes, and republishes those when it takes part again. A page an editor unpublished
(opting out in the admin) stays unpublished. Archived services get no new pages; their
existing pages are flagged for review instead.

In every other language of the site (each translation of the index page), a local page
gets a translation where its regional service has one in that language: a copy of the
Dutch page (same translation key, registered with wagtail-localize so the municipality's
editors translate its local facts there) whose regional service is the translation. It
follows the Dutch page's state: unpublished with it, republished with it. Where the
regional service has no translation, no page is made; the translated ``/diensten/`` lists
the Dutch page instead, marked as Dutch (``ServiceIndexPage.listed_services``).
"""

from django.utils.translation import gettext as _
from wagtail.fields import StreamField
from wagtail_localize.models import Translation, TranslationSource

from cms.catalogue.models import (
    LocalServicePage,
    LocalServiceState,
    RegionalService,
    ServiceIndexPage,
)

# Overrides of regional texts, left empty on a new translation so that it shows the
# translated regional text rather than the Dutch override (editors translate them in
# wagtail-localize). Local facts (costs, conditions, locations, channels) are kept.
REGIONAL_TEXT_OVERRIDES = (
    "summary",
    "description_override",
    "requirements_override",
    "procedure_override",
    "exceptions_override",
    "processing_time_override",
)


def ensure_local_services(index_page, participation, changes):
    """Bring the local service pages under ``index_page`` in line with ``participation``
    (a municipality's ``Participation``), saying what changed in ``changes``."""
    services = RegionalService.objects.filter(locale_id=index_page.locale_id).order_by("pk")
    pages = {page.service_id: page for page in LocalServicePage.objects.child_of(index_page)}
    states = {
        state.page_id: state for state in LocalServiceState.objects.filter(page__in=pages.values())
    }
    taken = set(index_page.get_children().values_list("slug", flat=True))
    where = index_page.url_path.split("/", 2)[-1]
    for service in services:
        page = pages.get(service.pk)
        takes_part = participation.includes(service.identifier)
        if page is None:
            if not takes_part or service.archived:
                continue
            if service.identifier in taken:
                changes.append(
                    _("warning: %(path)s%(slug)s/ exists and is not %(service)s's local page")
                    % {"path": where, "slug": service.identifier, "service": service.name}
                )
                continue
            page = LocalServicePage(
                title=service.name,
                slug=service.identifier,
                locale_id=index_page.locale_id,
                service=service,
            )
            index_page.add_child(instance=page)
            page.save_revision().publish()
            LocalServiceState.objects.create(page=page, reviewed_facts=service.facts())
            changes.append(f"create local service {where}{service.identifier}/")
            continue
        state = states.get(page.pk) or LocalServiceState.objects.create(
            page=page, reviewed_facts=service.facts()
        )
        if takes_part and not page.live and state.withdrawn_by_sync:
            page.get_latest_revision().publish()
            state.withdrawn_by_sync = False
            state.save(update_fields=["withdrawn_by_sync"])
            changes.append(f"republish local service {where}{service.identifier}/")
        elif not takes_part and page.live:
            page.unpublish()
            state.withdrawn_by_sync = True
            state.save(update_fields=["withdrawn_by_sync"])
            changes.append(
                f"unpublish local service {where}{service.identifier}/ (not taking part)"
            )


def ensure_translated_local_services(index_page, changes):
    """Give the local pages under ``index_page`` their translations in every language the
    index page is translated into, where the regional service is translated too."""
    sources = list(LocalServicePage.objects.child_of(index_page).select_related("service"))
    targets = ServiceIndexPage.objects.filter(translation_key=index_page.translation_key).exclude(
        pk=index_page.pk
    )
    for target in targets.select_related("locale"):
        _translate_into(target, sources, changes)


def _translate_into(target, sources, changes):
    locale = target.locale
    services = {
        service.translation_key: service
        for service in RegionalService.objects.filter(
            locale=locale, translation_key__in=[page.service.translation_key for page in sources]
        )
    }
    pages = {page.translation_key: page for page in LocalServicePage.objects.child_of(target)}
    states = {
        state.page_id: state for state in LocalServiceState.objects.filter(page__in=pages.values())
    }
    where = target.url_path.split("/", 2)[-1]
    for source in sources:
        service = services.get(source.service.translation_key)
        page = pages.get(source.translation_key)
        if page is None:
            if service is None or service.archived or not source.live:
                continue
            page = _copy(source, service, locale)
            LocalServiceState.objects.create(page=page, reviewed_facts=service.facts())
            changes.append(f"translate local service {where}{page.slug}/")
            continue
        state = states.get(page.pk) or LocalServiceState.objects.create(
            page=page, reviewed_facts=page.service.facts()
        )
        if source.live and not page.live and state.withdrawn_by_sync:
            page.get_latest_revision().publish()
            state.withdrawn_by_sync = False
            state.save(update_fields=["withdrawn_by_sync"])
            changes.append(f"republish local service {where}{page.slug}/")
        elif not source.live and page.live:
            page.unpublish()
            state.withdrawn_by_sync = True
            state.save(update_fields=["withdrawn_by_sync"])
            changes.append(f"unpublish local service {where}{page.slug}/ (Dutch page is not live)")


def _with_block_ids(page):
    """Give every block of ``page``'s stream fields an id, in memory. wagtail-localize
    addresses blocks by id, and blocks written as raw data by code (the demo, imports)
    have none below the top level, where the admin form would have given them one."""
    for field in type(page)._meta.get_fields():
        if isinstance(field, StreamField):
            stream = getattr(page, field.name)
            list(stream)  # bind the top-level blocks, so that preparing them reaches down
            setattr(page, field.name, stream.get_prep_value())
    return page


def _copy(source, service, locale):
    """Publish ``source``'s translation into ``locale``, for the translated ``service``."""
    _with_block_ids(source)
    translation_source, _created = TranslationSource.get_or_create_from_instance(source)
    page = source.copy_for_translation(locale)
    page.service = service
    page.title = page.draft_title = service.name
    for name in REGIONAL_TEXT_OVERRIDES:
        setattr(page, name, LocalServicePage._meta.get_field(name).get_default())
    page.save_revision().publish()
    Translation.objects.get_or_create(
        source=translation_source, target_locale=locale, defaults={"enabled": True}
    )
    return page
