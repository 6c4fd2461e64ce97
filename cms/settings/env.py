"""The one place settings read the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env(name, default=None, *, cast=str, required=False):
    """Read ``name`` from the environment, cast to ``cast`` (str, bool, int or list)."""
    raw = os.environ.get(name)
    if raw is None:
        if required:
            raise ImproperlyConfigured(f"Set the environment variable {name}.")
        return default
    if cast is bool:
        value = raw.strip().lower()
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use 1/0, true/false).")
    if cast is list:
        return [item.strip() for item in raw.split(",") if item.strip()]
    if cast is int:
        try:
            return int(raw)
        except ValueError as error:
            raise ImproperlyConfigured(f"{name}={raw!r} is not an integer.") from error
    return raw
