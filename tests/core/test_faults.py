"""The database unreachable: every URL answers 503 with a maintenance page in its language
(JSON for the API and /healthz), never a 500 or a traceback; the search backend down: the
embedded index answers.

The database is made unreachable by putting, for the test only, a real connection to a
server that is not there in place of the default one (PostgreSQL: port 1 on loopback,
refused; SQLite: a file in a directory that does not exist); the test database and its
transaction stay untouched and come back afterwards.
"""

import copy
import json
import logging

import pytest
from django.db import DatabaseError, connection, connections, transaction
from django.test import Client

from cms.core.faults import RETRY_AFTER_SECONDS, server_error
from tests.search.front import offered_service

pytestmark = pytest.mark.django_db

HOST = "kortrijk.localhost:8000"
TEXT = {
    "nl": "Deze website is even niet beschikbaar. Probeer het over enkele minuten opnieuw.",
    "fr": "Ce site web est momentanément indisponible. Réessayez dans quelques minutes.",
    "en": "This website is briefly unavailable. Try again in a few minutes.",
}
HEADING = {
    "nl": "Tijdelijk niet beschikbaar",
    "fr": "Temporairement indisponible",
    "en": "Temporarily unavailable",
}
LOCAL_SERVICE = "/diensten/zwembadabonnement/"
PUBLIC = [
    ("/", "nl"),
    ("/over/", "nl"),
    (LOCAL_SERVICE, "nl"),
    ("/zoeken/?q=x", "nl"),
    ("/fr/", "fr"),
    ("/fr/zoeken/?q=x", "fr"),
    ("/en/", "en"),
]


class DatabaseDown:
    """Swaps the default connection for one to an unreachable server, and back."""

    def __init__(self, tmp_path):
        self.tmp_path = tmp_path
        self.original = None
        self.broken = None

    def __enter__(self):
        self.original = connections["default"]
        settings_dict = copy.deepcopy(self.original.settings_dict)
        if self.original.vendor == "sqlite":
            settings_dict["NAME"] = str(self.tmp_path / "missing" / "voordeur.sqlite3")
        else:
            settings_dict.update(HOST="127.0.0.1", PORT=1)
        self.broken = type(self.original)(settings_dict, alias="default")
        connections["default"] = self.broken
        return self

    def __exit__(self, *exc_info):
        self.broken.close()
        connections["default"] = self.original


@pytest.fixture
def database_down(tmp_path):
    return DatabaseDown(tmp_path)


@pytest.fixture
def client():
    # As a real server: the exception becomes a response, it is not raised into the test.
    return Client(raise_request_exception=False, HTTP_HOST=HOST)


@pytest.fixture
def local_service():
    offered_service(["kortrijk"])


def assert_maintenance_page(response, language):
    body = response.content.decode()
    assert response.status_code == 503, body[:500]
    assert response["Content-Type"].startswith("text/html")
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Language"] == language
    assert f'<html lang="{language}">' in body
    assert f"<h1>{HEADING[language]}</h1>" in body
    assert TEXT[language] in body
    assert "<main" in body and "<title>" in body
    assert "Traceback" not in body and "X-Page-Cache" not in response


@pytest.mark.parametrize(("path", "language"), PUBLIC)
def test_public_url_answers_the_maintenance_page_in_its_language(
    client, database_down, local_service, path, language
):
    assert client.get(path).status_code == 200
    with database_down:
        response = client.get(path)
    assert_maintenance_page(response, language)


@pytest.mark.parametrize("path", ["/", "/over/", LOCAL_SERVICE, "/zoeken/?q=x"])
def test_cold_and_uncached_requests_answer_503_too(
    client, database_down, local_service, settings, path
):
    # Nothing cached in the process (host aliases, site roots) and the page cache off: the
    # failure comes from a middleware or from the view itself.
    settings.PAGE_CACHE_SECONDS = 0
    with database_down:
        assert_maintenance_page(client.get(path), "nl")


def test_api_answers_503_json(client, database_down):
    assert client.get("/api/v2/pages/").status_code == 200
    with database_down:
        response = client.get("/api/v2/pages/")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["status"] == "unavailable" and data["message"] == TEXT["nl"]


def test_healthz_answers_503(client, database_down):
    assert client.get("/healthz").status_code == 200
    with database_down:
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["status"] == "unavailable"


def test_admin_answers_the_maintenance_page(client, database_down, admin_user):
    client.force_login(admin_user)
    assert client.get("/admin/").status_code == 200
    with database_down:
        response = client.get("/admin/")
    assert_maintenance_page(response, "nl")


def test_form_post_answers_503(client, database_down):
    with database_down:
        response = client.post("/contact/", {"name": "Jan"})
    assert_maintenance_page(response, "nl")


def test_debug_mode_answers_503_not_the_technical_page(client, database_down, settings):
    settings.DEBUG = True
    with database_down:
        response = client.get("/")
    assert_maintenance_page(response, "nl")


@pytest.mark.parametrize("path", ["/", "/api/v2/pages/"])
def test_logged_once_as_an_error(client, database_down, caplog, path):
    with database_down, caplog.at_level(logging.WARNING):
        client.get(path)
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert len(errors) == 1, [record.getMessage() for record in errors]
    message = errors[0].getMessage()
    assert message.startswith(f"Database unavailable: 503 for GET {path.split('?')[0]}")
    assert "OperationalError" in message


def test_next_request_after_the_database_returns_works(client, database_down):
    with database_down:
        assert client.get("/").status_code == 503
    response = client.get("/")
    assert response.status_code == 200
    assert "Tijdelijk niet beschikbaar" not in response.content.decode()


def test_other_errors_still_answer_the_500_page(rf):
    try:
        raise ValueError("not the database")
    except ValueError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Er liep iets mis" in response.content.decode()


@pytest.mark.django_db
def test_a_query_the_answering_database_refuses_is_a_500_not_maintenance(rf):
    # SQLite raises OperationalError for a query it cannot run too; with the database
    # there, that is a bug to see, not a maintenance page that hides it.
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT * FROM no_such_table_q7731")
    except DatabaseError:  # OperationalError on SQLite, ProgrammingError on PostgreSQL
        response = server_error(rf.get("/"))
    assert response.status_code == 500


def test_search_answers_from_the_embedded_index_when_its_backend_is_down(client, settings):
    # Elasticsearch configured on a port without a listener: a real refused connection.
    settings.JOINT_SEARCH = {
        "BACKEND": "search.backends.elasticsearch.ElasticsearchBackend",
        "OPTIONS": {"URL": "http://127.0.0.1:9", "INDEX": "voordeur-test", "TIMEOUT": 1},
    }
    response = client.get("/zoeken/?q=privacy")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'class="search-notice"' in body
    assert 'href="http://kortrijk.localhost:8000/privacy/"' in body
