from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        # Imported here, once the app registry is ready: signal receivers need the models.
        from . import page_cache
        from .register import checks  # noqa: F401 - registers the register check

        page_cache.connect_signals()
