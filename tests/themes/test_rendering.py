"""Every demo site is served in its own theme, with its assets from the site itself."""

import re

import pytest

from cms.themes import load_theme

from .test_themes import DEMO

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", DEMO)
def test_each_demo_site_renders_in_its_own_theme(host_client, slug):
    response = host_client(slug).get("/")
    assert response.status_code == 200
    primary = load_theme(slug).colours["primary"]
    assert f"--palette-primary:{primary};" in response.content.decode()


def test_the_regional_site_renders_in_the_regional_theme(host_client):
    response = host_client("region").get("/")
    assert "--palette-primary:#0b4f6c;" in response.content.decode()


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/static/themes/kortrijk/logo.svg", "image/svg+xml"),
        ("/static/themes/kortrijk/favicon.svg", "image/svg+xml"),
        ("/static/themes/fonts/bitter/700-normal.woff2", "font/woff2"),
        ("/static/css/tokens.css", "text/css"),
    ],
)
def test_theme_assets_are_served_by_the_site(client, path, content_type):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)


@pytest.mark.parametrize(
    "path",
    [
        "/static/themes/kortrijk/theme.toml",
        "/static/themes/fonts/bitter/font.toml",
        "/static/themes/base/templates/base.html",
        "/static/themes/README.md",
    ],
)
def test_nothing_else_of_the_themes_directory_is_published(client, path):
    assert client.get(path).status_code == 404


def test_the_page_links_tokens_css_before_base_css(host_client):
    html = host_client("kortrijk").get("/").content.decode()
    stylesheets = re.findall(r'<link rel="stylesheet" href="[^"]*/css/([a-z]+)\.css"', html)
    assert stylesheets[:2] == ["tokens", "base"]


def test_the_page_has_the_theme_favicon_and_the_logo_links_home(host_client):
    html = host_client("wervik").get("/").content.decode()
    assert '<link rel="icon" href="/static/themes/wervik/favicon.svg" type="image/svg+xml">' in html
    logo = re.search(
        r'<a [^>]*rel="home"[^>]*>\s*<img [^>]*src="/static/themes/wervik/logo\.svg"[^>]*>', html
    )
    assert logo, "the header logo is an image inside the home link"
    assert re.search(r'alt="[^"]+"', logo.group(0)), "the logo has a text alternative"
