"""The catalogue's editorial admin: which local service pages to review and why.

- review: the flagged pages a user may edit, their municipality and what changed;
- views: the review of one page, "mark as reviewed" (POST) and the "Services to review"
  report (under Reports, at /admin/catalogue/review/);
- panels: the dashboard panel, per municipality.

The hooks that wire them into Wagtail are in cms/catalogue/wagtail_hooks.py.
"""

from .panels import ServicesToReviewPanel
from .review import Change, Flagged, changes_of, flagged_pages

__all__ = [
    "Change",
    "Flagged",
    "ServicesToReviewPanel",
    "changes_of",
    "flagged_pages",
]
