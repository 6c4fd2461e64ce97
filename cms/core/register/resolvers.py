"""Who knows a request's register: a hook higher layers fill in.

Core knows nothing of municipalities; ``cms.municipalities`` registers, from its
``AppConfig.ready()``, a function that reads the register of the request's site.
"""

from .state import FORMAL

_resolvers = []


def register_resolver(resolver):
    """Add ``resolver(request) -> "formal" | "informal" | None``; the first answer that
    is not None wins."""
    if resolver not in _resolvers:
        _resolvers.append(resolver)


def register_for_request(request):
    for resolver in _resolvers:
        register = resolver(request)
        if register:
            return register
    return FORMAL
