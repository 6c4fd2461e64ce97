"""Figures a test prints at the end of the run (the search gold set, the number of hostile
requests), collected from the test reports so they survive pytest-xdist: a worker's module
globals never reach the process that prints the summary, its reports do.

A test (or an autouse fixture's teardown) calls ``record_property`` with one of:
- ``(LINE, (section, text))``: a line under ``section``, in the order reports arrive;
- ``(COUNT, (template, n))``: ``n`` added to a running total, printed as ``template.format(total)``.
"""

from collections import Counter

LINE = "summary_line"
COUNT = "summary_count"

SECTIONS = {}
COUNTS = Counter()


def collect(report):
    # Every phase's report carries all the properties recorded so far: read the last one.
    if report.when != "teardown":
        return
    for name, value in report.user_properties:
        if name == LINE:
            section, text = value
            SECTIONS.setdefault(section, []).append(text)
        elif name == COUNT:
            template, n = value
            COUNTS[template] += n


def write(terminalreporter):
    for section, lines in SECTIONS.items():
        terminalreporter.section(section)
        for text in lines:
            terminalreporter.write_line(text)
    for template, total in COUNTS.items():
        if total:
            terminalreporter.write_line(template.format(total))
