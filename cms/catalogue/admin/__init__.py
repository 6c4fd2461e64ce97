"""The catalogue's side of the review: which local service pages a user may review because
their regional service changed, and what changed (review.py, and the ``_changes.html``
template that lists it).

The review itself (the dashboard panel, the report, "mark as reviewed", the edit-view
notice) is one mechanism for every page in ``cms.reviews``, which uses these helpers.
"""

from .review import Change, changes_of, flagged_pages

__all__ = [
    "Change",
    "changes_of",
    "flagged_pages",
]
