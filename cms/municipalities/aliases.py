"""Host names a municipality answers on besides its Wagtail Site's, for redirects."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site

from .models import Municipality

CACHE_KEY = "voordeur:host-aliases"


def host_aliases():
    """{alias host name: canonical root URL}, cached until a municipality or site changes."""
    aliases = cache.get(CACHE_KEY)
    if aliases is None:
        aliases = {}
        for municipality in Municipality.objects.select_related("site"):
            for hostname in municipality.hostnames:
                if hostname != municipality.site.hostname:
                    aliases[hostname] = municipality.site.root_url
        # Expires too: a worker with a local-memory cache sees a sync by another process.
        cache.set(CACHE_KEY, aliases, 60)
    return aliases


@receiver(post_save, sender=Municipality)
@receiver(post_delete, sender=Municipality)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def _forget_aliases(**kwargs):
    cache.delete(CACHE_KEY)
