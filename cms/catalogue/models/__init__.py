from .index import ServiceIndexPage
from .local import LocalServicePage
from .regional import FACT_FIELDS, RegionalService
from .review import LocalServiceState

__all__ = [
    "FACT_FIELDS",
    "LocalServicePage",
    "LocalServiceState",
    "RegionalService",
    "ServiceIndexPage",
]
