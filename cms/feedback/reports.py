"""The figures the admin shows: a score per page, a trend per month, a page's recent score.

Every function takes the rows to count, already narrowed to what the user may see
(``rows_for``): an editor counts only their own municipality's pages.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from wagtail.models import Page

from cms.core.access import permitted_tree_filter
from cms.municipalities.models import Municipality

from .models import Feedback

RECENT_DAYS = 90

_COUNTS = {
    "useful_count": Count("pk", filter=Q(useful=True)),
    "not_useful_count": Count("pk", filter=Q(useful=False)),
    "comment_count": Count("pk", filter=~Q(comment="")),
}


def rows_for(user):
    """The feedback rows about pages in ``user``'s own trees (every row for a superuser)."""
    rows = Feedback.objects.all()
    if user.is_superuser:
        return rows
    return rows.filter(permitted_tree_filter(user, "page__"))


@dataclass(frozen=True)
class Score:
    useful: int = 0
    not_useful: int = 0
    comments: int = 0

    @property
    def total(self):
        return self.useful + self.not_useful

    @property
    def percent_useful(self):
        """The share of "yes" answers, rounded to a whole percent; None without answers."""
        if not self.total:
            return None
        return round(100 * self.useful / self.total)

    @classmethod
    def from_counts(cls, counts):
        return cls(
            useful=counts["useful_count"] or 0,
            not_useful=counts["not_useful_count"] or 0,
            comments=counts["comment_count"] or 0,
        )


def score_of(rows):
    return Score.from_counts(rows.aggregate(**_COUNTS))


def recent_score(page, days=RECENT_DAYS):
    """The score of one page over the last ``days`` days."""
    since = timezone.localdate() - dt.timedelta(days=days)
    return score_of(Feedback.objects.filter(page=page, created__gt=since))


def scores_by_page(rows):
    """One row per page (a dict of counts), the pages with the most "no" answers first."""
    return (
        rows.order_by()
        .values("page", "municipality")
        .annotate(**_COUNTS, total=Count("pk"))
        .order_by("-not_useful_count", "-total", "page")
    )


@dataclass(frozen=True)
class PageScore:
    """A page of the report with its municipality and score."""

    page: Page
    municipality: Municipality | None
    score: Score

    @property
    def title(self):
        return self.page.get_admin_display_title()

    @property
    def municipality_name(self):
        return self.municipality.short_name if self.municipality else ""

    @property
    def page_type(self):
        return str(self.page.cached_content_type.model_class()._meta.verbose_name)

    @property
    def language(self):
        return self.page.locale.language_code


def page_scores(counts):
    """``counts`` (from ``scores_by_page``) as :class:`PageScore` items, in two queries."""
    counts = list(counts)
    pages = Page.objects.select_related("locale").in_bulk([row["page"] for row in counts])
    municipalities = Municipality.objects.in_bulk([row["municipality"] for row in counts])
    return [
        PageScore(
            pages[row["page"]], municipalities.get(row["municipality"]), Score.from_counts(row)
        )
        for row in counts
        if row["page"] in pages
    ]


@dataclass(frozen=True)
class Month:
    month: dt.date
    score: Score


def _next_month(day):
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def monthly_trend(rows):
    """The score per calendar month, oldest first, months without answers included."""
    found = {
        row["month"]: Score.from_counts(row)
        for row in rows.order_by()
        .annotate(month=TruncMonth("created"))
        .values("month")
        .annotate(**_COUNTS)
    }
    found = {
        (month.date() if isinstance(month, dt.datetime) else month): score
        for month, score in found.items()
    }
    if not found:
        return []
    month, last = min(found), max(found)
    trend = []
    while month <= last:
        trend.append(Month(month, found.get(month, Score())))
        month = _next_month(month)
    return trend
