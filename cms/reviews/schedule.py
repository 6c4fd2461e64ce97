"""When a page needs review, as one database query for any number of pages.

A page needs review for one of two reasons (``Reason``):

- its review date is reached: the date set on the page (``PageReview.review_on``), or else
  (last review, or first publication) + its municipality's interval for its kind of page
  (``Municipality.review_months``: "services" for local service pages, "pages" for the
  others); only live pages are due by date;
- its regional service changed since it was last reviewed (the catalogue's flag,
  ``cms.catalogue.models.review.needs_review_q``).

News articles and events date themselves: they have no interval, only the date an editor
sets on them. Pages outside the municipalities' trees (the regional landing site) are not
reviewed here.

``Schedule`` reads the municipalities, their trees and intervals once (two queries) and
turns them into a filter: the intervals differ per municipality and per kind, so the filter
is an OR over (group of trees with the same intervals) x (kind), each against a cut-off
computed here, which keeps month arithmetic out of SQL and works the same on SQLite and
PostgreSQL.
"""

import calendar
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import ExpressionWrapper, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.catalogue.models import LocalServicePage
from cms.catalogue.models.review import needs_review_q
from cms.core.access import paths_q
from cms.events.models import EventPage
from cms.municipalities.trees import home_paths
from cms.news.models import NewsArticlePage

from .models import PageReview

SERVICES, PAGES = "services", "pages"
# When a municipality's record has no interval (sites/_defaults.toml has the same).
DEFAULT_MONTHS = {SERVICES: 6, PAGES: 12}
# Page types that date themselves: due only on a date an editor sets.
DATED_PAGE_TYPES = (NewsArticlePage, EventPage)


class Reason(models.TextChoices):
    DATE = "date", _("Review date reached")
    REGIONAL = "regional", _("Regional service changed")


def add_months(day, months):
    """``day`` + ``months`` calendar months; the 31st becomes the month's last day."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def latest_due_base(today, months):
    """The last date ``base`` for which ``add_months(base, months) <= today``."""
    earlier = add_months(today, -months)
    if today.day == calendar.monthrange(today.year, today.month)[1]:
        # On a month's last day, every later day of the earlier month is due too
        # (31 March + 1 month is 30 April).
        return earlier.replace(day=calendar.monthrange(earlier.year, earlier.month)[1])
    return earlier


def review_of(page):
    """The page's ``PageReview`` (fetched with ``select_related``), or None."""
    try:
        return page.page_review
    except PageReview.DoesNotExist:
        return None


def regional_change_q():
    """Pages whose regional service changed since their last review (or was archived)."""
    return Q(pk__in=LocalServicePage.objects.filter(needs_review_q()).values("pk"))


class Schedule:
    """The municipalities' trees and review intervals, read once, as filters and dates."""

    def __init__(self, today=None):
        self.today = today or timezone.localdate()
        self.homes = home_paths()  # {path of a home page: municipality}
        self.service_type = ContentType.objects.get_for_model(LocalServicePage).pk
        self.dated_types = sorted(
            ct.pk for ct in ContentType.objects.get_for_models(*DATED_PAGE_TYPES).values()
        )

    # One page ----------------------------------------------------------------------

    def municipality_of(self, page):
        return self.homes.get(page.path[: Page.steplen * 2])

    @staticmethod
    def months(municipality, kind):
        configured = (municipality.review_months or {}) if municipality else {}
        return configured.get(kind) or DEFAULT_MONTHS[kind]

    def kind_of(self, page):
        """ "services", "pages", or None for a page type that dates itself."""
        if page.content_type_id == self.service_type:
            return SERVICES
        if page.content_type_id in self.dated_types:
            return None
        return PAGES

    def interval(self, page):
        """Months until the page is due again after a review (None: no interval)."""
        kind = self.kind_of(page)
        municipality = self.municipality_of(page)
        if kind is None or municipality is None:
            return None
        return self.months(municipality, kind)

    def next_date(self, page):
        """The next review date when the page is reviewed today."""
        months = self.interval(page)
        return add_months(self.today, months) if months else None

    def due_on(self, page):
        """The date the page is (or was) due for review, or None."""
        review = review_of(page)
        if review is not None and review.review_on:
            return review.review_on
        months = self.interval(page)
        base = (review.reviewed_at if review else None) or page.first_published_at
        if months is None or base is None:
            return None
        return add_months(timezone.localdate(base), months)

    def date_due(self, page):
        due = self.due_on(page)
        return bool(page.live and due and due <= self.today)

    # Many pages --------------------------------------------------------------------

    def in_trees_q(self, municipality=None):
        """Pages in the municipalities' trees (every language's), or in one's."""
        return paths_q(
            path
            for path, owner in self.homes.items()
            if municipality is None or owner.pk == municipality.pk
        )

    def _limit(self, months):
        """Pages whose review base is before this moment are due."""
        day = latest_due_base(self.today, months) + timedelta(days=1)
        return timezone.make_aware(datetime.combine(day, time.min))

    def date_due_q(self):
        """Live pages whose review date is reached (needs ``annotate``)."""
        explicit = Q(page_review__review_on__isnull=False, page_review__review_on__lte=self.today)
        by_intervals = {}
        for path, municipality in self.homes.items():
            key = (self.months(municipality, SERVICES), self.months(municipality, PAGES))
            by_intervals.setdefault(key, []).append(path)
        implicit = Q(pk__in=[])
        services = Q(content_type_id=self.service_type)
        pages = ~Q(content_type_id__in=[self.service_type, *self.dated_types])
        for (services_months, pages_months), paths in sorted(by_intervals.items()):
            tree = Q(pk__in=[])
            for path in paths:
                tree |= Q(path__startswith=path)
            implicit |= tree & (
                (services & Q(review_base__lt=self._limit(services_months)))
                | (pages & Q(review_base__lt=self._limit(pages_months)))
            )
        return Q(live=True) & (explicit | (Q(page_review__review_on__isnull=True) & implicit))

    @staticmethod
    def annotate(pages):
        """Adds ``review_base`` (last review, else first publication) and
        ``regional_change`` (the catalogue's flag) to a queryset of pages."""
        return pages.annotate(
            review_base=Coalesce("page_review__reviewed_at", "first_published_at"),
            regional_change=ExpressionWrapper(
                regional_change_q(), output_field=models.BooleanField()
            ),
        )

    def needing_review(self, pages, reason=None):
        """``pages`` (any Page queryset) narrowed to those that need review."""
        if reason == Reason.DATE:
            needs = self.date_due_q()
        elif reason == Reason.REGIONAL:
            needs = regional_change_q()
        else:
            needs = self.date_due_q() | regional_change_q()
        return self.annotate(pages).filter(self.in_trees_q()).filter(needs)
