from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JourneysConfig(AppConfig):
    name = "cms.journeys"
    label = "journeys"
    verbose_name = _("Citizens' journeys")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, once the app registry is ready: signal receivers need the models.
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from cms.core.page_cache import bump_on_change_of

        from .models import RegionalJourney
        from .templatetags.journeys import forget_latest

        # Every journey page shows its regional journey's steps live: a change there is a
        # change of those pages (and of the "Part of" navigation on the pages it names).
        bump_on_change_of(RegionalJourney)
        for signal in (post_save, post_delete):
            signal.connect(forget_latest, sender=RegionalJourney, dispatch_uid=f"j_{signal!r}")
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(forget_latest, dispatch_uid=f"journeys_forget_{signal!r}")
        post_delete.connect(forget_latest, sender=Page, dispatch_uid="journeys_forget_page_del")
