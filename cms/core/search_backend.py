"""Wagtail's database search backend, with the user's words cleaned first.

Every admin listing and chooser searches through this backend (``WAGTAILSEARCH_BACKENDS``).
Seen on Wagtail 8.0.1 (modelsearch): the SQLite FTS5 backend puts each word between
double quotes without escaping a double quote inside it, so ``q="`` is an FTS5 syntax
error, a server error; a NUL byte is refused by PostgreSQL. A search for words is never
helped by a double quote or a control character, so both become spaces here, in every
part of a parsed query, before the backend builds its SQL. The joint public search
(``search/``) has its own backends.
"""

import copy
import re

from modelsearch.backends import database
from modelsearch.backends.base import EmptySearchResults
from modelsearch.query import SearchQuery

__all__ = ["SearchBackend", "clean_query"]

# Double quotes, and control characters (NUL included) but for ordinary white space.
NOT_A_WORD = re.compile(r'["\x00-\x08\x0b\x0c\x0e-\x1f\x7f]')


def _clean_text(text):
    return NOT_A_WORD.sub(" ", text)


def clean_query(query):
    """The query (a string or a parsed query) without what the backends cannot take;
    None when no words are left."""
    if isinstance(query, str):
        cleaned = _clean_text(query)
        return cleaned if cleaned.strip() else None
    if not isinstance(query, SearchQuery):
        return query
    query = copy.deepcopy(query)
    parts = [query]
    while parts:
        part = parts.pop()
        for name, value in vars(part).items():
            if name == "query_string" and isinstance(value, str):
                setattr(part, name, _clean_text(value))
                if not value.strip() or not part.query_string.strip():
                    return None
            elif isinstance(value, SearchQuery):
                parts.append(value)
            elif isinstance(value, (list, tuple)):
                parts.extend(item for item in value if isinstance(item, SearchQuery))
    return query


class GuardedBackend:
    """The database backend Wagtail would choose for this database, searching only with
    cleaned queries; everything else (indexing, rebuilding) is the backend's own."""

    def __init__(self, params):
        self.backend = database.SearchBackend(params)

    def __getattr__(self, name):
        return getattr(self.backend, name)

    def search(self, query, model_or_queryset, *args, **kwargs):
        query = clean_query(query)
        if query is None:
            return EmptySearchResults()
        return self.backend.search(query, model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        query = clean_query(query)
        if query is None:
            return EmptySearchResults()
        return self.backend.autocomplete(query, model_or_queryset, *args, **kwargs)


SearchBackend = GuardedBackend
