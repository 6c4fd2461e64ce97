"""The HTTP client against a real local server that plays the Search API."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import CommandError, call_command

from cms.events.models import EventPage
from cms.events.uitdatabank import UitdatabankError, fetch_events


class SearchApi(BaseHTTPRequestHandler):
    members = []
    mode = "ok"  # "ok", "error", "slow", "junk"
    requests = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        query = parse_qs(urlsplit(self.path).query)
        type(self).requests.append((self.path, self.headers.get("x-api-key")))
        if self.mode == "error":
            self.send_error(500, "Internal Server Error")
            return
        if self.mode == "slow":
            time.sleep(2)
        start, limit = int(query["start"][0]), int(query["limit"][0])
        body = {"itemsPerPage": limit, "totalItems": len(self.members)}
        body["member"] = self.members[start : start + limit]
        content = b"<html>oops" if self.mode == "junk" else json.dumps(body).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting: what the timeout test wants


@pytest.fixture
def api(sample):
    SearchApi.members, SearchApi.mode, SearchApi.requests = sample["member"], "ok", []
    server = ThreadingHTTPServer(("127.0.0.1", 0), SearchApi)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_every_page_is_fetched_with_the_key_and_the_postcodes(api, sample):
    answer = fetch_events(api, "secret", ["8500", "8790"], page_size=4)
    assert [m["@id"] for m in answer["member"]] == [m["@id"] for m in sample["member"]]
    assert len(SearchApi.requests) == 3
    path, key = SearchApi.requests[0]
    assert key == "secret"
    assert "postalCode%3A%288500+OR+8790%29" in path and "embed=true" in path


@pytest.mark.parametrize(
    ("mode", "message"),
    [("error", "HTTP 500"), ("junk", "not JSON"), ("slow", "no answer")],
)
def test_a_failing_service_is_a_clear_error(api, mode, message):
    SearchApi.mode = mode
    with pytest.raises(UitdatabankError, match=message):
        fetch_events(api, "secret", ["8500"], timeout=0.5)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.be", "kortrijk"])
def test_only_http_addresses_are_asked(url):
    with pytest.raises(UitdatabankError, match="not an http"):
        fetch_events(url, "secret", ["8500"])


@pytest.mark.django_db
def test_the_command_imports_from_the_service(api, monkeypatch):
    monkeypatch.setenv("UITDATABANK_URL", api)
    monkeypatch.setenv("UITDATABANK_API_KEY", "secret")
    out = StringIO()
    call_command("import_uitdatabank", municipality="waregem", stdout=out)
    assert "create waregem: Concertreeks op de Markt" in out.getvalue()
    assert "8790" in SearchApi.requests[0][0]


@pytest.mark.django_db
def test_a_service_error_imports_nothing(api, monkeypatch):
    monkeypatch.setenv("UITDATABANK_URL", api)
    monkeypatch.setenv("UITDATABANK_API_KEY", "secret")
    SearchApi.mode = "error"
    with pytest.raises(CommandError, match=r"UiTdatabank: refused, nothing imported:\n.*HTTP 500"):
        call_command("import_uitdatabank", stdout=StringIO())
    assert not EventPage.objects.exclude(uitdatabank_id="").exists()
