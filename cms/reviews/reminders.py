"""Review reminders: one e-mail per person, about every due page they own or their team owns.

A page's owner is a person or a team (a group: each of its active members with an e-mail
address gets the reminder); a page nobody was chosen for belongs to its municipality's
editors. A person is e-mailed when at least one of their due pages is new to them: not in
``ReminderSent`` for the same due date and regional change. Marking a page reviewed or
moving its date starts afresh. The e-mail lists all their due pages, in Dutch, with
absolute links built on ``WAGTAILADMIN_BASE_URL``.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext
from wagtail.models import Page

from .items import review_items, sort_key
from .models import ReminderSent
from .owners import Owners, person_name
from .schedule import Schedule

LANGUAGE = "nl"


def due_key(item):
    """What a reminder is about: the review date reached and the regional change."""
    date_part = item.due_on.isoformat() if item.date_due and item.due_on else ""
    regional_part = ""
    if item.regional and item.service is not None:
        changed = item.service.definition_changed_at
        regional_part = (
            "archived" if item.service.archived else (changed.isoformat() if changed else "changed")
        )
    return f"{date_part}|{regional_part}"


@dataclass
class Reminder:
    recipient: object
    items: list = field(default_factory=list)
    new: list = field(default_factory=list)

    @property
    def name(self):
        return person_name(self.recipient)


def admin_url(name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def _members_of(groups):
    """{group pk: [active members with an e-mail address]}, in one query."""
    memberships = (
        get_user_model()
        .groups.through.objects.filter(group__in=groups, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
    )
    found = {}
    for membership in memberships:
        found.setdefault(membership.group_id, []).append(membership.user)
    return found


def collect(schedule=None):
    """Every person with due pages, with those pages and the ones not yet reminded of."""
    schedule = schedule or Schedule()
    owners = Owners(set(schedule.homes.values()))
    pages = schedule.needing_review(Page.objects.all()).select_related(
        "page_review__owner_user", "page_review__owner_group", "locale"
    )
    items = review_items(pages, schedule, owners)
    groups = {item.owner.pk: item.owner for item in items if isinstance(item.owner, Group)}
    members = _members_of(groups.values())
    reminders = {}
    for item in items:
        if isinstance(item.owner, Group):
            recipients = members.get(item.owner.pk, [])
        elif item.owner is not None and item.owner.is_active and item.owner.email:
            recipients = [item.owner]
        else:
            recipients = []
        for user in recipients:
            reminders.setdefault(user.pk, Reminder(user)).items.append(item)
    sent = set(
        ReminderSent.objects.filter(
            recipient_id__in=list(reminders), page_id__in=[item.page.pk for item in items]
        ).values_list("recipient_id", "page_id", "due_key")
    )
    result = []
    for reminder in reminders.values():
        reminder.items.sort(key=lambda item: (item.municipality_name, *sort_key(item)))
        reminder.new = [
            item
            for item in reminder.items
            if (reminder.recipient.pk, item.page.pk, due_key(item)) not in sent
        ]
        if reminder.new:
            result.append(reminder)
    return sorted(result, key=lambda reminder: reminder.recipient.get_username())


def compose(reminder):
    """(subject, body) of a reminder, in Dutch."""
    with translation.override(LANGUAGE):
        count = len(reminder.items)
        subject = ngettext("%(count)d page to review", "%(count)d pages to review", count) % {
            "count": count
        }
        body = render_to_string(
            "reviews/email/reminder.txt",
            {
                "reminder": reminder,
                "lines": [
                    {
                        "item": item,
                        "new": item in reminder.new,
                        "edit_url": admin_url("wagtailadmin_pages:edit", item.page.pk),
                        "review_url": admin_url("reviews:page", item.page.pk),
                    }
                    for item in reminder.items
                ],
                "report_url": admin_url("reviews:report") + "?owner=mine",
            },
        )
    return subject, body


def send(reminder):
    """Sends the reminder and records what it was about."""
    subject, body = compose(reminder)
    send_mail(subject, body, None, [reminder.recipient.email])
    ReminderSent.objects.bulk_create(
        [
            ReminderSent(recipient=reminder.recipient, page=item.page, due_key=due_key(item))
            for item in reminder.items
        ],
        ignore_conflicts=True,
    )
