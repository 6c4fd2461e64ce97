"""Requests no view should see: refused with a 400 before anything parses them.

``RequestGuardMiddleware`` sits right after Django's SecurityMiddleware and refuses:

- a character set other than UTF-8, ASCII or the Latin ones Django decodes safely (a form
  post must be UTF-8): Django 5.2 raises ``BadRequest`` for a form in another charset and
  then raises it again inside its own 400 and 500 handlers (the CSRF check re-reads the
  form), so the visitor gets gunicorn's bare 500; UTF-7 or UTF-16 also garble the query;
- a body that ends before its ``Content-Length`` (gunicorn hands the short body to Django
  without a word, so a cut-off form would be read as if it were complete);
- form data that cannot be parsed (broken multipart) or is too large, and a query string
  with more fields than Django allows (Django refuses these too, but logs them as errors);
- a ``Content-Length`` that is no number (Django's ``request.body`` raises ValueError).

And before a view runs, a database id in the URL (a keyword argument named ``pk``, ``id``
or ``..._id``) that can be no id answers 404: Wagtail's choosers, snippet history and
editing sessions take ``<str:pk>`` (for models with text keys, which this install has
none of) and pass "abc" to the database, a server error; an ``<int:...>`` of 20 digits
overflows the database's integer. A URL argument holding a NUL byte answers 404 too.

Odd values (a NUL, invalid UTF-8, a huge number) are left to the views, which answer each
in their own way (a 404, an ignored parameter, a 400 naming it): Django reads them safely.

The answer is a short plain-text 400 (JSON ``{"message": ...}`` under /api/), in Dutch, or
in French or English under /fr/ or /en/, without touching the database; the refusal is
logged once, at WARNING.
"""

import codecs
import io
import logging
import re

from django.core.exceptions import (
    BadRequest,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import Http404, HttpResponse, JsonResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .faults import page_language

__all__ = ["RequestGuardMiddleware", "StrictLengthStream"]

logger = logging.getLogger(__name__)

# Character sets a request may declare (Python's codec names): those Django decodes
# without surprises. A form post (urlencoded) must be UTF-8; ASCII is a subset of it.
CHARSETS = frozenset({"utf-8", "ascii", "iso8859-1", "iso8859-15", "cp1252"})
FORM_CHARSETS = frozenset({"utf-8", "ascii"})
FORM_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
LOGGED_PATH_LENGTH = 200
TOO_LARGE = _("This request is too large.")
ID_ARGUMENT = re.compile(r"(?:^|_)(?:pk|id)$")
MAX_ID = 2**63 - 1  # the largest value of a database's bigint


class StrictLengthStream(io.IOBase):
    """The request body as Django reads it, but strict: reaching the end of the input
    before ``Content-Length`` bytes is an ``UnreadablePostError``. Each read returns as
    many bytes as asked (up to what is left), as a file would."""

    def __init__(self, stream, length):
        super().__init__()
        self._stream = stream
        self._remaining = length

    def _incomplete(self, error=None):
        raise UnreadablePostError(
            f"request body ended {self._remaining} bytes before its Content-Length"
        ) from error

    def read(self, size=-1, /):
        if size is None or size < 0 or size > self._remaining:
            size = self._remaining
        chunks = []
        wanted = size
        while wanted > 0:
            try:
                chunk = self._stream.read(wanted)
            except OSError as error:
                self._incomplete(error)
            if not chunk:
                self._incomplete()
            chunks.append(chunk)
            wanted -= len(chunk)
            self._remaining -= len(chunk)
        return b"".join(chunks)

    def readline(self, size=-1, /):
        try:
            line = self._stream.readline(size)
        except OSError as error:
            self._incomplete(error)
        self._remaining -= len(line)
        complete = line.endswith(b"\n") or (size is not None and 0 <= size <= len(line))
        if self._remaining > 0 and not complete:
            self._incomplete()
        return line


class Refusal(Exception):
    """Why a request is refused: ``message()`` says it to the client, ``reason`` to the log."""

    def __init__(self, reason, text, **params):
        super().__init__(reason)
        self.reason = reason
        self.text = text
        self.params = params

    def message(self):
        return str(self.text) % self.params if self.params else str(self.text)


def _check_charset(request):
    charset = request.content_params.get("charset")
    if charset is None:
        return
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        name = None
    # A multipart form's parts may say their own; the request's charset only fills gaps.
    urlencoded = request.content_type == "application/x-www-form-urlencoded"
    allowed = FORM_CHARSETS if urlencoded else CHARSETS
    if name not in allowed:
        raise Refusal(
            f"charset {charset[:40]!r}",
            _(
                "This request uses a character set (%(charset)s) this website does not "
                "read. Send it as UTF-8."
            ),
            charset=charset[:40],
        )
    if charset.lower() != "utf-8" and name in FORM_CHARSETS:
        # Django accepts a form only when it says "utf-8" itself; ASCII and "UTF8" are it.
        request.encoding = "utf-8"


def _check_query(request):
    try:
        request.GET  # noqa: B018
    except TooManyFieldsSent as error:
        raise Refusal("too many query parameters", TOO_LARGE) from error


def _check_body(request):
    if request.method not in BODY_METHODS or not hasattr(request, "_stream"):
        return
    declared = str(request.META.get("CONTENT_LENGTH") or "0").strip()
    if not (declared.isascii() and declared.isdigit()):
        raise Refusal(
            f"Content-Length {declared[:40]!r}",
            _("The form data in this request cannot be read."),
        )
    length = int(declared)
    if length > 0:
        request._stream = StrictLengthStream(request._stream, length)
    if request.method != "POST" or request.content_type not in FORM_TYPES:
        return
    # Read the form here, where a failure is a 400, rather than in the CSRF check or the
    # view, where Django turns it into a 500 or logs it as an error.
    try:
        request.POST  # noqa: B018
        request.FILES  # noqa: B018
    except UnreadablePostError as error:
        raise Refusal(
            "body shorter than its Content-Length",
            _("The request ended before all of its content had arrived. Send it again."),
        ) from error
    except (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent) as error:
        raise Refusal(type(error).__name__, TOO_LARGE) from error
    except (MultiPartParserError, BadRequest) as error:
        raise Refusal(
            f"form data unreadable ({' '.join(str(error).split())[:120]})",
            _("The form data in this request cannot be read."),
        ) from error


def is_database_id(value):
    text = str(value)
    return text.isascii() and text.isdigit() and int(text) <= MAX_ID


def refuse(request, refusal):
    """The 400 answer to ``request``: plain text (JSON under /api/), never cached."""
    path = request.path
    logger.warning("Refused %s %r: %s", request.method, path[:LOGGED_PATH_LENGTH], refusal.reason)
    language = page_language(path)
    with translation.override(language):
        message = refusal.message()
        if path.startswith("/api/"):
            response = JsonResponse({"message": message}, status=400)
        else:
            title = gettext("Bad request")
            response = HttpResponse(
                f"{title}\n\n{message}\n", status=400, content_type="text/plain; charset=utf-8"
            )
    response["Content-Language"] = language
    add_never_cache_headers(response)
    response._has_been_logged = True  # logged above, not again by django.request
    return response


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            _check_charset(request)
            _check_query(request)
            _check_body(request)
        except Refusal as refusal:
            return refuse(request, refusal)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        for name, value in view_kwargs.items():
            if ID_ARGUMENT.search(name) and not is_database_id(value):
                raise Http404(f"{name} {str(value)[:40]!r} is no database id")
            if isinstance(value, str) and "\x00" in value:
                # Names nothing; PostgreSQL refuses NUL in any text it is asked to compare
                # (Wagtail's tag autocomplete looks up its <app_name> as given).
                raise Http404(f"{name} holds a NUL byte")
        return None
