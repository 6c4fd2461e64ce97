"""The UiTdatabank Search API v3 over HTTP: every page of the events at some postcodes.

``GET {UITDATABANK_URL}/events/?q=address.\\*.postalCode:(8500 OR 8501)&embed=true&start=0
&limit=50`` with the key in the ``x-api-key`` header; the response says ``totalItems``, and
the pages are asked for until that many members came back. Every failure (no key, a host
that does not answer in time, an HTTP error, a body that is not JSON or not a collection)
is a :class:`UitdatabankError` with the address and the reason, raised before anything is
imported.
"""

import json
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit
from urllib.request import Request, urlopen

from .parser import UitdatabankError, members

PAGE_SIZE = 50
TIMEOUT = 20  # seconds per request
MAX_PAGE_BYTES = 20 * 1024 * 1024
MAX_EVENTS = 10_000  # the Search API's own window (start + limit)


def postcode_query(postcodes):
    return "address.\\*.postalCode:(" + " OR ".join(sorted(postcodes)) + ")"


def _get(url, api_key, timeout):
    headers = {"x-api-key": api_key, "Accept": "application/json"}
    request = Request(url, headers=headers)  # noqa: S310 (fetch_events allows http(s) only)
    try:
        with urlopen(request, timeout=timeout) as response:  # noqa: S310 (as above)
            body = response.read(MAX_PAGE_BYTES + 1)
    except HTTPError as error:
        raise UitdatabankError(f"{url}: HTTP {error.code} {error.reason}") from None
    except (URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise UitdatabankError(f"{url}: no answer ({reason})") from None
    if len(body) > MAX_PAGE_BYTES:
        raise UitdatabankError(f"{url}: the answer is larger than {MAX_PAGE_BYTES} bytes")
    try:
        return json.loads(body)
    except ValueError as error:
        raise UitdatabankError(f"{url}: the answer is not JSON ({error})") from None


def fetch_events(base_url, api_key, postcodes, *, timeout=TIMEOUT, page_size=PAGE_SIZE):
    """Every Event document at ``postcodes``, all pages, as one response dict."""
    if not base_url or not api_key:
        raise UitdatabankError(
            "set UITDATABANK_URL and UITDATABANK_API_KEY in the environment, or use --file"
        )
    if urlsplit(base_url).scheme not in ("http", "https"):
        raise UitdatabankError(f"UITDATABANK_URL {base_url[:80]!r} is not an http(s) address")
    collected, start, total = [], 0, None
    while total is None or start < total:
        query = urlencode(
            {"q": postcode_query(postcodes), "embed": "true", "start": start, "limit": page_size}
        )
        url = f"{base_url.rstrip('/')}/events/?{query}"
        data = _get(url, api_key, timeout)
        page = members(data) if isinstance(data, dict) else []
        total = data.get("totalItems") if isinstance(data, dict) else None
        if isinstance(total, bool) or not isinstance(total, int) or total < 0:
            raise UitdatabankError(f"{url}: not a Search API collection (no totalItems)")
        if total > MAX_EVENTS:
            raise UitdatabankError(f"{url}: {total} events, more than the {MAX_EVENTS} asked")
        collected.extend(page)
        if not page:
            break
        start += len(page)
    return {"totalItems": len(collected), "member": collected}
