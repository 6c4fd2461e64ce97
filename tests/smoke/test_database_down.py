"""The database going away under a running gunicorn (production settings, PostgreSQL) and
coming back: 503 maintenance pages and a 503 /healthz while it is gone, 200 again as soon as
it returns, without restarting gunicorn.

gunicorn reaches PostgreSQL through a small TCP proxy started here, so the test can cut the
line (connections closed, new ones refused) or make it hang (new connections accepted,
never answered) without touching the machine's PostgreSQL server. Like the production smoke
test it creates and drops its own database.

    .venv/bin/pytest -q tests/smoke/test_database_down.py -m smoke
"""

import contextlib
import json
import secrets
import socket
import subprocess
import threading

import pytest

from .test_production_smoke import (
    MUNICIPALITIES,
    Server,
    _connect_server,
    _environment,
    _start,
    _stop,
    _wait_until_healthy,
    start_gunicorn,
)

pytestmark = pytest.mark.smoke

# migrate alone can take minutes on a busy machine.
SETUP_TIMEOUT = 900

POSTGRES = ("127.0.0.1", 5432)
CONNECT_TIMEOUT = 2
KORTRIJK = next(config for config in MUNICIPALITIES if config.slug == "kortrijk")
HOST = KORTRIJK.production_hostnames[0]
PAGES = [("/", "nl"), ("/over/", "nl"), ("/zoeken/?q=paspoort", "nl"), ("/fr/", "fr")]


class Proxy:
    """A TCP relay from a loopback port to PostgreSQL that can be cut, hung and restored."""

    def __init__(self, target):
        self.target = target
        self.port = None
        self.hanging = False
        self._listener = None
        self._sockets = set()
        self._lock = threading.Lock()

    def start(self):
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port or 0))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:  # closed: the line is cut
                return
            self._keep(client)
            if self.hanging:
                continue  # accepted, never answered
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                self._close(client)
                continue
            upstream.settimeout(None)
            self._keep(upstream)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _keep(self, sock):
        with self._lock:
            self._sockets.add(sock)

    def _close(self, sock):
        with self._lock:
            self._sockets.discard(sock)
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()

    def _pump(self, source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            self._close(source)
            self._close(sink)

    def _drop_connections(self):
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            self._close(sock)

    def cut(self):
        """Close every connection and stop listening: new connections are refused."""
        if self._listener is not None:
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        self._drop_connections()

    def hang(self):
        """Close every connection; accept new ones but never pass anything on."""
        self.hanging = True
        if self._listener is None:
            self.start()
        self._drop_connections()

    def restore(self):
        self.hanging = False
        self._drop_connections()
        if self._listener is None:
            self.start()

    def stop(self):
        self.cut()


def _manage(env, log_dir, *arguments):
    process, _arguments, log_path = _start(env, log_dir, *arguments)
    try:
        process.wait(timeout=SETUP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if process.returncode != 0:
        output = log_path.read_text(errors="replace")[-6000:]
        pytest.fail(
            f"`manage.py {' '.join(arguments)}` exited with {process.returncode}:\n{output}"
        )


@pytest.fixture(scope="module")
def proxy():
    relay = Proxy(POSTGRES)
    relay.start()
    yield relay
    relay.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory, proxy):
    connection = _connect_server()
    database = f"voordeur_faults_{secrets.token_hex(6)}"
    tmp_path = tmp_path_factory.mktemp("database-down")
    process = None
    try:
        connection.execute(f'CREATE DATABASE "{database}"')
        env = _environment(database, tmp_path)
        _manage(env, tmp_path, "migrate", "--noinput")
        _manage(env, tmp_path, "sync_sites", KORTRIJK.slug)  # one site is enough here
        _manage(env, tmp_path, "collectstatic", "--noinput")
        # gunicorn talks to PostgreSQL through the proxy, keeping its connections (60 s).
        env.update(
            DATABASE_URL=f"postgres://postgres@127.0.0.1:{proxy.port}/{database}",
            DATABASE_CONN_MAX_AGE="60",
            DATABASE_CONNECT_TIMEOUT=str(CONNECT_TIMEOUT),
            VOORDEUR_REGION_NAME="Regio Zuid-West-Vlaanderen",
            HOST="127.0.0.1",
            PORT="0",
            WEB_CONCURRENCY="2",
            GUNICORN_GRACEFUL_TIMEOUT="5",
        )
        log_path = tmp_path / "gunicorn.log"
        process = start_gunicorn(env, log_path)
        running = Server(None, log_path, env)
        running.process = process
        _wait_until_healthy(running, process)
        yield running
    finally:
        if process is not None:
            _stop(process)
        proxy.restore()
        connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        connection.close()


def _boots(server):
    return server.log_path.read_text(errors="replace").count("Booting worker")


def _get_both_workers(server, path, host=HOST):
    """Ask four times, each on a new connection: with two sync workers, both answer."""
    return [server.get(path, host) for _ in range(4)]


def _assert_maintenance_pages(server):
    for path, language in PAGES:
        for status, headers, body in _get_both_workers(server, path):
            text = body.decode()
            assert status == 503, f"{path}: {status}\n{text[:300]}\n{server.log()}"
            assert headers["retry-after"].isdigit()
            assert "no-store" in headers["cache-control"]
            assert f'<html lang="{language}">' in text and "<h1>" in text
            assert "Regio Zuid-West-Vlaanderen" in text
            assert "Traceback" not in text
    for status, headers, body in _get_both_workers(server, "/api/v2/pages/"):
        assert status == 503, body[:300]
        assert headers["content-type"] == "application/json"
        assert json.loads(body)["status"] == "unavailable"
    for status, _headers, body in _get_both_workers(server, "/admin/"):
        assert status == 503, body[:300]
        assert b'<html lang="nl">' in body
    for status, _headers, body in _get_both_workers(server, "/healthz", "localhost"):
        assert status == 503, body[:300]
        assert json.loads(body)["status"] == "unavailable"


def _assert_recovered(server):
    for path, _language in PAGES:
        for status, _headers, body in _get_both_workers(server, path):
            assert status == 200, f"{path}: {status}\n{body[:300]!r}\n{server.log()}"
    for status, _headers, _body in _get_both_workers(server, "/healthz", "localhost"):
        assert status == 200


def test_cut_database_answers_503_then_recovers_by_itself(server, proxy):
    _assert_recovered(server)  # every worker holds a connection through the proxy
    boots = _boots(server)
    proxy.cut()
    try:
        _assert_maintenance_pages(server)
    finally:
        proxy.restore()
    _assert_recovered(server)
    assert server.process.poll() is None and _boots(server) == boots, server.log()
    log = server.log_path.read_text(errors="replace")
    assert "Database unavailable: 503 for GET /over/ (OperationalError" in log
    assert "Internal Server Error" not in log and "Traceback" not in log


def test_hanging_database_answers_503_after_the_connect_timeout(server, proxy):
    _assert_recovered(server)
    proxy.hang()
    try:
        # DATABASE_CONNECT_TIMEOUT gives up on the silent server: a 503, not a request held
        # until gunicorn's worker timeout kills the worker (which would time out here).
        status, _headers, body = server.get("/over/", HOST)
        assert status == 503, body[:300]
        assert b"Tijdelijk niet beschikbaar" in body
    finally:
        proxy.restore()
    _assert_recovered(server)
