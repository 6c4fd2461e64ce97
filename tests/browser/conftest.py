"""The browser suite: the demo region served by a live server, visited in Debian's Chromium.

- ``region_pages``: the demo content of every municipality (``setup_demo``) and the address
  of every page the suite visits. On SQLite in memory the live server shares the test's
  connection, so the content lives in a transaction that is rolled back when the browser
  suite is done: tests elsewhere in the same session see the region as they always do.
- ``server``: Django's live server thread (pytest-django's helper, without its
  ``live_server`` fixture, which would flush the database after every test).
- ``visits``: one Chromium visits every page the selected tests need, each page once, in
  its own browser context (audit.py); the tests then assert on what each visit found.
- ``html_checks``: the same pages' HTML through the Nu HTML Checker, in one JVM run.

``-k`` narrows the visits too: ``pytest -m browser tests/browser -k kortrijk`` only loads
Kortrijk's pages.

Run it with ``make test-browser`` (installs Chromium, node_modules and Playwright first)
or ``.venv/bin/pytest -m browser tests/browser``.
"""

import contextlib
import http.client
import logging
import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import TestCase, override_settings
from pytest_django.live_server_helper import LiveServer

from . import audit, vnu
from .pages import check_exists, page_specs, resolve
from .report import SUMMARY


def pytest_terminal_summary(terminalreporter):
    lines = SUMMARY.lines()
    if lines:
        terminalreporter.section("browser suite")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture(scope="package", autouse=True)
def _quiet_not_found():
    """The suite asks for missing pages on purpose (the 404 page, the favicon Chromium looks
    for); Django's warning for each would bury the reports. Errors are still logged."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


@pytest.fixture(scope="session")
def server(django_db_setup):
    live = LiveServer("localhost")
    yield live
    live.stop()


@pytest.fixture(scope="package")
def region_pages(django_db_setup, django_db_blocker):
    """Every page spec with its address (or why it is skipped), with the demo content in."""
    name = str(connection.settings_dict["NAME"])
    if not name.startswith(("file:memorydb", "test_")):
        raise RuntimeError(f"refusing to write demo content into {name}: not a test database")
    with django_db_blocker.unblock():
        shared = connection.vendor == "sqlite" and connection.is_in_memory_db()
        with transaction.atomic() if shared else contextlib.nullcontext():
            with (
                override_settings(DEBUG=True),
                TestCase.captureOnCommitCallbacks(execute=True),
            ):
                call_command("setup_demo", stdout=StringIO(), stderr=StringIO())
            specs, _refused = page_specs()
            yield {spec: resolve(spec) for spec in specs}
            if shared:
                transaction.set_rollback(True)


def _url(server, spec, path):
    return f"http://{spec.hostname}:{server.thread.port}{path}"


def _wanted(session, fixture):
    """The page specs of the selected tests that use ``fixture``."""
    return {
        item.callspec.params["spec"]
        for item in session.items
        if fixture in getattr(item, "fixturenames", ()) and hasattr(item, "callspec")
    }


@pytest.fixture(scope="package")
def visits(request, region_pages, server):
    """The findings of every selected page, all visited on first use (see audit.py), and a
    function that gives those of one page or skips a page type that does not exist."""
    if _wanted(request.session, "html_checks"):
        request.getfixturevalue("html_checks")  # the JVM checks HTML while Chromium works
    todo = [
        (spec, _url(server, spec, region_pages[spec].path))
        for spec in sorted(_wanted(request.session, "visits"), key=lambda spec: spec.id)
        if region_pages[spec].path
    ]
    findings = audit.visit_all(
        todo, concurrency=int(os.environ.get("VOORDEUR_BROWSER_CONCURRENCY", "3"))
    )

    def visit(spec):
        check_exists(region_pages[spec], spec)
        return findings[spec]

    return visit


def _fetch(server, spec, path):
    client = http.client.HTTPConnection("127.0.0.1", server.thread.port, timeout=30)
    try:
        client.request(
            "GET",
            path,
            headers={"Host": f"{spec.hostname}:{server.thread.port}", "Accept-Language": "nl-BE"},
        )
        return client.getresponse().read()
    finally:
        client.close()


@pytest.fixture(scope="package")
def html_checks(request, region_pages, server, tmp_path_factory):
    """Every selected page's HTML as the server sends it, saved and checked by the Nu HTML
    Checker in one JVM run that starts now and is waited for by the first test that asks."""
    folder = tmp_path_factory.mktemp("html")
    saved = {}
    for spec in sorted(_wanted(request.session, "html_checks"), key=lambda spec: spec.id):
        target = region_pages[spec]
        if target.path:
            path = folder / f"{spec.id}.html"
            path.write_bytes(_fetch(server, spec, target.path))
            saved[spec] = (_url(server, spec, target.path), path)
    run = vnu.Run([path for _address, path in saved.values()])
    yield lambda spec: (*saved[spec], run.messages()[saved[spec][1]])
    run.messages()  # never leave the JVM behind
