import datetime as dt
import json
import re

import pytest
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Page

from cms.events.filters import weekend
from cms.events.models import EventPage, EventStatus

from .conftest import CONCERTS

pytestmark = pytest.mark.django_db


def add_event(slug="menen", **fields):
    index = Page.objects.get(url_path=f"/{slug}/evenementen/")
    start = fields.pop("start", timezone.now() + dt.timedelta(days=40))
    page = EventPage(
        slug=fields.pop("page_slug", "feest"),
        start=start,
        end=fields.pop("end", start + dt.timedelta(hours=2)),
        place=fields.pop("place", "Markt, 8930 Menen"),
        **{"title": "Feest", **fields},
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def jsonld(response):
    found = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return json.loads(found.group(1))


def titles(response):
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', response.content.decode())


def test_a_typed_in_event_carries_event_jsonld(host_client):
    add_event(title="Kerstmarkt", price=0, organizer="Stad Menen", age_min=6, age_max=12)
    response = host_client("menen").get("/evenementen/feest/")
    data = jsonld(response)
    assert data["@type"] == "Event" and data["name"] == "Kerstmarkt"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["address"] == "Markt, 8930 Menen"
    assert data["offers"]["price"] == "0.00" and data["isAccessibleForFree"] is True
    assert data["organizer"]["name"] == "Stad Menen"
    assert data["startDate"].startswith(str(timezone.now().year)[:2])
    assert data["typicalAgeRange"] == "6-12"


def test_a_cancelled_event_says_so(host_client):
    add_event(status=EventStatus.CANCELLED)
    response = host_client("menen").get("/evenementen/feest/")
    assert jsonld(response)["eventStatus"] == "https://schema.org/EventCancelled"
    assert "geannuleerd" in response.content.decode().lower()


def test_an_imported_event_names_its_source_and_its_dates(sample, run_import, host_client):
    run_import(sample)
    page = EventPage.objects.get(uitdatabank_id=CONCERTS)
    response = host_client("waregem").get(page.url_path.removeprefix("/waregem"))
    html = response.content.decode()
    assert "Bron: UiTdatabank" in html
    assert html.count("<li><time datetime=") == 3
    data = jsonld(response)
    assert len(data["subEvent"]) == 3
    assert data["subEvent"][1]["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["offers"]["url"] == "https://tickets.example.be/concertreeks"


def test_a_permanent_event_shows_its_opening_hours(sample, run_import, host_client):
    run_import(sample)
    html = host_client("kortrijk").get("/evenementen/vlasmuseum-de-vaste-collectie/").content
    assert b"Permanent" in html and b"11:00\xe2\x80\x9318:00" in html


def test_a_french_event_is_marked_as_french(sample, run_import, host_client):
    run_import(sample)
    html = host_client("spiere-helkijn").get("/evenementen/").content.decode()
    assert 'lang="fr">Soirée jeux de société</a>' in html


@pytest.fixture
def menen_events():
    now = timezone.now()
    saturday, _monday = weekend(now)
    add_event(title="Weekendfeest", page_slug="a", start=saturday + dt.timedelta(hours=14), price=5)
    add_event(title="Kindernamiddag", page_slug="b", price=0, age_min=4, age_max=10, theme="Spel")
    add_event(title="Lezing", page_slug="c", start=now + dt.timedelta(days=70), theme="Erfgoed")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Weekendfeest", "Kindernamiddag", "Lezing"]),
        ("?wanneer=weekend", ["Weekendfeest"]),
        ("?gratis=1", ["Kindernamiddag"]),
        ("?kinderen=1", ["Kindernamiddag"]),
        ("?thema=Erfgoed", ["Lezing"]),
        ("?gratis=1&kinderen=1&thema=Spel", ["Kindernamiddag"]),
        ("?wanneer=weekend&gratis=1", []),
    ],
)
def test_the_filters_combine(host_client, menen_events, query, expected):
    response = host_client("menen").get("/evenementen/" + query)
    assert response.status_code == 200
    assert titles(response) == expected
    assert f"{len(expected)} evenement" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "?wanneer=gisteren",
        "?gratis=ja",
        "?thema=%00",
        "?thema=" + "x" * 5000,
        "?kinderen=1&kinderen=0&wanneer[]=weekend",
        "?wanneer=%ff%fe",
        "?page=-1&gratis=1",
        "?page=99999999999999999999",
    ],
)
def test_hostile_filter_values_are_ignored(host_client, menen_events, query):
    response = host_client("menen").get("/evenementen/" + query)
    assert response.status_code == 200
    assert len(titles(response)) <= 3


def test_an_ignored_filter_is_said(host_client, menen_events):
    html = host_client("menen").get("/evenementen/?wanneer=gisteren").content.decode()
    assert "genegeerd" in html
    assert len(titles(host_client("menen").get("/evenementen/?wanneer=gisteren"))) == 3


def test_pagination_keeps_the_filters(host_client):
    for number in range(14):
        add_event(title=f"Gratis {number}", page_slug=f"g{number}", price=0)
    html = host_client("menen").get("/evenementen/?gratis=1").content.decode()
    assert 'href="?gratis=1&amp;page=2"' in html


def test_the_index_links_to_its_feed(host_client):
    html = host_client("menen").get("/evenementen/").content.decode()
    assert '<link rel="alternate" type="text/calendar" href="/evenementen/agenda.ics"' in html
    assert '<a href="/evenementen/agenda.ics">' in html


def test_the_feed_is_valid_icalendar(sample, run_import, host_client):
    add_event(title="Geannuleerd feest", status=EventStatus.CANCELLED)
    run_import(sample)
    client = host_client("waregem")
    response = client.get("/evenementen/agenda.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    events = calendar.walk("VEVENT")
    assert len(events) == 3  # the concert series, one per date
    for event in events:
        for name in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL", "LOCATION", "STATUS"):
            assert name in event, name
    assert [str(e["STATUS"]) for e in events] == ["CONFIRMED", "CANCELLED", "CONFIRMED"]
    assert len({str(e["UID"]) for e in events}) == 3
    assert client.get("/evenementen/agenda.ics").content == response.content  # stable


def test_a_cancelled_typed_in_event_is_cancelled_in_the_feed(host_client):
    add_event(title="Geannuleerd feest", status=EventStatus.CANCELLED)
    calendar = Calendar.from_ical(host_client("menen").get("/evenementen/agenda.ics").content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED" and str(event["SUMMARY"]) == "Geannuleerd feest"


def test_the_feed_has_a_french_address_too(host_client):
    assert host_client("kortrijk").get("/fr/evenementen/agenda.ics").status_code == 200
