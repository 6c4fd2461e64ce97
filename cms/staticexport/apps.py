from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaticExportConfig(AppConfig):
    """``export_static``: a browsable copy of one municipality's public site as plain files,
    for any web server or CDN when the CMS is down, and for the archive. It renders every
    feature app's pages, so it sits at the top beside cms.sitesync."""

    name = "cms.staticexport"
    label = "staticexport"
    verbose_name = _("Static export")
