"""Puts the register of the request's site in force for the whole request."""

from .resolvers import register_for_request
from .state import override
from .translation import install

# Nothing to translate, and no reason to look the site up.
SKIPPED_PREFIXES = ("/healthz", "/static/", "/media/")


class RegisterMiddleware:
    """After LocaleMiddleware: the request's register (formal unless its site says
    informal), restored when the response is complete.

    It runs for the admin too: the informal catalogue holds citizen-facing strings only,
    so the admin does not change, while a preview shows the site as its citizens see it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(SKIPPED_PREFIXES):
            return self.get_response(request)
        install()
        with override(register_for_request(request)):
            return self.get_response(request)
