"""The server under test: collectstatic, then gunicorn with production settings."""

import contextlib
import http.client
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
WORKERS = 2

# Settings (and gunicorn.conf.py options) read from the environment that would change what is
# measured: the bench sets its own values, whatever the shell running it has.
_CLEARED = (
    "DATABASE_URL",
    "DATABASE_CONN_MAX_AGE",
    "REDIS_URL",
    "DEBUG",
    "LOG_LEVEL",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "VOORDEUR_SITES_DIR",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "GUNICORN_CMD_ARGS",
    "WEB_CONCURRENCY",
    "BIND",
    "HOST",
    "PORT",
    "GUNICORN_TIMEOUT",
    "GUNICORN_GRACEFUL_TIMEOUT",
    "GUNICORN_MAX_REQUESTS",
    "GUNICORN_MAX_REQUESTS_JITTER",
    "GUNICORN_LOG_LEVEL",
    "GUNICORN_CONTROL_SOCKET",
    "FORWARDED_ALLOW_IPS",
    # The page cache: the bench measures with it on (the default) and off, explicitly.
    "PAGE_CACHE_SECONDS",
)


def clean_env():
    return {key: value for key, value in os.environ.items() if key not in _CLEARED}


class ServerError(RuntimeError):
    pass


def production_env(*, database, static_root, secret_key, max_requests=0, page_cache_seconds=None):
    """The environment of the production server; ``page_cache_seconds`` None leaves
    PAGE_CACHE_SECONDS unset (the page cache on, as in production), 0 turns it off."""
    env = clean_env()
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS=".localhost,localhost",
        DATABASE_URL=f"sqlite:///{database}",
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(Path(static_root).parent / "media"),
        SECURE_SSL_REDIRECT="0",
        # gunicorn.conf.py recycles a worker every ~1000 requests; a recycled worker boots
        # Django again, which a 10 s run would count against the page. 0: never.
        GUNICORN_MAX_REQUESTS=str(max_requests),
        PYTHONDONTWRITEBYTECODE="1",
    )
    if page_cache_seconds is not None:
        env["PAGE_CACHE_SECONDS"] = str(page_cache_seconds)
    return env


def run_python(args, env, what):
    """Run ``python ARGS`` in the repository under ``env``; its standard output, or a
    ServerError naming ``what`` failed, with everything the child printed."""
    result = subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise ServerError(f"{what} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def collectstatic(env):
    run_python(["manage.py", "collectstatic", "--noinput", "-v0"], env, "collectstatic")


def setting(env, name):
    """repr() of setting ``name`` under ``env`` (imports the settings; no django.setup())."""
    code = f"from django.conf import settings; print(repr(settings.{name}))"
    return run_python(["-c", code], env, f"reading settings.{name}").strip()


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gunicorn_command(port, error_log):
    """The production command (Dockerfile: gunicorn -c gunicorn.conf.py ...), on loopback,
    with the issue's 2 workers."""
    binary = Path(sys.executable).parent / "gunicorn"
    launcher = [str(binary)] if binary.exists() else [sys.executable, "-m", "gunicorn"]
    config = BASE_DIR / "gunicorn.conf.py"
    return [
        *launcher,
        *(["--config", str(config.relative_to(BASE_DIR))] if config.exists() else []),
        "cms.wsgi:application",
        "--workers",
        str(WORKERS),
        "--bind",
        f"127.0.0.1:{port}",
        "--error-logfile",
        str(error_log),
    ]


def fetch(port, path, host, headers=None):
    """(status, response headers, body) of one GET to the server on loopback."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Host": host, **(headers or {})})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def get(port, path, host, headers=None):
    """(status, body) of one GET to the server on loopback."""
    status, _, body = fetch(port, path, host, headers)
    return status, body


def _log_tail(error_log, lines=30):
    try:
        text = Path(error_log).read_text(errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:]) or "(empty log)"


class Server:
    def __init__(self, process, port, error_log):
        self.process, self.port, self.error_log = process, port, Path(error_log)

    @property
    def pid(self):
        return self.process.pid

    def worker_boots(self):
        """How many workers gunicorn has started so far (2 at start, more if recycled)."""
        try:
            return self.error_log.read_text(errors="replace").count("Booting worker")
        except OSError:
            return 0

    def log_tail(self, lines=30):
        return _log_tail(self.error_log, lines)


@contextlib.contextmanager
def gunicorn(env, *, error_log, startup_timeout=60):
    """Start gunicorn, wait for /healthz to answer 200, yield the Server; always stop it."""
    port = free_port()
    command = gunicorn_command(port, error_log)
    print(f"$ {shlex.join(command)}", flush=True)
    process = subprocess.Popen(
        command,
        cwd=BASE_DIR,
        env=env,
        # The access log (production's gunicorn.conf.py writes it to stdout) is not kept.
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if process.poll() is not None:
                raise ServerError(
                    f"gunicorn exited with {process.returncode} while starting:\n"
                    + _log_tail(error_log)
                )
            try:
                status, _ = get(port, "/healthz", "localhost")
            except OSError:
                status = None
            if status == 200:
                break
            if time.monotonic() > deadline:
                raise ServerError(
                    f"/healthz did not answer 200 within {startup_timeout}s (last: {status}):\n"
                    + _log_tail(error_log)
                )
            time.sleep(0.2)
        yield Server(process, port, error_log)
    finally:
        _stop(process)


def _stop(process):
    """SIGTERM the gunicorn master, which stops its workers before it exits; if it hangs,
    SIGKILL the session it was started in (its master and workers only)."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)
