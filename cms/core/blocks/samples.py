"""Sample media for the components' preview values: an image and a document, drawn and
written here on first use (so no binary files in the repository and no third-party
request), kept in the root collection, which editors of a municipality do not see."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

SAMPLE_IMAGE_TITLE = "Voorbeeldafbeelding (componentenbibliotheek)"
SAMPLE_DOCUMENT_TITLE = "Voorbeeldreglement (componentenbibliotheek)"


def _landscape(width=1600, height=1000):
    """Blue sky, a sun and two green hills, as JPEG bytes."""
    picture = PillowImage.new("RGB", (width, height), (140, 190, 230))
    draw = ImageDraw.Draw(picture)
    for y in range(height // 2):
        shade = int(40 * y / (height / 2))
        draw.line([(0, y), (width, y)], fill=(110 + shade, 170 + shade, 225))
    draw.ellipse([width * 0.72, height * 0.12, width * 0.84, height * 0.31], fill=(250, 210, 70))
    draw.ellipse([-width * 0.2, height * 0.55, width * 0.7, height * 1.5], fill=(70, 140, 70))
    draw.ellipse([width * 0.4, height * 0.62, width * 1.3, height * 1.6], fill=(50, 115, 60))
    output = io.BytesIO()
    picture.save(output, "JPEG", quality=85)
    return output.getvalue()


def _pdf(text="Voorbeeldreglement"):
    """A one-page PDF with one line of text."""
    stream = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    output = io.BytesIO(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = output.tell()
    output.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        output.write(b"%010d 00000 n \n" % offset)
    output.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return output.getvalue()


def sample_image():
    model = get_image_model()
    image = model.objects.filter(title=SAMPLE_IMAGE_TITLE).order_by("pk").first()
    if image is None:
        image = model(
            title=SAMPLE_IMAGE_TITLE,
            collection=Collection.get_first_root_node(),
            file=ImageFile(io.BytesIO(_landscape()), name="voorbeeld-landschap.jpg"),
        )
        image.save()
    return image


def sample_document():
    model = get_document_model()
    document = model.objects.filter(title=SAMPLE_DOCUMENT_TITLE).order_by("pk").first()
    if document is None:
        document = model(
            title=SAMPLE_DOCUMENT_TITLE,
            collection=Collection.get_first_root_node(),
            file=ContentFile(_pdf(), name="voorbeeldreglement.pdf"),
        )
        document.save()
    return document
