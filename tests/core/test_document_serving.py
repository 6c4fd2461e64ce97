"""Documents at /documents/<id>/<name>: downloads, never pages of the site's origin.

Uploaded through the real admin (CSV, PDF), or written as rows the way older data may hold
them (a .txt full of HTML, an .svg, an .html), then fetched through Wagtail's serve view.
"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

from cms.municipalities.models import Municipality
from tests.factories import editor_of

pytestmark = pytest.mark.django_db

Document = get_document_model()
SANDBOX = "sandbox; default-src 'none'"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def tiny_pdf():
    """A valid one-page PDF, offsets and all."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def kortrijk():
    return Municipality.objects.select_related("collection").get(slug="kortrijk")


def uploaded(client, kortrijk, name, content):
    """Upload ``name`` as Kortrijk's editor through the admin's add form."""
    client.force_login(editor_of("kortrijk"))
    response = client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "collection": kortrijk.collection.pk,
            "file": SimpleUploadedFile(name, content),
        },
    )
    assert response.status_code == 302, response.content[:2000]
    client.logout()
    return Document.objects.get(title=name)


def legacy_row(kortrijk, name, content):
    return Document.objects.create(
        title=name, file=ContentFile(content, name=name), collection=kortrijk.collection
    )


def served(client, document):
    response = client.get(document.url)
    assert response.status_code == 200
    # Reading it all closes it, the test client's way (closing it again here would
    # close the database connection of the test's transaction on PostgreSQL).
    body = b"".join(response.streaming_content)
    return response, body


def assert_sandboxed_download(response, content_type):
    assert response.headers["Content-Type"].startswith(content_type)
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["Content-Security-Policy"] == SANDBOX
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_uploaded_csv_is_a_sandboxed_download(client, kortrijk):
    document = uploaded(client, kortrijk, "afval.csv", b"straat;dag\nMarkt;maandag\n")
    response, body = served(client, document)
    assert body == b"straat;dag\nMarkt;maandag\n"
    assert_sandboxed_download(response, "text/csv")
    assert 'filename="afval.csv"' in response.headers["Content-Disposition"]


def test_uploaded_pdf_is_shown_inline_sandboxed(client, kortrijk):
    document = uploaded(client, kortrijk, "reglement.pdf", tiny_pdf())
    response, body = served(client, document)
    assert body.startswith(b"%PDF-1.4")
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("inline;")
    assert response.headers["Content-Security-Policy"] == SANDBOX
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("brief.txt", HTML, "text/plain"),
        ("logo.svg", SVG, "image/svg+xml"),
        ("oud.html", HTML, "text/html"),
    ],
)
def test_legacy_rows_that_a_browser_would_run_are_sandboxed_downloads(
    client, kortrijk, name, content, content_type
):
    response, body = served(client, legacy_row(kortrijk, name, content))
    assert body == content
    assert_sandboxed_download(response, content_type)


def test_inline_types_a_browser_would_run_stay_downloads_whatever_the_settings(
    client, kortrijk, settings
):
    settings.WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/html", "image/svg+xml"]
    for name, content, content_type in (
        ("oud.html", HTML, "text/html"),
        ("logo.svg", SVG, "image/svg+xml"),
    ):
        response, _body = served(client, legacy_row(kortrijk, name, content))
        assert_sandboxed_download(response, content_type)


def test_pdf_is_a_download_when_the_settings_say_so(client, kortrijk, settings):
    settings.WAGTAILDOCS_INLINE_CONTENT_TYPES = []
    response, _body = served(client, legacy_row(kortrijk, "reglement.pdf", tiny_pdf()))
    assert_sandboxed_download(response, "application/pdf")


def test_unchanged_document_answers_304_without_a_body(client, kortrijk):
    document = uploaded(client, kortrijk, "afval.csv", b"straat;dag\n")
    first, _body = served(client, document)
    again = client.get(document.url, HTTP_IF_NONE_MATCH=first.headers["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_wrong_document_name_is_the_sites_404_with_the_public_policy(client, kortrijk):
    document = legacy_row(kortrijk, "brief.txt", HTML)
    response = client.get(f"/documents/{document.pk}/iets-anders.txt")
    assert response.status_code == 404
    assert "sandbox" not in response.headers["Content-Security-Policy"]
