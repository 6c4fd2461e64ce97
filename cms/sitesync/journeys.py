"""Each municipality's journey pages, from the regional journeys.

Filled in by issue #11's journeys work.
"""


def ensure_local_journeys(home, changes):
    """Bring the journey pages of the site whose home is ``home`` in line with the regional
    journeys, saying what changed in ``changes``."""
