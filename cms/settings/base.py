"""Settings safe for production: every deployment value comes from the environment.

dev.py and test.py set their defaults in the environment before importing this module.
"""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from .env import env
from .media import media_storage

BASE_DIR = Path(__file__).resolve().parents[2]
SITES_DIR = Path(env("VOORDEUR_SITES_DIR", str(BASE_DIR / "sites")))
THEMES_DIR = BASE_DIR / "themes"

SECRET_KEY = env("SECRET_KEY", required=True)
DEBUG = env("DEBUG", False, cast=bool)
ALLOWED_HOSTS = env("ALLOWED_HOSTS", [], cast=list)
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS", [], cast=list)

# Which hostnames `sync_sites` gives each Wagtail Site: "development" (<slug>.localhost:8000)
# or "production" (the first production hostname, port 443).
VOORDEUR_HOSTNAMES = env("VOORDEUR_HOSTNAMES", "production")
VOORDEUR_DEV_PORT = env("VOORDEUR_DEV_PORT", 8000, cast=int)
# Shown on the maintenance page when the database is unreachable (cms/core/faults.py).
VOORDEUR_REGION_NAME = env("VOORDEUR_REGION_NAME", "")

INSTALLED_APPS = [
    "cms.core",
    "cms.themes",
    "cms.municipalities",
    "cms.pages",
    "cms.news",
    "cms.events",
    "cms.locations",
    "cms.catalogue",
    "cms.forms",
    "cms.alerts",
    "cms.feedback",
    "cms.reviews",
    "cms.sharing",
    "cms.journeys",
    "cms.api",
    "cms.sitesync",
    "cms.staticexport",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Requests no view should see (a truncated body, an unknown charset, invalid UTF-8):
    # a 400 before anything parses them (cms/core/guards.py).
    "cms.core.guards.RequestGuardMiddleware",
    # The database unreachable: 503 and a maintenance page, never a 500 (cms/core/faults.py).
    "cms.core.faults.DatabaseUnavailableMiddleware",
    # Content-Security-Policy per part of the site, served documents (cms/core/headers.py).
    "cms.core.headers.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "cms.core.headers.SecureCookiesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cms.municipalities.middleware.HostAliasRedirectMiddleware",
    "cms.core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "cms.core.register.middleware.RegisterMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [THEMES_DIR / "base" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.municipalities.context_processors.municipality",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'voordeur.sqlite3'}"),
        conn_max_age=env("DATABASE_CONN_MAX_AGE", 60, cast=int),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the one writer work side by side under gunicorn's workers.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable server fails within seconds (the 503 page), not after the worker timeout.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env("DATABASE_CONNECT_TIMEOUT", 5, cast=int)
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env("REDIS_URL"),
    }
    if env("REDIS_URL")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
# Sessions live in the database, so a cache flush signs no one out. With Redis shared by
# every server they are read from the cache first; never from a per-process memory cache,
# where a sign-out would not reach the other workers' copies.
SESSION_ENGINE = "django.contrib.sessions.backends." + ("cached_db" if env("REDIS_URL") else "db")

# Form pages: at most COUNT accepted submissions per visitor address per SECONDS; behind
# TRUSTED_PROXY_COUNT proxies the visitor's address is read from X-Forwarded-For.
FORMS_RATE_LIMIT = (
    env("FORMS_RATE_LIMIT_COUNT", 5, cast=int),
    env("FORMS_RATE_LIMIT_SECONDS", 600, cast=int),
)
TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT", 0, cast=int)

# Seconds an anonymous visitor's page stays cached (0 turns the page cache off); a publish
# takes effect at once regardless, see cms/core/page_cache.py.
PAGE_CACHE_SECONDS = env("PAGE_CACHE_SECONDS", 60, cast=int)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("nl", _("Dutch")),
    ("fr", _("French")),
    ("en", _("English")),
    ("de", _("German")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "cms" / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [THEMES_DIR / "base" / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # A theme's logo.svg and favicon.svg and the fonts of themes/fonts/, as "themes/...".
    "cms.themes.finders.ThemeAssetFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Uploads on the local disk, or on S3-compatible object storage with MEDIA_STORAGE_URL or
# AWS_STORAGE_BUCKET_NAME (media.py, cms/core/storage.py, docs/deploy.md).
STORAGES = {
    "default": media_storage(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env("EMAIL_PORT", 25, cast=int)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env("EMAIL_USE_TLS", False, cast=bool)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Voordeur <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

WAGTAIL_SITE_NAME = "Voordeur"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.core.search_backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Shown in the browser; every other document is a download (cms/core/headers.py).
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Uploads (cms/core/uploads/, docs: "Uploads"). An image is checked from its header before
# it is decoded: 40 megapixels is more than any photo a web page needs (the widest rendition
# is 1200 px) and bounds one decode to ~160 MB (RGBA); Wagtail decodes up to three renditions
# at once. Frames count: an animated GIF of 2000x2000 px with 11 frames is 44 megapixels.
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.core.uploads.images.ImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env("IMAGES_MAX_UPLOAD_MB", 15, cast=int) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env("IMAGES_MAX_MEGAPIXELS", 40, cast=int) * 1_000_000
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.core.uploads.documents.DocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = env("DOCUMENTS_MAX_UPLOAD_MB", 50, cast=int) * 1024 * 1024
# Form data other than files (a long page's StreamField); uploaded files above 2.5 MB are
# written to a temporary file rather than held in memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2621440  # 2.5 MB, as Django
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_MODERATION_ENABLED = True

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# Security headers: sent in every environment; HTTPS-only ones in production.py.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's live preview shows pages in a same-origin iframe, so DENY would break editing.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
SESSION_COOKIE_HTTPONLY = True
# No script reads the CSRF cookie: forms carry the token, the admin gets it in its config.
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Cookies scripts must read (cms/core/headers.py makes every other one HttpOnly).
VOORDEUR_SCRIPT_COOKIES = []
# No avatars from gravatar.com in the admin: nothing third-party, nothing to allow in CSP.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Content-Security-Policy (django-csp; docs/security.md). Public pages: first-party only,
# no inline script or style but the theme's palette (hashed per page, cms/core/headers.py).
VOORDEUR_VIDEO_PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
VOORDEUR_MEDIA_ORIGINS = env("CSP_MEDIA_ORIGINS", [], cast=list)  # media on another host (S3, CDN)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, *VOORDEUR_MEDIA_ORIGINS],
        "media-src": [SELF, *VOORDEUR_MEDIA_ORIGINS],
        "frame-src": VOORDEUR_VIDEO_PLAYER_ORIGINS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# The admin: Wagtail 8's page editor runs inline scripts (its date and time pickers,
# InlinePanel; wagtail/wagtail#12940); the login page, before anyone is signed in, does not.
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:", *VOORDEUR_MEDIA_ORIGINS],
    "media-src": [SELF, *VOORDEUR_MEDIA_ORIGINS],
    "frame-src": [SELF, *VOORDEUR_VIDEO_PLAYER_ORIGINS],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
# Where a path starts with the prefix, its directives replace the public ones (first match).
VOORDEUR_CSP_AREAS = [
    ("/admin/login/", {**ADMIN_CONTENT_SECURITY_POLICY, "script-src": [SELF]}),
    ("/admin/", ADMIN_CONTENT_SECURITY_POLICY),
    ("/api/", {"default-src": [NONE], "frame-ancestors": [NONE]}),
]
# Permissions-Policy (django-permissions-policy): nothing a municipal site does not use;
# full screen for the video players. Only features Chromium knows (others log an error).
PERMISSIONS_POLICY = {
    **dict.fromkeys(
        [
            "accelerometer",
            "autoplay",
            "browsing-topics",
            "camera",
            "display-capture",
            "geolocation",
            "gyroscope",
            "hid",
            "idle-detection",
            "local-fonts",
            "magnetometer",
            "microphone",
            "midi",
            "payment",
            "publickey-credentials-get",
            "screen-wake-lock",
            "serial",
            "usb",
            "xr-spatial-tracking",
        ],
        (),
    ),
    "encrypted-media": ["self", *VOORDEUR_VIDEO_PLAYER_ORIGINS],
    "fullscreen": ["self", *VOORDEUR_VIDEO_PLAYER_ORIGINS],
    "picture-in-picture": ["self", *VOORDEUR_VIDEO_PLAYER_ORIGINS],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# The joint regional search index (search/): an empty backend is the embedded one for the
# database in use (SQLite FTS5 or PostgreSQL full text); see docs/search.md for
# Elasticsearch ("search.backends.elasticsearch.ElasticsearchBackend").
JOINT_SEARCH = {
    "BACKEND": env("JOINT_SEARCH_BACKEND", ""),
    "OPTIONS": {
        "URL": env("ELASTICSEARCH_URL", ""),
        "INDEX": env("JOINT_SEARCH_INDEX", "voordeur-joint"),
        "SYNONYMS": env("JOINT_SEARCH_SYNONYMS", ""),
        "TIMEOUT": env("JOINT_SEARCH_TIMEOUT", 2, cast=int),
    },
}
