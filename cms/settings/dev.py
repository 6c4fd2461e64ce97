"""Local development: the demo region on SQLite at http://<slug>.localhost:8000/."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-not-secret")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("ALLOWED_HOSTS", "localhost,.localhost,127.0.0.1")
os.environ.setdefault("VOORDEUR_HOSTNAMES", "development")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

from .base import *

WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

INSTALLED_APPS = [*INSTALLED_APPS, "cms.demo"]
