"""`make run`: Django's development server plus Wagtail's scheduler, stopped together.

Runs ``manage.py runserver ADDRESS`` (with any other option given, e.g. ``--noreload``)
and, beside it, ``manage.py publish_scheduled`` once at start and then every ``--every``
seconds (60 by default), so go-live and expiry dates and scheduled revisions take effect
in development as they do in production (docs/deploy.md, "Scheduled publishing").

Stopping: Ctrl-C reaches the whole foreground process group (this script, the server and
its autoreloader child, a running publish_scheduled); this script then waits for them and
exits. SIGTERM or SIGHUP sent to this script alone is passed on to both children. On Linux
the children also get SIGTERM should this script die without cleaning up (SIGKILL), so no
server is left holding the port. Standard library only: it runs before Django is set up.
"""

import argparse
import contextlib
import ctypes
import ctypes.util
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PR_SET_PDEATHSIG = 1
STOP_GRACE_SECONDS = 10


class Stop(Exception):
    """Raised in the main loop by SIGTERM or SIGHUP."""


def _prepare_child():
    """Run in each child before it starts: Ctrl-C stops it even when this script was
    started with SIGINT ignored (a background job), and on Linux it gets SIGTERM when
    this script dies."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _start(arguments):
    return subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, str(ROOT / "manage.py"), *arguments],
        cwd=ROOT,
        preexec_fn=_prepare_child,  # a signal disposition and prctl only: fork-safe
    )


def _stop(process, sig=signal.SIGTERM):
    """Ask ``process`` to stop with ``sig``, kill it if it lingers, reap it."""
    if process is None or process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        process.send_signal(sig)
    try:
        process.wait(STOP_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _raise_stop(signum, frame):
    raise Stop


def serve(address, every, runserver_options=()):
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _raise_stop)
    signal.signal(signal.SIGHUP, _raise_stop)
    server = _start(["runserver", *runserver_options, address])
    scheduler = None
    next_run = time.monotonic()
    try:
        while server.poll() is None:
            if scheduler is not None and scheduler.poll() is not None:
                scheduler = None
            if scheduler is None and time.monotonic() >= next_run:
                scheduler = _start(["publish_scheduled"])
                next_run = time.monotonic() + every
            with contextlib.suppress(subprocess.TimeoutExpired):
                server.wait(timeout=1)
    except KeyboardInterrupt:
        # The terminal sent SIGINT to every process of the group: let them finish.
        _stop(scheduler, signal.SIGINT)
        _stop(server, signal.SIGINT)
        return 0
    except Stop:
        _stop(scheduler)
        _stop(server)
        return 0
    _stop(scheduler)
    return server.returncode


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("address", nargs="?", default="127.0.0.1:8000")
    parser.add_argument(
        "--every", type=float, default=60.0, help="seconds between publish_scheduled runs"
    )
    options, runserver_options = parser.parse_known_args(argv)
    if options.every <= 0:
        parser.error("--every must be a positive number of seconds")
    return serve(options.address, options.every, runserver_options)


if __name__ == "__main__":
    sys.exit(main())
