"""A secret, time-limited, revocable link to the latest draft of a page (or a page and its
subpages), for someone without an account.

Only a SHA-256 hash of the token is stored: the link is shown once, when it is made, and a
leaked database gives nobody a working link. The token has 256 random bits, so a lookup by
its hash leaks nothing through timing that would help guess another one.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.municipalities.trees import editable_pages

DEFAULT_DAYS = 7
MAX_DAYS = 30
TOKEN_BYTES = 32
# secrets.token_urlsafe(32): 43 characters of the URL-safe base64 alphabet.
TOKEN_PATTERN = r"[A-Za-z0-9_-]{43}"  # noqa: S105 - a shape, not a secret
RECIPIENT_MAX_LENGTH = 100


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def can_share(user, page):
    """Whether ``user`` may make, list and revoke links to ``page``: its own municipality's
    editors and moderators, and superusers. Not the tree root, not another site's page."""
    return user.is_authenticated and page.depth > 1 and page.permissions_for_user(user).can_edit()


class ShareLinkStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


class ShareLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())

    def for_user(self, user):
        """Links to the pages ``user`` may edit."""
        if user.is_superuser:
            return self
        return self.filter(page__in=editable_pages(user).values("pk"))


class ShareLink(models.Model):
    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="share_links", verbose_name=_("page")
    )
    include_descendants = models.BooleanField(
        _("include subpages"),
        default=False,
        help_text=_("The link also shows the latest draft of every page below this one."),
    )
    recipient = models.CharField(
        _("shared with"),
        max_length=RECIPIENT_MAX_LENGTH,
        blank=True,
        help_text=_("Whom the link is for, e.g. “alderman for culture”. Only editors see this."),
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_viewed_at = models.DateTimeField(_("last opened at"), null=True, blank=True)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["page", "expires_at"])]

    def __str__(self):
        return str(self.page.get_admin_display_title()) if self.page_id else ""

    @classmethod
    def create_for(cls, page, user, days=DEFAULT_DAYS, include_descendants=False, recipient=""):
        """A new link to ``page`` valid for ``days`` days, and its token (shown only now)."""
        if not 1 <= days <= MAX_DAYS:
            raise ValueError(f"days must be between 1 and {MAX_DAYS}")
        token = secrets.token_urlsafe(TOKEN_BYTES)
        link = cls.objects.create(
            page=page,
            include_descendants=include_descendants,
            recipient=recipient,
            token_hash=hash_token(token),
            created_by=user,
            expires_at=timezone.now() + timedelta(days=days),
        )
        return link, token

    @classmethod
    def for_token(cls, token):
        """The link of ``token`` whatever its state, or None."""
        return cls.objects.select_related("page").filter(token_hash=hash_token(token)).first()

    @property
    def status(self):
        if self.revoked_at is not None:
            return ShareLinkStatus.REVOKED
        if self.expires_at <= timezone.now():
            return ShareLinkStatus.EXPIRED
        return ShareLinkStatus.ACTIVE

    @property
    def status_label(self):
        return ShareLinkStatus(self.status).label

    @property
    def is_active(self):
        return self.status == ShareLinkStatus.ACTIVE

    def revoke(self, user):
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.revoked_by = user
            self.save(update_fields=["revoked_at", "revoked_by"])

    def pages_q(self):
        """The pages the link shows: its page, and with subpages every page below it."""
        if self.include_descendants:
            return Q(path__startswith=self.page.path)
        return Q(pk=self.page_id)

    def shared_pages(self):
        return Page.objects.filter(self.pages_q()).order_by("path")

    def touch(self):
        """Record that the link was opened (no save(): a single UPDATE)."""
        now = timezone.now()
        type(self).objects.filter(pk=self.pk).update(last_viewed_at=now)
        self.last_viewed_at = now
