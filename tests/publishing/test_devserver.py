"""`make run` (scripts/devserver.py) serves the site and runs publish_scheduled beside it;
Ctrl-C, SIGTERM or even SIGKILL of the script leaves no process behind."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 60
SCHEDULER_EVERY_SECOND = ("--every", "1", "--skip-checks")

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def processes_in_group(pgid):
    """{pid: command line} of the live (not zombie) processes of process group ``pgid``."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        state, group = fields[0], int(fields[2])
        if group == pgid and state != "Z":
            found[int(entry.name)] = cmdline
    return found


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def accepts(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def devserver(tmp_path):
    """scripts/devserver.py in its own process group (as a terminal's foreground job),
    with publish_scheduled every second, on a free port and a throwaway database (so
    without migrations: runserver's system checks are skipped, the scheduler's runs fail
    and are retried, which is what these tests need to see)."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'dev.sqlite3'}",
    }
    process = subprocess.Popen(
        [sys.executable, "scripts/devserver.py", f"127.0.0.1:{port}", *SCHEDULER_EVERY_SECOND],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    pgid = process.pid
    try:
        assert wait_for(lambda: accepts(port), STARTUP_SECONDS), "the server never answered"
        yield process, pgid
    finally:
        if processes_in_group(pgid):
            os.killpg(pgid, signal.SIGKILL)
        process.wait(10)


def test_the_scheduler_runs_beside_the_server(devserver):
    _process, pgid = devserver
    assert wait_for(
        lambda: any("publish_scheduled" in c for c in processes_in_group(pgid).values()), 20
    )
    assert any("runserver" in c for c in processes_in_group(pgid).values())


def test_ctrl_c_stops_everything(devserver):
    process, pgid = devserver
    os.killpg(pgid, signal.SIGINT)  # what the terminal does on Ctrl-C
    assert process.wait(20) == 0
    assert wait_for(lambda: not processes_in_group(pgid), 20), processes_in_group(pgid)


def test_sigterm_to_the_script_alone_stops_everything(devserver):
    process, pgid = devserver
    process.terminate()
    assert process.wait(20) == 0
    assert wait_for(lambda: not processes_in_group(pgid), 20), processes_in_group(pgid)


def test_even_a_killed_script_leaves_no_server_behind(devserver):
    process, pgid = devserver
    process.kill()
    process.wait(10)
    assert wait_for(lambda: not processes_in_group(pgid), 20), processes_in_group(pgid)
