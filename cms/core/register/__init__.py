"""The register of the citizen-facing Dutch: formal ("u") or informal ("je") per site.

See docs/register.md. In short: a municipality's ``register`` (sites/<slug>.toml) is put
in force per request by :class:`~.middleware.RegisterMiddleware`; while it is informal,
every Dutch gettext lookup (templates, forms, messages) first reads the informal
catalogue in ``locale/`` here; :mod:`.checks` keeps that catalogue complete.
"""

from contextlib import contextmanager

from . import state
from .resolvers import register_for_request, register_resolver
from .state import FORMAL, INFORMAL, REGISTERS, deactivate, get_register, is_informal
from .translation import install

__all__ = [
    "FORMAL",
    "INFORMAL",
    "REGISTERS",
    "activate",
    "deactivate",
    "get_register",
    "install",
    "is_informal",
    "override",
    "register_for_request",
    "register_resolver",
]


def activate(register):
    """Use ``register`` (for the Dutch of this thread/task) until :func:`deactivate`."""
    install()
    state.activate(register)


@contextmanager
def override(register):
    """Use ``register`` inside the block, then restore the one in force before; for
    work outside a request (a command, an e-mail), with a Dutch language active."""
    install()
    with state.override(register):
        yield
