from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteSyncConfig(AppConfig):
    """Sites as code: ``sync_sites`` turns the sites/ files into Wagtail Sites, page trees,
    groups and permissions. It sits above every feature app, which it composes."""

    name = "cms.sitesync"
    label = "sitesync"
    verbose_name = _("Sites as code")
