from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from .backends import get_embedded_backend


def _create_index_tables(using="default", **kwargs):
    """The embedded index's tables live beside the site's (derived data: no migrations)."""
    if using == "default":
        get_embedded_backend().ensure_schema(force=True)


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import indexing

        indexing.connect()
        post_migrate.connect(_create_index_tables, dispatch_uid="joint_index_tables")
