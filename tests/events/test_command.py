import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from cms.events.management.commands import import_uitdatabank
from cms.events.models import EventPage

pytestmark = pytest.mark.django_db


def run(*args, **options):
    call_command("import_uitdatabank", *args, stdout=StringIO(), **options)


def nothing_imported():
    return not EventPage.objects.exclude(uitdatabank_id="").exists()


@pytest.mark.parametrize("slug", ["gent", "", "x" * 500, "kort\x00rijk", "../kortrijk"])
def test_an_unknown_municipality_is_refused(slug, tmp_path):
    with pytest.raises(CommandError, match="unknown municipality"):
        run(municipality=slug, file=str(tmp_path / "none.json"))


@pytest.mark.parametrize("name", ["missing.json", "bad\x00name.json", ""])
def test_a_file_that_cannot_be_read_is_refused(tmp_path, name):
    with pytest.raises(CommandError, match="cannot read"):
        run(file=str(tmp_path / name) if name else str(tmp_path))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not JSON"),
        (b"", "not JSON"),
        (b"\xff\xfe junk", "cannot read"),
        (b'{"member": 3}', "expected a Search API response"),
        (b'["x"]', "expected an Event object"),
        (b'{"member": [{"@id": "https://io.uitdatabank.be/event/1"}]}', "calendarType"),
    ],
)
def test_junk_is_refused_and_nothing_is_imported(tmp_path, content, message):
    path = tmp_path / "response.json"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run(file=str(path))
    assert nothing_imported()


def test_a_huge_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(import_uitdatabank, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "huge.json"
    path.write_text(json.dumps({"member": [{"name": {"nl": "x" * 2000}}]}))
    with pytest.raises(CommandError, match="larger than"):
        run(file=str(path))


def test_one_bad_member_refuses_the_whole_file(sample, tmp_path):
    sample["member"][-1]["startDate"] = "volgende week"
    path = tmp_path / "response.json"
    path.write_text(json.dumps(sample))
    with pytest.raises(CommandError, match=r"refused, nothing imported:\nmember\[8\]"):
        run(file=str(path))
    assert nothing_imported()


def test_without_a_file_the_service_settings_are_required(monkeypatch):
    monkeypatch.delenv("UITDATABANK_URL", raising=False)
    monkeypatch.delenv("UITDATABANK_API_KEY", raising=False)
    with pytest.raises(CommandError, match="set UITDATABANK_URL and UITDATABANK_API_KEY"):
        run()


def test_the_bundled_sample_imports_with_upcoming_dates():
    out = StringIO()
    call_command("import_uitdatabank", sample=True, stdout=out)
    assert "6 created" in out.getvalue()
    assert EventPage.objects.exclude(uitdatabank_id="").upcoming().count() == 6


def test_a_file_and_the_sample_together_are_refused(tmp_path):
    with pytest.raises(CommandError, match="choose --file or --sample"):
        run(file=str(tmp_path / "x.json"), sample=True)
