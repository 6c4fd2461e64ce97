import copy
import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from cms.events.uitdatabank.sample import sample_response

CONCERTS = "https://io.uitdatabank.be/event/2c4e6a8b-1d3f-4a5b-9c7d-e8f0a1b2c302"
READING = "https://io.uitdatabank.be/event/0b7d5e0c-5f6a-4d8e-9a51-3c1f2b7e8a01"
MUSEUM = "https://io.uitdatabank.be/event/4e6a8c0d-3f5b-4c7d-9e1f-a2b3c4d5e604"


@pytest.fixture
def sample():
    """The sample response, its dates in the coming weeks (a fresh copy per test)."""
    return copy.deepcopy(sample_response(timezone.localdate()))


def member(data, event_id):
    return next(item for item in data["member"] if item["@id"] == event_id)


@pytest.fixture
def run_import(tmp_path):
    """Run the command on ``data`` written to a file; its output."""

    def run(data, *args, **options):
        path = tmp_path / f"response-{dt.datetime.now().timestamp()}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        out = StringIO()
        call_command("import_uitdatabank", *args, file=str(path), stdout=out, **options)
        return out.getvalue()

    return run
