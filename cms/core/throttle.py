"""A per-address limit on what anonymous visitors submit, kept in Django's cache.

The cache is the shared one (Redis when ``REDIS_URL`` is set), so the limit holds across
processes and servers. Addresses are stored hashed (only in the cache, never in the
database); an IPv6 address counts as its /64 network, which one household or one attacker
usually holds whole. Each kind of submission counts on its own (``scope``): the form pages
(``cms.forms``) and the "was this page useful?" votes (``cms.feedback``).

Settings (optional):

``FORMS_RATE_LIMIT``
    ``(submissions, seconds)``, by default ``(5, 600)``: five accepted submissions per
    address in ten minutes, over every form of every site. Other scopes name their own
    setting (``FEEDBACK_RATE_LIMIT``).
``TRUSTED_PROXY_COUNT``
    How many reverse proxies in front of the app append to ``X-Forwarded-For`` (0 by
    default: the peer address is the client's). Behind one nginx, set 1; otherwise every
    visitor shares the proxy's address and so one limit.
"""

import hashlib
import ipaddress
import math
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

DEFAULT_RATE = (5, 600)


def client_address(request):
    """The client's address: the peer, or the entry the last trusted proxy added."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _network(address):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


@dataclass(frozen=True)
class SubmissionLimit:
    key: str
    limit: int
    window: int

    @classmethod
    def for_request(cls, request, scope="forms", setting="FORMS_RATE_LIMIT", default=DEFAULT_RATE):
        """The limit of ``request``'s address in ``scope``, read from ``setting``."""
        limit, window = getattr(settings, setting, default)
        digest = hashlib.sha256(_network(client_address(request)).encode()).hexdigest()
        return cls(key=f"{scope}:submissions:{digest}", limit=limit, window=window)

    @property
    def minutes(self):
        return max(1, math.ceil(self.window / 60))

    def exceeded(self):
        return (cache.get(self.key) or 0) >= self.limit

    def record(self):
        """Count one accepted submission; the window starts at the first one."""
        if cache.add(self.key, 1, self.window):
            return
        try:
            cache.incr(self.key)
        except ValueError:  # expired between add() and incr()
            cache.set(self.key, 1, self.window)
