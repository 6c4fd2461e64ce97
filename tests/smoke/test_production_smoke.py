"""Production smoke test: the release steps and gunicorn, with production settings, on a
fresh PostgreSQL database, as a TLS proxy would talk to them.

Runs only when PostgreSQL answers at postgres://postgres@127.0.0.1:5432 (skipped otherwise;
with REQUIRE_POSTGRES=1 an unreachable server is an error). It does not use pytest-django's
test database: it creates its own database ``voordeur_smoke_<random>``, drives
``manage.py`` and gunicorn in subprocesses, and drops the database afterwards.

    .venv/bin/pytest -q tests/smoke -m smoke
"""

import gzip
import html
import http.client
import json
import os
import re
import secrets
import signal
import string
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cms.municipalities.config import load_sites

pytestmark = pytest.mark.smoke

ROOT = Path(__file__).resolve().parents[2]
SERVER_URL = "postgres://postgres@127.0.0.1:5432"
GUNICORN = Path(sys.executable).parent / "gunicorn"
SERVER_COMMAND = ["gunicorn", "-c", "gunicorn.conf.py", "cms.wsgi:application"]
COMMAND_TIMEOUT = 600  # sync_sites on a busy CI machine; a hang still ends
STARTUP_TIMEOUT = 30

# Settings read from the environment that must not leak from the developer's shell into
# the production run; the test sets the ones it needs itself.
_CLEARED = (
    "ALLOWED_HOSTS",
    "BIND",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_CONN_MAX_AGE",
    "DATABASE_URL",
    "DEBUG",
    "DJANGO_SETTINGS_MODULE",
    "FORWARDED_ALLOW_IPS",
    "HEALTHCHECK_HOST",
    "HOST",
    "LOG_LEVEL",
    "MEDIA_ROOT",
    "MEDIA_STORAGE_URL",
    "PORT",
    "REDIS_URL",
    "SECRET_KEY",
    "SECURE_HSTS_SECONDS",
    "SECURE_SSL_REDIRECT",
    "STATIC_ROOT",
    "WAGTAILADMIN_BASE_URL",
    "WEB_CONCURRENCY",
)
_CLEARED_PREFIXES = ("AWS_", "EMAIL_", "GUNICORN_", "VOORDEUR_")

SITES = load_sites(ROOT / "sites", ROOT / "themes")
MUNICIPALITIES = sorted(SITES.municipalities.values(), key=lambda config: config.slug)


def _connect_server():
    """An autocommit connection to the server; skips the tests when there is none, or
    fails them under REQUIRE_POSTGRES=1."""
    import psycopg

    try:
        return psycopg.connect(f"{SERVER_URL}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.Error as error:
        detail = " ".join(str(error).split())
        reason = f"PostgreSQL is not reachable at {SERVER_URL} ({type(error).__name__}: {detail})"
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail(f"{reason} and REQUIRE_POSTGRES=1", pytrace=False)
        pytest.skip(f"{reason}; the production smoke test needs it (REQUIRE_POSTGRES=1 fails)")


def _secret_key():
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    return "".join(secrets.choice(alphabet) for _ in range(50))


def _environment(database, tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in _CLEARED and not key.startswith(_CLEARED_PREFIXES)
    }
    hostnames = [h for config in MUNICIPALITIES for h in config.production_hostnames]
    hostnames += [*SITES.region.production_hostnames, "localhost", "127.0.0.1"]
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        DATABASE_URL=f"{SERVER_URL}/{database}",
        SECRET_KEY=_secret_key(),
        ALLOWED_HOSTS=",".join(hostnames),
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        VOORDEUR_HOSTNAMES="production",
        # Behind the (simulated) TLS proxy: SECURE_SSL_REDIRECT stays on.
        PYTHONUNBUFFERED="1",
    )
    return env


def _start(env, log_dir, *arguments):
    """Start ``manage.py <arguments>``, its output going to a file rather than a pipe."""
    log_path = log_dir / f"manage-{arguments[0]}.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "manage.py", *arguments],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    return process, arguments, log_path


def _wait(process):
    try:
        process.wait(timeout=COMMAND_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _finish(started):
    """Wait for a command from ``_start``; fail the test with its output if it failed."""
    process, arguments, log_path = started
    _wait(process)
    output = log_path.read_text(errors="replace")
    if process.returncode != 0:
        pytest.fail(
            f"`manage.py {' '.join(arguments)}` exited with {process.returncode}:\n"
            f"{output[-6000:]}",
            pytrace=False,
        )
    return output


def _manage(env, log_dir, *arguments):
    return _finish(_start(env, log_dir, *arguments))


class Server:
    """The gunicorn under test, spoken to as a proxy would: by address, with a Host header."""

    def __init__(self, port, log_path, env):
        self.port = port
        self.log_path = log_path
        self.env = env

    def get(self, path, host, *, https=True, headers=None):
        """(status, headers as a lower-cased dict, body bytes) of one GET request."""
        sent = {"Host": host, **({"X-Forwarded-Proto": "https"} if https else {})}
        sent.update(headers or {})
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
        try:
            connection.request("GET", path, headers=sent)
            response = connection.getresponse()
            return (
                response.status,
                {name.lower(): value for name, value in response.getheaders()},
                response.read(),
            )
        finally:
            connection.close()

    def log(self):
        return self.log_path.read_text(errors="replace")[-4000:]


def _wait_until_healthy(server, process):
    """Learn the port gunicorn was given (it binds port 0) and wait for /healthz to answer."""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    last = "no answer"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"gunicorn exited with {process.returncode} at startup\n{server.log()}",
                pytrace=False,
            )
        if server.port is None:
            listening = re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", server.log())
            server.port = int(listening.group(1)) if listening else None
        if server.port is not None:
            try:
                status, _headers, body = server.get("/healthz", "localhost", https=False)
                if status == 200:
                    return
                last = f"{status} {body[:200]!r}"
            except OSError as error:
                last = repr(error)
        time.sleep(0.2)
    pytest.fail(
        f"/healthz did not answer 200 within {STARTUP_TIMEOUT} s (last: {last})\n{server.log()}",
        pytrace=False,
    )


def start_gunicorn(env, log_path):
    """gunicorn with the repository's config and ``env``, in a session of its own (so it
    can be stopped with its workers), its output in ``log_path``."""
    with open(log_path, "wb") as log:
        return subprocess.Popen(
            [str(GUNICORN), *SERVER_COMMAND[1:]],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _stop(process):
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the session gunicorn was started in
        process.wait(timeout=5)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    connection = _connect_server()
    database = f"voordeur_smoke_{secrets.token_hex(6)}"
    tmp_path = tmp_path_factory.mktemp("smoke")
    process = None
    try:
        connection.execute(f'CREATE DATABASE "{database}"')
        env = _environment(database, tmp_path)
        # The release steps; those that do not need the database run alongside migrate.
        background = [
            _start(env, tmp_path, "check", "--deploy", "--fail-level", "WARNING"),
            _start(env, tmp_path, "collectstatic", "--noinput"),
        ]
        try:
            _manage(env, tmp_path, "migrate", "--noinput")
            _manage(env, tmp_path, "sync_sites")
        finally:
            for started in background:
                _wait(started[0])
        for started in background:
            _finish(started)

        # Loopback only, on a port the kernel picks (no race for a "free" port).
        env.update(HOST="127.0.0.1", PORT="0", WEB_CONCURRENCY="2")
        env["GUNICORN_GRACEFUL_TIMEOUT"] = "5"
        log_path = tmp_path / "gunicorn.log"
        process = start_gunicorn(env, log_path)
        running = Server(None, log_path, env)
        _wait_until_healthy(running, process)
        yield running
    finally:
        if process is not None:
            _stop(process)
        connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        connection.close()


def _assert_security_headers(headers, where):
    hsts = headers.get("strict-transport-security", "")
    assert "max-age=31536000" in hsts, f"{where}: Strict-Transport-Security is {hsts!r}"
    assert "includeSubDomains" in hsts and "preload" in hsts, f"{where}: {hsts!r}"
    assert headers.get("x-content-type-options") == "nosniff", where
    assert headers.get("referrer-policy") == "strict-origin-when-cross-origin", where
    assert headers.get("x-frame-options") == "SAMEORIGIN", where
    assert headers.get("cross-origin-opener-policy") == "same-origin", where


def test_sites_directory_is_complete():
    assert not SITES.errors, [str(error) for error in SITES.errors]
    assert len(MUNICIPALITIES) == 13
    assert SITES.region is not None


def test_healthz(server):
    # Plain HTTP from the load balancer: exempt from the HTTPS redirect.
    status, headers, body = server.get("/healthz", "localhost", https=False)
    assert status == 200, body[:500]
    assert headers["content-type"].startswith("application/json")
    assert json.loads(body)["status"] == "ok"


def test_plain_http_redirects_to_https(server):
    status, headers, _body = server.get("/", "www.kortrijk.be", https=False)
    assert status == 301
    assert headers["location"] == "https://www.kortrijk.be/"


@pytest.mark.parametrize("config", MUNICIPALITIES, ids=lambda config: config.slug)
def test_home_page(server, config):
    host = config.production_hostnames[0]
    status, headers, body = server.get("/", host)
    assert status == 200, f"{host}: {status}\n{body[:500]!r}\n{server.log()}"
    assert headers["content-type"].startswith("text/html")
    text = body.decode()
    assert html.escape(config.name) in text, f"{host}: {config.name!r} not on the home page"
    assert '<html lang="nl"' in text
    _assert_security_headers(headers, host)


def test_missing_page_is_404(server):
    config = MUNICIPALITIES[0]
    host = config.production_hostnames[0]
    status, headers, body = server.get(f"/bestaat-niet-{secrets.token_hex(4)}/", host)
    assert status == 404, f"{status}\n{body[:500]!r}\n{server.log()}"
    # The theme's 404 page, inside the municipality's own layout.
    assert html.escape(config.name) in body.decode()
    _assert_security_headers(headers, host)


def test_regional_landing_page_lists_every_municipality(server):
    host = SITES.region.production_hostnames[0]
    status, headers, body = server.get("/", host)
    assert status == 200, f"{host}: {status}\n{body[:500]!r}\n{server.log()}"
    text = body.decode()
    listing = re.search(r'<ul class="municipalities">(.*?)</ul>', text, re.S)
    assert listing, "no list of municipalities on the regional page"
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', listing.group(1))
    assert len(links) == 13, links
    # sync_sites gave each site its first production hostname on port 443.
    expected = {
        (f"https://{c.production_hostnames[0]}/", html.escape(c.name)) for c in MUNICIPALITIES
    }
    assert set(links) == expected
    _assert_security_headers(headers, host)


def test_other_production_hostnames_redirect_to_the_canonical_one(server):
    for config in MUNICIPALITIES:
        canonical, *aliases = config.production_hostnames
        for alias in aliases:
            status, headers, _body = server.get("/nieuws/?pagina=2", alias)
            assert status == 301, f"{alias}: {status}"
            assert headers["location"] == f"https://{canonical}/nieuws/?pagina=2", alias


def test_sitemap(server):
    host = MUNICIPALITIES[0].production_hostnames[0]
    status, _headers, body = server.get("/sitemap.xml", host)
    assert status == 200, f"{status}\n{server.log()}"
    assert f"https://{host}/".encode() in body


def test_static_file_from_the_home_page(server):
    host = MUNICIPALITIES[0].production_hostnames[0]
    _status, _headers, body = server.get("/", host)
    base_css = r'<link rel="stylesheet" href="(/static/css/base\.[^"]+\.css)"'
    match = re.search(base_css, body.decode())
    assert match, "no base stylesheet on the home page"
    url = match.group(1)
    # The manifest storage gave it a content hash, so it may be cached for ever.
    assert re.fullmatch(r"/static/css/base\.[0-9a-f]{12}\.css", url), url
    status, headers, css = server.get(url, host, headers={"Accept-Encoding": "gzip"})
    assert status == 200, f"{url}: {status}"
    assert headers["content-type"].startswith("text/css")
    assert "immutable" in headers.get("cache-control", ""), headers.get("cache-control")
    # ... and compressed it at collectstatic time.
    assert headers.get("content-encoding") == "gzip", headers
    assert b"{" in gzip.decompress(css)


def _dockerfile_instruction(name):
    """The JSON (exec form) command of a Dockerfile instruction such as CMD or HEALTHCHECK."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    match = re.search(rf"^{name}\b.*?(\[.*\])\s*$", text, re.M)
    assert match, f"no {name} instruction in exec form in the Dockerfile"
    return json.loads(match.group(1))


def test_dockerfile_runs_this_server():
    assert _dockerfile_instruction("CMD") == SERVER_COMMAND


def test_dockerfile_healthcheck_passes(server):
    command = _dockerfile_instruction("HEALTHCHECK")
    assert command[0] == "python", command
    result = subprocess.run(
        [sys.executable, *command[1:]],
        env={**server.env, "PORT": str(server.port)},
        capture_output=True,
        text=True,
        timeout=15,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_content_security_and_permissions_policies(server):
    """Each part of the site has its policy (cms/core/headers.py), upgraded to HTTPS."""
    host = MUNICIPALITIES[0].production_hostnames[0]
    _status, page, _body = server.get("/", host)
    assert "script-src 'self';" in page["content-security-policy"]
    assert "upgrade-insecure-requests" in page["content-security-policy"]
    assert "'unsafe-inline'" not in page["content-security-policy"]
    assert "camera=()" in page["permissions-policy"]
    status, admin, _body = server.get("/admin/login/", host)
    assert status == 200, server.log()
    assert "style-src 'self' 'unsafe-inline'" in admin["content-security-policy"]
    assert "upgrade-insecure-requests" in admin["content-security-policy"]
    _assert_security_headers(admin, "/admin/login/")
    cookie = admin["set-cookie"].lower()
    assert cookie.startswith("csrftoken=") and "; secure" in cookie and "; httponly" in cookie
    _status, api, _body = server.get("/api/v2/pages/", host)
    directives = set(api["content-security-policy"].split("; "))
    assert directives == {"default-src 'none'", "frame-ancestors 'none'"}
