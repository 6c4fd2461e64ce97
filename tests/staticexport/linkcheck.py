"""A link checker over a static copy, written apart from the exporter: every address a
page or stylesheet of the copy uses must be a file of the copy, as a plain web server
would serve it (``/a/`` is ``a/index.html``; a query string is ignored, so an internal
address with one is a fault: it would show the wrong page)."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LINK_ATTRIBUTES = {"href", "src", "action", "poster"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


class _Addresses(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.addresses, self.styles, self._in_style = [], [], False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in LINK_ATTRIBUTES:
                self.addresses.append(value)
            elif name == "srcset":
                self.addresses += [part.split()[0] for part in value.split(",") if part.strip()]
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def _url_of(root, file):
    relative = file.relative_to(root).as_posix()
    if relative.endswith("index.html"):
        relative = relative[: -len("index.html")]
    return "/" + relative


def _css_addresses(css):
    return [first or second for first, second in CSS_URL.findall(css)]


def addresses_in(root, file):
    """Every internal address ``file`` uses, resolved to a path from the copy's root."""
    text = file.read_text(encoding="utf-8")
    if file.suffix == ".css":
        found = _css_addresses(text)
    else:
        parser = _Addresses()
        parser.feed(text)
        found = parser.addresses + [url for css in parser.styles for url in _css_addresses(css)]
    base = _url_of(root, file)
    for address in found:
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or address.startswith("#") or not address:
            continue
        yield address, urlsplit(urljoin(base, address))


def broken_links(root):
    """``[(file, address, why)]`` for every internal address of the copy under ``root``
    that a static web server could not answer with the right file."""
    root = Path(root)
    broken = []
    for file in sorted(root.rglob("*")):
        if file.suffix not in (".html", ".css"):
            continue
        for address, target in addresses_in(root, file):
            if target.query:
                broken.append((file, address, "has a query string"))
                continue
            name = unquote(target.path)
            path = root / name.lstrip("/")
            if name.endswith("/"):
                path = path / "index.html"
            if not path.is_file():
                broken.append((file, address, "no such file"))
    return broken
