"""The hand-written sample response (``sample.json``), with its dates brought forward.

The sample is written for the week of ``REFERENCE`` (a Monday). :func:`sample_response`
moves every date by whole weeks, so that the sample's week is the one after ``today``:
weekdays and opening hours stay as written, wall-clock times stay in Brussels time across
daylight saving, and the demo never shows a stale sample.
"""

import datetime as dt
import json
from pathlib import Path

from cms.core.opening_hours import BRUSSELS

SAMPLE = Path(__file__).with_name("sample.json")
REFERENCE = dt.date(2026, 1, 5)
DATE_KEYS = ("startDate", "endDate", "availableFrom", "availableTo")
FOREVER = 2100  # availableTo of a permanent event: left as it is


def _shift(text, weeks):
    moment = dt.datetime.fromisoformat(text)
    if moment.year >= FOREVER:
        return text
    local = moment.astimezone(BRUSSELS).replace(tzinfo=None) + dt.timedelta(weeks=weeks)
    return local.replace(tzinfo=BRUSSELS).isoformat()


def _shifted(node, weeks):
    if isinstance(node, list):
        return [_shifted(item, weeks) for item in node]
    if isinstance(node, dict):
        return {
            key: _shift(value, weeks) if key in DATE_KEYS else _shifted(value, weeks)
            for key, value in node.items()
        }
    return node


def sample_response(today):
    """The sample as parsed JSON, its first week starting the Monday after ``today``."""
    weeks = max(0, (today - REFERENCE).days // 7 + 1)
    return _shifted(json.loads(SAMPLE.read_text(encoding="utf-8")), weeks)
