"""Send a municipality's other host names to its one canonical address.

``sites/<slug>.toml`` lists several production host names (``www.kortrijk.be`` and
``kortrijk.be``); the Wagtail Site answers on the first, this middleware redirects the
others permanently, keeping the path and query string.
"""

from django.http import HttpResponsePermanentRedirect
from django.http.request import split_domain_port

from .aliases import host_aliases


class HostAliasRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return self.get_response(request)
        hostname, _port = split_domain_port(request.get_host())
        target = host_aliases().get(hostname)
        if target:
            return HttpResponsePermanentRedirect(target + request.get_full_path())
        return self.get_response(request)
