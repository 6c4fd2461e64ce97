"""Whether a local page still matches the regional definition it was last checked against.

Kept beside the page rather than in it: marking a page reviewed is not an edit of its
content, so it makes no revision and survives the next publish.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .regional import FACT_FIELDS, RegionalService


def needs_review_q(prefix=""):
    """Local service pages whose regional definition changed since their last review, whose
    regional service was archived, or that a municipality merger flagged."""
    return (
        Q(**{f"{prefix}service__archived": True})
        | Q(
            **{
                f"{prefix}service__definition_changed_at__gt": F(
                    f"{prefix}review_state__reviewed_at"
                )
            }
        )
        | Q(**{f"{prefix}review_state__merge_conflict__gt": ""})
    )


class LocalServiceState(models.Model):
    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, related_name="review_state", verbose_name=_("page")
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_facts = models.JSONField(_("regional facts when reviewed"), default=dict, blank=True)
    withdrawn_by_sync = models.BooleanField(
        _("unpublished by sync_sites"),
        default=False,
        help_text=_(
            "The municipality stopped taking part in sites/; taking part again republishes it."
        ),
    )
    merge_conflict = models.TextField(
        _("merger conflict"),
        blank=True,
        help_text=_(
            "Set by a municipality merger (sync_sites) when more than one merged "
            "municipality had local facts for this service; cleared by the next review."
        ),
    )

    class Meta:
        verbose_name = _("local service review")
        verbose_name_plural = _("local service reviews")

    def __str__(self):
        return str(self.page_id)

    def mark_reviewed(self, service, user=None):
        self.reviewed_at = timezone.now()
        self.reviewed_by = user
        self.reviewed_facts = service.facts()
        self.merge_conflict = ""
        self.save()

    def changed_facts(self, service: RegionalService):
        """Labels of the regional facts that differ from what the page was reviewed against."""
        current = service.facts()
        return [
            RegionalService._meta.get_field(name).verbose_name
            for name in FACT_FIELDS
            if current.get(name) != self.reviewed_facts.get(name)
        ]
