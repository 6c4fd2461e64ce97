from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MunicipalitiesConfig(AppConfig):
    name = "cms.municipalities"
    label = "municipalities"
    verbose_name = _("Municipalities")

    def ready(self):
        # Imported here, once the app registry is ready: signal receivers need the models.
        from cms.core.page_cache import bump_on_change_of
        from cms.core.register import register_resolver

        from . import aliases  # noqa: F401 - connects the alias cache's signals
        from .models import Municipality

        bump_on_change_of(Municipality)
        # The request's register (formal "u" or informal "je") is its site's.
        register_resolver(
            lambda request: getattr(Municipality.for_request(request), "register", None)
        )
