"""The catalogue as open data: CPSV-AP 3.2 JSON-LD after the IPDC concept and instance
shapes, out (the region's concepts, a municipality's instances) and in (concepts into
regional services)."""

from .export import region_graph
from .instances import municipality_graph
from .jsonld import CatalogueDataError, parse_jsonld, to_jsonld

__all__ = [
    "CatalogueDataError",
    "municipality_graph",
    "parse_jsonld",
    "region_graph",
    "to_jsonld",
]
