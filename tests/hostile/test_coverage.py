"""The sweep covers every URL pattern: the resolver walk finds them all, and each one is
either filled with a concrete path that resolves back to it, or excluded with a reason."""

import re

import pytest
from django.conf import settings as django_settings
from django.urls import Resolver404, resolve
from django.utils import translation
from wagtail.models import get_page_models

from .endpoints import ENDPOINTS, EXCLUDED, GROUPS
from .world import build_world

MINIMUM_PATTERNS = 340  # 349 when written; a drop means the walk lost a branch


def test_walk_finds_every_pattern_including_admin_api_and_i18n():
    routes = {endpoint.route for endpoint in ENDPOINTS}
    assert len(ENDPOINTS) >= MINIMUM_PATTERNS
    for expected in ("zoeken/", "admin/pages/<int:page_id>/edit/", "api/v2/^pages/", "feedback/"):
        assert expected in routes
    assert {"public", "api", "admin/pages", "admin/other"} <= set(GROUPS)


def test_exclusions_name_real_patterns():
    assert {endpoint.route for endpoint in ENDPOINTS} >= EXCLUDED


def _bare(route):
    """The route without anchors and converter names (Django drops both in match.route)."""
    return re.sub(r"<\w+:", "<", route.replace("^", "").replace("$", ""))


@pytest.mark.django_db
def test_every_pattern_gets_a_path_that_resolves_to_it(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world = build_world(client, "moderators")
    missed = []
    for endpoint in ENDPOINTS:
        if endpoint.route in EXCLUDED or endpoint.is_catch_all:
            continue
        path = endpoint.path(world.values)
        # Resolved in the unprefixed language: a request made earlier in this thread (by any
        # test) can leave another language active, and i18n patterns then want its prefix.
        with translation.override(django_settings.LANGUAGE_CODE):
            try:
                match = resolve(path) if path else None
            except Resolver404:
                match = None
        # By route: Wagtail's page views share one router function; a pattern shadowed by an
        # earlier one with the same route (our admin overrides) is reached through that one.
        if match is None or _bare(match.route) != _bare(endpoint.route):
            missed.append(f"{endpoint.route} ({endpoint.name}) -> {path}")
    assert not missed, "patterns the sweep cannot reach:\n" + "\n".join(missed)


@pytest.mark.django_db
def test_page_paths_cover_every_page_type_of_a_site(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world = build_world(client, "anonymous")
    served = set()
    for path in world.page_paths:
        response = client.get(path)
        if response.status_code == 200 and response.context:
            page = response.context.get("page")
            if page is not None:
                served.add(type(page).__name__)
    # The region's landing page lives on the regional host; Page is abstract in practice.
    expected = {model.__name__ for model in get_page_models()} - {"Page", "RegionPage"}
    assert expected <= served, f"page types the sweep never requests: {expected - served}"
