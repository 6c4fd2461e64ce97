from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.search import index

from cms.core.models import BasePage, BodyPageMixin
from cms.core.pagination import listing_page

PAGE_SIZE = 12


class NewsIndexPage(BasePage):
    """/nieuws/: the municipality's news, newest first."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = NewsArticlePage.objects.live().child_of(self).order_by("-date", "-pk")
        context["articles"] = listing_page(articles, request.GET.get("page"), PAGE_SIZE)
        return context


class NewsArticlePage(BodyPageMixin, BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    content_panels = [*BasePage.content_panels, FieldPanel("date"), *BodyPageMixin.content_panels]
    search_fields = [
        *BasePage.search_fields,
        *BodyPageMixin.search_fields,
        index.FilterField("date"),
    ]
    api_fields = [*BasePage.api_fields, APIField("date"), *BodyPageMixin.api_fields]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
