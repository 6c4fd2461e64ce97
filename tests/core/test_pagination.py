import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms.core.pagination import listing_page
from cms.news.models import NewsArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    index = Page.objects.get(url_path="/wervik/nieuws/")
    for day in range(25):
        index.add_child(
            instance=NewsArticlePage(
                title=f"Bericht {day:02}", slug=f"bericht-{day:02}", date=dt.date(2026, 1, day + 1)
            )
        )
    return NewsArticlePage.objects.child_of(index).order_by("-date")


def test_pages_through_a_listing_in_one_query_each(articles):
    with CaptureQueriesContext(connection) as queries:
        first = listing_page(articles, "1", 12)
    assert len(queries) == 1
    assert [a.title for a in first][:2] == ["Bericht 24", "Bericht 23"]
    assert (first.has_previous, first.has_next) == (False, True)
    last = listing_page(articles, 3, 12)
    assert len(last) == 1
    assert (last.has_previous, last.has_next, last.previous_page_number) == (True, False, 2)


@pytest.mark.parametrize("number", ["abc", "-4", None, "0"])
def test_a_bad_page_number_gives_the_first_page(articles, number):
    assert listing_page(articles, number, 12).number == 1


def test_news_index_links_to_the_next_page(client, articles):
    body = client.get("/nieuws/", HTTP_HOST="wervik.localhost:8000").content.decode()
    assert 'href="?page=2"' in body
    body = client.get("/nieuws/?page=3", HTTP_HOST="wervik.localhost:8000").content.decode()
    assert 'href="?page=2"' in body
    assert "Bericht 00" in body
