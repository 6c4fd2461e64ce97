"""``manage.py check`` refuses a deploy with a theme that cannot be used."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error

from .loader import DEFAULT_THEME, ThemeError, available_themes, load_theme
from .tokens import TokenError

__all__ = ["check_themes"]


def check_themes(app_configs=None, **kwargs):
    themes_dir = Path(settings.THEMES_DIR)
    names = available_themes(themes_dir)
    errors = []
    if DEFAULT_THEME not in names:
        errors.append(
            Error(
                f"The default theme {DEFAULT_THEME!r} is missing from {themes_dir}.",
                hint=f"Add themes/{DEFAULT_THEME}/theme.toml: sites fall back to it.",
                id="themes.E002",
            )
        )
    for name in names:
        try:
            load_theme(name, themes_dir)
        except ThemeError as error:
            errors.append(
                Error(
                    str(error),
                    hint="Fix the theme's colours or files; see themes/README.md.",
                    obj=f"themes/{name}/theme.toml",
                    id="themes.E001",
                )
            )
        except TokenError as error:
            return [*errors, Error(str(error), id="themes.E003")]
    return errors
