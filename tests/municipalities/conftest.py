"""Fixtures the isolation tests share: a pair of municipalities (A's user attacks B), a
role, and the world made of them."""

import pytest

from .isolation import PAIR_IDS, PAIRS, ROLES, make_world


@pytest.fixture
def _media_root(settings, tmp_path):
    """Uploaded test images and documents go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(params=PAIRS, ids=PAIR_IDS)
def pair(request):
    return request.param


@pytest.fixture(params=ROLES)
def role(request):
    return request.param


@pytest.fixture
def world(client, pair, role):
    return make_world(client, *pair, role)
