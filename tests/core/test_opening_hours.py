import datetime as dt

import pytest

from cms.core.blocks import OpeningHoursBlock, stream_data, weekly_hours
from cms.core.opening_hours import BRUSSELS, ClosingDay, OpeningHoursError, WeeklyHours

WEEK = {"monday": ["08:30-12:00", "13:00-16:30"], "saturday": ["09:00-12:00"]}


def brussels(*args):
    return dt.datetime(*args, tzinfo=BRUSSELS)


def test_open_inside_a_period_reports_closing_time():
    hours = WeeklyHours.from_config(WEEK)
    status = hours.status(brussels(2026, 11, 30, 9, 0))  # a Monday
    assert status.is_open
    assert status.closes_at == dt.time(12, 0)


def test_closed_over_lunch_opens_in_the_afternoon():
    status = WeeklyHours.from_config(WEEK).status(brussels(2026, 11, 30, 12, 30))
    assert not status.is_open
    assert status.next_open == dt.datetime(2026, 11, 30, 13, 0)


def test_closing_day_skips_to_the_next_opening():
    hours = WeeklyHours.from_config(WEEK, closed=[ClosingDay(dt.date(2026, 11, 30), "Feest")])
    status = hours.status(brussels(2026, 11, 30, 9, 0))
    assert not status.is_open
    assert status.next_open == dt.datetime(2026, 12, 5, 9, 0)
    assert hours.closing_day(dt.date(2026, 11, 30)).reason == "Feest"


def test_time_is_read_in_brussels_whatever_the_timezone_given():
    utc = dt.datetime(2026, 11, 30, 7, 45, tzinfo=dt.UTC)  # 08:45 in Brussels
    assert WeeklyHours.from_config(WEEK).status(utc).is_open


@pytest.mark.parametrize(
    ("data", "key", "fragment"),
    [
        ({"monday": ["8u30-12u"]}, "hours.monday", "is not a period"),
        ({"monday": ["12:00-08:00"]}, "hours.monday", "closes before it opens"),
        ({"monday": ["08:00-12:00", "11:00-14:00"]}, "hours.monday", "overlap"),
        ({"maandag": ["08:00-12:00"]}, "hours.maandag", "not a weekday"),
        ({"monday": ["25:00-26:00"]}, "hours.monday", "not a time of day"),
        ({"monday": "08:00-12:00"}, "hours.monday", "expected a list"),
    ],
)
def test_bad_hours_are_refused_with_key_and_reason(data, key, fragment):
    with pytest.raises(OpeningHoursError) as error:
        WeeklyHours.from_config(data)
    assert error.value.key == key
    assert fragment in error.value.message


def test_touching_periods_are_allowed_and_json_round_trips():
    hours = WeeklyHours.from_config(
        {"friday": ["08:00-12:00", "12:00-13:00"]}, closed=[ClosingDay(dt.date(2027, 1, 1), "x")]
    )
    assert WeeklyHours.from_json(hours.to_json()) == hours


def test_opening_hours_read_the_same_from_a_block_value_and_from_its_raw_data():
    hours = WeeklyHours.from_config(WEEK, closed=[ClosingDay(dt.date(2026, 12, 25), "Kerstmis")])
    raw = stream_data(hours)
    value = OpeningHoursBlock().to_python(raw)

    from_raw, from_value = weekly_hours(raw), weekly_hours(value)

    assert from_raw.to_json() == from_value.to_json() == hours.to_json()


def test_raw_opening_hours_skip_empty_periods_and_undated_closing_days():
    raw = [
        {"type": "period", "value": {"weekday": "monday", "opens": "09:00:00", "closes": ""}},
        {"type": "closed", "value": {"date": "not a date", "reason": "?"}},
        {"type": "period", "value": {"weekday": "friday", "opens": "09:00", "closes": "12:00"}},
    ]

    assert (
        weekly_hours(raw).to_json()
        == WeeklyHours.from_config({"friday": ["09:00-12:00"]}).to_json()
    )
