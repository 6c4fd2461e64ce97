"""The demo region's 13 sites are synced once per test session; each test runs in a
transaction that is rolled back, so tests see the same region and cannot leak into
each other."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from . import summary


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("sync_sites", stdout=StringIO(), stderr=StringIO())


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches site root paths; a rolled-back test must not leave them behind."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def host_client(client):
    """A test client for one site: ``host_client("kortrijk").get("/")``."""

    def for_site(slug):
        hostname = "localhost" if slug == "region" else f"{slug}.localhost"
        client.defaults["HTTP_HOST"] = f"{hostname}:8000"
        return client

    return for_site


def pytest_runtest_logreport(report):
    summary.collect(report)


def pytest_terminal_summary(terminalreporter):
    summary.write(terminalreporter)


@pytest.fixture
def english_messages():
    """English as the thread's language, for tests that read translated messages while the
    site keeps its Dutch default (the catalogue's default language is the site's)."""
    with translation.override("en"):
        yield


@pytest.fixture
def in_english(settings, english_messages):
    """English as the site's and the thread's language, for tests that read the admin's
    messages (the admin and the commands speak Dutch by default)."""
    settings.LANGUAGE_CODE = "en"
