"""Serve a theme's public files as static files under ``themes/``.

``themes/<name>/logo.svg`` and ``favicon.svg`` and the fonts in ``themes/fonts/`` become
``{% static 'themes/<name>/logo.svg' %}`` and so on, for runserver, whitenoise and
collectstatic alike. Nothing else of themes/ is published (not theme.toml, not the base
templates); themes/base/static/ is served by STATICFILES_DIRS.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import utils
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

__all__ = ["ThemeAssetFinder"]

PREFIX = "themes"
PUBLIC_SUFFIXES = (".svg", ".woff2", ".txt")
SKIPPED = ("base",)  # the base templates and stylesheets are not a theme


class ThemeAssetFinder(BaseFinder):
    def _root(self):
        return Path(settings.THEMES_DIR).resolve()

    def _is_public(self, relative):
        parts = Path(relative).parts
        return (
            len(parts) >= 2
            and parts[0] not in SKIPPED
            and not any(part.startswith(".") for part in parts)
            and Path(relative).suffix in PUBLIC_SUFFIXES
        )

    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False, **kwargs):
        find_all = kwargs.get("all", find_all)
        match = []
        if path.startswith(PREFIX + "/"):
            relative = path[len(PREFIX) + 1 :]
            root = self._root()
            candidate = (root / relative).resolve()
            if (
                candidate.is_relative_to(root)
                and candidate.is_file()
                and self._is_public(candidate.relative_to(root))
            ):
                match = [str(candidate)]
        return match if find_all else (match[0] if match else [])

    def list(self, ignore_patterns):
        root = self._root()
        if not root.is_dir():
            return
        storage = FileSystemStorage(location=str(root))
        storage.prefix = PREFIX
        for path in utils.get_files(storage, ignore_patterns or []):
            if self._is_public(path):
                yield path, storage
