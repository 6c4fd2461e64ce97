"""Alerts: short, time-bound messages at the top of the pages they concern.

An alert belongs to the whole region (no municipality), to one municipality, or to one
page of that municipality (a local service page is a page; the alert shows on the page
and on its translations). It is shown from ``starts_at`` until ``ends_at`` (open-ended
when empty), and only once published: a municipality's alerts go through that
municipality's moderation workflow, the regional ones are published by the regional
editors directly.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import (
    BaseLogEntry,
    DraftStateMixin,
    LockableMixin,
    Page,
    RevisionMixin,
    Workflow,
    WorkflowMixin,
)
from wagtail.models.audit_log import ModelLogEntryManager

from cms.municipalities.models import Municipality

from .forms import AlertForm
from .permissions import alert_scopes

__all__ = [
    "Alert",
    "AlertLogEntry",
    "AlertQuerySet",
    "ScopeKind",
    "Severity",
    "municipality_workflow",
]

# A page's home page (depth 2) is the first two steps of its treebeard path.
_HOME_PATH_LENGTH = 2 * Page.steplen


class Severity(models.TextChoices):
    INFO = "info", _("information")
    WARNING = "warning", _("warning")
    URGENT = "urgent", _("urgent")


# Most severe first.
SEVERITY_ORDER = (Severity.URGENT, Severity.WARNING, Severity.INFO)


class ScopeKind(models.TextChoices):
    REGION = "region", _("the whole region")
    MUNICIPALITY = "municipality", _("the whole municipality")
    PAGE = "page", _("one page")


def municipality_workflow(municipality):
    """The active workflow that moderates ``municipality``'s home page (the one sync_sites
    makes, "<short name>: moderatie"), or None."""
    if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        return None
    return Workflow.objects.filter(
        active=True, workflow_pages__page_id=municipality.site.root_page_id
    ).first()


def belongs_to(page, municipality):
    """Whether ``page`` lies in one of ``municipality``'s trees (one per language)."""
    root_id = municipality.site.root_page_id
    return Page.objects.filter(
        path=page.path[:_HOME_PATH_LENGTH],
        translation_key=Page.objects.filter(pk=root_id).values("translation_key")[:1],
    ).exists()


def sorted_alerts(alerts):
    """Most severe first, then the newest (latest start) first."""
    rank = {severity: position for position, severity in enumerate(SEVERITY_ORDER)}
    newest_first = sorted(alerts, key=lambda alert: (alert.starts_at, alert.pk), reverse=True)
    return sorted(newest_first, key=lambda alert: rank.get(alert.severity, len(rank)))


class AlertQuerySet(models.QuerySet):
    def not_ended(self, now):
        """Published alerts that have not ended at ``now`` (including those yet to start)."""
        return self.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now), live=True)

    def in_force(self, now):
        return self.not_ended(now).filter(starts_at__lte=now)

    def for_site(self, municipality):
        """What a site shows anywhere: the regional alerts and, on a municipality's site,
        its own (whatever their scope)."""
        scope = Q(municipality__isnull=True)
        if municipality is not None:
            scope |= Q(municipality=municipality)
        return self.filter(scope)

    def ids_as_text(self):
        """The ids, as the text a generic relation (log entries, workflow states) holds."""
        return self.annotate(id_text=Cast("pk", CharField())).values("id_text")

    def urgent_everywhere(self):
        """The regional landing page: every regional alert and every urgent one."""
        return self.filter(Q(municipality__isnull=True) | Q(severity=Severity.URGENT))


class Alert(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alerts",
        help_text=_("Empty: shown on the websites of every municipality in the region."),
    )
    page = models.ForeignKey(
        Page,
        verbose_name=_("only on this page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "Empty: shown on every page of the municipality's website. A page (a local "
            "service, say): shown on that page and its translations only."
        ),
    )
    severity = models.CharField(
        _("severity"), max_length=8, choices=Severity.choices, default=Severity.INFO
    )
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(
        _("text"),
        max_length=400,
        help_text=_("One or two sentences: what is going on and what citizens should do."),
    )
    link_page = models.ForeignKey(
        Page,
        verbose_name=_("link to a page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link_url = models.URLField(_("link to another website"), blank=True)
    link_text = models.CharField(
        _("link text"),
        max_length=80,
        blank=True,
        help_text=_('Empty: "More information".'),
    )
    starts_at = models.DateTimeField(
        _("shown from"), default=timezone.now, help_text=_("The alert appears at this moment.")
    )
    ends_at = models.DateTimeField(
        _("shown until"),
        null=True,
        blank=True,
        help_text=_("The alert disappears at this moment. Empty: until it is unpublished."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = AlertQuerySet.as_manager()

    base_form_class = AlertForm
    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("severity"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("municipality"), FieldPanel("page")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("link_text")],
            heading=_("Link (optional)"),
        ),
    ]

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["-starts_at", "-pk"]
        indexes = [models.Index(fields=["live", "ends_at"], name="alerts_live_ends_at")]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must come after the start.")
        if self.page_id and self.municipality_id is None:
            errors["page"] = _("An alert for one page belongs to that page's municipality.")
        elif self.page_id and not belongs_to(self.page, self.municipality):
            errors["page"] = _("Choose a page of %(name)s's own website.") % {
                "name": self.municipality
            }
        if self.link_page_id and self.link_url:
            errors["link_url"] = _("Link to a page or to another website, not both.")
        elif (
            self.link_page_id
            and self.municipality_id
            and not belongs_to(self.link_page, self.municipality)
        ):
            errors["link_page"] = _("Choose a page of %(name)s's own website.") % {
                "name": self.municipality
            }
        if errors:
            raise ValidationError(errors)

    def get_workflow(self):
        """A municipality's alerts follow its moderation workflow; regional alerts have
        none (the regional editors publish them). Wagtail assigns snippet workflows per
        model; here the alert's municipality decides."""
        if self.municipality_id is None:
            return None
        return municipality_workflow(self.municipality)

    def in_scope(self, municipality, page):
        """Whether the alert shows on ``page`` of ``municipality``'s site (None: the
        regional site): the regional alerts, the municipality's site-wide ones, and those
        of this page or one of its translations."""
        if self.municipality_id is None:
            return True
        if municipality is None or self.municipality_id != municipality.pk:
            return False
        if self.page_id is None:
            return True
        key = getattr(page, "translation_key", None)
        return key is not None and self.page.translation_key == key

    def urgent_or_regional(self):
        return self.municipality_id is None or self.severity == Severity.URGENT

    @property
    def scope_kind(self):
        if self.municipality_id is None:
            return ScopeKind.REGION
        return ScopeKind.PAGE if self.page_id else ScopeKind.MUNICIPALITY

    def shown_at(self, now):
        return self.starts_at <= now and (self.ends_at is None or now < self.ends_at)

    def link(self, request=None):
        """The link's address, or "" (a link to a page that is no longer live: none)."""
        if self.link_url:
            return self.link_url
        if self.link_page_id and self.link_page and self.link_page.live:
            return self.link_page.get_url(request) or ""
        return ""


class AlertLogEntryManager(ModelLogEntryManager):
    def viewable_by_user(self, user):
        """Site history lists an alert's actions only to those who manage that alert."""
        if user.is_superuser:
            return self.all()
        if not any(user.has_perm(f"alerts.{a}_alert") for a in ("add", "change", "delete")):
            return self.none()
        in_scope = Alert.objects.filter(alert_scopes(user).filter())
        return self.filter(object_id__in=in_scope.ids_as_text())


class AlertLogEntry(BaseLogEntry):
    """The history of alerts, apart from other models' so that it can be narrowed to the
    alerts a user manages (Wagtail's shared model log shows every entry of a model to
    anyone holding a permission on that model)."""

    object_id = models.CharField(max_length=255, db_index=True)

    objects = AlertLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("alert log entry")
        verbose_name_plural = _("alert log entries")
