"""Every URL pattern the project serves, derived from the URL resolver, and concrete paths
for it: converters filled with the requesting world's own objects, or with junk.

A new view is in ``ENDPOINTS`` without anyone adding it; ``test_coverage`` fails when one
can be neither filled nor found in the commented ``EXCLUDED`` list.
"""

import re
from dataclasses import dataclass
from urllib.parse import quote

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

ROUTE_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
NAMED_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>")

# Patterns no sweep requests, and why. Keep it short: a failing view is never excluded.
EXCLUDED = {
    # Wagtail's deliberate 500 ("fail whale") for testing the error page.
    "admin/failwhale/",
}

# Regex patterns with unnamed groups: how to fill them (by the pattern's source).
SPECIAL = {
    r"^(\d+)/(.*)$": lambda get: f"{get('document_id')}/zwartboek.txt",
    r"^.*/$": lambda get: "vijandig-nergens/",
    r"^((?:[\w\-]+/)*)$": lambda get: "",  # Wagtail's pages: see World.page_paths
}

JUNK = {"int": ("0", "9" * 31), "slug": ("x", "-" * 300), "str": ("%ff%fe", "x" * 300)}
JUNK_DEFAULT = ("%00", "..%2f..%2fetc%2fpasswd")


@dataclass(frozen=True)
class Endpoint:
    route: str  # the patterns' sources joined, e.g. "admin/pages/<int:page_id>/edit/"
    name: str  # "namespace:name" or the view's dotted path
    view: str
    chain: tuple  # the pattern objects from the root to the leaf

    @property
    def namespace(self):
        return self.name.rpartition(":")[0]

    @property
    def area(self):
        if self.route.startswith("admin/"):
            return "admin"
        if self.route.startswith("api/"):
            return "api"
        return "public"

    @property
    def group(self):
        """The test a pattern belongs to: public, api, or admin/<section>."""
        if self.area != "admin":
            return self.area
        section = self.route.split("/")[1].lstrip("^")
        return "admin/" + ADMIN_SECTIONS.get(section, "other")

    @property
    def is_catch_all(self):
        return self.view == "wagtail.views.serve"

    def path(self, values, junk=None):
        """A concrete path, converters filled from ``values`` (or, for ``junk`` = (i, j),
        the converter's j-th junk value at the i-th parameter); None when unfillable."""
        parts, index = [], [0]

        def fill(name, converter):
            position = index[0]
            index[0] += 1
            if junk is not None and junk[0] == position:
                return JUNK.get(converter, JUNK_DEFAULT)[junk[1]]
            if name == "pk":
                pks, namespace = values["pks"], self.namespace
                value = pks.get(namespace, pks.get(namespace.rpartition("_")[2], values["pk"]))
            else:
                value = values.get(name, 1)
            return quote(str(value), safe="")

        for pattern in self.chain:
            if isinstance(pattern, LocalePrefixPattern):
                continue
            source = str(pattern.pattern if hasattr(pattern, "pattern") else pattern)
            if isinstance(pattern, RoutePattern):
                parts.append(ROUTE_PARAM.sub(lambda m: fill(m["name"], m["converter"]), source))
            elif isinstance(pattern, RegexPattern):
                filled = _fill_regex(source, fill)
                if filled is None:
                    return None
                parts.append(filled)
        return "/" + "".join(parts)

    def params(self):
        return [m["name"] for p in self.chain for m in ROUTE_PARAM.finditer(str(p))] + [
            m["name"] for p in self.chain for m in NAMED_GROUP.finditer(str(p))
        ]


def _fill_regex(source, fill):
    if source in SPECIAL:
        return SPECIAL[source](lambda name: fill(name, "int"))
    if re.search(r"\((?!\?P<)", source):
        return None  # an unnamed group we do not know how to fill
    out, position = [], 0
    for match in NAMED_GROUP.finditer(source):
        out.append(source[position : match.start()])
        depth, end = 1, match.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(source[end], 0)
            end += 1
        out.append(fill(match["name"], "str"))
        position = end
    out.append(source[position:])
    return re.sub(r"\\(.)", r"\1", "".join(out).lstrip("^").rstrip("$"))


# Admin URL sections grouped into tests of a readable size; unknown sections land in "other".
ADMIN_SECTIONS = {
    **dict.fromkeys(("pages", "choose-page", "api", "bulk", "block-preview"), "pages"),
    **dict.fromkeys(("workflows", "editing-sessions", "reports"), "pages"),
    **dict.fromkeys(("snippets",), "snippets"),
    **dict.fromkeys(("images", "documents", "collections", "embeds"), "media"),
    **dict.fromkeys(("localize", "locales"), "localize"),
    **dict.fromkeys(("feedback", "reviews", "catalogue", "sharing", "forms"), "apps"),
    **dict.fromkeys(("redirects", "users", "groups", "sites", "settings"), "system"),
}


def walk(resolver=None, chain=(), namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or namespace
            yield from walk(entry, (*chain, entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            full = (*chain, entry.pattern)
            route = "".join(str(p) for p in full if not isinstance(p, LocalePrefixPattern))
            name = f"{namespace}:{entry.name}" if entry.name else entry.lookup_str
            yield Endpoint(route, name, entry.lookup_str, full)


ENDPOINTS = list(walk())
GROUPS = sorted({endpoint.group for endpoint in ENDPOINTS})
