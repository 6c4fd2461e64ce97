from django.apps import AppConfig
from django.core.checks import register
from django.utils.translation import gettext_lazy as _

from .checks import check_themes


class ThemesConfig(AppConfig):
    name = "cms.themes"
    label = "themes"
    verbose_name = _("Themes")

    def ready(self):
        register(check_themes, "themes")
