"""Production: everything from the environment, HTTPS assumed behind a proxy."""

from .base import *

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", True, cast=bool)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS", 31536000, cast=int)
# Off by default: a municipality's other subdomains may not all serve HTTPS yet.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env("SECURE_HSTS_INCLUDE_SUBDOMAINS", False, cast=bool)
SECURE_HSTS_PRELOAD = env("SECURE_HSTS_PRELOAD", False, cast=bool)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
