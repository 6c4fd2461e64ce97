"""Media on S3-compatible object storage (cms/settings/media.py, cms/core/storage.py).

Against a real S3 API: moto's server, started here on a free loopback port, holding the
bucket with the public-read policy of docs/deploy.md. moto checks anonymous requests the
way S3 does (a bucket policy that allows, else the object's ACL), so "an anonymous browser
can (not) read it" is asserted with plain HTTP requests that carry no credentials.
"""

import logging
import re
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from io import BytesIO
from pathlib import Path

import boto3
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import SimpleUploadedFile
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction
from wagtail.rich_text import RichText

from cms.municipalities.models import Municipality
from cms.pages.models import ContentPage
from cms.settings.media import media_storage
from tests.core.test_document_serving import tiny_pdf
from tests.factories import editor_of

Image, Document = get_image_model(), get_document_model()
DEPLOY = Path(__file__).resolve().parents[2] / "docs" / "deploy.md"
BUCKET, PREFIX = "voordeur-media", "media"  # as in docs/deploy.md's policy
SLUG = "kortrijk"


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint():
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto logs every request
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def documented_policy():
    """The bucket policy docs/deploy.md tells operators to apply."""
    blocks = re.findall(r"```json\n(.*?)```", DEPLOY.read_text(), re.DOTALL)
    policies = [block for block in blocks if '"s3:GetObject"' in block]
    assert len(policies) == 1, "docs/deploy.md shows one bucket policy"
    return policies[0]


@pytest.fixture
def s3(endpoint, monkeypatch):
    """A client with credentials, and an empty bucket with the documented policy."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "voordeur-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "voordeur-test-secret")
    # moto's own reset, on loopback
    reset = urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST")  # noqa: S310
    urllib.request.urlopen(reset).close()  # noqa: S310
    client = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-1")
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    client.put_bucket_policy(Bucket=BUCKET, Policy=documented_policy())
    return client


@pytest.fixture(params=["bucket address", "custom domain"])
def media(request, s3, endpoint, monkeypatch, settings):
    """Media on the bucket, configured the way production is: MEDIA_STORAGE_URL. The
    custom domain is the bucket itself here, as a CDN in front of it would be."""
    query = f"endpoint_url={endpoint}&region=eu-west-1"
    if request.param == "custom domain":
        host = endpoint.removeprefix("http://")
        query += f"&custom_domain={host}/{BUCKET}&url_protocol=http"
    monkeypatch.setenv("MEDIA_STORAGE_URL", f"s3://{BUCKET}/{PREFIX}?{query}")
    settings.STORAGES = {**settings.STORAGES, "default": media_storage()}
    return f"{endpoint}/{BUCKET}/{PREFIX}/"


def keys(s3):
    listing = s3.list_objects_v2(Bucket=BUCKET)
    return sorted(item["Key"] for item in listing.get("Contents", []))


def anonymous_get(url):
    """(status, body, headers) of a GET with no credentials, as a browser sends it."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


def jpeg():
    buffer = BytesIO()
    PILImage.effect_noise((640, 480), 40).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def kortrijk():
    return Municipality.objects.select_related("site", "collection").get(slug=SLUG)


def upload(client, kortrijk, kind, name, content, collection=None):
    """Upload through the admin's add form as Kortrijk's editor."""
    client.force_login(editor_of(SLUG))
    response = client.post(
        f"/admin/{kind}s/add/",
        {
            "title": name,
            "collection": (collection or kortrijk.collection).pk,
            "file": SimpleUploadedFile(name, content),
        },
    )
    assert response.status_code == 302, response.content[:2000]
    client.logout()
    model = Image if kind == "image" else Document
    return model.objects.get(title=name)


def page_with(kortrijk, image, document):
    page = ContentPage(
        title="Stadhuis",
        slug="stadhuis",
        body=[
            ("paragraph", RichText("<p>Het stadhuis.</p>")),
            ("image", {"image": image, "alt_text": "Het stadhuis", "caption": ""}),
            ("document", {"document": document, "title": ""}),
        ],
    )
    kortrijk.site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


# Images ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_uploaded_image_is_stored_in_the_bucket_and_pages_show_public_renditions(
    client, kortrijk, s3, media, endpoint
):
    image = upload(client, kortrijk, "image", "stadhuis.jpg", jpeg())
    document = upload(client, kortrijk, "document", "verslag.csv", b"jaar;inwoners\n")
    page_with(kortrijk, image, document)

    body = client.get("/stadhuis/", HTTP_HOST=f"{SLUG}.localhost:8000").content.decode()

    stored = keys(s3)
    assert f"{PREFIX}/{image.file.name}" in stored
    assert image.file.name.startswith("original_images/")
    renditions = [key for key in stored if key.startswith(f"{PREFIX}/images/")]
    assert renditions, stored
    tag = re.search(r'<img[^>]*alt="Het stadhuis"[^>]*>', body)
    assert tag, body
    src = re.search(r' src="([^"]+)"', tag.group()).group(1)
    assert src.startswith(media), src  # the bucket's (or custom domain's) stable address
    assert "Signature" not in src and "X-Amz" not in src
    assert src.removeprefix(f"{endpoint}/{BUCKET}/") in renditions
    status, content, headers = anonymous_get(src)
    assert status == 200
    assert content.startswith(b"\xff\xd8")  # a JPEG
    assert headers["Cache-Control"] == "public, max-age=604800"
    # The page links the document's view, never the bucket.
    assert f'href="{document.url}"' in body
    assert document.file.name not in body
    # The original is private.
    status, _content, _headers = anonymous_get(f"{endpoint}/{BUCKET}/{PREFIX}/{image.file.name}")
    assert status == 403


@pytest.mark.django_db
def test_two_images_of_the_same_name_are_two_objects(client, kortrijk, s3, media):
    first = upload(client, kortrijk, "image", "foto.jpg", jpeg())
    second = Image.objects.create(
        title="Tweede", file=SimpleUploadedFile("foto.jpg", jpeg()), collection=first.collection
    )
    assert first.file.name != second.file.name
    assert {f"{PREFIX}/{first.file.name}", f"{PREFIX}/{second.file.name}"} <= set(keys(s3))


@pytest.mark.django_db
def test_deleting_an_image_deletes_its_original_and_renditions(
    client, kortrijk, s3, media, django_capture_on_commit_callbacks
):
    image = upload(client, kortrijk, "image", "weg.jpg", jpeg())
    image.get_renditions("width-480|format-jpeg", "width-800|format-webp")
    stem = Path(image.file.name).stem
    assert len([key for key in keys(s3) if stem in key]) >= 3

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()

    assert [key for key in keys(s3) if stem in key] == []


# Documents -------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "content_type", "disposition"),
    [
        ("verslag.csv", b"jaar;inwoners\n2025;77000\n", "text/csv", "attachment;"),
        ("brief.txt", b"Beste inwoner,\n", "text/plain", "attachment;"),
        ("reglement.pdf", tiny_pdf(), "application/pdf", "inline"),
    ],
)
def test_a_document_is_private_in_the_bucket_and_served_by_the_document_view(
    client, kortrijk, s3, media, endpoint, name, content, content_type, disposition
):
    document = upload(client, kortrijk, "document", name, content)
    key = f"{PREFIX}/{document.file.name}"
    assert key in keys(s3)
    with pytest.raises(NotImplementedError):
        document.file.path  # noqa: B018 - the view has no local file to send

    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response.headers["Content-Type"].startswith(content_type)
    assert response.headers["Content-Disposition"].startswith(disposition)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"] == "sandbox; default-src 'none'"

    status, body, _headers = anonymous_get(f"{endpoint}/{BUCKET}/{key}")
    assert status == 403
    assert content not in body
    grants = s3.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    assert [grant["Grantee"].get("URI") for grant in grants] == [None]  # the owner only


@pytest.mark.django_db
def test_a_document_in_a_private_collection_is_refused_to_anonymous_visitors(
    client, kortrijk, s3, media
):
    internal = kortrijk.collection.add_child(name="Kortrijk intern")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="Intern",
        file=SimpleUploadedFile("intern.csv", b"geheim;1\n"),
        collection=internal,
    )
    assert f"{PREFIX}/{document.file.name}" in keys(s3)

    response = client.get(document.url)

    assert response.status_code == 302
    assert "/login" in response.headers["Location"]
    assert not getattr(response, "streaming", False)


@pytest.mark.django_db
def test_without_the_bucket_policy_nothing_written_is_public(client, kortrijk, s3, media):
    s3.delete_bucket_policy(Bucket=BUCKET)
    image = upload(client, kortrijk, "image", "prive.jpg", jpeg())
    rendition = image.get_rendition("width-480|format-jpeg")

    status, _body, _headers = anonymous_get(rendition.url)

    assert status == 403  # no object ACL was sent: only the policy makes renditions public
    for key in keys(s3):
        grants = s3.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
        assert all("AllUsers" not in grant["Grantee"].get("URI", "") for grant in grants)


# Configuration ---------------------------------------------------------------------------

STORAGE_VARIABLES = (
    "MEDIA_STORAGE_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_LOCATION",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_S3_CUSTOM_DOMAIN",
    "AWS_S3_URL_PROTOCOL",
    "AWS_S3_ADDRESSING_STYLE",
)


@pytest.fixture
def environment(monkeypatch):
    for name in STORAGE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_without_configuration_media_stay_on_the_local_disk(environment):
    assert media_storage() == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_the_url_gives_the_storage_options(environment):
    environment.setenv(
        "MEDIA_STORAGE_URL",
        "s3://voordeur-media/regio/media/?endpoint_url=https://s3.example.be"
        "&region=eu-west-1&custom_domain=media.example.be&addressing_style=path",
    )
    environment.setenv("AWS_S3_REGION_NAME", "us-east-1")  # the URL wins
    assert media_storage() == {
        "BACKEND": "cms.core.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": "voordeur-media",
            "location": "regio/media",
            "endpoint_url": "https://s3.example.be",
            "region_name": "eu-west-1",
            "custom_domain": "media.example.be",
            "addressing_style": "path",
        },
    }


def test_the_usual_aws_variables_give_the_same(environment):
    environment.setenv("AWS_STORAGE_BUCKET_NAME", "voordeur-media")
    environment.setenv("AWS_LOCATION", "media")
    environment.setenv("AWS_S3_ENDPOINT_URL", "http://127.0.0.1:9000")
    environment.setenv("AWS_S3_URL_PROTOCOL", "http")
    assert media_storage()["OPTIONS"] == {
        "bucket_name": "voordeur-media",
        "location": "media",
        "endpoint_url": "http://127.0.0.1:9000",
        "url_protocol": "http:",
    }


MALFORMED = {
    "junk": ("not a url", "spaces or control characters"),
    "empty bucket": ("s3://", "bucket name"),
    "other scheme": ("https://bucket/media", "scheme must be s3://"),
    "no scheme": ("voordeur-media/media", "scheme must be s3://"),
    "upper-case bucket": ("s3://Voordeur/media", "bucket name"),
    "bucket with a port": ("s3://voordeur-media:9000/media", "bucket name"),
    "port out of range": ("s3://voordeur-media:999999/", "is not a URL"),
    "credentials": ("s3://AKIA:hunter2secret@voordeur-media/", "AWS_ACCESS_KEY_ID"),
    "unknown parameter": ("s3://voordeur-media/?regoin=eu-west-1", "unknown parameter 'regoin'"),
    "repeated parameter": ("s3://voordeur-media/?region=a&region=b", "more than once"),
    "bare parameter": ("s3://voordeur-media/?region", "name=value"),
    "endpoint without scheme": ("s3://voordeur-media/?endpoint_url=s3.example.be", "http(s)"),
    "endpoint javascript": ("s3://voordeur-media/?endpoint_url=javascript:alert(1)", "http(s)"),
    "custom domain with scheme": (
        "s3://voordeur-media/?custom_domain=https://media.example.be",
        "without https://",
    ),
    "bad protocol": ("s3://voordeur-media/?url_protocol=ftp", "http or https"),
    "bad addressing style": ("s3://voordeur-media/?addressing_style=dns", "auto, path"),
    "dot-dot prefix": ("s3://voordeur-media/media/../secret", "the prefix"),
    "encoded NUL in the prefix": ("s3://voordeur-media/me%00dia", "the prefix"),
    "tab": ("s3://voordeur-media/\t", "control characters"),
    "fragment": ("s3://voordeur-media/media#x", "fragment"),
    "huge": ("s3://" + "a" * 100_000, "bucket name"),
}


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_a_malformed_url_is_refused_with_the_reason(environment, case):
    url, reason = MALFORMED[case]
    environment.setenv("MEDIA_STORAGE_URL", url)
    with pytest.raises(ImproperlyConfigured) as error:
        media_storage()
    message = str(error.value)
    assert message.startswith("MEDIA_STORAGE_URL: ")
    assert reason in message
    assert "hunter2secret" not in message and len(message) < 300


def test_a_malformed_aws_variable_is_refused_naming_it(environment):
    environment.setenv("AWS_STORAGE_BUCKET_NAME", "voordeur-media")
    environment.setenv("AWS_S3_ENDPOINT_URL", "s3.example.be")
    with pytest.raises(ImproperlyConfigured, match=r"^AWS_S3_ENDPOINT_URL: endpoint_url must"):
        media_storage()


def test_a_malformed_url_stops_the_start_up(environment):
    environment.setenv("MEDIA_STORAGE_URL", "s3://voordeur-media/?regoin=eu-west-1")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=DEPLOY.parents[1],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured: MEDIA_STORAGE_URL: unknown parameter 'regoin'" in result.stderr
