"""Pages of the synced demo region, aged so that they are (or are not) due for review."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page

from cms.municipalities.models import Municipality
from cms.news.models import NewsArticlePage, NewsIndexPage
from cms.pages.models import ContentPage
from cms.reviews.models import PageReview


def home(slug):
    return Municipality.objects.select_related("site__root_page").get(slug=slug).site.root_page


def content_page(slug, title=None):
    """A live content page under the municipality's (Dutch) home page; a new one with
    ``title``, else the first one the sync made."""
    root = home(slug)
    if title is None:
        return ContentPage.objects.child_of(root).live().first()
    page = root.add_child(instance=ContentPage(title=title, slug=title.lower().replace(" ", "-")))
    page.save_revision().publish()
    return ContentPage.objects.get(pk=page.pk)


def news_article(slug, title):
    index = NewsIndexPage.objects.child_of(home(slug)).first()
    page = index.add_child(
        instance=NewsArticlePage(title=title, slug=title.lower().replace(" ", "-"))
    )
    page.save_revision().publish()
    return NewsArticlePage.objects.get(pk=page.pk)


def published_months_ago(page, months, days=0):
    """Sets the page's first publication ``months`` (of 31 days) and ``days`` ago."""
    moment = timezone.now() - timedelta(days=31 * months + days)
    Page.objects.filter(pk=page.pk).update(first_published_at=moment)
    return moment


def review_of(page):
    return PageReview.objects.filter(page_id=page.pk).first()
