"""sync_sites makes each municipality's local service pages from the services it takes part
in: it creates and publishes them, unpublishes (never deletes) the ones it no longer takes
part in, republishes them when it takes part again, leaves alone what an editor unpublished,
and makes no page for an archived service."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from cms.catalogue.models import LocalServicePage, LocalServiceState
from cms.catalogue.models.review import needs_review_q
from cms.municipalities.config import Participation
from cms.sitesync.services import ensure_local_services

from .factories import RegionalServiceFactory, service_index

pytestmark = pytest.mark.django_db

ALL = Participation("all")


def sync(slug, participation=ALL):
    """Run the catalogue part of sync_sites for one municipality; return its changes."""
    _, index = service_index(slug)
    changes = []
    ensure_local_services(index, participation, changes)
    return changes


def pages_of(slug):
    _, index = service_index(slug)
    return {page.service.identifier: page for page in LocalServicePage.objects.child_of(index)}


def snapshot(slug):
    """Everything a sync could change about a municipality's local pages."""
    return sorted(
        (
            page.slug,
            page.live,
            page.latest_revision_id,
            Revision.page_revisions.filter(object_id=str(page.pk)).count(),
            page.review_state.withdrawn_by_sync,
        )
        for page in pages_of(slug).values()
    )


@pytest.fixture
def services():
    return [
        RegionalServiceFactory(identifier=identifier, name=name)
        for identifier, name in (
            ("identiteitskaart", "Identiteitskaart"),
            ("parkeerkaart-bewoners", "Parkeerkaart voor bewoners"),
            ("evenementenvergunning", "Evenementenvergunning"),
        )
    ]


def test_sync_creates_and_publishes_a_page_per_service_taken_part_in(services):
    changes = sync("kuurne")
    pages = pages_of("kuurne")
    assert set(pages) == {service.identifier for service in services}
    for service in services:
        page = pages[service.identifier]
        assert page.live and page.slug == service.identifier and page.title == service.name
        assert page.url_path.endswith(f"/diensten/{service.identifier}/")
        assert page.live_revision_id is not None
        state = LocalServiceState.objects.get(page=page)
        assert state.reviewed_facts == service.facts() and not state.withdrawn_by_sync
    assert len([c for c in changes if c.startswith("create local service")]) == 3


def test_only_the_listed_services_get_pages():
    RegionalServiceFactory(identifier="identiteitskaart")
    RegionalServiceFactory(identifier="rijbewijs")
    sync("menen", Participation("only", ("rijbewijs",)))
    assert set(pages_of("menen")) == {"rijbewijs"}


def test_sync_sites_follows_each_sites_file(services):
    """lendelede takes part in all but two services; kortrijk in all (sites/*.toml)."""
    call_command("sync_sites", "kortrijk", "lendelede", stdout=StringIO(), stderr=StringIO())
    assert set(pages_of("kortrijk")) == {s.identifier for s in services}
    assert set(pages_of("lendelede")) == {"identiteitskaart"}


def test_opting_out_unpublishes_and_taking_part_again_republishes(services):
    sync("kuurne")
    page = pages_of("kuurne")["parkeerkaart-bewoners"]
    revision = page.live_revision_id

    changes = sync("kuurne", Participation("except", ("parkeerkaart-bewoners",)))
    assert len(changes) == 1 and changes[0].startswith("unpublish local service")
    assert "diensten/parkeerkaart-bewoners/" in changes[0]
    pages = pages_of("kuurne")
    assert set(pages) == {s.identifier for s in services}  # never deleted
    assert not pages["parkeerkaart-bewoners"].live
    assert pages["identiteitskaart"].live and pages["evenementenvergunning"].live
    assert pages["parkeerkaart-bewoners"].review_state.withdrawn_by_sync

    changes = sync("kuurne")
    assert len(changes) == 1 and changes[0].startswith("republish local service")
    page = pages_of("kuurne")["parkeerkaart-bewoners"]
    assert page.live and not page.review_state.withdrawn_by_sync
    assert page.live_revision_id >= revision


def test_an_editor_unpublished_page_stays_unpublished(services):
    sync("kuurne")
    page = pages_of("kuurne")["evenementenvergunning"]
    page.unpublish()  # an editor opts out in the admin
    assert sync("kuurne") == []
    assert not pages_of("kuurne")["evenementenvergunning"].live
    # Opting out in sites/ and back in again does not republish it either.
    sync("kuurne", Participation("except", ("evenementenvergunning",)))
    sync("kuurne")
    assert not pages_of("kuurne")["evenementenvergunning"].live


def test_archived_services_get_no_new_pages_and_existing_ones_are_flagged(services):
    _, parking, _ = services
    sync("kuurne")
    parking.archived = True
    parking.save()
    archived_new = RegionalServiceFactory(identifier="oud", archived=True)
    sync("kuurne")
    sync("menen")
    assert "oud" not in pages_of("kuurne") and "oud" not in pages_of("menen")
    # menen synced only after the archiving: no page for it there.
    assert set(pages_of("menen")) == {"identiteitskaart", "evenementenvergunning"}
    kuurne_parking = pages_of("kuurne")["parkeerkaart-bewoners"]
    assert kuurne_parking.live  # still there, for its editors to decide
    flagged = set(LocalServicePage.objects.filter(needs_review_q()).values_list("pk", flat=True))
    assert kuurne_parking.pk in flagged
    assert pages_of("kuurne")["identiteitskaart"].pk not in flagged
    assert not archived_new.local_pages.exists()


def test_running_twice_changes_nothing(services):
    sync("kuurne")
    sync("kuurne", Participation("except", ("identiteitskaart",)))
    before = snapshot("kuurne")
    assert sync("kuurne", Participation("except", ("identiteitskaart",))) == []
    assert snapshot("kuurne") == before
    out = StringIO()
    call_command("sync_sites", "menen", stdout=out, stderr=StringIO())
    before = snapshot("menen")
    call_command("sync_sites", "menen", stdout=out, stderr=StringIO())
    assert snapshot("menen") == before and len(before) == 3
