"""Who owns a page, when it is next due for review, and which reminders were sent.

Kept beside the page rather than in it (like the catalogue's ``LocalServiceState``): an
owner or a review date is not page content, so changing it makes no revision, needs no
moderation, and is not undone by publishing an older draft.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class PageReview(models.Model):
    """A page's owner and review dates; a page without one has the default owner (its
    municipality's editors) and is due at first publish + the municipality's interval."""

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, related_name="page_review", verbose_name=_("page")
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner (person)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_page_reviews",
    )
    owner_group = models.ForeignKey(
        Group,
        verbose_name=_("owner (team)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_page_reviews",
    )
    review_on = models.DateField(
        _("next review"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty to follow the municipality's interval from the last review "
            "(or the first publication)."
        ),
    )
    reviewed_at = models.DateTimeField(_("last reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("page review")
        verbose_name_plural = _("page reviews")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(owner_user__isnull=True) | models.Q(owner_group__isnull=True),
                name="reviews_pagereview_one_owner",
            )
        ]

    def __str__(self):
        return str(self.page_id)

    @property
    def owner(self):
        return self.owner_user or self.owner_group


class ReminderSent(models.Model):
    """One reminder about one due page to one person: ``send_review_reminders`` does not
    send it again while the page stays due for the same reason and date."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    due_key = models.CharField(
        _("due for"),
        max_length=100,
        help_text=_("The review date and regional change the reminder was about."),
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("review reminder sent")
        verbose_name_plural = _("review reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "page", "due_key"], name="reviews_remindersent_once"
            )
        ]

    def __str__(self):
        return f"{self.recipient_id} / {self.page_id} / {self.due_key}"
