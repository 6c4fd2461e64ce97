"""Production: everything from the environment, HTTPS assumed behind a proxy."""

from .base import *

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", True, cast=bool)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS", 31536000, cast=int)
# On by default, as check --deploy asks. Where a municipality's other subdomains do not
# all serve HTTPS yet, set SECURE_HSTS_INCLUDE_SUBDOMAINS=0 and SECURE_HSTS_PRELOAD=0.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env("SECURE_HSTS_INCLUDE_SUBDOMAINS", True, cast=bool)
SECURE_HSTS_PRELOAD = env("SECURE_HSTS_PRELOAD", True, cast=bool)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# Behind TLS: an http:// address left in content is fetched over https.
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True
for _prefix, _directives in VOORDEUR_CSP_AREAS:
    if _prefix.startswith("/admin/"):
        _directives["upgrade-insecure-requests"] = True
