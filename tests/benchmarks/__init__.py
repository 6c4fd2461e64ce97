"""`make bench`: throughput, latency and SQL query counts of the public pages.

Run with ``python -m tests.benchmarks.run``. Benchmarks print figures; they never assert
timings. See docs/benchmarks.md.
"""
