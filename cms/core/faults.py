"""The database unreachable: a 503 maintenance page instead of a server error.

Django turns an exception into a response inside every middleware layer, so no outer
middleware ever sees it; what every layer does call is the project's ``handler500``.
So two hooks meet in one response:

- ``server_error``, the ``handler500``: the view, its template or a middleware (the page
  cache's generation query, the host aliases, a lazy session or user) failed;
- with ``DEBUG`` on, Django shows its technical 500 page instead of calling handler500:
  ``got_request_exception`` marks the request, and the middleware replaces that page
  on the way out.

The answer is a plain page in the language of the URL prefix (JSON for the API and
/healthz), ``Retry-After`` and ``Cache-Control: no-store``, rendered without context
processors, settings models or anything else that would query the database; the error is
logged once. Django reconnects on the next request (``CONN_HEALTH_CHECKS``), so the site
recovers by itself when the database returns.
"""

import logging
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.views import defaults

__all__ = ["DatabaseUnavailableMiddleware", "is_database_error", "server_error", "unavailable"]

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 60
TEMPLATE = "503.html"
# Languages with a translation of the page, by URL prefix; anything else is Dutch.
PREFIXED_LANGUAGES = ("fr", "en")
JSON_PREFIXES = ("/api/", "/healthz")
_ERROR_ATTRIBUTE = "_database_unavailable"


def is_database_error(error):
    """Whether ``error``, or an exception it was raised from or while handling, is a
    database failure (django.db's OperationalError or InterfaceError) while the database
    does not answer. SQLite also raises OperationalError for a query it cannot run (a full
    text search syntax error): with the database answering, that is our bug, a 500."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, OperationalError | InterfaceError):
            return not database_answers()
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure here means the database is not there for us
        return False
    return True


def page_language(path):
    prefix = path.lstrip("/").split("/", 1)[0]
    return prefix if prefix in PREFIXED_LANGUAGES else settings.LANGUAGE_CODE


def unavailable(request, error, *, log=True):
    """The 503 answer to ``request`` after the database failed with ``error``."""
    if log:
        detail = " ".join(str(error).split())[:300]
        logger.error(
            "Database unavailable: 503 for %s %s (%s: %s)",
            request.method,
            request.path,
            type(error).__name__,
            detail,
        )
    language = page_language(request.path)
    with translation.override(language):
        message = gettext("This website is briefly unavailable. Try again in a few minutes.")
        if request.path.startswith(JSON_PREFIXES):
            body = {"status": "unavailable", "database": "error", "message": message}
            response = JsonResponse(body, status=503)
        else:
            context = {
                "language": language,
                "region": getattr(settings, "VOORDEUR_REGION_NAME", ""),
                "message": message,
            }
            # No request: no context processors, so nothing reads the database.
            response = HttpResponse(render_to_string(TEMPLATE, context), status=503)
    response["Content-Language"] = language
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    # Logged here (or by Django already): not again as an error response.
    response._has_been_logged = True
    return response


def server_error(request):
    """handler500: a database failure anywhere in the request is a 503, not a 500."""
    error = sys.exc_info()[1]
    if is_database_error(error):
        return unavailable(request, error)
    return defaults.server_error(request)


def _mark_request(sender, request=None, **kwargs):
    error = sys.exc_info()[1]
    if request is not None and is_database_error(error):
        setattr(request, _ERROR_ATTRIBUTE, error)


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        got_request_exception.connect(_mark_request, dispatch_uid="voordeur_database_unavailable")

    def __call__(self, request):
        response = self.get_response(request)
        error = getattr(request, _ERROR_ATTRIBUTE, None)
        if error is not None and response.status_code == 500:
            # DEBUG's technical 500 page; Django has logged the error with its traceback.
            return unavailable(request, error, log=False)
        return response
