"""What the embedded backends (SQLite, PostgreSQL) share.

The embedded backends keep their index in tables of the site's own database (or, for
SQLite, any file), created by the backend itself: the index is derived data, rebuilt by
``manage.py rebuild_joint_index``, so it has no migrations. A query goes:
analysis (search/analysis.py) -> the engine's full-text match, filtered and ranked, own
municipality first, at most MAX_CANDIDATES rows -> in Python: facets, collapsing of local
services onto their regional service, paging -> snippets for the page shown.

The package: columns.py (the document table's columns and the values written to them),
store.py (the index tables: schema, writing, stored documents), searching.py (search and
autocomplete) and backend.py (EmbeddedBackend, which joins them for the subclasses).
"""

from .backend import EmbeddedBackend
from .columns import DOC_COLUMNS, HIT_COLUMNS, clean_value, clean_values, flat
from .searching import MAX_CANDIDATES, edit_distance

__all__ = [
    "DOC_COLUMNS",
    "HIT_COLUMNS",
    "MAX_CANDIDATES",
    "EmbeddedBackend",
    "clean_value",
    "clean_values",
    "edit_distance",
    "flat",
]
