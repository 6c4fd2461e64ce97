from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "cms.alerts"
    label = "alerts"
    verbose_name = _("Alerts")

    def ready(self):
        # Imported here, once the app registry is ready: signal receivers need the models.
        from django.db.models.signals import post_delete, post_save

        from cms.core.page_cache import bump_on_change_of

        from .models import Alert
        from .snapshot import forget_latest

        # Publishing, unpublishing, saving or deleting an alert changes the pages it is
        # shown on at once (publishing and unpublishing save the row); its start and end
        # cap how long a page showing it is cached (cms/alerts/templatetags/alerts.py).
        bump_on_change_of(Alert)
        post_save.connect(forget_latest, sender=Alert, dispatch_uid="alerts_forget_on_save")
        post_delete.connect(forget_latest, sender=Alert, dispatch_uid="alerts_forget_on_del")
