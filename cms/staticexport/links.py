"""The addresses in a page or a stylesheet, found and replaced in place.

The HTML is Voordeur's own (Django templates and Wagtail's rich text write every attribute
in double quotes), so a pattern over the attributes is exact and keeps every other byte as
rendered. In HTML: href, src, srcset, action and poster, and url() in <style> elements; in
CSS: url() and @import.
"""

import html
import re

__all__ = ["rewrite_css", "rewrite_html"]

_ATTRIBUTE = re.compile(r'(\s(?:href|src|action|poster)=")([^"]*)(")')
_SRCSET = re.compile(r'(\ssrcset=")([^"]*)(")')
_STYLE = re.compile(r"(<style\b[^>]*>)(.*?)(</style>)", re.DOTALL)
_CSS_URL = re.compile(r"""(url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")


def _srcset(value, replace):
    candidates = []
    for candidate in value.split(","):
        parts = candidate.strip().split(None, 1)
        if parts:
            parts[0] = replace(parts[0])
            candidates.append(" ".join(parts))
    return ", ".join(candidates)


def rewrite_css(css, replace):
    """``css`` with every url() and @import address passed through ``replace``."""
    return _CSS_URL.sub(lambda match: match[1] + replace(match[2]), css)


def rewrite_html(text, replace):
    """``text`` with every address passed through ``replace(url) -> url`` (unescaped in,
    escaped back out); everything else byte for byte as it was."""

    def attribute(match, rewrite=replace):
        old = html.unescape(match[2])
        new = rewrite(old)
        return match[0] if new == old else match[1] + html.escape(new, quote=True) + match[3]

    text = _ATTRIBUTE.sub(attribute, text)
    text = _SRCSET.sub(lambda match: attribute(match, lambda value: _srcset(value, replace)), text)
    return _STYLE.sub(lambda match: match[1] + rewrite_css(match[2], replace) + match[3], text)
