"""Hostile posts to a public form page: a cut-off body, a wrong charset, junk multipart,
huge or repeated values, control characters, no CSRF token. Each gets the form back with
its error summary, or a 400 (the request guard), or a 403 (CSRF): never a 500, and
nothing is stored unless the post was a valid one."""

import io
import re
from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.forms.models import FormSubmission

from .factories import VALID

pytestmark = pytest.mark.django_db

HOST = "kortrijk.localhost:8000"
FORM = "application/x-www-form-urlencoded"
THANKS = "Bedankt. Uw bericht is verstuurd."


def encode(data):
    """``data`` urlencoded; a list value is a repeated field."""
    pairs = []
    for name, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            pairs.append((name, item))
    return urlencode(pairs).encode()


def send(client, body, content_type=FORM, *, arrives=None):
    """POST ``body`` to the form, of which only the first ``arrives`` bytes arrive."""
    arrived = body if arrives is None else body[:arrives]
    return client.generic(
        "POST",
        "/melding/",
        b"",
        **{
            "wsgi.input": io.BytesIO(arrived),
            "CONTENT_LENGTH": str(len(body)),
            "CONTENT_TYPE": content_type,
            "HTTP_HOST": HOST,
        },
    )


def multipart(parts, boundary="grens"):
    """``parts``: (headers, content) pairs, both bytes."""
    body = b"".join(
        b"--" + boundary.encode() + b"\r\n" + headers + b"\r\n\r\n" + content + b"\r\n"
        for headers, content in parts
    )
    return body + b"--" + boundary.encode() + b"--\r\n"


def field(name, value):
    return (f'Content-Disposition: form-data; name="{name}"'.encode(), value.encode())


def stored(page):
    return FormSubmission.objects.filter(page=page).count()


def the_form_again(response):
    assert response.status_code == 200, response.content[:300]
    body = response.content.decode()
    assert '<div class="error-summary"' in body
    assert THANKS not in body
    return body


def test_a_body_cut_off_in_transit_is_a_400(form_page, client):
    body = encode(VALID)
    for arrives in (0, len(body) // 2, len(body) - 1):
        assert send(client, body, arrives=arrives).status_code == 400
    assert stored(form_page) == 0


def test_a_multipart_body_cut_off_in_transit_is_a_400(form_page, client):
    body = multipart(
        [field(name, value) for name, value in VALID.items() if isinstance(value, str)]
    )
    response = send(client, body, "multipart/form-data; boundary=grens", arrives=len(body) - 5)
    assert response.status_code == 400
    assert stored(form_page) == 0


@pytest.mark.parametrize("charset", ["utf-7", "utf-16", "iso-8859-1", "nonsense"])
def test_a_form_in_another_charset_is_a_400(form_page, client, charset):
    response = send(client, encode(VALID), f"{FORM}; charset={charset}")
    assert response.status_code == 400
    assert "tekenset" in response.content.decode()
    assert stored(form_page) == 0


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"no boundary anywhere",
        b"--grens\r\n\r\n\r\n--grens--\r\n",  # a part without a name
        b"--grens\r\nContent-Disposition: form-data\r\n\r\nx\r\n--grens--\r\n",
        multipart([(b'Content-Disposition: form-data; name="naam"; filename="a.txt"', b"Jan")]),
        multipart([(b"Content-Disposition: form-data; name=" + b"n" * 10_000, b"x")]),
        multipart(
            [
                (
                    b'Content-Disposition: form-data; name="naam"\r\n'
                    b"Content-Type: x/y; charset=utf-16",
                    b"\xff\xfe",
                )
            ]
        ),
        multipart([field("naam", "Jan")] * 50),
    ],
)
def test_junk_multipart_gets_the_form_back(form_page, client, body):
    response = send(client, body, "multipart/form-data; boundary=grens")
    assert response.status_code in (200, 400), response.content[:300]
    if response.status_code == 200:
        the_form_again(response)
    assert stored(form_page) == 0


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("naam", "x" * 100_000),
        ("bericht", "x" * 10_001),
        ("e_mailadres", "a" * 5000 + "@example.org"),
        ("onderwerp", "Wegen" * 1000),
        ("aantal", "9" * 5000 + "x"),
        ("webpagina", "https://" + "a" * 5000),
        ("datum", "9" * 1000),
        ("naam", "Jan\x00Peeters"),
        ("bericht", "\x00"),
        ("kanalen", ["E-mail", "\x00"]),
        ("bron", "web\x00"),
    ],
)
def test_huge_or_nul_values_get_the_form_back(form_page, kortrijk, name, value):
    body = the_form_again(kortrijk.post("/melding/", {**VALID, name: value}))
    if name != "bron":  # a hidden field's error has no link
        assert re.search(rf'<a href="#id_{name}(_0)?">', body)
    assert stored(form_page) == 0


def test_a_repeated_field_counts_once(form_page, kortrijk):
    response = kortrijk.post("/melding/", encode({**VALID, "naam": ["Eerst", "Jan"]}), FORM)
    assert THANKS in response.content.decode()
    [submission] = FormSubmission.objects.filter(page=form_page)
    assert submission.form_data["naam"] == "Jan"  # the last one, as Django reads it


def test_without_a_csrf_token_a_hostile_post_is_a_403(form_page):
    client = Client(enforce_csrf_checks=True)
    client.get("/melding/", HTTP_HOST=HOST)
    assert send(client, encode({**VALID, "naam": "x" * 100_000})).status_code == 403
    body = multipart([field("naam", "Jan")])
    assert send(client, body, "multipart/form-data; boundary=grens").status_code == 403
    assert stored(form_page) == 0


# Anything at all, in every field

CLEAN_NAMES = list(VALID)
values = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.sampled_from(["\x00", "1e999999999", "NaN", "-0", "2026-02-30", "Infinity", "9" * 400]),
    st.lists(st.text(max_size=10), max_size=4),
)
FUZZ = settings(
    max_examples=120,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(changes=st.dictionaries(st.sampled_from(CLEAN_NAMES), values, min_size=1, max_size=4))
def test_no_post_is_a_server_error_and_only_a_valid_one_is_kept(
    form_page, kortrijk, no_rate_limit, changes
):
    before = stored(form_page)
    response = kortrijk.post("/melding/", {**VALID, **changes})
    assert response.status_code == 200, response.content[:300]
    if THANKS in response.content.decode():
        assert stored(form_page) == before + 1
        data = FormSubmission.objects.filter(page=form_page).latest("pk").form_data
        assert "\x00" not in str(data)
    else:
        the_form_again(response)
        assert stored(form_page) == before


@pytest.fixture
def no_rate_limit(settings):
    # Every valid example is kept: no rate limit in the way.
    settings.FORMS_RATE_LIMIT = (1_000_000, 600)
    return settings
