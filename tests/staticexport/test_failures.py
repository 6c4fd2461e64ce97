"""export_static refuses what it cannot do, with a clear message, and writes nothing: bad
options, an output it must not replace, a page that fails to render halfway."""

import os
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from cms.pages.models import ContentPage

from .content import kortrijk, publish
from .test_export import tree_hashes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def export(*args):
    call_command("export_static", *args, stdout=StringIO(), stderr=StringIO())


def entries(directory):
    return sorted(path.name for path in Path(directory).iterdir())


def broken_page():
    """A published page whose own row of its type is gone (half of a page deleted by hand
    in the database): serving it raises."""
    municipality = kortrijk()
    page = publish(municipality.site.root_page.specific, ContentPage(title="Kapot", slug="kapot"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {ContentPage._meta.db_table} WHERE page_ptr_id = %s",  # noqa: S608
            [page.pk],
        )
    return page


@pytest.mark.filterwarnings("ignore:Specific versions of the following items")  # on purpose
def test_a_page_failing_to_render_leaves_the_previous_copy_and_no_temporary_directory(
    tmp_path,
):
    output = tmp_path / "copy"
    export("kortrijk", "--output", str(output))
    before = tree_hashes(output)
    broken_page()

    with pytest.raises(CommandError, match=r"/kapot/ failed to render"):
        export("kortrijk", "--output", str(output))

    assert tree_hashes(output) == before
    assert [name for name in entries(tmp_path) if name != "media"] == ["copy"]


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("atlantis", "No municipality 'atlantis'"),
        ("", "No municipality ''"),
        ("kort\x00rijk", "No municipality"),
        ("x" * 5000, "No municipality"),
        ("../kortrijk", "No municipality"),
    ],
)
def test_an_unknown_municipality_is_refused(tmp_path, slug, message):
    with pytest.raises(CommandError, match=message):
        export(slug, "--output", str(tmp_path / "copy"))
    assert entries(tmp_path) == []


@pytest.mark.parametrize("language", ["de", "xx", "", "nl\x00", "🙂" * 1000])
def test_a_language_the_site_does_not_have_is_refused(tmp_path, language):
    with pytest.raises(CommandError, match="kortrijk has no language"):
        export("kortrijk", "--language", language, "--output", str(tmp_path / "copy"))
    assert entries(tmp_path) == []


def test_an_output_that_is_a_file_is_refused(tmp_path):
    target = tmp_path / "copy"
    target.write_text("not a directory")
    with pytest.raises(CommandError, match="exists and is not a directory"):
        export("kortrijk", "--output", str(target))
    assert target.read_text() == "not a directory"


def test_a_directory_that_is_not_a_previous_copy_is_never_replaced(tmp_path):
    target = tmp_path / "documents"
    target.mkdir()
    (target / "thesis.odt").write_text("years of work")
    with pytest.raises(CommandError, match="not a previous copy"):
        export("kortrijk", "--output", str(target))
    assert entries(target) == ["thesis.odt"]


@pytest.mark.parametrize(
    "output",
    [
        lambda tmp: "/proc/voordeur-copy",  # a parent nobody may write to, root included
        lambda tmp: str(tmp / "missing" / "copy"),
        lambda tmp: "",
        lambda tmp: "copy\x00",
        lambda tmp: str(tmp / ("x" * 5000)),
        lambda tmp: "/",
    ],
)
def test_an_output_that_cannot_be_written_is_refused(tmp_path, output):
    with pytest.raises(CommandError):
        export("kortrijk", "--output", output(tmp_path))
    assert entries(tmp_path) == []


@pytest.mark.parametrize(
    "where",
    [
        lambda: settings.BASE_DIR,
        lambda: settings.BASE_DIR / "cms",
        lambda: settings.BASE_DIR.parent,
        lambda: settings.STATIC_ROOT,
        lambda: Path(settings.STATIC_ROOT) / "copy",
        lambda: Path(settings.MEDIA_ROOT) / "copy",
    ],
)
def test_the_project_and_its_static_and_media_roots_are_refused(where):
    target = Path(where())
    existed = target.exists()
    with pytest.raises(CommandError, match="Refusing to write the copy into"):
        export("kortrijk", "--output", str(target))
    assert target.exists() == existed


def test_without_an_output_the_command_says_so():
    with pytest.raises(CommandError, match="--output"):
        export("kortrijk")


def test_a_relative_output_is_read_from_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    export("kortrijk", "--language", "nl", "--output", "copy")
    assert (tmp_path / "copy" / "index.html").is_file()
    assert not os.path.exists(settings.BASE_DIR / "copy")
