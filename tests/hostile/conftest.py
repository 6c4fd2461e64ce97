"""Fixtures of the hostile-input suite: the recording middleware, a world per role, and the
number of requests the run made (printed in the terminal summary)."""

import pytest

from .sweep import EXAMPLES, REQUESTS
from .world import build_world


@pytest.fixture
def recording(settings, tmp_path):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.hostile.probe.RecordingMiddleware"]
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def world_for(client, recording):
    return lambda role: build_world(client, role)


def pytest_terminal_summary(terminalreporter):
    if REQUESTS["count"]:
        terminalreporter.write_line(
            f"hostile-input suite: {REQUESTS['count']} requests "
            f"({EXAMPLES} hostile examples per endpoint; HOSTILE_EXAMPLES=N for more)"
        )
