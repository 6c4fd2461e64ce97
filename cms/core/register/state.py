"""The register (formal "u" or informal "je") that applies to the current request.

Kept in an ``asgiref`` Local, like Django's active language: one value per thread and per
asyncio task, so concurrent requests never see each other's register.
"""

from contextlib import contextmanager

from asgiref.local import Local
from django.utils.translation import get_language

FORMAL = "formal"
INFORMAL = "informal"
REGISTERS = (FORMAL, INFORMAL)

_state = Local()


def get_register():
    """The register in force: the request's (see the middleware), else formal."""
    return getattr(_state, "value", FORMAL)


def is_informal():
    """Whether the informal Dutch is in force: the register is informal and the active
    language Dutch (French keeps "vous", English has no register)."""
    return get_register() == INFORMAL and (get_language() or "").split("-")[0] == "nl"


def activate(register):
    """Use ``register`` in this thread/task until :func:`deactivate`; unknown values mean
    formal, the default the interface is written in."""
    _state.value = register if register in REGISTERS else FORMAL


def deactivate():
    if hasattr(_state, "value"):
        del _state.value


@contextmanager
def override(register):
    """Use ``register`` inside the block, then restore what was in force before."""
    had, previous = hasattr(_state, "value"), getattr(_state, "value", None)
    activate(register)
    try:
        yield
    finally:
        if had:
            _state.value = previous
        else:
            deactivate()
