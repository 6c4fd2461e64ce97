"""The benchmark's report: lines printed and kept, and the machine they were measured on."""

import os
import platform
import sqlite3
from importlib import metadata
from pathlib import Path

__all__ = ["Report", "cpus", "machine"]


class Report:
    """Lines printed as they come and kept for var/bench/foundation.txt."""

    def __init__(self):
        self.lines = []

    def __call__(self, line=""):
        print(line, flush=True)
        self.lines.append(line)

    def table(self, header, rows, align):
        widths = [
            max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)
        ]

        def line(cells):
            return "  ".join(
                str(cell).ljust(width) if side == "<" else str(cell).rjust(width)
                for cell, width, side in zip(cells, widths, align, strict=True)
            ).rstrip()

        self(line(header))
        self("  ".join("-" * width for width in widths))
        for row in rows:
            self(line(row))


def cpus():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count()


def machine():
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = ", ".join(
        f"{name} {metadata.version(name)}" for name in ("Django", "wagtail", "gunicorn")
    )
    return [
        f"machine:  {cpus()} CPUs (nproc){f', {model}' if model else ''}; {platform.platform()}",
        f"software: Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{versions}",
    ]
