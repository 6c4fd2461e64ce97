"""Events from UiTdatabank (publiq's Search API v3): reading, fetching and importing them."""

from .client import fetch_events
from .importer import Importer, ImportReport
from .parser import ImportedEvent, UitdatabankError, parse_response
from .region import Region

__all__ = [
    "ImportReport",
    "ImportedEvent",
    "Importer",
    "Region",
    "UitdatabankError",
    "fetch_events",
    "parse_response",
]
