"""Uploads: a hostile or broken file is refused with a message on the file field, through
every upload view (single, multiple, the chooser), and nothing is stored; an image whose
stored file is missing or damaged never takes a page down (cms/core/uploads/)."""

import html
import io
import struct
import zipfile
import zlib
from functools import cache

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from cms.municipalities.models import Municipality
from cms.pages.models import ContentPage
from tests.factories import editor_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_media_root")]
Image, Document = get_image_model(), get_document_model()
SLUG = "kortrijk"


# Files, built with Pillow or by hand ---------------------------------------------------


def _save(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def png(size=(64, 48)):
    return _save(PILImage.new("RGB", size, (200, 40, 40)), "PNG")


def jpeg():
    return _save(PILImage.effect_noise((320, 240), 40).convert("RGB"), "JPEG")


def gif(size, frames):
    """An animated GIF, frames alternating between two colours."""
    images = [PILImage.new("P", size, index % 2) for index in range(frames)]
    for image in images:
        image.putpalette([255, 0, 0, 0, 0, 255])
    return _save(images[0], "GIF", save_all=True, append_images=images[1:])


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@cache
def png_bomb():
    """A real PNG of 30000 x 30000 pixels (900 megapixels, 1 bit each, all black) that
    compresses to about 100 KB: decoded, it would take 900 MB as greyscale."""
    width = height = 30000
    compressor = zlib.compressobj(9)
    row = bytes(1 + (width + 7) // 8)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )


@cache
def gif_frame_bomb():
    """12 frames of 2000 x 2000: each frame is 4 megapixels, together 48 (over 40)."""
    return gif((2000, 2000), 12)


def png_bad_crc():
    data = bytearray(png())
    start = data.index(b"IDAT")
    length = struct.unpack(">I", data[start - 4 : start])[0]
    data[start + 4 + length] ^= 0xFF  # the IDAT chunk's checksum
    return bytes(data)


SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def zip_of(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


# Fixtures -------------------------------------------------------------------------------


@pytest.fixture
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def municipality():
    return Municipality.objects.select_related("site", "collection").get(slug=SLUG)


@pytest.fixture
def editor(client, municipality):
    client.force_login(editor_of(SLUG))
    client.defaults["HTTP_HOST"] = f"{SLUG}.localhost:8000"
    client.raise_request_exception = False  # a 500 is a status to assert, not a crash
    return client


def stored_files(settings):
    """Every file under MEDIA_ROOT but renditions (the admin makes thumbnails of a new image)."""
    return sorted(
        str(path)
        for path in settings.MEDIA_ROOT.rglob("*")
        if path.is_file() and path.parent.name != "images"
    )


# Uploading through the three views ------------------------------------------------------

IMAGE_VIEWS = ["single", "multiple", "chooser"]


def upload(client, kind, view, name, content, collection):
    """POST one file the way the admin does; return (response, the file field's errors)."""
    file = SimpleUploadedFile(name, content)
    base = f"/admin/{kind}s"
    if view == "single":
        data = {"title": "Proef", "collection": collection.pk, "file": file}
        response = client.post(f"{base}/add/", data)
        return response, _form_errors(response)
    if view == "multiple":
        response = client.post(
            f"{base}/multiple/add/", {"collection": collection.pk, "files[]": file}
        )
        body = response.json() if response.status_code == 200 else {}
        return response, "" if body.get("success") else body.get("error_message", "")
    prefix = f"{kind}-chooser-upload"
    data = {
        f"{prefix}-title": "Proef",
        f"{prefix}-collection": collection.pk,
        f"{prefix}-file": file,
    }
    response = client.post(f"{base}/chooser/create/", data)
    body = response.json() if response.status_code == 200 else {}
    if body.get("step") != "reshow_creation_form":
        return response, ""
    assert html.escape(_form_errors(response)) in body["htmlFragment"]  # shown in the modal
    return response, _form_errors(response)


def _form_errors(response):
    if response.status_code != 200:
        return ""
    return " ".join(response.context["form"].errors.get("file", []))


IMAGE_REFUSALS = {
    "decompression bomb": ("bom.png", png_bomb, "teveel pixels"),
    "animated GIF, too many frames": ("animatie.gif", gif_frame_bomb, "teveel pixels (48000000)"),
    "truncated JPEG": ("afgebroken.jpg", lambda: jpeg()[:2000], "beschadigd of onvolledig"),
    "PNG with a bad checksum": ("checksum.png", png_bad_crc, "beschadigd of onvolledig"),
    "HTML named .gif": ("pagina.gif", lambda: HTML, "bevat HTML, SVG of script"),
    "HTML named .jpg": ("pagina.jpg", lambda: HTML, "bevat HTML, SVG of script"),
    "SVG": ("logo.svg", lambda: SVG, "Geen ondersteund afbeeldingsformaat"),
    "SVG named .png": ("logo.png", lambda: SVG, "bevat HTML, SVG of script"),
    "zero bytes": ("leeg.png", lambda: b"", "Het verstuurde bestand is leeg"),
    "PNG with HTML appended": ("polyglot.png", lambda: png() + HTML, "bevat HTML, SVG of script"),
    "PNG with a ZIP appended": (
        "polyglot.png",
        lambda: png() + zip_of({"a.txt": "x"}),
        "andere gegevens",
    ),
    "PNG named .jpg": ("foto.jpg", png, "hoort niet bij het bestandsformaat (png)"),
    "not an image at all": ("ruis.webp", lambda: bytes(range(256)) * 4, "geldige afbeelding"),
}


@pytest.mark.parametrize("view", IMAGE_VIEWS)
@pytest.mark.parametrize("case", IMAGE_REFUSALS, ids=list(IMAGE_REFUSALS))
def test_a_bad_image_is_refused_with_a_message_and_nothing_is_stored(
    editor, municipality, settings, view, case
):
    name, content, message = IMAGE_REFUSALS[case]
    before = Image.objects.count()
    response, errors = upload(editor, "image", view, name, content(), municipality.collection)
    assert response.status_code == 200
    assert message in errors
    assert Image.objects.count() == before
    assert stored_files(settings) == []


@pytest.mark.parametrize("view", IMAGE_VIEWS)
@pytest.mark.parametrize(
    ("name", "content"),
    [("foto.png", png), ("foto.jpg", jpeg), ("bewegend.gif", lambda: gif((40, 30), 5))],
    ids=["png", "jpeg", "animated gif"],
)
def test_a_sound_image_is_stored(editor, municipality, settings, view, name, content):
    before = list(Image.objects.values_list("pk", flat=True))
    response, errors = upload(editor, "image", view, name, content(), municipality.collection)
    assert response.status_code in (200, 302)
    assert errors == ""
    (image,) = Image.objects.exclude(pk__in=before)
    assert image.collection_id == municipality.collection.pk
    assert stored_files(settings) == [str(settings.MEDIA_ROOT / image.file.name)]


def test_an_image_over_the_byte_limit_is_refused_before_it_is_read(editor, municipality, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    response, errors = upload(
        editor, "image", "single", "groot.jpg", jpeg(), municipality.collection
    )
    assert response.status_code == 200
    assert "te groot" in errors
    assert stored_files(settings) == []


def test_replacing_an_image_file_with_a_damaged_one_keeps_the_old_file(
    editor, municipality, settings
):
    image = Image.objects.create(
        title="Goed", file=ContentFile(png(), name="goed.png"), collection=municipality.collection
    )
    data = {"title": "Goed", "collection": municipality.collection.pk}
    broken = SimpleUploadedFile("kapot.jpg", jpeg()[:2000])
    response = editor.post(f"/admin/images/{image.pk}/", {**data, "file": broken})
    assert response.status_code == 200
    assert "beschadigd of onvolledig" in _form_errors(response)
    assert Image.objects.get(pk=image.pk).file.name == image.file.name
    assert stored_files(settings) == [str(settings.MEDIA_ROOT / image.file.name)]


# Documents ------------------------------------------------------------------------------

DOCUMENT_REFUSALS = {
    "HTML named .pdf": ("verslag.pdf", HTML, "begint met HTML-, SVG- of XML-code"),
    "text named .pdf": ("verslag.pdf", b"Gewone tekst, geen pdf.", "extensie .pdf"),
    "PNG named .docx": ("brief.docx", png(), "past niet bij de extensie .docx"),
    "ZIP that is no Word file": ("brief.docx", zip_of({"a.txt": "x"}), "extensie .docx"),
    "Word file named .xlsx": ("tabel.xlsx", zip_of(DOCX), "past niet bij de extensie .xlsx"),
    "ODS named .odt": (
        "tekst.odt",
        zip_of({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}),
        "past niet bij de extensie .odt",
    ),
    "PDF named .zip": ("archief.zip", PDF, "past niet bij de extensie .zip"),
    "PDF named .txt": ("nota.txt", PDF, "past niet bij de extensie .txt"),
    "HTML named .txt": ("nota.txt", b"\n  " + HTML, "begint met HTML-, SVG- of XML-code"),
    "SVG named .csv": ("cijfers.csv", b"\xef\xbb\xbf" + SVG, "begint met HTML-, SVG- of XML-code"),
}


@pytest.mark.parametrize("view", IMAGE_VIEWS)
@pytest.mark.parametrize("case", DOCUMENT_REFUSALS, ids=list(DOCUMENT_REFUSALS))
def test_a_disguised_document_is_refused_with_a_message_and_nothing_is_stored(
    editor, municipality, settings, view, case
):
    name, content, message = DOCUMENT_REFUSALS[case]
    before = Document.objects.count()
    response, errors = upload(editor, "document", view, name, content, municipality.collection)
    assert response.status_code == 200
    assert message in errors
    assert "Bestandsextensie" not in errors  # no second message about an empty name
    assert Document.objects.count() == before
    assert stored_files(settings) == []


@pytest.mark.parametrize("view", IMAGE_VIEWS)
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("verslag.pdf", PDF),
        ("brief.docx", zip_of(DOCX)),
        ("tekst.odt", zip_of({"mimetype": "application/vnd.oasis.opendocument.text"})),
        ("archief.zip", zip_of({"a.txt": "x"})),
        ("cijfers.csv", b"naam;teken\nkleiner dan;<script>\n"),  # markup inside, not at the start
    ],
    ids=["pdf", "docx", "odt", "zip", "csv with markup inside"],
)
def test_a_sound_document_is_stored(editor, municipality, settings, view, name, content):
    before = list(Document.objects.values_list("pk", flat=True))
    response, errors = upload(editor, "document", view, name, content, municipality.collection)
    assert response.status_code in (200, 302)
    assert errors == ""
    (document,) = Document.objects.exclude(pk__in=before)
    assert document.collection_id == municipality.collection.pk
    assert stored_files(settings) == [str(settings.MEDIA_ROOT / document.file.name)]


def test_a_document_over_the_byte_limit_is_refused(editor, municipality, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
    response, errors = upload(
        editor, "document", "multiple", "verslag.pdf", PDF * 10, municipality.collection
    )
    assert response.status_code == 200
    assert "te groot" in errors
    assert stored_files(settings) == []


# An image stored before it could be checked (or damaged since) --------------------------


@pytest.fixture(params=["truncated", "missing"])
def page_with_broken_image(request, municipality):
    image = Image.objects.create(
        title="Kapot",
        file=ContentFile(jpeg(), name="kapot.jpg"),
        collection=municipality.collection,
    )
    if request.param == "truncated":
        with open(image.file.path, "r+b") as file:
            file.truncate(2000)
    else:
        image.file.storage.delete(image.file.name)
    page = ContentPage(
        title="Met beeld",
        slug="met-beeld",
        body=[
            ("paragraph", RichText("<p>Tekst naast het beeld.</p>")),
            ("image", {"image": image, "alt_text": "Kapot beeld", "caption": ""}),
        ],
    )
    municipality.site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_page_with_a_broken_image_is_served_without_it(client, page_with_broken_image):
    client.raise_request_exception = False
    response = client.get("/met-beeld/", HTTP_HOST=f"{SLUG}.localhost:8000")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Met beeld" in body
    assert "Kapot beeld" not in body  # the image is left out, not a broken <img>


def test_the_api_gives_a_page_with_a_broken_image(client, page_with_broken_image):
    client.raise_request_exception = False
    response = client.get(
        f"/api/v2/pages/{page_with_broken_image.pk}/", HTTP_HOST=f"{SLUG}.localhost:8000"
    )
    assert response.status_code == 200
    images = [block for block in response.json()["body"] if block["type"] == "image"]
    assert [block["value"] for block in images] == [None]
