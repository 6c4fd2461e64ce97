"""Template helpers of the search results page."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

_TAG = re.compile(r"<[^>]*>")
_MARK = re.compile(r"&lt;(/?)mark&gt;")


@register.filter
def only_mark(snippet):
    """A snippet as HTML with nothing but <mark> tags, whatever the backend sent: every
    other tag is dropped and the text escaped again."""
    text = _TAG.sub(
        lambda m: m.group(0) if m.group(0) in ("<mark>", "</mark>") else "", snippet or ""
    )
    # Unescape what the backend escaped, escape it all, then give <mark> back.
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    text = text.replace("&#x27;", "'").replace("&#39;", "'").replace("&amp;", "&")
    return mark_safe(_MARK.sub(r"<\1mark>", escape(text)))  # noqa: S308 - escaped just before
