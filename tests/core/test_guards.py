"""The request guard (cms/core/guards.py): requests no view should see get a short 400 in
the page's language, are logged at WARNING, and nothing behind the guard runs for them.

A server hands Django a body that ends early without a word (gunicorn does); the test
client does the same when its ``wsgi.input`` holds fewer bytes than ``CONTENT_LENGTH``.
The last test checks it against a real gunicorn with production settings."""

import io
import logging
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.http import UnreadablePostError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.forms.models import FormSubmission

from cms.core.guards import StrictLengthStream
from tests.forms.factories import VALID, make_form_page

FORM = "application/x-www-form-urlencoded"
HOST = "kortrijk.localhost:8000"
ROOT = Path(__file__).resolve().parents[2]
BODY = b"naam=Jan&bericht=Er+ligt+een+gat+in+het+voetpad."


def post(client, path, body, content_type=FORM, *, arrives=None, **extra):
    """POST ``body`` with its full length as Content-Length, of which only the first
    ``arrives`` bytes reach the server (all of them by default)."""
    arrived = body if arrives is None else body[:arrives]
    environ = {
        "wsgi.input": io.BytesIO(arrived),
        "CONTENT_LENGTH": str(len(body)),
        "CONTENT_TYPE": content_type,
        "HTTP_HOST": HOST,
        **extra,
    }
    return client.generic("POST", path, b"", **environ)


def multipart(fields, boundary="grens"):
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    ]
    return ("".join(parts) + f"--{boundary}--\r\n").encode()


def refused(response, language="nl"):
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Language"] == language
    assert "no-store" in response["Cache-Control"]
    return response.content.decode()


@pytest.fixture
def guard_log(caplog):
    caplog.set_level(logging.INFO)
    yield caplog
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]


def refusals(caplog):
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "cms.core.guards" and r.levelno == logging.WARNING
    ]


# Character sets


@pytest.mark.parametrize("charset", ["utf-7", "UTF-16", "utf-32", "cp1252", "latin-1", "bogus"])
def test_a_form_post_in_another_charset_is_refused(client, guard_log, charset):
    body = refused(post(client, "/melding/", BODY, f"{FORM}; charset={charset}"))
    assert body.startswith("Ongeldig verzoek\n\n")
    assert f"Dit verzoek gebruikt een tekenset ({charset}) die deze website niet leest." in body
    assert refusals(guard_log) == [f"Refused POST '/melding/': charset {charset!r}"]


@pytest.mark.parametrize("charset", ["utf-7", "utf-16", "x-unknown"])
def test_any_request_in_a_charset_django_misreads_is_refused(client, guard_log, charset):
    # Django decodes the query string in the request's charset: UTF-16 garbles it.
    response = client.get(
        "/zoeken/?q=afval", HTTP_HOST=HOST, CONTENT_TYPE=f"text/plain; charset={charset}"
    )
    assert "tekenset" in refused(response)


@pytest.mark.django_db
@pytest.mark.parametrize("charset", ["utf-8", "UTF-8", "utf8", "us-ascii"])
def test_utf8_and_ascii_forms_are_read(client, charset):
    page = make_form_page()
    body = "&".join(
        f"{name}={value}"
        for name, values in VALID.items()
        for value in (values if isinstance(values, list) else [values])
    ).encode()
    response = post(client, "/melding/", body, f"{FORM}; charset={charset}")
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=page).count() == 1


@pytest.mark.django_db
def test_a_multipart_form_may_default_to_latin1(client):
    page = make_form_page()
    body = multipart({"naam": "Jan"})
    response = post(
        client, "/melding/", body, "multipart/form-data; boundary=grens; charset=latin-1"
    )
    assert response.status_code == 200  # the form again, with its errors
    assert "error-summary" in response.content.decode()
    assert not FormSubmission.objects.filter(page=page).exists()


# Bodies that end early, or cannot be read


@pytest.mark.django_db
@pytest.mark.parametrize("arrives", [0, 1, 20, len(BODY) - 1])
def test_a_form_body_shorter_than_its_length_is_refused(client, guard_log, arrives):
    page = make_form_page()
    body = refused(post(client, "/melding/", BODY, arrives=arrives))
    assert "Het verzoek hield op voordat alle inhoud was aangekomen." in body
    assert refusals(guard_log) == ["Refused POST '/melding/': body shorter than its Content-Length"]
    assert not FormSubmission.objects.filter(page=page).exists()


@pytest.mark.django_db
def test_a_multipart_body_shorter_than_its_length_is_refused(client, guard_log):
    page = make_form_page()
    body = multipart({**{k: v for k, v in VALID.items() if isinstance(v, str)}, "x": "y" * 5000})
    for arrives in (len(body) - 3, len(body) // 2, 10):
        response = post(
            client, "/melding/", body, "multipart/form-data; boundary=grens", arrives=arrives
        )
        assert "hield op" in refused(response)
    assert not FormSubmission.objects.filter(page=page).exists()


@pytest.mark.parametrize(
    "content_type",
    ["multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=é"],
)
def test_multipart_without_a_usable_boundary_is_refused(client, guard_log, content_type):
    body = refused(post(client, "/melding/", BODY, content_type))
    assert "De formuliergegevens in dit verzoek kunnen niet worden gelezen." in body


def test_a_form_over_the_size_limit_is_refused_without_an_error(client, guard_log, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = refused(post(client, "/melding/", b"bericht=" + b"x" * 2000))
    assert "Dit verzoek is te groot." in body
    assert refusals(guard_log) == ["Refused POST '/melding/': RequestDataTooBig"]


def test_too_many_fields_are_refused_without_an_error(client, guard_log, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    fields = "&".join(f"f{n}=1" for n in range(11)).encode()
    assert "te groot" in refused(post(client, "/melding/", fields))
    assert "te groot" in refused(client.get(f"/zoeken/?{fields.decode()}", HTTP_HOST=HOST))


# The language of the answer


@pytest.mark.parametrize(
    ("path", "language", "text"),
    [
        (
            "/zoeken/",
            "nl",
            "Dit verzoek gebruikt een tekenset (utf-16) die deze website niet leest.",
        ),
        ("/fr/recherche/", "fr", "Cette requête utilise un jeu de caractères (utf-16) que ce site"),
        ("/en/search/", "en", "This request uses a character set (utf-16) this website does not"),
    ],
)
def test_the_answer_is_in_the_language_of_the_address(client, guard_log, path, language, text):
    response = client.get(path, HTTP_HOST=HOST, CONTENT_TYPE="text/plain; charset=utf-16")
    assert text in refused(response, language)


def test_the_api_is_answered_in_json(client, guard_log):
    response = client.get(
        "/api/v2/pages/", HTTP_HOST=HOST, CONTENT_TYPE="application/json; charset=utf-16"
    )
    assert response.status_code == 400
    assert response.json() == {
        "message": "Dit verzoek gebruikt een tekenset (utf-16) die deze website niet leest. "
        "Verstuur het in UTF-8."
    }


# The strict stream itself


class Trickle(io.RawIOBase):
    """A stream that hands over at most three bytes per read, as a socket may."""

    def __init__(self, data):
        self._data = io.BytesIO(data)

    def read(self, size=-1):
        return self._data.read(min(3, size) if size and size > 0 else 3)

    def readline(self, size=-1):
        return self._data.readline(min(3, size) if size and size > 0 else 3)


def test_the_strict_stream_reads_a_trickling_body_whole():
    stream = StrictLengthStream(Trickle(b"abcdefghij"), 10)
    assert stream.read(4) == b"abcd"
    assert stream.read() == b"efghij"
    assert stream.read() == b""


def test_the_strict_stream_refuses_a_body_that_ends_early():
    stream = StrictLengthStream(Trickle(b"abcdefgh"), 10)
    assert stream.read(5) == b"abcde"
    with pytest.raises(UnreadablePostError, match="2 bytes before its Content-Length"):
        stream.read()


def test_the_strict_stream_reads_lines():
    stream = StrictLengthStream(io.BytesIO(b"ab\ncd\nef"), 8)
    assert [stream.readline(), stream.readline(), stream.readline()] == [b"ab\n", b"cd\n", b"ef"]
    short = StrictLengthStream(io.BytesIO(b"ab\ncd"), 8)
    assert short.readline() == b"ab\n"
    with pytest.raises(UnreadablePostError):
        short.readline()


# Anything at all


@pytest.mark.django_db
@settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    charset=st.text(max_size=20),
    path=st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    arrives=st.integers(min_value=0, max_value=len(BODY)),
)
def test_no_charset_path_or_cut_is_a_server_error(client, charset, path, arrives):
    charset = charset.replace("\r", "").replace("\n", "").replace('"', "")
    response = post(client, f"/{path}", BODY, f'{FORM}; charset="{charset}"', arrives=arrives)
    assert response.status_code < 500, response.content[:300]


# A real gunicorn with production settings: what the test client cannot show


def _gunicorn(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "GUNICORN_", "VOORDEUR_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        # The guard answers before anything opens the database.
        DATABASE_URL=f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        SECRET_KEY="guard-test-" + "x" * 50,
        ALLOWED_HOSTS=HOST.split(":")[0],
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        HOST="127.0.0.1",
        PORT="0",
        WEB_CONCURRENCY="1",
        GUNICORN_GRACEFUL_TIMEOUT="2",
        PYTHONUNBUFFERED="1",
    )
    log_path = tmp_path / "gunicorn.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "-c",
                "gunicorn.conf.py",
                "cms.wsgi:application",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return process, log_path


def _send(port, request, *, close_write=True):
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(request)
        if close_write:
            connection.shutdown(socket.SHUT_WR)  # the client is gone: the body ends here
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode()


def _head(path, length, content_type=FORM):
    return (
        f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\nX-Forwarded-Proto: https\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"
    ).encode()


def test_gunicorn_hands_over_a_short_body_and_the_guard_refuses_it(tmp_path):
    process, log_path = _gunicorn(tmp_path)
    try:
        port = None
        deadline = time.monotonic() + 60
        while port is None and time.monotonic() < deadline and process.poll() is None:
            listening = re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", log_path.read_text())
            port = int(listening.group(1)) if listening else time.sleep(0.2)
        assert port, log_path.read_text()[-3000:]
        status, body = _send(port, _head("/melding/", len(BODY) + 40) + BODY)
        assert status == 400, body
        assert "Het verzoek hield op voordat alle inhoud was aangekomen." in body
        status, body = _send(
            port, _head("/fr/melding/", len(BODY), f"{FORM}; charset=utf-7") + BODY
        )
        assert (status, "jeu de caractères (utf-7)" in body) == (400, True), body
    finally:
        process.terminate()
        process.wait(timeout=30)
    log = log_path.read_text()
    assert "Refused POST '/melding/': body shorter than its Content-Length" in log
    assert "Refused POST '/fr/melding/': charset 'utf-7'" in log
    assert "Traceback" not in log and "Internal Server Error" not in log
