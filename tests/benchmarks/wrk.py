"""wrk, the HTTP load generator: installing it from apt, running it, reading its report."""

import os
import re
import shutil
import subprocess
from dataclasses import dataclass

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_DURATION = re.compile(r"^\s*([\d.]+)(us|ms|s|m|h)\s*$")


class WrkError(RuntimeError):
    pass


def _apt(*args):
    """Run apt-get (through sudo when not root), printing the command."""
    apt_get = shutil.which("apt-get")
    if apt_get is None:
        raise WrkError("wrk is not installed and there is no apt-get to install it with.")
    command = [apt_get, *args]
    if os.geteuid() != 0:
        sudo = shutil.which("sudo")
        if sudo is None:
            raise WrkError("wrk is not installed; run `apt-get install -y wrk` as root.")
        command = [sudo, "-n", *command]
    print(f"$ {' '.join(command)}", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return subprocess.run(command, env=env, check=False).returncode


def ensure_wrk():
    """The path of wrk, installed from apt first if it is missing."""
    path = shutil.which("wrk")
    if path:
        return path
    print("wrk is not installed: installing it from apt.", flush=True)
    if _apt("install", "-y", "-q", "wrk") != 0:
        print("apt-get install failed: updating the package lists and trying again.", flush=True)
        _apt("update", "-q")
        _apt("install", "-y", "-q", "wrk")
    path = shutil.which("wrk")
    if path is None:
        raise WrkError("Could not install wrk with apt-get; install it and run again.")
    return path


def wrk_version(wrk):
    # `wrk -v` prints its version and usage, and exits 1.
    result = subprocess.run([wrk, "-v"], capture_output=True, text=True, check=False)
    first = (result.stdout or result.stderr).strip().splitlines()
    return first[0].split(" [")[0] if first else "wrk (version unknown)"


def to_ms(text):
    """wrk's '1.23ms', '850.00us', '1.20s' as milliseconds."""
    match = _DURATION.match(text)
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * _UNITS_MS[match.group(2)]


@dataclass
class WrkResult:
    requests: int
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    non_2xx_3xx: int
    socket_errors: dict
    output: str

    @property
    def errors(self):
        """Responses that were not 2xx/3xx, and connections that failed or timed out."""
        return self.non_2xx_3xx + sum(self.socket_errors.values())


def parse(output):
    """Read requests/sec, p50, p99 and the error counts from `wrk --latency` output."""

    def find(pattern, cast=str, default=None):
        match = re.search(pattern, output, re.MULTILINE)
        if match is None:
            if default is not None:
                return default
            raise WrkError(f"wrk output has no match for {pattern!r}:\n{output}")
        return cast(match.group(1))

    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return WrkResult(
        requests=find(r"^\s*(\d+) requests in", int),
        requests_per_second=find(r"^Requests/sec:\s*([\d.]+)", float),
        p50_ms=find(r"^\s*50(?:\.0+)?%\s+(\S+)", to_ms),
        p99_ms=find(r"^\s*99(?:\.0+)?%\s+(\S+)", to_ms),
        non_2xx_3xx=find(r"Non-2xx or 3xx responses:\s*(\d+)", int, default=0),
        socket_errors=dict(
            zip(
                ("connect", "read", "write", "timeout"),
                (int(n) for n in errors.groups()) if errors else (0, 0, 0, 0),
                strict=True,
            )
        ),
        output=output,
    )


def command(wrk, url, *, headers, threads, connections, duration):
    args = [wrk, f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency"]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    return [*args, url]


def run(wrk, url, *, headers, threads, connections, duration):
    args = command(
        wrk, url, headers=headers, threads=threads, connections=connections, duration=duration
    )
    result = subprocess.run(
        args, capture_output=True, text=True, timeout=duration + 30, check=False
    )
    if result.returncode != 0:
        raise WrkError(f"{' '.join(args)} exited {result.returncode}:\n{result.stderr}")
    return parse(result.stdout)
