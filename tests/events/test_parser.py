import datetime as dt
from decimal import Decimal

import pytest

from cms.events.uitdatabank import UitdatabankError, parse_response

from .conftest import CONCERTS, MUSEUM, READING, member


def by_id(events):
    return {event.id: event for event in events}


def test_the_sample_reads_every_calendar_type_and_language(sample):
    events = by_id(parse_response(sample))
    assert len(events) == 9
    assert {e.calendar_type for e in events.values()} == {
        "single",
        "multiple",
        "periodic",
        "permanent",
    }
    concerts = events[CONCERTS]
    assert concerts.names["fr"] == "Série de concerts sur la Grand-Place"
    assert [o.cancelled for o in concerts.occurrences] == [False, True, False]
    assert concerts.prices == (
        ("Basistarief", Decimal("12.00")),
        ("Kinderen tot 12 jaar", Decimal("6.50")),
    )
    assert concerts.booking_url == "https://tickets.example.be/concertreeks"
    assert (concerts.event_type, concerts.theme) == ("Concert", "Pop en rock")
    reading = events[READING]
    assert (reading.postcode, reading.city, reading.street) == ("8500", "Kortrijk", "Leiestraat 30")
    assert (reading.age_min, reading.age_max, reading.base_price) == (3, 8, Decimal("0.00"))
    assert reading.latitude == pytest.approx(50.8289)
    assert reading.image_url.startswith("https://images.uitdatabank.be/")
    museum = events[MUSEUM]
    assert museum.start is None and museum.end is None
    assert museum.opening_hours.periods[0] == ()  # closed on Mondays
    assert museum.opening_hours.periods[5] == ((dt.time(11), dt.time(18)),)
    french = next(e for e in events.values() if e.main_language == "fr")
    assert french.text(french.names, "nl") == ("Soirée jeux de société", "fr")
    assert sum(e.cancelled for e in events.values()) == 1
    assert sum(e.withdrawn for e in events.values()) == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"@id": None}, "@id: missing"),
        ({"@id": "urn:x"}, "is not an address"),
        ({"name": {}}, "name: no text in any language"),
        ({"name": "Concert"}, "name: expected dict"),
        ({"startDate": "morgen"}, "is not an ISO 8601"),
        ({"startDate": "2026-01-10T14:00:00"}, "has no time zone"),
        ({"calendarType": "sometimes"}, "calendarType"),
        ({"typicalAgeRange": "12-6"}, "ends before it starts"),
        ({"priceInfo": [{"price": "gratis"}]}, "priceInfo[0].price: not a number"),
        ({"openingHours": [{"dayOfWeek": ["someday"], "opens": "10:00"}]}, "dayOfWeek"),
        ({"workflowStatus": "GONE"}, "workflowStatus"),
        ({"subEvent": [{"startDate": None}]}, "subEvent[0].startDate: missing"),
    ],
)
def test_a_wrong_member_refuses_the_response_naming_it(sample, change, message):
    item = member(sample, CONCERTS)
    item.update(change)
    with pytest.raises(UitdatabankError) as error:
        parse_response(sample)
    assert "member[1]" in str(error.value)
    assert message in str(error.value)


@pytest.mark.parametrize("data", [{}, {"member": "x"}, "events", 3, None])
def test_a_response_of_the_wrong_shape_is_refused(data):
    with pytest.raises(UitdatabankError, match="expected a Search API response"):
        parse_response(data)


def test_a_member_that_is_no_object_is_refused():
    with pytest.raises(UitdatabankError, match=r"member\[0\]: expected an Event object"):
        parse_response({"member": ["x"]})
