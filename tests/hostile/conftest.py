"""Fixtures of the hostile-input suite: the recording middleware, a world per role, and the
number of requests the run made (printed in the terminal summary)."""

import pytest

from tests import summary

from .sweep import EXAMPLES, REQUESTS
from .world import build_world


@pytest.fixture
def recording(settings, tmp_path):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.hostile.probe.RecordingMiddleware"]
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def world_for(client, recording):
    return lambda role: build_world(client, role)


@pytest.fixture(autouse=True)
def _count_requests(record_property):
    """Each test's requests, summed in the terminal summary (tests/summary.py)."""
    before = REQUESTS["count"]
    yield
    record_property(
        summary.COUNT,
        (
            "hostile-input suite: {} requests "
            f"({EXAMPLES} hostile examples per endpoint; HOSTILE_EXAMPLES=N for more)",
            REQUESTS["count"] - before,
        ),
    )
