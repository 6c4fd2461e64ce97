"""The joint index's backends, chosen by ``settings.JOINT_SEARCH``:

    JOINT_SEARCH = {"BACKEND": "search.backends.elasticsearch.ElasticsearchBackend",
                    "OPTIONS": {"URL": "http://es:9200", "INDEX": "voordeur-joint"}}

An empty BACKEND means the embedded one for the database in use: SQLite FTS5 or
PostgreSQL full-text search. The embedded index is always kept current (it is what search
falls back to when the configured backend cannot be reached).
"""

import logging

from django.conf import settings
from django.core.signals import setting_changed
from django.db import connections
from django.utils.module_loading import import_string

from .base import BackendUnavailable, JointBackend
from .embedded import EmbeddedBackend

__all__ = [
    "EMBEDDED_BACKENDS",
    "BackendUnavailable",
    "EmbeddedBackend",
    "JointBackend",
    "autocomplete",
    "get_backend",
    "get_embedded_backend",
    "reset_backends",
    "search",
    "writable_backends",
]

logger = logging.getLogger(__name__)

EMBEDDED_BACKENDS = {
    "sqlite": "search.backends.sqlite.SQLiteBackend",
    "postgresql": "search.backends.postgres.PostgresBackend",
}
_backends = {}


def _config():
    config = getattr(settings, "JOINT_SEARCH", None) or {}
    return config.get("BACKEND") or "", dict(config.get("OPTIONS") or {})


def get_embedded_backend():
    """The embedded backend for the default database's vendor."""
    if "embedded" not in _backends:
        vendor = connections["default"].vendor
        if vendor not in EMBEDDED_BACKENDS:
            raise LookupError(f"No embedded joint search backend for {vendor}.")
        _backends["embedded"] = import_string(EMBEDDED_BACKENDS[vendor])()
    return _backends["embedded"]


def get_backend():
    """The configured backend (settings.JOINT_SEARCH), the embedded one by default."""
    path, options = _config()
    if not path:
        return get_embedded_backend()
    if "configured" not in _backends:
        _backends["configured"] = import_string(path)(**options)
    return _backends["configured"]


def writable_backends():
    """Every backend an index update goes to: the embedded one, and the configured one."""
    embedded = get_embedded_backend()
    configured = get_backend()
    return [embedded] if configured is embedded else [embedded, configured]


def search(query):
    """Answer ``query`` from the configured backend, or from the embedded one (with
    ``fallback=True``) when the configured one cannot be reached."""
    backend = get_backend()
    try:
        return backend.search(query)
    except BackendUnavailable:
        if backend.embedded:
            raise
        logger.warning("Joint search backend unreachable; answering from the embedded index.")
        results = get_embedded_backend().search(query)
        results.fallback = True
        return results


def autocomplete(prefix, municipality, locale, limit=8):
    backend = get_backend()
    try:
        return backend.autocomplete(prefix, municipality, locale, limit)
    except BackendUnavailable:
        if backend.embedded:
            raise
        return get_embedded_backend().autocomplete(prefix, municipality, locale, limit)


def reset_backends(**kwargs):
    """Forget the backends built so far (settings changed)."""
    if kwargs.get("setting") in (None, "JOINT_SEARCH", "DATABASES"):
        for backend in _backends.values():
            close = getattr(getattr(backend, "db", None), "close", None)
            if close:
                close()
        _backends.clear()


setting_changed.connect(reset_backends)
