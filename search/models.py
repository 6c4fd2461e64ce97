"""Best bets: results an editor promotes above the search results for chosen words.

A best bet belongs to one municipality (shown on its site only) or to the region
(``municipality`` empty: shown on every site). It points at a page or at an external
address, and may override the title and description shown.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from cms.core.text import fold
from cms.municipalities.models import Municipality

from .permissions import best_bet_scopes, municipality_trees

_SEPARATORS = re.compile(r"[,;\n]+")
_NON_WORD = re.compile(r"[^\w]+")


def normalise(text):
    """Lower case, accents folded, words separated by single spaces: how a query and a
    best bet's keywords are compared."""
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


class BestBetQuerySet(models.QuerySet):
    def for_site(self, municipality):
        """The active best bets shown on ``municipality``'s site (None: the regional site)."""
        scope = models.Q(municipality__isnull=True)
        if municipality is not None:
            scope |= models.Q(municipality=municipality)
        return self.filter(scope, active=True)

    def matching(self, query, municipality, limit=3):
        """The active best bets of the site whose keywords occur in ``query`` as whole words,
        the municipality's own before the region's, then by their order."""
        padded = f" {normalise(query)} "
        if not padded.strip():
            return []
        bets = (
            self.for_site(municipality)
            .select_related("page")
            .order_by(models.F("municipality").asc(nulls_last=True), "sort_order", "pk")
        )
        found = []
        for bet in bets:
            if any(f" {keyword} " in padded for keyword in bet.keyword_list):
                found.append(bet)
                if len(found) == limit:
                    break
        return found


class BestBetForm(WagtailAdminModelForm):
    """A municipal editor chooses only their own municipality and points only at its pages;
    the regional scope (no municipality) is for superusers and regional editors."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.scopes = best_bet_scopes(for_user) if for_user is not None else None
        field = self.fields.get("municipality")
        if field is not None and self.scopes is not None and self.scopes.ids is not None:
            field.queryset = Municipality.objects.filter(pk__in=self.scopes.ids)
            field.required = not self.scopes.regional
            if not field.required:
                field.empty_label = _("The whole region")
            elif len(self.scopes.ids) == 1 and not self.instance.pk:
                field.initial = next(iter(self.scopes.ids))

    def clean(self):
        cleaned = super().clean()
        municipality = cleaned.get("municipality")
        page = cleaned.get("page")
        if self.scopes is not None and not self.scopes.allows(
            municipality.pk if municipality else None
        ):
            self.add_error(
                "municipality", _("You can only manage best bets of your own municipality.")
            )
        if (
            page is not None
            and municipality is not None
            and not any(page.path.startswith(root) for root in municipality_trees(municipality))
        ):
            self.add_error(
                "page", _("Choose a page of %(name)s's own website.") % {"name": municipality}
            )
        return cleaned


class BestBet(models.Model):
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="best_bets",
        help_text=_("Empty: shown on the websites of every municipality in the region."),
    )
    keywords = models.TextField(
        _("search terms"),
        help_text=_(
            "Words or phrases, separated by commas or new lines. The best bet is shown when "
            "the search contains one of them (case and accents do not matter)."
        ),
    )
    page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    external_url = models.URLField(_("external address"), blank=True)
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("Empty: the page's title.")
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Empty: the page's summary.")
    )
    active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are shown first.")
    )

    objects = BestBetQuerySet.as_manager()

    base_form_class = BestBetForm
    panels = [
        FieldPanel("municipality"),
        FieldPanel("keywords"),
        MultiFieldPanel(
            [FieldPanel("page"), FieldPanel("external_url")],
            heading=_("Where it leads (a page or an external address)"),
        ),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("active"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("best bet")
        verbose_name_plural = _("best bets")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.display_title or self.keywords[:60]

    def clean(self):
        if bool(self.page_id) == bool(self.external_url):
            raise ValidationError(_("Choose a page or give an external address, not both."))
        if self.external_url and not self.title:
            raise ValidationError(
                {"title": _("A best bet with an external address needs a title.")}
            )

    @property
    def keyword_list(self):
        return [k for k in (normalise(part) for part in _SEPARATORS.split(self.keywords)) if k]

    @property
    def display_title(self):
        if self.title:
            return self.title
        return self.page.title if self.page_id and self.page else ""

    @property
    def display_description(self):
        if self.description:
            return self.description
        if self.page_id and self.page:
            return getattr(self.page.specific_deferred, "summary", "") or ""
        return ""

    def get_url(self, request=None):
        if self.external_url:
            return self.external_url
        return self.page.get_url(request) if self.page_id and self.page else ""
