from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "cms.catalogue"
    label = "catalogue"
    verbose_name = _("Service catalogue")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, once the app registry is ready: signal receivers need the models.
        from cms.core.page_cache import bump_on_change_of

        from .models import RegionalService

        # Every local page shows its regional service: a change there is a change of them.
        bump_on_change_of(RegionalService)
