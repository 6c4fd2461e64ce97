"""The demo service catalogue: about forty regional services and their local pages in every
municipality, with local variations, seeded idempotently.

Seeding all 13 municipalities takes a while, so one module-scoped seed is shared by the
tests (in a transaction rolled back at the end of the module; each test's own changes are
rolled back after it, as usual).
"""

import time
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backend

from cms.catalogue.models import LocalServicePage, RegionalService, ServiceIndexPage
from cms.catalogue.vocabularies import ChannelType, LifeEvent, Theme
from cms.demo.locations import location_specs
from cms.demo.seed import MunicipalityDemo
from cms.demo.services import SPECS, seed_services
from cms.demo.services.local import PROFILES
from cms.locations.models import ContactPage, LocationPage
from cms.municipalities.models import Municipality
from search.backends import get_embedded_backend
from search.extract import doc_id_for
from tests.tables import table_counts

pytestmark = pytest.mark.django_db


# Municipalities that get the demo's location pages first (setup_demo makes them for all):
# the desks of their local pages point at them, Lendelede's recycling park is Kuurne's.
WITH_LOCATIONS = ("kortrijk", "kuurne", "lendelede")


def add_location_pages(slug):
    municipality = Municipality.objects.select_related("site__root_page").get(slug=slug)
    demo = MunicipalityDemo(municipality, timezone.localdate())
    contact = ContactPage.objects.child_of(municipality.site.root_page).get()
    demo.add_missing(contact, location_specs(demo.local))


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Every municipality seeded once for this module, rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        for slug in WITH_LOCATIONS:
            add_location_pages(slug)
        started = time.perf_counter()
        report = seed_services()
        report.seconds = time.perf_counter() - started
        yield report
        transaction.set_rollback(True)


def local_pages(slug):
    home = Municipality.objects.get(slug=slug).site.root_page
    index = ServiceIndexPage.objects.child_of(home).get(slug="diensten")
    return {
        page.service.identifier: page
        for page in LocalServicePage.objects.child_of(index).select_related("service")
    }


def regional_services():
    return list(RegionalService.objects.filter(locale__language_code="nl"))


REQUIRED = {
    "identiteitskaart",
    "kids-id",
    "reispas",
    "rijbewijs",
    "internationaal-rijbewijs",
    "voorlopig-rijbewijs",
    "adreswijziging",
    "geboorteaangifte",
    "huwelijk",
    "wettelijke-samenwoning",
    "overlijdensaangifte",
    "uittreksel-strafregister",
    "parkeerkaart-handicap",
    "parkeerkaart-bewoners",
    "leefloon",
    "grofvuil-ophalen",
    "toegang-recyclagepark",
    "omgevingsvergunning",
    "evenementenvergunning",
    "begraving-en-crematie",
}


def test_seeds_about_forty_regional_services(seeded):
    identifiers = {service.identifier for service in regional_services()}
    assert 40 <= len(identifiers) <= 50
    assert identifiers >= REQUIRED
    assert identifiers == {spec.identifier for spec in SPECS}
    assert 6 <= sum(spec.popular for spec in SPECS) <= 10


def test_every_life_event_and_theme_is_covered(seeded):
    services = regional_services()
    assert {event for service in services for event in service.life_events} == set(LifeEvent.values)
    assert {theme for service in services for theme in service.themes} == set(Theme.values)


def test_regional_services_are_complete_and_valid(seeded):
    for service in regional_services():
        service.full_clean()
        for name in ("requirements", "procedure", "legal_resources", "costs"):
            field = getattr(service, name)
            field.stream_block.clean(field)
        assert len(service.requirements) or service.identifier == "huisvuilzakken"
        assert len(service.procedure) and len(service.legal_resources), service.identifier
        assert len(service.costs) or len(service.financial_advantages), service.identifier
        assert service.keyword_list and service.audiences and service.themes
        assert service.description and service.short_description


def test_what_to_bring_is_listed(seeded):
    eid = RegionalService.objects.get(identifier="identiteitskaart", locale__language_code="nl")
    evidence = [item["title"] for req in eid.requirements for item in req.value["evidence"]]
    assert "Uw huidige identiteitskaart" in evidence
    with_evidence = [
        service
        for service in regional_services()
        if any(req.value["evidence"] for req in service.requirements)
    ]
    assert len(with_evidence) >= 35


def test_each_municipality_has_its_local_pages_and_none_for_its_excludes(seeded):
    for municipality in Municipality.objects.all():
        participation = municipality.participation
        pages = local_pages(municipality.slug)
        opted_out = set(PROFILES[municipality.slug].opt_out)
        for spec in SPECS:
            page = pages.get(spec.identifier)
            where = (municipality.slug, spec.identifier)
            if not participation.includes(spec.identifier):
                assert page is None or not page.live, where
            elif spec.identifier in opted_out:
                assert page is not None and not page.live, where
            else:
                assert page is not None and page.live, where
    live = {
        slug: {identifier for identifier, page in local_pages(slug).items() if page.live}
        for slug in ("lendelede", "spiere-helkijn", "kortrijk")
    }
    assert "parkeerkaart-bewoners" not in live["lendelede"]
    assert "evenementenvergunning" not in live["lendelede"]
    assert "parkeerkaart-bewoners" not in live["spiere-helkijn"]
    assert live["kortrijk"] == {spec.identifier for spec in SPECS}
    assert sum(bool(profile.opt_out) for profile in PROFILES.values()) >= 2


def test_local_pages_are_valid_and_edited_through_revisions(seeded):
    pages = LocalServicePage.objects.live().select_related("service")
    assert pages.count() > 13 * 40
    for page in pages:
        page.full_clean()
        for name in ("channels", "local_costs", "locations"):
            field = getattr(page, name)
            field.stream_block.clean(field)
        assert len(page.channels), page.url_path
        # Created by the catalogue sync, then edited: a second, published revision.
        assert page.revisions.count() == 2, page.url_path
        assert page.live_revision_id == page.latest_revision_id


def eid_costs(slug):
    page = local_pages(slug)["identiteitskaart"]
    return [(cost.value["amount"], cost.value["valid_from"]) for cost in page.local_costs]


def test_local_costs_differ_and_some_change_next_year(seeded):
    current = {slug: eid_costs(slug)[0][0] for slug in ("kortrijk", "avelgem", "menen", "deerlijk")}
    assert len(set(current.values())) == 4
    assert all(Decimal(21) <= amount <= Decimal(26) for amount in current.values())
    upcoming = [valid_from for _amount, valid_from in eid_costs("kortrijk") if valid_from]
    assert upcoming and all(day > timezone.localdate() for day in upcoming)
    facts = local_pages("kortrijk")["identiteitskaart"].facts
    assert facts.costs.local


def test_channels_differ_between_municipalities(seeded):
    kortrijk = local_pages("kortrijk")["identiteitskaart"].facts.channels
    avelgem = local_pages("avelgem")["identiteitskaart"].facts.channels
    lendelede = local_pages("lendelede")["attest-van-woonst"].facts.channels
    menen = local_pages("menen")["attest-van-woonst"].facts.channels
    desk = next(channel for channel in kortrijk if channel.kind == ChannelType.DESK)
    assert desk.appointment_required and desk.appointment_url
    assert desk.hours is not None  # Kortrijk's own hours for appointments
    assert not next(c for c in avelgem if c.kind == ChannelType.DESK).appointment_required
    assert ChannelType.ONLINE not in {channel.kind for channel in lendelede}
    assert ChannelType.POST in {channel.kind for channel in lendelede}
    online = next(channel for channel in menen if channel.kind == ChannelType.ONLINE)
    assert online.url.startswith("https://eloket.menen.be/")


def test_desks_point_at_the_location_pages(seeded):
    kortrijk = local_pages("kortrijk")
    desk = next(c for c in kortrijk["reispas"].facts.channels if c.kind == ChannelType.DESK)
    assert desk.location.url_path == "/kortrijk/contact/stadhuis/"
    assert desk.opening_hours is not None
    library = kortrijk["bibliotheekabonnement"].facts.locations.value
    assert [page.slug for page in library] == ["bibliotheek"]
    park = local_pages("lendelede")["toegang-recyclagepark"]
    assert [page.url_path for page in park.facts.locations.value] == [
        "/kuurne/contact/recyclagepark/"
    ]
    assert park.local_conditions
    # Without location pages (setup_demo not run there), a desk gives the address.
    desk = next(
        c for c in local_pages("menen")["reispas"].facts.channels if c.kind == ChannelType.DESK
    )
    assert desk.location is None and desk.address
    assert LocationPage.objects.filter(url_path__startswith="/menen/").count() == 0


def test_a_few_pages_override_or_add_local_text(seeded):
    kortrijk = local_pages("kortrijk")
    assert kortrijk["identiteitskaart"].facts.description.local
    assert kortrijk["identiteitskaart"].facts.requirements.local
    assert kortrijk["parkeerkaart-bewoners"].local_conditions
    assert local_pages("waregem")["huwelijk"].facts.procedure.local
    assert not local_pages("avelgem")["huwelijk"].facts.procedure.local


def test_local_service_pages_render(seeded, host_client):
    client = host_client("kortrijk")
    assert client.get("/diensten/identiteitskaart/").status_code == 200
    assert client.get("/diensten/").status_code == 200


def test_seeded_pages_are_indexed_once_at_the_end(seeded):
    """Indexing is deferred during the seed (cms.demo.services.indexing), not skipped."""
    kortrijk = local_pages("kortrijk")
    page = kortrijk["identiteitskaart"]
    assert page in LocalServicePage.objects.live().search("identiteitskaart")
    assert get_search_backend().search("reispas", RegionalService)
    location = page.locations.raw_data[0]["value"]
    assert ReferenceIndex.get_references_to(Page.objects.get(pk=location)).filter(
        object_id=str(page.pk)
    )
    joint = get_embedded_backend()
    assert joint.get_document(doc_id_for(page)) is not None
    opted_out = local_pages("anzegem")["taxivergunning"]
    assert not opted_out.live
    assert joint.get_document(doc_id_for(opted_out)) is None


def test_seeding_again_changes_nothing(seeded):
    assert seeded.changed
    before = table_counts()
    again = seed_services()
    assert not again.changed
    assert table_counts() == before


def test_a_page_republished_after_opting_out_stays_published(seeded):
    page = local_pages("avelgem")["taxivergunning"]
    assert not page.live
    page.save_revision().publish()
    again = seed_services(["avelgem"])
    assert not again.changed
    page.refresh_from_db()
    assert page.live


def test_an_edited_page_is_left_alone(seeded):
    page = local_pages("menen")["reispas"]
    page.channels = []
    page.save_revision()
    revisions = page.revisions.count()
    seed_services(["menen"])
    assert page.revisions.count() == revisions
    page.refresh_from_db()
    assert page.has_unpublished_changes
