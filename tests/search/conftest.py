"""The gold set's figures in the terminal summary (tests/search/test_gold.py)."""

from .test_gold import RESULTS


def pytest_terminal_summary(terminalreporter):
    for vendor, result in RESULTS.items():
        terminalreporter.section(f"search gold set ({vendor})")
        terminalreporter.write_line(
            f"{result['met']}/{result['counted']} queries met ({result['share']:.0%}); "
            f"not in the demo (not counted): {len(result['absent'])}"
        )
        for miss in result["misses"]:
            terminalreporter.write_line(f"  missed: {miss}")
        if result["absent"]:
            terminalreporter.write_line(f"  not in the demo: {', '.join(result['absent'])}")
