from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo users and content for the demo region; never installed in production."""

    name = "cms.demo"
    label = "demo"
    verbose_name = _("Demo content")
