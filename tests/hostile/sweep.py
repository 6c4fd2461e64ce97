"""The sweep: for each endpoint and role, a baseline request (which finds the query
parameters the view reads and the forms it offers), junk in every URL converter, then
hypothesis' hostile values for those parameters and form fields. Every request runs in a
savepoint that is rolled back, so each starts from the same data; problems are collected,
each with the exact request, so one test reports every failing request of its group."""

import os
import traceback
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import quote_plus

from django.core.cache import cache
from django.db import transaction
from django.test.client import MULTIPART_CONTENT, encode_multipart
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from . import values
from .fingerprint import fingerprint
from .probe import READ, forms_in

# The default run (make test, twice) is sized to about a minute and a half per database;
# HOSTILE_EXAMPLES=N and HOSTILE_DEEP=1 (every role on every group, every junk value) go
# further, see docs/hardening.md.
EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", "1"))
DEEP = os.environ.get("HOSTILE_DEEP", "") == "1"
ONLY = os.environ.get("HOSTILE_ONLY", "")
REQUESTS = {"count": 0}
BOUNDARY = "HostileBoundary"
WRITES = ("POST", "PUT", "PATCH", "DELETE")
METHODS = ("GET", "POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HOSTILE")
LOGIN_PATHS = ("/admin/login/", "/_util/login/")
# Markers of a form re-rendered with errors: a refused write answered 200.
ERROR_MARKERS = (b'aria-invalid="true"', b"error-message", b"w-field--error", b"error-summary")

SETTINGS = settings(
    derandomize=True,
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


def as_bytes(value):
    return value if isinstance(value, bytes) else str(value).encode("utf-8", "surrogatepass")


def urlencode(data):
    pairs = []
    for key, value in (data or {}).items():
        for item in value if isinstance(value, list) else [value]:
            pairs.append(f"{quote_plus(as_bytes(key))}={quote_plus(as_bytes(item))}")
    return "&".join(pairs)


def as_text(value):
    if isinstance(value, list):
        return [as_text(item) for item in value]
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return str(value).encode("utf-8", "replace").decode()


@dataclass
class Form:
    method: str
    multipart: bool
    fields: dict


@dataclass
class Sweep:
    client: object
    world: object
    problems: list = field(default_factory=list)
    forms: dict = field(default_factory=dict)  # action path -> Form
    requests: int = 0

    # One request ----------------------------------------------------------------------

    def send(self, method, path, query=None, data=None, *, multipart=False, body=None, **extra):
        """Send one request in a rolled-back savepoint; return the response or None."""
        REQUESTS["count"] += 1
        self.requests += 1
        query_string = extra.pop("QUERY_STRING", None) or urlencode(query)
        if body is None:
            if multipart:
                body = encode_multipart(BOUNDARY, {k: as_text(v) for k, v in (data or {}).items()})
            else:
                body = urlencode(data).encode("latin-1")
        content_type = extra.pop("content_type", None) or (
            f"{MULTIPART_CONTENT[:19]}; boundary={BOUNDARY}"
            if multipart
            else "application/x-www-form-urlencoded"
        )
        cookies = SimpleCookie(self.client.cookies.output(header="", sep=";"))
        shown = {k: str(v)[:80] for k, v in extra.items() if k != "wsgi.input"}
        if "wsgi.input" in extra:
            shown["wsgi.input"] = "shorter than CONTENT_LENGTH"
        request = (method, path, query_string, body, shown)
        READ.clear()
        response = None
        try:
            with transaction.atomic():
                before = fingerprint() if method in WRITES else None
                try:
                    response = self.client.generic(
                        method, path, body, content_type, QUERY_STRING=query_string, **extra
                    )
                except Exception:
                    self.problem(request, "exception", traceback.format_exc())
                else:
                    self.check(request, response, before)
                transaction.set_rollback(True)
        except Exception:
            self.problem(request, "exception after the response", traceback.format_exc())
        self.client.cookies = cookies
        cache.clear()
        return response

    def check(self, request, response, before):
        status = response.status_code
        content = b"" if getattr(response, "streaming", False) else response.content
        if status >= 500:
            self.problem(request, f"status {status}", content[-600:].decode(errors="replace"))
        elif b"Traceback (most recent call last)" in content:
            self.problem(request, f"status {status} with a traceback in the body", "")
        if before is not None and self.refused(response, content):
            after = fingerprint()
            if after != before:
                changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
                self.problem(request, f"refused ({status}) but the database changed", changed)

    @staticmethod
    def refused(response, content):
        status = response.status_code
        if status >= 400:
            return True
        if status in (301, 302, 303, 307, 308):
            return response["Location"].split("?")[0].endswith(LOGIN_PATHS)
        return status == 200 and any(marker in content for marker in ERROR_MARKERS)

    def problem(self, request, what, detail):
        method, path, query_string, body, extra = request
        tail = "\n".join(str(detail).strip().splitlines()[-6:])
        shown = f"{query_string[:300]}{'…' if len(query_string) > 300 else ''}"
        data = body[:300] if isinstance(body, bytes) else body
        self.problems.append(
            f"[{self.world.role}] {method} http://{self.world.host}{path}?{shown} "
            f"body={data!r} {extra or ''}: {what}\n    " + tail.replace("\n", "\n    ")
        )

    # One endpoint ---------------------------------------------------------------------

    def baseline(self, path):
        """GET the path; the names it read and the forms it offered are remembered."""
        response = self.send("GET", path)
        read = set(READ)
        if response is not None and response.status_code == 200:
            content_type = response.get("Content-Type", "")
            if "html" in content_type and not getattr(response, "streaming", False):
                for method, action, multipart, fields in forms_in(response.content.decode(), path):
                    known = self.forms.setdefault(action, Form(method, multipart, {}))
                    known.fields.update(fields)
                    if method == "get":
                        read.update(fields)
        return read

    def endpoint(self, endpoint, path, extra_fields=()):
        read = self.baseline(path)
        for position, _name in enumerate(endpoint.params()):
            # One junk value per converter, taking turns (each kind of junk is sent to some
            # endpoints); every junk value on every converter in a deep run.
            for junk in (0, 1) if DEEP else (position % 2,):
                junk_path = endpoint.path(self.world.values, junk=(position, junk))
                if junk_path:
                    self.send("GET", junk_path)
                    self.send("POST", junk_path, data={"title": "x"})
        self.hostile(path, read | set(values.UNDOCUMENTED), extra_fields)

    def hostile(self, path, names, extra_fields=()):
        form = self.forms.get(path)

        @SETTINGS
        @given(data=st.data())
        def run(data):
            method = data.draw(st.sampled_from(METHODS), label="method")
            query = data.draw(values.params(names), label="query")
            body = {}
            if method != "GET":
                fields = {**(form.fields if form else {}), **dict.fromkeys(extra_fields, "")}
                body = dict(fields)
                body.update(data.draw(values.params(fields), label="body"))
            multipart = bool(form and form.multipart) and data.draw(st.booleans())
            self.send(method, path, query, body, multipart=multipart)

        run()

    def done(self):
        assert not self.problems, f"{len(self.problems)} failing requests:\n" + "\n".join(
            self.problems
        )
