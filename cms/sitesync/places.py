"""The places (postcodes, towns and villages) that say which municipality a citizen lives in.

Filled in by issue #11's place finder work.
"""


def ensure_places(municipality, config, changes):
    """Store ``config.places`` (a municipality's postcodes and place names)."""


def ensure_neighbours(config, changes):
    """Store the places just outside the region (``neighbours`` in ``_region.toml``)."""
