import datetime as dt
import re

import pytest
from django.utils import timezone
from wagtail.models import Page

from cms.core.blocks import stream_data
from cms.core.opening_hours import WeeklyHours
from cms.events.models import EventPage
from cms.locations.models import LocationPage
from cms.news.models import NewsArticlePage

pytestmark = pytest.mark.django_db


def html_lang(response):
    return re.search(r'<html lang="([a-z-]+)"', response.content.decode()).group(1)


def title(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


def add(parent_path, page):
    parent = Page.objects.get(url_path=parent_path).specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def menen_content():
    """One page of every type that sync_sites does not create, on Menen's site."""
    location = add(
        "/menen/contact/",
        LocationPage(
            title="Bibliotheek",
            slug="bibliotheek",
            address="Grote Markt 1",
            postcode="8930",
            city="Menen",
            hours=stream_data(WeeklyHours.from_config({"wednesday": ["14:00-18:00"]})),
        ),
    )
    add(
        "/menen/nieuws/",
        NewsArticlePage(title="Wegenwerken in de Rijselstraat", slug="wegenwerken"),
    )
    add(
        "/menen/evenementen/",
        EventPage(
            title="Kerstmarkt",
            slug="kerstmarkt",
            start=timezone.now() + dt.timedelta(days=10),
            end=timezone.now() + dt.timedelta(days=10, hours=5),
            location=location,
        ),
    )


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "Stad Menen"),
        ("/diensten/", "Diensten"),
        ("/nieuws/", "Wegenwerken in de Rijselstraat"),
        ("/nieuws/wegenwerken/", "Wegenwerken in de Rijselstraat"),
        ("/evenementen/", "Kerstmarkt"),
        ("/evenementen/kerstmarkt/", "Bibliotheek"),
        ("/contact/", "Bibliotheek"),
        ("/contact/bibliotheek/", "14:00–18:00"),
        ("/over/", "Over Menen"),
        ("/toegankelijkheid/", "WCAG"),
        ("/privacy/", "Privacy"),
    ],
)
def test_every_page_type_renders_with_language_and_municipality(
    host_client, menen_content, path, expected
):
    response = host_client("menen").get(path)
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert html_lang(response) == "nl"
    assert title(response) == "Stad Menen" if path == "/" else title(response).endswith("– Menen")


def test_translated_pages_live_under_the_language_prefix(host_client):
    client = host_client("kortrijk")
    french = client.get("/fr/contact/")
    assert french.status_code == 200
    assert html_lang(french) == "fr"
    assert 'hreflang="nl"' in french.content.decode()
    assert html_lang(client.get("/en/")) == "en"


def test_a_language_the_site_lacks_is_a_404(host_client):
    assert host_client("anzegem").get("/fr/").status_code == 404
    assert host_client("anzegem").get("/fr/contact/").status_code == 404


def test_unknown_page_is_a_404_in_the_site_layout(host_client):
    response = host_client("kortrijk").get("/bestaat-niet/")
    assert response.status_code == 404


def test_each_site_serves_its_own_tree(host_client):
    kortrijk = host_client("kortrijk").get("/over/").content.decode()
    assert "Over Kortrijk" in kortrijk
    assert "Over Menen" not in kortrijk


def test_regional_landing_lists_every_municipality(host_client):
    response = host_client("region").get("/")
    assert response.status_code == 200
    body = response.content.decode()
    for name in ("Gemeente Anzegem", "Stad Kortrijk", "Gemeente Zwevegem"):
        assert name in body
    assert body.count('.localhost:8000/"') == 13


def test_footer_shows_contact_and_opening_hours(host_client):
    body = host_client("kortrijk").get("/").content.decode()
    assert "+32 56 27 70 00" in body
    assert re.search(r"(Nu open, tot \d\d:\d\d|Gesloten\. Opent|Vandaag gesloten)", body)


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
