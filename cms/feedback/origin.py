"""Is a POST sent from a page of this very site? A check that needs no per-visitor token.

The vote form sits on pages the public page cache serves to everyone, so it cannot carry a
CSRF token (it would be someone else's). Instead the vote view checks what the browser
itself says about where the request comes from, as OWASP's CSRF cheat sheet recommends
when a token cannot be used ("Fetch Metadata" and "verifying origin with standard
headers"). A web page cannot set or change these headers:

- ``Sec-Fetch-Site`` (every current browser): must be ``same-origin``;
- ``Origin`` (sent with every POST by current browsers): must be this site's scheme and host;
- ``Referer``, only when neither of those is sent: must be a URL of this site.

Each header that is present must agree; a POST with none of them is refused, as Django's
own CSRF check refuses an HTTPS POST without a Referer. ``Origin: null`` (a sandboxed
frame, a redirect from elsewhere) is refused.
"""

from urllib.parse import urlsplit


def own_origin(request):
    return f"{request.scheme}://{request.get_host()}"


def _same(url, origin):
    parts = urlsplit(url)
    return bool(parts.scheme and parts.netloc) and f"{parts.scheme}://{parts.netloc}" == origin


def is_same_origin(request):
    """True when the browser says the request was sent from a page of this site."""
    origin = own_origin(request)
    fetch_site = request.headers.get("Sec-Fetch-Site")
    sent_origin = request.headers.get("Origin")
    if fetch_site is not None and fetch_site != "same-origin":
        return False
    if sent_origin is not None and sent_origin != origin:
        return False
    if fetch_site is None and sent_origin is None:
        referer = request.headers.get("Referer")
        return bool(referer) and _same(referer, origin)
    return True
