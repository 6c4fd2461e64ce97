"""One answer to "Was this page useful?": which page, whose, yes or no, an optional comment.

Nothing personal is stored: no IP address, no user agent, no cookie, no user, and the day
only (not the time), so a row cannot be matched to a visit in a server log. The per-address
rate limit lives in the cache, hashed, and expires (``cms.core.throttle``).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.municipalities.models import Municipality

COMMENT_MAX_LENGTH = 500

# The page types that ask for feedback (app label and model name, as in a content type):
# pages that answer a citizen's question. Not the home page, indexes, forms or search.
# ``FEEDBACK_PAGE_TYPES`` in the settings replaces this list.
DEFAULT_PAGE_TYPES = (
    "pages.contentpage",
    "catalogue.localservicepage",
    "news.newsarticlepage",
    "events.eventpage",
    "locations.locationpage",
    "journeys.journeypage",
)


def page_types():
    return tuple(getattr(settings, "FEEDBACK_PAGE_TYPES", DEFAULT_PAGE_TYPES))


def accepts_feedback(page):
    """Whether ``page`` (any page, specific or not) is of a type that asks for feedback."""
    content_type = page.cached_content_type
    return f"{content_type.app_label}.{content_type.model}" in page_types()


class Feedback(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    useful = models.BooleanField(_("useful"))
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX_LENGTH)
    created = models.DateField(_("date"), default=timezone.localdate, db_index=True)

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        ordering = ["-created", "-pk"]
        indexes = [
            models.Index(fields=["municipality", "created"], name="feedback_municipality_day"),
            models.Index(fields=["page", "created"], name="feedback_page_day"),
        ]

    def __str__(self):
        answer = _("useful") if self.useful else _("not useful")
        return f"{self.page_id}: {answer} ({self.created:%Y-%m-%d})"
