"""The Content-Security-Policy of each part of the site, served documents, Secure cookies.

django-csp builds the header; this module only chooses the policy:

- public pages: ``settings.CONTENT_SECURITY_POLICY``, plus the hash of the theme's
  ``<style>`` (palette and fonts, cms/themes) when the page carries it, so that no other
  inline style or script runs;
- ``settings.VOORDEUR_CSP_AREAS``: ``(path prefix, directives)`` pairs, the first prefix
  that matches replaces the public policy (the admin, the API);
- a served document (``/documents/<id>/<name>``): ``DOCUMENT_POLICY``, ``nosniff``, and
  ``attachment`` unless its type is one a browser shows without running anything (PDF),
  whatever Wagtail's settings say.

A view may still set its own policy with django-csp's decorators (``@csp``,
``@csp_update``, ``@csp_replace``); those win over the area's policy.
"""

import base64
import hashlib
from functools import lru_cache

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from django.conf import settings

from cms.themes import available_themes, theme_style

__all__ = [
    "DOCUMENT_POLICY",
    "ContentSecurityPolicyMiddleware",
    "SecureCookiesMiddleware",
    "area_policy",
    "is_active_content_type",
]

# A document is data: no script, no style, no plugin, no form, no same-origin access.
DOCUMENT_POLICY = "sandbox; default-src 'none'"
DOCUMENT_VIEW = "wagtaildocs_serve"
_ACTIVE_SUBTYPES = ("html", "xml", "javascript", "ecmascript", "svg")


def area_policy(path):
    """The directives of the first ``VOORDEUR_CSP_AREAS`` prefix ``path`` starts with, or
    ``None`` for the public policy."""
    for prefix, directives in getattr(settings, "VOORDEUR_CSP_AREAS", ()):
        if path.startswith(prefix):
            return dict(directives)
    return None


def is_active_content_type(content_type):
    """Whether a browser shown ``content_type`` inline could run something in it, or guess
    (text/*, anything HTML, XML, SVG or script, no type at all)."""
    kind = (content_type or "").split(";")[0].strip().lower()
    if not kind or kind == "application/octet-stream" or kind.startswith("text/"):
        return True
    return any(subtype in kind.split("/")[-1] for subtype in _ACTIVE_SUBTYPES)


def _csp_hash(text):
    digest = hashlib.sha256(text.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


@lru_cache(maxsize=8)
def _theme_styles(themes_dir):
    """{the theme's ``<style>`` element as bytes: its CSP hash}, for every theme."""
    elements = {str(theme_style(name)) for name in [None, *available_themes(themes_dir)]}
    return {
        element.encode(): _csp_hash(element.removeprefix("<style>").removesuffix("</style>"))
        for element in elements
    }


def _theme_hashes(response):
    if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
        return []
    content = response.content
    styles = _theme_styles(str(settings.THEMES_DIR))
    return [digest for element, digest in styles.items() if element in content]


def _protect_document(response):
    content_type = response.get("Content-Type", "")
    inline_types = getattr(settings, "WAGTAILDOCS_INLINE_CONTENT_TYPES", ["application/pdf"])
    kind = content_type.split(";")[0].strip().lower()
    disposition = response.get("Content-Disposition", "")
    if disposition.startswith("inline") and (
        kind not in inline_types or is_active_content_type(kind)
    ):
        response["Content-Disposition"] = "attachment" + disposition.removeprefix("inline")
    response[HEADER] = DOCUMENT_POLICY
    response["X-Content-Type-Options"] = "nosniff"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with a policy per part of the site (see the module)."""

    def process_response(self, request, response):
        match = getattr(request, "resolver_match", None)
        if (
            match is not None
            and match.url_name == DOCUMENT_VIEW
            and response.has_header("Content-Disposition")
        ):
            _protect_document(response)  # django-csp keeps a header already there
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        parts.config = area_policy(request.path_info)
        if parts.config is None and (hashes := _theme_hashes(response)):
            update = dict(parts.update or {})
            update["style-src"] = [*update.get("style-src", []), *hashes]
            parts.update = update
        return parts


class SecureCookiesMiddleware:
    """Where cookies are Secure (``SESSION_COOKIE_SECURE``, production): every cookie a
    response sets is Secure, also those Django deletes (``delete_cookie`` leaves the flag
    off), and HttpOnly unless it is in ``VOORDEUR_SCRIPT_COOKIES``, the cookies scripts
    read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not settings.SESSION_COOKIE_SECURE:
            return response
        readable = set(getattr(settings, "VOORDEUR_SCRIPT_COOKIES", ()))
        for name, morsel in response.cookies.items():
            morsel["secure"] = True
            if name not in readable:
                morsel["httponly"] = True
            if not morsel["samesite"]:
                morsel["samesite"] = "Lax"
        return response
