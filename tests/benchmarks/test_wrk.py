"""The bench reads wrk's report; these keep that reading honest (no server, no wrk needed)."""

import pytest

from tests.benchmarks import wrk

REPORT = """\
Running 10s test @ http://127.0.0.1:40123/over/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   498.27ms  120.01ms    1.13s    71.20%
    Req/Sec    17.36      9.12    50.00     62.50%
  Latency Distribution
     50%  499.30ms
     75%  560.12ms
     90%  640.00ms
     99%    1.13s
  306 requests in 10.03s, 1.13MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 4
Requests/sec:     30.51
Transfer/sec:    115.02KB
"""

CLEAN = """\
Running 10s test @ http://127.0.0.1:40123/static/css/base.dcd6cb902506.css
  2 threads and 16 connections
  Latency Distribution
     50%  850.00us
     75%    1.20ms
     90%    2.00ms
     99%    4.50ms
  9117 requests in 10.02s, 38.31MB read
Requests/sec:    909.86
Transfer/sec:      3.82MB
"""


def test_parse_reads_rate_percentiles_and_errors():
    result = wrk.parse(REPORT)
    assert result.requests == 306
    assert result.requests_per_second == 30.51
    assert result.p50_ms == pytest.approx(499.3)
    assert result.p99_ms == pytest.approx(1130.0)
    assert result.non_2xx_3xx == 4
    assert result.socket_errors == {"connect": 0, "read": 2, "write": 0, "timeout": 3}
    assert result.errors == 9


def test_parse_without_errors_and_in_microseconds():
    result = wrk.parse(CLEAN)
    assert result.p50_ms == pytest.approx(0.85)
    assert result.p99_ms == pytest.approx(4.5)
    assert result.errors == 0


def test_parse_refuses_output_without_figures():
    with pytest.raises(wrk.WrkError):
        wrk.parse("unable to connect to 127.0.0.1:1 Connection refused\n")


def test_command_sends_each_header():
    args = wrk.command(
        "wrk",
        "http://127.0.0.1:1/",
        headers={"Host": "kortrijk.localhost:8000"},
        threads=2,
        connections=16,
        duration=10,
    )
    assert args == [
        "wrk",
        "-t2",
        "-c16",
        "-d10s",
        "--latency",
        "-H",
        "Host: kortrijk.localhost:8000",
        "http://127.0.0.1:1/",
    ]
