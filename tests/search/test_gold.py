"""The gold set: what a citizen types on their municipality's site, and the answer that must
come first (or in the top three).

The demo region is built once for this module: every municipality's demo content
(MunicipalityDemo: locations such as the recycling park and the library) and the demo
service catalogue (cms.demo.services.seed_services: the regional services and each
municipality's local pages). Each case is asked exactly as /zoeken/ asks it
(search.params.read_query, then search.views.run_query, which answers a query that finds
nothing with the results of the index's "did you mean" suggestion), and the rank of the
expected page among the results is checked.

A case whose expected page does not exist in the demo (a service the demo catalogue does not
define) is not counted; the share of the counted cases met is recorded as the user property
``gold_share`` (see it with ``-rA`` or in the JUnit XML) and printed in the terminal summary
by tests/search/conftest.py, and must reach FLOOR. The figures per database are in
docs/search.md.
"""

from dataclasses import dataclass

import pytest
from django.db import connection, transaction
from django.http import QueryDict
from django.test import TestCase
from django.utils import timezone, translation
from wagtail.models import Page

from cms.demo.seed import MunicipalityDemo
from cms.demo.services import seed_services
from cms.municipalities.models import Municipality
from search.params import read_query
from search.views import run_query
from tests import summary

FLOOR = 0.90
MIN_COUNTED = 30


@dataclass(frozen=True)
class Case:
    query: str
    slug: str  # the municipality whose site asks
    paths: tuple  # the expected page: any of these paths on the asking site
    top: int = 3  # the expected page must rank within the first ``top`` results

    @property
    def id(self):
        return f"{self.slug}:{self.query}"


def service(*identifiers):
    return tuple(f"/diensten/{identifier}/" for identifier in identifiers)


CASES = (
    # Identity documents, with the words citizens use and their typos.
    Case("id kaart", "kortrijk", service("identiteitskaart"), top=1),
    Case("identiteitskaart", "kuurne", service("identiteitskaart"), top=1),
    Case("identeitskaart", "kortrijk", service("identiteitskaart")),
    Case("eID aanvragen", "menen", service("identiteitskaart")),
    Case("identiteitskaart verloren", "waregem", service("identiteitskaart")),
    Case("kids id", "harelbeke", service("kids-id"), top=1),
    Case("identiteitskaart kind reizen", "deerlijk", service("kids-id")),
    Case("paspoort", "kortrijk", service("reispas")),
    Case("reispas", "avelgem", service("reispas"), top=1),
    Case("reipas", "wevelgem", service("reispas")),
    # Moving and certificates.
    Case("verhuizen", "kortrijk", service("adreswijziging")),
    Case("adreswijziging", "lendelede", service("adreswijziging"), top=1),
    Case("nieuw adres doorgeven", "wevelgem", service("adreswijziging")),
    Case("attest van woonst", "zwevegem", service("attest-van-woonst"), top=1),
    Case("bewijs van inschrijving", "anzegem", service("attest-van-woonst")),
    Case("gezinssamenstelling", "kortrijk", service("gezinssamenstelling"), top=1),
    Case("bewijs van goed gedrag en zeden", "kortrijk", service("uittreksel-strafregister")),
    Case("uittreksel strafregister", "wervik", service("uittreksel-strafregister"), top=1),
    Case("strafregister", "kuurne", service("uittreksel-strafregister")),
    Case("belg worden", "harelbeke", service("nationaliteitsverklaring")),
    Case("nationaliteit aanvragen", "menen", service("nationaliteitsverklaring")),
    Case("volmacht stemmen", "kortrijk", service("verkiezingen-volmacht")),
    Case("voornaam veranderen", "waregem", service("voornaamswijziging"), top=1),
    Case("voornaamswijziging", "deerlijk", service("voornaamswijziging")),
    # Driving.
    Case("rijbewijs", "kortrijk", service("rijbewijs"), top=1),
    Case("rijbewijs verloren", "kortrijk", service("rijbewijs", "rijbewijs-duplicaat")),
    Case("voorlopig rijbewijs", "kuurne", service("voorlopig-rijbewijs")),
    Case("internationaal rijbewijs", "menen", service("internationaal-rijbewijs")),
    Case("rijbewjs", "zwevegem", service("rijbewijs", "voorlopig-rijbewijs")),
    # Family events.
    Case(
        "geboorte aangeven",
        "kortrijk",
        service("geboorteaangifte", "aangifte-geboorte", "geboorte-aangeven"),
    ),
    Case("huwelijk", "kortrijk", service("huwelijk", "trouwen", "huwelijksaangifte")),
    Case("trouwen", "harelbeke", service("huwelijk", "trouwen", "huwelijksaangifte")),
    Case(
        "wettelijk samenwonen",
        "waregem",
        service("wettelijke-samenwoning", "verklaring-wettelijke-samenwoning"),
    ),
    Case(
        "overlijden aangeven",
        "menen",
        service("overlijdensaangifte", "aangifte-overlijden", "overlijden"),
    ),
    # Places and waste, with synonyms.
    Case(
        "containerpark openingsuren",
        "kortrijk",
        ("/contact/recyclagepark/", *service("toegang-recyclagepark")),
    ),
    Case(
        "recyclagepark", "wevelgem", ("/contact/recyclagepark/", *service("toegang-recyclagepark"))
    ),
    Case("containerpark", "kuurne", ("/contact/recyclagepark/", *service("toegang-recyclagepark"))),
    Case("bibliotheek openingsuren", "kortrijk", ("/contact/bibliotheek/",)),
    Case("bib", "avelgem", ("/contact/bibliotheek/", *service("bibliotheekabonnement"))),
    Case("lid worden bibliotheek", "menen", service("bibliotheekabonnement")),
    Case("afvalkalender", "harelbeke", service("afvalkalender"), top=1),
    Case("huisvuilzakken kopen", "kortrijk", service("huisvuilzakken")),
    Case("grofvuil", "zwevegem", service("grofvuil-ophalen")),
    Case("huisvuil", "deerlijk", service("huisvuilzakken", "afvalkalender", "grofvuil-ophalen")),
    # Permits, building, welfare and leisure.
    Case("parkeerkaart bewoners", "kortrijk", service("parkeerkaart-bewoners")),
    Case("parkeerkaart handicap", "waregem", service("parkeerkaart-handicap")),
    Case("taxivergunning", "kortrijk", service("taxivergunning")),
    Case("standplaats op de markt", "kortrijk", service("standplaats-markt")),
    Case("evenement organiseren", "kuurne", service("evenementenvergunning")),
    Case("bouwvergunning", "kortrijk", service("omgevingsvergunning")),
    Case("boom kappen", "wevelgem", service("kapvergunning")),
    Case("renovatiepremie", "menen", service("premie-energiezuinige-renovatie")),
    Case("leefloon", "harelbeke", service("leefloon"), top=1),
    Case("mantelzorgpremie", "anzegem", service("mantelzorgpremie"), top=1),
    Case("kinderopvang na school", "kortrijk", service("buitenschoolse-kinderopvang")),
    Case("sportkamp", "waregem", service("sportkampen")),
    Case("orgaandonatie", "avelgem", service("orgaandonatie"), top=1),
    Case("begrafenis", "kortrijk", service("begraving-en-crematie")),
    Case("zaak starten", "lendelede", service("onderneming-starten")),
    # The standard pages.
    Case("privacy", "kortrijk", ("/privacy/",), top=1),
    Case("toegankelijkheid", "kuurne", ("/toegankelijkheid/",)),
)


@pytest.fixture(scope="module")
def demo_region(django_db_setup, django_db_blocker):
    """Every municipality's demo content and the demo catalogue, rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            today = timezone.localdate()
            municipalities = list(Municipality.objects.select_related("site__root_page"))
            for municipality in municipalities:
                MunicipalityDemo(municipality, today).run()
            seed_services()
        yield {m.slug: m for m in municipalities}
        transaction.set_rollback(True)


def _live_paths(municipality, paths):
    home = municipality.site.root_page
    wanted = [home.url_path + path.lstrip("/") for path in paths]
    return set(Page.objects.live().filter(url_path__in=wanted).values_list("url_path", flat=True))


def rank_of(case, municipality):
    """The 1-based rank of the expected page in the results (None: not in the first 10)."""
    with translation.override("nl"):
        query = read_query(QueryDict(f"q={case.query}"), municipality)
    results, _corrected_from = run_query(query)  # as /zoeken/ answers it
    host = f"//{municipality.site.hostname}"
    for rank, hit in enumerate(results.hits, start=1):
        if host in hit.url and any(hit.url.endswith(path) for path in case.paths):
            return rank
    return None


@pytest.mark.django_db
def test_gold_set(demo_region, record_property):
    counted, met, misses, absent = 0, 0, [], []
    for case in CASES:
        municipality = demo_region[case.slug]
        if not _live_paths(municipality, case.paths):
            absent.append(case.id)
            continue
        counted += 1
        rank = rank_of(case, municipality)
        if rank is not None and rank <= case.top:
            met += 1
        else:
            misses.append(f"{case.id} -> rank {rank} (want <= {case.top})")
    share = met / counted if counted else 0.0
    section = f"search gold set ({connection.vendor})"
    lines = [
        f"{met}/{counted} queries met ({share:.0%}); not in the demo (not counted): {len(absent)}",
        *(f"  missed: {miss}" for miss in misses),
        *([f"  not in the demo: {', '.join(absent)}"] if absent else []),
    ]
    for line in lines:
        record_property(summary.LINE, (section, line))
    record_property("gold_database", connection.vendor)
    record_property("gold_share", f"{share:.3f}")
    record_property("gold_met", f"{met}/{counted}")
    record_property("gold_not_in_demo", ", ".join(absent))
    assert counted >= MIN_COUNTED, f"only {counted} cases have their page in the demo: {absent}"
    assert share >= FLOOR, f"{met}/{counted} met ({share:.0%}); missed: {misses}"


def test_gold_set_is_large_enough():
    assert len(CASES) >= MIN_COUNTED
    assert len({case.id for case in CASES}) == len(CASES)
