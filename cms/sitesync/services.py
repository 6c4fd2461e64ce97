"""Each municipality's local service pages, from the regional services it takes part in.

Creates (and publishes) the local page of every regional service the municipality takes
part in, unpublishes — never deletes — the pages of services its sites/ file no longer
includes, and republishes those when it takes part again. A page an editor unpublished
(opting out in the admin) stays unpublished. Archived services get no new pages; their
existing pages are flagged for review instead.
"""

from django.utils.translation import gettext as _

from cms.catalogue.models import LocalServicePage, LocalServiceState, RegionalService


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
