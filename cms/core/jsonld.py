"""Structured data in a page: a JSON-LD script element that no text inside can break out of."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

# Characters that could end the script element or confuse an HTML parser.
ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def script(data):
    """``data`` as a JSON-LD script element, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, default=str).translate(ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def postal_place(location, request):
    """A schema.org ``Place`` for a location page (anything with a title, a URL and the
    address fields ``address``, ``postcode`` and ``city``)."""
    return {
        "@type": "Place",
        "name": location.title,
        "url": location.get_full_url(request),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": location.address,
            "postalCode": location.postcode,
            "addressLocality": location.city,
            "addressCountry": "BE",
        },
    }
