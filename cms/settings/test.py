"""Tests: SQLite by default, PostgreSQL when DATABASE_URL points at one."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "localhost,.localhost,testserver,127.0.0.1")
os.environ.setdefault("VOORDEUR_HOSTNAMES", "development")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")

from .base import *

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

INSTALLED_APPS = [*INSTALLED_APPS, "cms.demo"]
