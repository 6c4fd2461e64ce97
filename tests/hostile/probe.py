"""Finding what a view reads: the query parameters it asks request.GET for (a recording
QueryDict put in by a middleware the sweep adds), and the fields of the forms its HTML
offers (grouped by the address they post or get to)."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.http import QueryDict

READ = []  # the names read during the current request, in order


class RecordingQueryDict(QueryDict):
    def __getitem__(self, key):
        READ.append(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        READ.append(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        READ.append(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        READ.append(key)
        return super().__contains__(key)


class RecordingMiddleware:
    """Innermost middleware: request.GET becomes a RecordingQueryDict."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        recording = RecordingQueryDict(mutable=True, encoding=request.GET.encoding)
        for key, values in request.GET.lists():
            recording.setlist(key, values)
        recording._mutable = False
        request.GET = recording
        return self.get_response(request)


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "action": attrs.get("action") or "",
                    "method": (attrs.get("method") or "get").lower(),
                    "multipart": "multipart" in (attrs.get("enctype") or ""),
                    "fields": {},
                }
            )
        elif tag in ("input", "select", "textarea", "button") and self.forms:
            name = attrs.get("name")
            if name and name != "csrfmiddlewaretoken":
                self.forms[-1]["fields"].setdefault(name, attrs.get("value") or "")


def forms_in(html, path):
    """[(method, action path, multipart, {name: initial value})] of the forms in ``html``."""
    parser = _Forms()
    try:
        parser.feed(html)
    except (ValueError, AssertionError):
        return []
    found = []
    for form in parser.forms:
        action = urlsplit(form["action"]).path or path
        if urlsplit(form["action"]).netloc:
            continue
        found.append((form["method"], action, form["multipart"], form["fields"]))
    return found
