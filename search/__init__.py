"""The joint regional search: ``search.search(JointQuery(...))`` -> JointResults."""

from .backends import autocomplete, get_backend, search
from .query import Facet, Hit, JointQuery, JointResults

__all__ = ["Facet", "Hit", "JointQuery", "JointResults", "autocomplete", "get_backend", "search"]
