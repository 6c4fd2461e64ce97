"""The dashboard panel "Te herbekijken": per municipality, the user's pages to review.

One query reads at most ``PER_MUNICIPALITY`` pages per language tree, ranked in the
database (regional changes first, then the longest unreviewed), with how many need review
in that tree; however many pages are due, the panel reads the same few rows.
"""

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber, Substr
from django.template.loader import get_template
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from ..items import grouped, review_items
from ..schedule import Schedule
from .common import reviewable_pages

# Pages listed per municipality on the dashboard; the report lists them all.
PER_MUNICIPALITY = 10


def ranked(pages, per_tree):
    """At most ``per_tree`` of ``pages`` (annotated by the schedule) per language tree,
    each with ``review_total``: how many ``pages`` that tree holds."""
    tree = Substr("path", 1, Page.steplen * 2)
    return pages.annotate(
        review_rank=Window(
            RowNumber(),
            partition_by=[tree],
            order_by=[
                F("regional_change").desc(),
                F("review_base").asc(nulls_last=True),
                F("path").asc(),
            ],
        ),
        review_total=Window(Count("pk"), partition_by=[tree]),
    ).filter(review_rank__lte=per_tree)


class PagesToReviewPanel(Component):
    name = "pages_to_review"
    template_name = "reviews/admin/panel.html"
    order = 150

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        schedule = Schedule()
        pages = list(
            ranked(schedule.needing_review(reviewable_pages(request.user)), PER_MUNICIPALITY)
        )
        totals = {}
        counted = set()
        for page in pages:
            municipality = schedule.municipality_of(page)
            tree = page.path[: Page.steplen * 2]
            if municipality is not None and tree not in counted:
                counted.add(tree)
                totals[municipality.pk] = totals.get(municipality.pk, 0) + page.review_total
        items = review_items(pages, schedule)
        return {
            "groups": grouped(items, totals, limit=PER_MUNICIPALITY),
            "report_url": reverse("reviews:report"),
            "next": request.get_full_path(),
        }

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not context["groups"]:
            return ""
        return get_template(self.template_name).render(context, parent_context["request"])
