"""What a citizen sees: a local service page with the regional and local facts merged,
the services index of a site, and the regional comparison of one service."""

import datetime as dt
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms.catalogue.models import LocalServicePage
from cms.locations.models import ContactPage, LocationPage

from .factories import RegionalServiceFactory, local_page

pytestmark = pytest.mark.django_db

COSTS = [("cost", {"title": "Gewone procedure", "amount": "20.00", "description": ""})]
REQUIREMENT = {
    "title": "U woont in de gemeente",
    "description": "",
    "evidence": [{"title": "Uw oude identiteitskaart", "description": ""}],
}
WEEKDAY_HOURS = [
    {"type": "period", "value": {"weekday": day, "opens": "08:30", "closes": "12:00"}}
    for day in ("monday", "tuesday", "wednesday", "thursday", "friday")
]


def location(slug, title="Stadhuis", hours=WEEKDAY_HOURS):
    contact = ContactPage.objects.get(url_path=f"/{slug}/contact/")
    page = LocationPage(
        title=title,
        slug=f"{title.lower().replace(' ', '-')}-{LocationPage.objects.count()}",
        address="Grote Markt 54",
        postcode="8500",
        city="Kortrijk",
        hours=hours,
    )
    contact.add_child(instance=page)
    page.save_revision().publish()
    return page


def publish(page, **changes):
    """Edit and publish ``page``; stream fields are given as (block type, raw value) pairs."""
    for name, value in changes.items():
        if isinstance(value, list):
            value = [{"type": kind, "value": raw} for kind, raw in value]
        setattr(page, name, value)
    page.save_revision().publish()
    return LocalServicePage.objects.get(pk=page.pk)


def main(response):
    html = response.content.decode()
    return re.search(r"<main.*</main>", html, re.S).group(0)


def text(response):
    return " ".join(re.sub(r"<[^>]+>", " ", main(response)).split())


@pytest.fixture
def service():
    return RegionalServiceFactory(
        identifier="identiteitskaart",
        name="Identiteitskaart",
        short_description="Een nieuwe eID aanvragen.",
        description="<p>De regionale uitleg over de eID.</p>",
        costs=COSTS,
        requirements=[("requirement", REQUIREMENT)],
        procedure=[("step", {"title": "Kom naar de balie", "description": ""})],
        life_events=["verhuizen"],
        keywords="eID, ID-kaart",
    )


def test_a_local_page_shows_the_regional_facts_until_it_overrides_them(host_client, service):
    page = local_page("kortrijk", service)
    response = host_client("kortrijk").get(page.url)
    assert response.status_code == 200
    body = text(response)
    assert "De regionale uitleg over de eID." in body
    assert "Uw oude identiteitskaart" in body
    assert "€ 20" in body
    assert "local-marker" not in main(response)

    publish(
        page,
        description_override="<p>In Kortrijk gaat het zo.</p>",
        local_costs=[
            ("cost", {"title": "Gewone procedure", "amount": "23.50", "description": ""}),
            (
                "cost",
                {
                    "title": "Gewone procedure",
                    "amount": "25.00",
                    "description": "",
                    "valid_from": (dt.date.today() + dt.timedelta(days=30)).isoformat(),
                },
            ),
        ],
    )
    response = host_client("kortrijk").get(page.url)
    body = text(response)
    assert "In Kortrijk gaat het zo." in body
    assert "De regionale uitleg over de eID." not in body
    assert "€ 23,50" in body or "€ 23.50" in body
    assert "€ 20" not in body
    assert "€ 25" in body  # the coming change, announced with its date
    assert main(response).count('class="local-marker"') >= 2

    # Kuurne did not override anything: it still shows the region's text and cost.
    other = host_client("kuurne").get(local_page("kuurne", service).url)
    assert "De regionale uitleg over de eID." in text(other)


def test_every_channel_shows_how_where_and_when(host_client, service):
    desk = location("kortrijk")
    page = publish(
        local_page("kortrijk", service),
        channels=[
            (
                "channel",
                {
                    "kind": "desk",
                    "name": "Balie Burgerzaken",
                    "location": desk.pk,
                    "appointment_required": True,
                    "appointment_url": "https://afspraak.kortrijk.be/",
                },
            ),
            ("channel", {"kind": "phone", "phone": "056 27 70 00", "hours": WEEKDAY_HOURS[:2]}),
            ("channel", {"kind": "online", "url": "https://eloket.kortrijk.be/eid"}),
            ("channel", {"kind": "post", "address": "Grote Markt 54\n8500 Kortrijk"}),
        ],
    )
    response = host_client("kortrijk").get(page.url)
    html = main(response)
    assert 'href="https://eloket.kortrijk.be/eid"' in html
    assert 'class="cta__button"' in html  # the online channel is the start button
    assert 'href="tel:056277000"' in html
    assert "Balie Burgerzaken" in html
    assert "https://afspraak.kortrijk.be/" in html
    assert f"/contact/{desk.slug}/" in html
    # The desk shows its location's hours, the phone line its own (two days only).
    tables = re.findall(r'<table class="opening-hours">.*?</table>', html, re.S)
    assert len(tables) == 2
    assert tables[0].count("08:30") == 5
    assert tables[1].count("08:30") == 2


def test_the_page_carries_government_service_json_ld(host_client, service):
    desk = location("kortrijk")
    page = publish(
        local_page("kortrijk", service),
        channels=[
            ("channel", {"kind": "desk", "name": "Balie", "location": desk.pk}),
            ("channel", {"kind": "online", "url": "https://eloket.kortrijk.be/eid"}),
        ],
    )
    html = host_client("kortrijk").get(page.url).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "GovernmentService"
    assert data["provider"]["@type"] == "GovernmentOrganization"
    assert data["provider"]["name"] == "Stad Kortrijk" or "Kortrijk" in data["provider"]["name"]
    channels = data["availableChannel"]
    assert [c["@type"] for c in channels] == ["ServiceChannel", "ServiceChannel"]
    assert channels[0]["serviceLocation"]["address"]["streetAddress"] == "Grote Markt 54"
    assert len(channels[0]["hoursAvailable"]) == 5
    assert channels[1]["serviceUrl"] == "https://eloket.kortrijk.be/eid"
    assert data["offers"][0]["price"] == "20.00"


def test_json_ld_cannot_break_out_of_its_script_element(host_client):
    service = RegionalServiceFactory(
        identifier="gevaarlijk", short_description="</script><script>alert(1)</script>"
    )
    page = local_page("kortrijk", service)
    html = host_client("kortrijk").get(page.url).content.decode()
    assert "<script>alert(1)" not in html


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_query_count_does_not_grow_with_the_size_of_a_service(host_client, service, settings):
    settings.PAGE_CACHE_SECONDS = 0
    small = publish(
        local_page("kortrijk", service),
        locations=[("location", location("kortrijk").pk)],
        channels=[("channel", {"kind": "phone", "phone": "056 27 70 00"})],
    )
    client = host_client("kortrijk")
    _queries(client, small.url)  # warm Wagtail's site root cache
    few = _queries(client, small.url)

    desks = [location("kortrijk", title=f"Loket {n}") for n in range(8)]
    large = publish(
        small,
        requirements_override=[("requirement", REQUIREMENT)] * 25,
        procedure_override=[("step", {"title": f"Stap {n}", "description": ""}) for n in range(20)],
        locations=[("location", desk.pk) for desk in desks],
        channels=[("channel", {"kind": "desk", "location": desk.pk}) for desk in desks]
        + [("channel", {"kind": "phone", "phone": "056 27 70 00"})] * 5,
    )
    _queries(client, large.url)  # the first render after a publish rebuilds journey memberships
    many = _queries(client, large.url)
    assert many == few
    assert many <= 10


def test_the_index_lists_services_a_to_z_and_filters_without_javascript(host_client, service):
    RegionalServiceFactory(identifier="afvalkalender", name="Afvalkalender", life_events=[])
    local_page("kortrijk", service)
    client = host_client("kortrijk")
    everything = text(client.get("/diensten/"))
    assert everything.index("Afvalkalender") < everything.index("Identiteitskaart")

    by_words = text(client.get("/diensten/", {"q": "ÍDENTITEIT"}))  # accents, case
    assert "Identiteitskaart" in by_words and "Afvalkalender" not in by_words
    by_keyword = text(client.get("/diensten/", {"q": "eid"}))
    assert "Identiteitskaart" in by_keyword
    by_event = text(client.get("/diensten/", {"levensgebeurtenis": "verhuizen"}))
    assert "Identiteitskaart" in by_event and "Afvalkalender" not in by_event


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"q": "\x00\x1b[31m'; DROP TABLE wagtailcore_page; --"},
        {"thema": "bestaat-niet", "levensgebeurtenis": "<script>"},
        {"doelgroep": ["Burger", "Onderneming"]},
    ],
)
def test_any_filter_input_gets_a_page_not_an_error(host_client, service, params):
    local_page("kortrijk", service)
    response = host_client("kortrijk").get("/diensten/", params)
    assert response.status_code == 200
    assert "<script>" not in main(response)


def test_an_unpublished_local_page_is_not_listed(host_client, service):
    page = local_page("kortrijk", service)
    Page.objects.get(pk=page.pk).unpublish()
    assert "Identiteitskaart" not in text(host_client("kortrijk").get("/diensten/"))
    assert host_client("kortrijk").get(page.url).status_code == 404


def test_the_comparison_lists_each_municipality_with_its_cost(host_client, service):
    publish(
        local_page("kortrijk", service),
        local_costs=[("cost", {"title": "Gewone procedure", "amount": "23.50", "description": ""})],
    )
    local_page("kuurne", service)
    response = host_client("kuurne").get("/diensten/vergelijk/identiteitskaart/")
    assert response.status_code == 200
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", main(response), re.S)
    offered = {re.sub(r"<[^>]+>", "", row.split("</th>")[0]).strip(): row for row in rows}
    assert len(offered) == 2  # the two municipalities whose pages were synced
    kortrijk = next(row for name, row in offered.items() if "Kortrijk" in name)
    assert "23,50" in kortrijk or "23.50" in kortrijk
    assert "http://kortrijk.localhost" in kortrijk  # links to the other site's page
    assert host_client("kuurne").get("/diensten/vergelijk/bestaat-niet/").status_code == 404


def test_a_translated_index_lists_the_dutch_services_marked_as_dutch(host_client, service):
    local_page("kortrijk", service)
    response = host_client("kortrijk").get("/fr/diensten/")
    assert response.status_code == 200
    html = main(response)
    assert 'lang="nl"' in html
    assert "Identiteitskaart" in html


def test_a_regional_change_shows_at_once_on_cached_local_pages(host_client, service, settings):
    settings.PAGE_CACHE_SECONDS = 60
    page = local_page("kortrijk", service)
    client = host_client("kortrijk")
    client.get(page.url)
    assert client.get(page.url)["X-Page-Cache"] == "hit"
    service.short_description = "Vanaf nu ook voor kinderen."
    service.save()
    assert "Vanaf nu ook voor kinderen." in text(client.get(page.url))
