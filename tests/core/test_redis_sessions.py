"""Cache and sessions on the machine's Redis when ``REDIS_URL`` is set (cms/settings/base.py).

The settings are read the way a server reads them, in a child process with ``REDIS_URL``
set, then applied here. Uses Redis database 15 at 127.0.0.1:6379 and flushes only that one;
skipped when no Redis answers there.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import redis
from django.contrib.sessions.models import Session
from django.core.cache import caches

from tests.factories import editor_of

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/15"
READ_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps({'CACHES': settings.CACHES, 'SESSION_ENGINE': settings.SESSION_ENGINE}))"
)


def _settings_with(redis_url):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    environment.pop("REDIS_URL", None)
    if redis_url:
        environment["REDIS_URL"] = redis_url
    result = subprocess.run(
        [sys.executable, "-c", READ_SETTINGS],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture
def server():
    connection = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        connection.ping()
    except redis.RedisError as error:
        pytest.skip(f"Redis is not reachable at {REDIS_URL} ({error})")
    connection.flushdb()
    yield connection
    connection.flushdb()
    connection.close()


@pytest.fixture
def on_redis(server, settings):
    chosen = _settings_with(REDIS_URL)
    settings.CACHES = chosen["CACHES"]
    settings.SESSION_ENGINE = chosen["SESSION_ENGINE"]
    return server


def test_without_redis_sessions_are_read_from_the_database_each_time():
    chosen = _settings_with(None)
    assert chosen["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    assert chosen["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


def test_with_redis_the_cache_is_shared_by_every_connection(on_redis):
    assert caches.settings["default"]["LOCATION"] == REDIS_URL
    caches["default"].set("voordeur-probe", "gedeeld", 60)
    assert any(b"voordeur-probe" in key for key in on_redis.keys("*"))
    assert caches.create_connection("default").get("voordeur-probe") == "gedeeld"


def test_with_redis_a_session_survives_a_flush_and_a_sign_out_reaches_both(client, on_redis):
    client.force_login(editor_of("kortrijk"))
    key = client.session.session_key
    assert client.get("/admin/").status_code == 200
    assert any(key.encode() in stored for stored in on_redis.keys("*"))
    assert Session.objects.filter(session_key=key).exists()

    on_redis.flushdb()  # a Redis restart or an eviction
    assert client.get("/admin/").status_code == 200  # read back from the database

    client.post("/admin/logout/")
    assert not Session.objects.filter(session_key=key).exists()
    assert not any(key.encode() in stored for stored in on_redis.keys("*"))
    assert client.get("/admin/").status_code == 302  # to the login page
