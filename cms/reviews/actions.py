"""What changes a page's review record: marking it reviewed, choosing its owner and date.

Both are logged in the page's history; neither makes a page revision (an owner or a review
date is not page content).
"""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

from cms.catalogue.models import LocalServicePage, LocalServiceState

from .models import PageReview, ReminderSent

MARK_REVIEWED = "reviews.mark_reviewed"
UPDATE = "reviews.update"


def _date(value):
    day = parse_date(value) if value else None
    return date_format(day, "DATE_FORMAT") if day else ""


class MarkReviewedFormatter(LogFormatter):
    label = _("Mark as reviewed")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        if data.get("regional"):
            message = _("Marked as reviewed against the regional definition")
        else:
            message = _("Marked as reviewed")
        if data.get("next_review"):
            return _("%(message)s; next review on %(date)s") % {
                "message": message,
                "date": _date(data["next_review"]),
            }
        return message


class UpdateFormatter(LogFormatter):
    label = _("Change owner or review date")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Owner: %(owner)s; next review: %(date)s") % {
            "owner": data.get("owner") or _("the municipality's editors"),
            "date": _date(data.get("review_on")) or _("by the interval"),
        }


def mark_reviewed(page, user, schedule):
    """Records that ``user`` reviewed ``page`` today: its next review date becomes today +
    its municipality's interval, and a local service page is also marked reviewed against
    its regional service's current facts (which clears the catalogue's flag)."""
    next_review = schedule.next_date(page)
    regional = page.content_type_id == schedule.service_type
    with transaction.atomic():
        review = PageReview.objects.select_for_update().filter(page=page).first()
        review = review or PageReview(page=page)
        review.reviewed_at = timezone.now()
        review.reviewed_by = user
        review.review_on = next_review
        review.save()
        if regional:
            local = LocalServicePage.objects.select_related("service").get(pk=page.pk)
            state = LocalServiceState.objects.filter(page_id=page.pk).first()
            state = state or LocalServiceState(page_id=page.pk)
            state.mark_reviewed(local.service, user)
        # Reminders were about the old due date: the next one is a new reminder.
        ReminderSent.objects.filter(page=page).delete()
        log(
            instance=page,
            action=MARK_REVIEWED,
            user=user,
            data={
                "next_review": next_review.isoformat() if next_review else None,
                "regional": regional,
            },
        )
    return review


def set_owner_and_date(page, user, owner, review_on, owner_name):
    """Stores the page's owner (a User, a Group, or None for the default) and its next
    review date (None: follow the interval)."""
    with transaction.atomic():
        review = PageReview.objects.select_for_update().filter(page=page).first()
        review = review or PageReview(page=page)
        review.owner_group = owner if isinstance(owner, Group) else None
        review.owner_user = owner if owner is not None and review.owner_group is None else None
        changed_date = review.review_on != review_on
        review.review_on = review_on
        review.save()
        if changed_date:
            ReminderSent.objects.filter(page=page).delete()
        log(
            instance=page,
            action=UPDATE,
            user=user,
            data={
                "owner": owner_name if owner is not None else "",
                "review_on": review_on.isoformat() if review_on else None,
            },
        )
    return review
