"""Gunicorn settings for Voordeur: `gunicorn -c gunicorn.conf.py cms.wsgi:application`.

Everything an operator may want to change comes from the environment (see docs/deploy.md):

BIND                  full bind address(es), comma separated; wins over HOST/PORT
HOST, PORT            interface and port, default 0.0.0.0:8000
WEB_CONCURRENCY       worker processes, default 2 x CPUs + 1, at most 8
GUNICORN_TIMEOUT      seconds before a silent worker is killed and replaced, default 30
GUNICORN_MAX_REQUESTS requests after which a worker is recycled, default 1000 (0: never)
FORWARDED_ALLOW_IPS   proxies trusted for X-Forwarded-Proto/-For, default 127.0.0.1
GUNICORN_CONTROL_SOCKET  path of gunicorn's control socket; none unless set
"""

import os


def _int(name, default):
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"gunicorn.conf.py: {name}={raw!r} is not an integer.") from None


def _cpu_count():
    """CPUs this process may use: the cgroup (v2) quota of a container, else its affinity."""
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        available = os.cpu_count() or 1
    try:
        with open("/sys/fs/cgroup/cpu.max") as handle:
            quota, period = handle.read().split()[:2]
        if quota != "max":
            return max(1, min(available, -(-int(quota) // int(period))))
    except (OSError, ValueError):
        pass
    return available


def _bind():
    explicit = os.environ.get("BIND", "").strip()
    if explicit:
        return [address.strip() for address in explicit.split(",") if address.strip()]
    # All interfaces by default: inside a container the proxy connects from outside.
    host = os.environ.get("HOST", "").strip() or "0.0.0.0"  # noqa: S104
    return [f"{host}:{_int('PORT', 8000)}"]


bind = _bind()

# Sync workers, one request at a time each: Wagtail and the database driver are not
# written for threads, and a slow request then ties up one process, not a shared pool.
workers = max(1, _int("WEB_CONCURRENCY", min(2 * _cpu_count() + 1, 8)))
threads = 1
preload_app = False

timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = 5

# Recycle workers now and then (with jitter, so they do not all restart at once).
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", max(max_requests // 10, 0))

# The TLS proxy in front sets X-Forwarded-Proto; only these addresses are believed.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# The workers' heartbeat files on tmpfs, not on a (possibly overlay) disk that can block.
_SHM = "/dev/shm"  # noqa: S108 (only gunicorn's own heartbeat files, as its docs advise)
worker_tmp_dir = _SHM if os.path.isdir(_SHM) else None

# Gunicorn's control socket defaults to a path in $HOME shared by every gunicorn of the
# user (a second instance takes it over); only create one when asked for.
_control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "").strip()
if _control_socket:
    control_socket = _control_socket
else:
    control_socket_disable = True

# Logs to stdout/stderr, for the container runtime to collect.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = (
    '%(h)s "%({x-forwarded-for}i)s" %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%({host}i)s" "%(f)s" "%(a)s"'
)
