"""Content-Security-Policy, Permissions-Policy and cookies of real responses: public pages
(rendered and from the page cache), the admin, the API (cms/core/headers.py, settings)."""

import base64
import hashlib
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import override_settings

from cms.core.blocks.video import Video
from cms.core.headers import area_policy, is_active_content_type

pytestmark = pytest.mark.django_db

PRODUCTION_COOKIES = {
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "LANGUAGE_COOKIE_SECURE": True,
}


def policy(response):
    """The Content-Security-Policy as {directive: [sources]}."""
    header = response.headers["Content-Security-Policy"]
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


def style_hash(html):
    match = re.search(r"<style>(.*?)</style>", html, re.S)
    assert match, "no theme <style> on the page"
    digest = hashlib.sha256(match.group(1).encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


@pytest.fixture
def admin_user():
    return get_user_model().objects.create_superuser("beheer", "beheer@example.org", "geheim-123")


def test_public_page_allows_only_first_party_and_the_theme_style(host_client):
    response = host_client("kortrijk").get("/")
    assert response.status_code == 200
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'", style_hash(response.content.decode())]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert "upgrade-insecure-requests" not in directives  # production only


def test_each_theme_gets_the_hash_of_its_own_style(host_client):
    kortrijk = host_client("kortrijk").get("/")
    menen = host_client("menen").get("/")
    assert policy(kortrijk)["style-src"] != policy(menen)["style-src"]
    assert style_hash(menen.content.decode()) in policy(menen)["style-src"]


def test_page_from_the_page_cache_has_the_same_policy(host_client):
    client = host_client("kortrijk")
    first = client.get("/over/")
    again = client.get("/over/")
    assert again.headers.get("X-Page-Cache") == "hit"
    assert again.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]
    assert style_hash(again.content.decode()) in policy(again)["style-src"]


def test_video_players_are_the_only_frames_on_public_pages(host_client):
    players = {
        f"{urlsplit(url).scheme}://{urlsplit(url).netloc}"
        for url in (Video("YouTube", "aqz-KE-bpKQ").embed_url, Video("Vimeo", "76979871").embed_url)
    }
    assert set(policy(host_client("kortrijk").get("/"))["frame-src"]) == players


def test_not_found_page_has_the_public_policy(host_client):
    response = host_client("kortrijk").get("/bestaat-niet/")
    assert response.status_code == 404
    assert policy(response)["script-src"] == ["'self'"]


def test_admin_login_has_the_admin_policy(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    directives = policy(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert "sha256" not in response.headers["Content-Security-Policy"]


def test_admin_has_its_own_policy_without_the_theme_hash(client, admin_user):
    """Previews render public templates under /admin/: no theme hash there, which would
    switch off the admin's 'unsafe-inline'."""
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert policy(response)["style-src"] == ["'self'", "'unsafe-inline'"]
    # The page editor's date pickers are inline scripts (tests/browser/test_csp.py).
    assert policy(response)["script-src"] == ["'self'", "'unsafe-inline'"]


def test_api_allows_nothing(host_client):
    response = host_client("kortrijk").get("/api/v2/pages/")
    assert response.status_code == 200
    assert policy(response) == {"default-src": ["'none'"], "frame-ancestors": ["'none'"]}


@pytest.mark.parametrize("path", ["/", "/admin/login/", "/api/v2/pages/"])
def test_permissions_policy_denies_what_the_site_does_not_use(host_client, path):
    header = host_client("kortrijk").get(path).headers["Permissions-Policy"]
    features = dict(item.split("=", 1) for item in header.split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert features[feature] == "()", feature
    assert features["fullscreen"] == (
        '(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")'
    )


def test_area_policy_takes_the_first_matching_prefix(settings):
    settings.VOORDEUR_CSP_AREAS = [("/admin/login/", {"a": 1}), ("/admin/", {"b": 2})]
    assert area_policy("/admin/login/") == {"a": 1}
    assert area_policy("/admin/pages/") == {"b": 2}
    assert area_policy("/nieuws/") is None


@pytest.mark.parametrize(
    ("content_type", "active"),
    [
        ("application/pdf", False),
        ("image/png", False),
        ("text/plain", True),
        ("text/csv; charset=utf-8", True),
        ("image/svg+xml", True),
        ("application/xhtml+xml", True),
        ("application/xml", True),
        ("application/javascript", True),
        ("application/octet-stream", True),
        ("", True),
    ],
)
def test_active_content_types(content_type, active):
    assert is_active_content_type(content_type) is active


def _cookie(response, name):
    assert name in response.cookies, f"{name} not set: {list(response.cookies)}"
    return response.cookies[name]


@override_settings(**PRODUCTION_COOKIES)
def test_production_login_sets_only_secure_httponly_lax_cookies(client, admin_user):
    page = client.get("/admin/login/")
    csrf = _cookie(page, "csrftoken")
    response = client.post(
        "/admin/login/",
        {"username": "beheer", "password": "geheim-123", "csrfmiddlewaretoken": csrf.value},
    )
    assert response.status_code == 302
    for cookie in [csrf, *response.cookies.values()]:
        assert cookie["secure"] is True, cookie.key
        assert cookie["httponly"] is True, cookie.key
        assert cookie["samesite"] == "Lax", cookie.key
    assert "sessionid" in response.cookies


@override_settings(**PRODUCTION_COOKIES)
def test_production_messages_cookie_is_secure_when_set_and_when_deleted(client, admin_user):
    client.force_login(admin_user)
    # Logging out leaves a message for the next page, in the messages cookie.
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    stored = _cookie(response, CookieStorage.cookie_name)
    assert stored.value
    assert (stored["secure"], stored["httponly"], stored["samesite"]) == (True, True, "Lax")
    # The next page shows the message and deletes the cookie: the deletion is Secure too.
    shown = client.get(response.url)
    deleted = _cookie(shown, CookieStorage.cookie_name)
    assert deleted.value == ""
    assert (deleted["secure"], deleted["httponly"]) == (True, True)


def test_development_cookies_are_not_forced_secure(client, admin_user):
    response = client.get("/admin/login/")
    assert _cookie(response, "csrftoken")["secure"] == ""
    assert _cookie(response, "csrftoken")["httponly"] is True  # CSRF_COOKIE_HTTPONLY
