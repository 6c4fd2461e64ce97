from functools import cached_property

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from cms.core.opening_hours import WeeklyHours

from .config import Participation

# Fields that sites/<slug>.toml owns: sync_sites writes them, editors only see them.
CONFIG_FIELDS = (
    "slug",
    "name",
    "short_name",
    "languages",
    "theme",
    "services",
    "hostnames",
    "address",
    "postcode",
    "city",
    "phone",
    "email",
    "website",
    "desk_name",
    "desk_address",
    "desk_phone",
    "desk_appointment_url",
    "desk_hours",
    "social_links",
    "collection",
    "register",
    "review_months",
    "top_tasks",
)


class Register(models.TextChoices):
    """How a municipality's site addresses citizens (``register`` in its sites/ file)."""

    FORMAL = "formal", _("formal (u)")
    INFORMAL = "informal", _("informal (je)")


@register_setting(icon="site")
class Municipality(BaseSiteSetting):
    """One municipality per Wagtail Site: the per-site facts every template reads.

    The facts come from ``sites/<slug>.toml`` through ``sync_sites``; the editorial fields
    at the end belong to the municipality's editors and are never touched by the sync.
    """

    slug = models.SlugField(_("slug"), max_length=63, unique=True)
    name = models.CharField(_("official name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=255)
    languages = models.JSONField(_("languages"), default=list)
    theme = models.CharField(_("theme"), max_length=63, default="regio")
    services = models.JSONField(
        _("shared services taken part in"),
        default=dict,
        help_text=_('{"mode": "all" | "only" | "except", "services": [...]}'),
    )
    hostnames = models.JSONField(_("host names"), default=list)
    address = models.CharField(_("address"), max_length=255)
    postcode = models.CharField(_("postcode"), max_length=8)
    city = models.CharField(_("city"), max_length=255)
    phone = models.CharField(_("phone"), max_length=32)
    email = models.EmailField(_("e-mail"))
    website = models.URLField(_("website"), blank=True)
    desk_name = models.CharField(_("desk"), max_length=255)
    desk_address = models.CharField(_("desk address"), max_length=255)
    desk_phone = models.CharField(_("desk phone"), max_length=32)
    desk_appointment_url = models.URLField(_("appointment link"), blank=True)
    desk_hours = models.JSONField(_("desk opening hours"), default=dict)
    social_links = models.JSONField(_("social links"), default=dict)
    register = models.CharField(
        _("tone of voice"),
        max_length=8,
        choices=Register.choices,
        default=Register.FORMAL,
        help_text=_('Whether the site addresses citizens as "u" or as "je".'),
    )
    review_months = models.JSONField(
        _("review intervals"),
        default=dict,
        help_text=_(
            'Months until a page is due for review, per kind: {"services": 6, "pages": 12}.'
        ),
    )
    top_tasks = models.JSONField(
        _("top tasks"),
        default=list,
        blank=True,
        help_text=_(
            "What the home page leads with when its editors chose no top tasks: regional "
            "service identifiers and paths on the site, from top_tasks in the sites file."
        ),
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="municipality",
        help_text=_("The collection that holds this municipality's images and documents."),
    )

    tagline = models.CharField(
        _("tagline"),
        max_length=255,
        blank=True,
        help_text=_("A short line under the municipality's name on the home page."),
    )
    notice = models.TextField(
        _("notice"),
        blank=True,
        help_text=_("An urgent message shown at the top of every page, e.g. a closed desk."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("tagline"),
                FieldPanel("notice"),
            ],
            heading=_("Editorial"),
        ),
        HelpPanel(
            content=_(
                "Name, contact details and opening hours come from the municipality's file in "
                "sites/ and are changed there."
            )
        ),
        MultiFieldPanel(
            [FieldPanel(name, read_only=True) for name in ("name", "address", "phone", "email")],
            heading=_("From the site configuration"),
        ),
    ]

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["short_name"]

    def __str__(self):
        return self.short_name or self.name

    @classmethod
    def for_request(cls, request):
        """The municipality whose site serves ``request``, or None (the regional site, the
        admin); looked up once per request."""
        if not hasattr(request, "_municipality"):
            site = Site.find_for_request(request)
            request._municipality = (
                cls.objects.filter(site=site).select_related("site").first() if site else None
            )
        return request._municipality

    @cached_property
    def opening_hours(self):
        return WeeklyHours.from_json(self.desk_hours)

    @property
    def social(self):
        return sorted(self.social_links.items())

    @property
    def participation(self):
        """Which regional services this municipality takes part in (``services`` in its
        sites/ file)."""
        data = self.services or {}
        return Participation(data.get("mode", "all"), tuple(data.get("services", ())))

    @property
    def root_url(self):
        return self.site.root_url


class Place(models.Model):
    """A postcode and a town or village in it, so a citizen can find their municipality.

    Written by ``sync_sites`` from ``places`` in ``sites/<slug>.toml`` (``municipality`` set)
    and ``neighbours`` in ``sites/_region.toml`` (no municipality: a place just outside the
    region, with the municipality it belongs to and its website). Editors never change it.
    """

    name = models.CharField(_("name"), max_length=255)
    folded = models.CharField(
        _("name as matched"), max_length=255, help_text=_("The name folded for matching.")
    )
    postcode = models.CharField(_("postcode"), max_length=4)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="places",
    )
    outside_name = models.CharField(
        _("municipality outside the region"), max_length=255, blank=True
    )
    outside_website = models.URLField(_("website of that municipality"), blank=True)

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["postcode", "name"]
        indexes = [
            models.Index(fields=["folded"], name="place_folded_idx"),
            models.Index(fields=["postcode"], name="place_postcode_idx"),
        ]

    def __str__(self):
        return f"{self.postcode} {self.name}"

    @property
    def inside(self):
        return self.municipality_id is not None
