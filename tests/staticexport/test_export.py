"""export_static on Kortrijk's site: the copy is complete, has no broken internal link,
holds nothing private or per request, and is the same bytes when nothing changed."""

import hashlib
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from .content import Content
from .linkcheck import broken_links

pytestmark = pytest.mark.django_db

LIVE = "http://kortrijk.localhost:8000"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def content():
    return Content()


def export(output, *languages):
    out = StringIO()
    options = [arg for code in languages for arg in ("--language", code)]
    call_command("export_static", "kortrijk", *options, "--output", str(output), stdout=out)
    return out.getvalue()


def tree_hashes(root):
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(root).rglob("*"))
        if path.is_file()
    }


def read(root, name):
    return (root / name).read_text(encoding="utf-8")


def test_the_copy_has_every_public_page_in_every_language_and_nothing_else(content, tmp_path):
    output = tmp_path / "copy"
    report = export(output)

    assert "kortrijk:" in report and "(nl, fr, en)" in report
    for name in (
        "index.html",
        "stadhuis/index.html",
        "fr/index.html",
        "fr/hotel-de-ville/index.html",
        "en/index.html",
        "nieuws/index.html",
        "nieuws/bericht-00/index.html",
        "404.html",
        "robots.txt",
        "sitemap.xml",
        "zoeken/index.html",
        "fr/zoeken/index.html",
    ):
        assert (output / name).is_file(), name
    assert not (output / "intern").exists()
    assert not (output / "voorbij").exists()
    assert "Het stadhuis" in read(output, "stadhuis/index.html")


def test_no_internal_link_of_the_copy_is_broken(content, tmp_path):
    output = tmp_path / "copy"
    export(output)

    assert broken_links(output) == []
    assets = {path.relative_to(output).as_posix() for path in output.rglob("*")}
    assert any(name.startswith("media/images/") for name in assets)  # the renditions
    assert any(name.startswith("static/css/") for name in assets)
    assert any(name.startswith("static/themes/fonts/") for name in assets)  # CSS url()


def test_documents_are_copied_except_private_ones(content, tmp_path):
    output = tmp_path / "copy"
    export(output)
    page = read(output, "stadhuis/index.html")

    public = content.document.url
    assert f'href="{public}"' in page
    assert (output / public.lstrip("/").replace("%20", " ")).read_bytes() == b"%PDF-1.4 public"
    private = content.private_document.url
    assert f'href="{LIVE}{private}"' in page
    assert not list(output.rglob("intern.pdf"))
    assert b"%PDF-1.4 private" not in b"".join(
        path.read_bytes() for path in output.rglob("*") if path.is_file()
    )


def test_what_needs_the_server_points_to_the_live_site_or_is_left_out(content, tmp_path):
    output = tmp_path / "copy"
    export(output)
    html = "".join(path.read_text() for path in output.rglob("*.html"))

    assert "csrfmiddlewaretoken" not in html
    assert 'class="page-feedback' not in html  # the vote needs the server
    assert "Nu open" not in html and "Gesloten. Opent" not in html  # true for a moment
    form = read(output, "melding/index.html")
    assert "Meld het ons." in form and 'method="post"' not in form
    assert f'href="{LIVE}/melding/"' in form
    assert f'action="{LIVE}/welke-gemeente/"' in html or "welke-gemeente" not in html
    # The header's search form is answered by the copy's own search page.
    assert 'action="/zoeken/"' in read(output, "stadhuis/index.html")


def test_the_events_calendar_feed_is_a_file_of_the_copy(content, tmp_path):
    output = tmp_path / "copy"
    export(output)

    assert 'href="/evenementen/agenda.ics"' in read(output, "evenementen/index.html")
    assert read(output, "evenementen/agenda.ics").startswith("BEGIN:VCALENDAR")


def test_a_paginated_listing_gets_a_file_per_page(content, tmp_path):
    output = tmp_path / "copy"
    export(output)

    first = read(output, "nieuws/index.html")
    assert 'href="/nieuws/page/2/"' in first
    second = read(output, "nieuws/page/2/index.html")
    assert 'href="/nieuws/"' in second and "Bericht 00" in second


def test_the_search_page_lists_every_page_a_to_z_and_loads_its_own_script(content, tmp_path):
    output = tmp_path / "copy"
    export(output)
    search = read(output, "zoeken/index.html")

    assert 'href="/stadhuis/"' in search and 'href="/nieuws/bericht-13/"' in search
    assert "<script>" not in search  # first-party files only, the CSP forbids inline script
    assert 'src="/static/staticexport/search.js"' in search
    assert (output / "static/staticexport/search.js").is_file()
    assert 'href="/fr/hotel-de-ville/"' in read(output, "fr/zoeken/index.html")


def test_sitemap_and_robots_give_the_canonical_hosts_absolute_urls(content, tmp_path):
    output = tmp_path / "copy"
    export(output)
    sitemap = read(output, "sitemap.xml")

    assert f"<loc>{LIVE}/stadhuis/</loc>" in sitemap
    assert f"<loc>{LIVE}/fr/hotel-de-ville/</loc>" in sitemap
    assert "/intern/" not in sitemap and "/voorbij/" not in sitemap
    assert f"Sitemap: {LIVE}/sitemap.xml" in read(output, "robots.txt")
    for loc in sitemap.split("<loc>")[1:]:
        path = loc.split("</loc>")[0].removeprefix(LIVE)
        assert (output / path.lstrip("/") / "index.html").is_file(), path


def test_a_second_export_without_changes_is_byte_identical(content, tmp_path):
    export(tmp_path / "first")
    export(tmp_path / "second")
    export(tmp_path / "first")  # replacing a previous copy

    first, second = tree_hashes(tmp_path / "first"), tree_hashes(tmp_path / "second")
    assert first == second
    assert len(first) > 50
    assert sorted(path.name for path in tmp_path.iterdir()) == ["first", "media", "second"]


def test_one_language_exports_only_its_pages_and_links_the_others_live(content, tmp_path):
    output = tmp_path / "copy"
    report = export(output, "fr")

    assert "(fr)" in report
    assert (output / "fr/hotel-de-ville/index.html").is_file()
    assert not (output / "index.html").exists()
    assert broken_links(output) == []
    assert f'href="{LIVE}/"' in read(output, "fr/index.html")  # the language switcher
