import pytest
from wagtail.models import Page

from cms.municipalities.models import Municipality
from cms.pages.models import ContentPage

ORIGIN = {"HTTP_ORIGIN": "http://kortrijk.localhost:8000", "HTTP_SEC_FETCH_SITE": "same-origin"}


def home_of(slug, language="nl"):
    root = Municipality.objects.select_related("site__root_page").get(slug=slug).site.root_page
    return Page.objects.get(translation_key=root.translation_key, locale__language_code=language)


def content_page(slug, page_slug="over", language="nl"):
    """A standard content page of the municipality (``/over/``, ``/privacy/``)."""
    return ContentPage.objects.child_of(home_of(slug, language)).get(slug=page_slug)


@pytest.fixture
def kortrijk(host_client):
    return host_client("kortrijk")


@pytest.fixture
def about(db):
    return content_page("kortrijk")


def path_of(page):
    """The page's URL as its own site links to it (``/over/``, ``/fr/over/``)."""
    return page.get_url(current_site=page.get_site())
