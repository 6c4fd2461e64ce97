import pytest
from django.contrib.auth import get_user_model

from cms.municipalities.models import Municipality
from cms.pages.models import ContentPage

pytestmark = pytest.mark.django_db


def get(client, path="/over/", **extra):
    return client.get(path, HTTP_HOST="kortrijk.localhost:8000", **extra)


def test_second_anonymous_request_is_served_from_the_cache(client):
    first = get(client)
    second = get(client)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["X-Frame-Options"] == "SAMEORIGIN"


def test_a_publish_shows_at_once(client):
    get(client)
    page = ContentPage.objects.get(url_path="/kortrijk/over/")
    page.title = "Over onze stad"
    page.save_revision().publish()
    response = get(client)
    assert response["X-Page-Cache"] == "miss"
    assert "Over onze stad" in response.content.decode()


def test_an_unpublish_shows_at_once(client):
    get(client)
    ContentPage.objects.get(url_path="/kortrijk/over/").unpublish()
    assert get(client).status_code == 404


def test_a_change_of_municipality_settings_shows_at_once(client):
    get(client)
    municipality = Municipality.objects.get(slug="kortrijk")
    municipality.notice = "Het stadhuis is morgen gesloten."
    municipality.save()
    assert "Het stadhuis is morgen gesloten." in get(client).content.decode()


def test_logged_in_users_and_other_queries_are_not_served_from_the_cache(client):
    get(client)
    user = get_user_model().objects.create_user("someone", password="x-x-x-x-x-x")
    client.force_login(user)
    assert "X-Page-Cache" not in get(client)


def test_errors_and_other_sites_are_not_mixed_up(client):
    get(client)
    menen = client.get("/over/", HTTP_HOST="menen.localhost:8000")
    assert "Over Menen" in menen.content.decode()
    assert get(client, "/bestaat-niet/").status_code == 404
    assert get(client, "/bestaat-niet/").status_code == 404
