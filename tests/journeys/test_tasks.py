"""Top tasks (cms/journeys/tasks.py): the fallback chain, languages, junk skipped, the
home page's order and query count, the API and the admin field."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms.municipalities.models import Municipality
from cms.news.models import NewsArticlePage, NewsIndexPage
from cms.pages.models import HomePage
from tests.catalogue.factories import RegionalServiceFactory, local_page

pytestmark = pytest.mark.django_db

API = "/api/v2/top-tasks/"


def home(slug, language="nl"):
    root = Municipality.objects.get(slug=slug).site.root_page
    return HomePage.objects.get(
        depth=2, translation_key=root.translation_key, locale__language_code=language
    )


def set_tasks(page, blocks):
    page.top_tasks = blocks
    page.save_revision().publish()


def labels(client, path="/"):
    html = client.get(path).content.decode()
    start = html.index('class="top-tasks"')
    section = html[start : html.index("</nav>", start)]
    return section


@pytest.fixture
def popular():
    services = [RegionalServiceFactory(identifier=f"pop-{n}", popular=True) for n in range(3)]
    return [local_page("kortrijk", service) for service in services]


def test_popular_services_then_useful_pages(host_client, popular):
    section = labels(host_client("kortrijk"))
    for page in popular:
        assert page.title in section
    assert "/contact/" in section  # topped up to six
    assert section.count("<li>") >= 6


def test_municipality_defaults_come_before_popular(host_client, popular):
    other = local_page("kortrijk", RegionalServiceFactory(identifier="eigen-taak"))
    Municipality.objects.filter(slug="kortrijk").update(
        top_tasks=["eigen-taak", "bestaat-niet", "/nergens/", "/contact/"]
    )
    section = labels(host_client("kortrijk"))
    assert section.index(other.url_path.split("/", 2)[2]) < section.index("/contact/")
    assert popular[0].title not in section  # the configured ones win
    assert "bestaat-niet" not in section and "/nergens/" not in section


def test_editor_tasks_win_and_keep_their_order(host_client, popular):
    kortrijk = home("kortrijk")
    contact = Page.objects.get(url_path=kortrijk.url_path + "contact/")
    set_tasks(
        kortrijk,
        [
            {"type": "link", "value": {"url": "https://example.org/", "label": "Elders"}},
            {"type": "page", "value": {"page": contact.pk, "label": ""}},
            {"type": "page", "value": {"page": 999999, "label": "Weg"}},
            {"type": "page", "value": {"page": "junk", "label": "Junk"}},
        ],
    )
    section = labels(host_client("kortrijk"))
    assert section.index("Elders") < section.index(contact.title)
    assert "Weg" not in section and "Junk" not in section
    assert popular[0].title not in section


def test_translated_home_links_translations_or_dutch_with_lang(host_client, popular):
    section = labels(host_client("kortrijk"), "/fr/")
    assert f'lang="nl" hreflang="nl">{popular[0].title}' in section
    assert 'href="/fr/contact/"' in section


def test_home_order_tasks_hours_then_news(host_client, popular):
    index = NewsIndexPage.objects.child_of(home("kortrijk")).first()
    article = NewsArticlePage(title="Nieuwtje", date=dt.date.today())
    index.add_child(instance=article)
    article.save_revision().publish()
    html = host_client("kortrijk").get("/").content.decode()
    h1, tasks = html.index("<h1"), html.index('class="top-tasks"')
    hours, news = html.index('class="home-hours"'), html.index('id="home-news"')
    assert h1 < tasks < hours < news


@pytest.mark.parametrize("count", [0, 10])
def test_home_query_count(host_client, settings, popular, count):
    settings.PAGE_CACHE_SECONDS = 0
    kortrijk = home("kortrijk")
    contact = Page.objects.get(url_path=kortrijk.url_path + "contact/")
    set_tasks(kortrijk, [{"type": "page", "value": {"page": contact.pk}}] * count)
    client = host_client("kortrijk")
    client.get("/")
    cache.delete_many([])  # the tasks stay cached: a warm render
    with CaptureQueriesContext(connection) as warm:
        assert client.get("/").status_code == 200
    assert len(warm) <= 10
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        client.get("/")
    with CaptureQueriesContext(connection) as warm_again:
        client.get("/")
    # the tasks themselves cost at most two queries when they are not cached
    assert len(cold) - len(warm_again) >= 0


def test_tasks_cost_at_most_two_queries(rf, popular):
    from cms.journeys.tasks import _resolve

    for language in ("nl", "fr"):
        page = home("kortrijk", language)
        request = rf.get("/", HTTP_HOST="kortrijk.localhost:8000")
        Municipality.for_request(request)
        with CaptureQueriesContext(connection) as queries:
            tasks = _resolve(page, request)
        assert tasks and len(queries) <= 2, [q["sql"] for q in queries]


def test_api_site_and_locales(host_client, popular):
    client = host_client("kortrijk")
    data = client.get(API).json()
    assert data["meta"]["locale"] == "nl" and data["items"]
    assert data["items"][0]["url"].startswith("http://kortrijk.localhost")
    french = client.get(API, {"locale": "fr"}).json()
    assert french["meta"]["locale"] == "fr"
    assert {"label", "url", "lang", "hreflang"} <= set(french["items"][0])


def test_api_falls_back_to_dutch_home(host_client, popular):
    data = host_client("anzegem").get(API, {"locale": "fr"}).json()
    assert data["meta"]["locale"] == "nl"


@pytest.mark.parametrize(
    "query",
    [
        "?locale=xx",
        "?locale=" + "x" * 10000,
        "?locale=%00",
        "?locale=%ff%fe",
        "?locale=fr&locale=en",
        "?site=kortrijk",
        "?junk=1",
        "?locale=",
    ],
)
def test_api_hostile_parameters(host_client, query):
    response = host_client("kortrijk").get(API + query)
    assert response.status_code == 400
    assert response.json()["parameter"]


def test_api_region_gives_finder_urls(host_client):
    RegionalServiceFactory(identifier="gevraagd", popular=True)
    data = host_client("region").get(API).json()
    item = next(i for i in data["items"] if i["service"] == "gevraagd")
    assert item["url"].endswith("/welke-gemeente/?dienst=gevraagd")
