"""Where the CPU went during a measurement: the server under test, wrk, everything else.

Requests per second depend on how busy the machine is. The server's CPU time per request
does much less, so the bench reports both, and how much CPU other processes took meanwhile.
Linux only (/proc); elsewhere the figures are None.
"""

import os
import resource
import time
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat_fields(pid):
    text = Path(f"/proc/{pid}/stat").read_text()
    # The command name is in parentheses and may hold spaces: split after it.
    return text[text.rindex(")") + 2 :].split()


def _process_seconds(pid, *, with_reaped_children=False):
    """User + system CPU seconds of ``pid`` (and of its children it has waited for)."""
    fields = _stat_fields(pid)
    # After the name: state(0) ... utime(11) stime(12) cutime(13) cstime(14).
    ticks = int(fields[11]) + int(fields[12])
    if with_reaped_children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / _TICK


def _children(pid):
    try:
        return [
            int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        ]
    except OSError:
        children = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if int(_stat_fields(entry.name)[1]) == pid:
                        children.append(int(entry.name))
                except (OSError, IndexError, ValueError):
                    continue
        return children


def server_seconds(master_pid):
    """CPU seconds of a gunicorn master and all its workers, live or recycled."""
    total = _process_seconds(master_pid, with_reaped_children=True)
    for child in _children(master_pid):
        try:
            total += _process_seconds(child)
        except (OSError, IndexError, ValueError):
            continue  # it exited in between: its time moves to the master's cutime
    return total


def _machine_busy_seconds():
    """CPU seconds all CPUs spent busy since boot (not idle, not waiting for I/O)."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    # guest time is already counted in user time
    return (sum(values[:8]) - idle) / _TICK


def _reaped_children_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Sample:
    """CPU use between ``start()`` and ``stop()``: server, load generator, other processes."""

    def __init__(self, master_pid):
        self.master_pid = master_pid
        self.server = self.wrk = self.others = self.wall = None

    def start(self):
        try:
            self._server = server_seconds(self.master_pid)
            self._busy = _machine_busy_seconds()
        except (OSError, ValueError, IndexError):
            self._server = None
        self._wrk = _reaped_children_seconds()
        self._wall = time.monotonic()
        return self

    def stop(self):
        self.wall = time.monotonic() - self._wall
        self.wrk = _reaped_children_seconds() - self._wrk
        if self._server is None:
            return self
        try:
            self.server = server_seconds(self.master_pid) - self._server
            busy = _machine_busy_seconds() - self._busy
        except (OSError, ValueError, IndexError):
            self.server = None
            return self
        self.others = max(0.0, busy - self.server - self.wrk)
        return self

    def server_ms_per_request(self, requests):
        if self.server is None or not requests:
            return None
        return self.server * 1000 / requests

    @property
    def others_cpus(self):
        """Average number of CPUs other processes kept busy during the sample."""
        if self.others is None or not self.wall:
            return None
        return self.others / self.wall
