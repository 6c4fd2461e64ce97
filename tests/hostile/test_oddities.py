"""Request-level oddities against a sample of endpoints (public page, form page, feedback,
search, API, admin login and page editor): charsets, truncated and oversized bodies, invalid
UTF-8, odd Host headers, methods, huge and malformed cookies and headers. Never a 5xx, and a
refused write leaves the database as it was."""

import io

import pytest
from django.conf import settings

from .sweep import Sweep

FORM = "naam=Jan&e_mailadres=jan%40example.org&bericht=Hallo&akkoord=on"
URLENCODED = "application/x-www-form-urlencoded"
CHARSETS = ("utf-7", "nope-42", "", "utf-8; charset=latin-1", "utf-16", "\xff")
CONTENT_TYPES = (
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "multipart/form-data; boundary=" + "x" * 2000,
    "application/json",
    "text/plain; charset=utf-8",
    "",
)
HOSTS = (
    "kortrijk.localhost:abc",
    "kortrijk.localhost:8000:8000",
    "ĸortrijk.localhost:8000",
    "x" * 300 + ".localhost",
    "",
    "[::1]:8000",
    "kortrijk.localhost\x00",
    "localhost:8000@evil.example",
)
METHODS = ("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HOSTILE", "get", "CONNECT")
HEADERS = {
    "HTTP_ACCEPT_LANGUAGE": "xx-ÿ;q=abc, *;q=-1, " + "fr;q=0.5," * 200,
    "HTTP_X_FORWARDED_FOR": "not-an-ip, ::ffff:999.1.1.1",
    "HTTP_IF_MODIFIED_SINCE": "yesterday-ish",
    "HTTP_IF_NONE_MATCH": '"' * 50,
    "HTTP_RANGE": "bytes=99999999999999999999-1",
    "HTTP_REFERER": "http://\xff/",
    "HTTP_ACCEPT": "*/*;q=abc",
}


def cookie_of(client):
    return "; ".join(f"{key}={morsel.value}" for key, morsel in client.cookies.items())


def oddities(sweep, path, *, data=FORM):
    client = sweep.client
    body = data.encode()
    for charset in CHARSETS:
        sweep.send("POST", path, body=body, content_type=f"{URLENCODED}; charset={charset}")
    for content_type in CONTENT_TYPES:
        sweep.send("POST", path, body=body + b"\xff{", content_type=content_type)
    # A body shorter than its Content-Length (the client went away), and one much longer.
    truncated = {"wsgi.input": io.BytesIO(body[:7]), "CONTENT_LENGTH": str(len(body) + 500)}
    sweep.send("POST", path, body=body, content_type=URLENCODED, **truncated)
    sweep.send("POST", path, body=body, content_type=URLENCODED, CONTENT_LENGTH="-1")
    sweep.send("POST", path, body=body, content_type=URLENCODED, CONTENT_LENGTH="abc")
    oversized = b"a=" + b"x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    sweep.send("POST", path, body=oversized, content_type=URLENCODED)
    sweep.send("POST", path, body=b"a=1&" * 1500, content_type=URLENCODED)
    # Invalid UTF-8 in the path, the query and the body.
    sweep.send("GET", path + "%ff%fe/")
    sweep.send("GET", path, QUERY_STRING="q=%ff%fe&p=%c3&%ed%a0%80=1")
    sweep.send("POST", path, body=b"naam=%ff%fe&bericht=\xff\xfe", content_type=URLENCODED)
    for host in HOSTS:
        sweep.send("GET", path, HTTP_HOST=host)
    for method in METHODS:
        sweep.send(method, path, body=body, content_type=URLENCODED)
    own = cookie_of(client)
    for cookie in (
        f"{own}; big={'x' * 16_000}",
        f"{own}; " + "; ".join(f"c{i}=1" for i in range(500)),
        "sessionid=\x00;;;=;a; csrftoken=" + "x" * 5000,
        f"sessionid={'z' * 40}; $Version=1",
        "\xff\xfe=\xff",
    ):
        sweep.send("GET", path, HTTP_COOKIE=cookie)
        sweep.send("POST", path, body=body, content_type=URLENCODED, HTTP_COOKIE=cookie)
    sweep.send("GET", path, **HEADERS)


@pytest.mark.django_db
def test_public_endpoints_survive_request_oddities(client, world_for):
    world = world_for("anonymous")
    sweep = Sweep(client, world)
    form_path = next(p for p in world.page_paths if "formulier" in p)
    for path in ("/", form_path, "/feedback/", "/zoeken/", "/api/v2/pages/", "/admin/login/"):
        oddities(sweep, path)
    oddities(sweep, f"/documents/{world.values['document_id']}/zwartboek.txt")
    sweep.done()


@pytest.mark.django_db
def test_admin_page_editor_survives_request_oddities(client, world_for):
    world = world_for("moderators")
    sweep = Sweep(client, world)
    oddities(sweep, f"/admin/pages/{world.values['page_id']}/edit/", data="title=Nieuw&slug=n")
    sweep.done()
