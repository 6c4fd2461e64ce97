"""The Nu HTML Checker (npm ``vnu-jar``) over many saved pages in one JVM run."""

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .audit import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class Message:
    kind: str  # "error", "warning" or "info"
    line: int
    column: int
    message: str
    extract: str


def _kind(raw):
    if raw.get("type") in ("error", "non-document-error"):
        return "error"
    return "warning" if raw.get("subType") == "warning" else "info"


class Run:
    """One run of the checker over ``files`` (paths of saved HTML), started at once in the
    background; ``messages()`` waits for it and gives the messages of each file."""

    def __init__(self, files):
        java = shutil.which("java")
        if java is None:
            raise RuntimeError("java is not installed: the Nu HTML Checker needs a Java runtime")
        if not VNU_JAR.exists():
            raise RuntimeError(f"{VNU_JAR} is missing: run `npm ci` (make test-browser does)")
        self.files = [Path(path) for path in files]
        self._messages = None
        self._process = subprocess.Popen(
            [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always"]
            + [str(path) for path in self.files],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def messages(self):
        if self._messages is None:
            stdout, stderr = self._process.communicate(timeout=600)
            self._messages = self._parse(stderr.strip() or stdout.strip())
        return self._messages

    def _parse(self, output):
        try:
            raw_messages = json.loads(output)["messages"]
        except (ValueError, KeyError) as error:
            raise RuntimeError(
                f"the Nu HTML Checker gave no JSON (exit {self._process.returncode}): "
                f"{output[:2000]}"
            ) from error
        by_name = {path.resolve().as_posix(): path for path in self.files}
        messages = {path: [] for path in self.files}
        for raw in raw_messages:
            path = by_name.get(raw.get("url", "").removeprefix("file:"))
            if path is None:
                raise RuntimeError(f"the Nu HTML Checker reported on an unknown file: {raw}")
            messages[path].append(
                Message(
                    _kind(raw),
                    raw.get("lastLine", 0),
                    raw.get("firstColumn", raw.get("lastColumn", 0)),
                    raw.get("message", ""),
                    raw.get("extract", ""),
                )
            )
        return messages
