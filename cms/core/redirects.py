"""Where to send the user after a form: a ``next`` address, only when it stays on this host."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next_url(request, default):
    """The ``next`` parameter of ``request`` (POST, then GET) when it points at this host,
    else ``default``: never an open redirect."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return default
