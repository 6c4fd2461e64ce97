"""/api/v2/top-tasks/[?locale=nl|fr|en]: what a site's home page leads with, for apps and
kiosks.

On a municipality's host: the tasks of its home page in that language (cms/journeys/tasks.py),
each with its label, absolute URL and the languages of the label and of the page; a site
without a home in that language answers with its Dutch tasks (``meta.locale`` says which).
On the regional host: the region's most asked services, each with the URL of the place
finder for that service. Any other parameter, a repeated ``locale`` or one that is not
a language of the region is a 400 that names the parameter; ``?site=`` is refused as on
the other endpoints (the host decides).
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from rest_framework.response import Response

from cms.core.api import PublicAPIView
from cms.core.locales import language_code
from cms.municipalities.models import Municipality
from cms.pages.models import HomePage

from .tasks import top_tasks
from .templatetags.top_tasks import most_asked_services

__all__ = ["TopTasksAPIView"]

LOCALES = ("nl", "fr", "en")


class BadRequest(Exception):
    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter


def read_locale(params):
    if "site" in params:
        raise BadRequest("site", _("The site is the host name you ask; 'site' is not accepted."))
    unknown = sorted(set(params) - {"locale"})
    if unknown:
        raise BadRequest(
            unknown[0][:40],
            _("Unknown parameter %(names)s; known: %(known)s.")
            % {"names": ", ".join(repr(name[:40]) for name in unknown[:5]), "known": "locale"},
        )
    values = params.getlist("locale")
    if len(values) > 1:
        raise BadRequest("locale", _("Give locale once."))
    locale = values[0].strip().lower() if values else "nl"
    if locale not in LOCALES:
        raise BadRequest(
            "locale",
            _("Unknown locale '%(value)s'; known: %(known)s.")
            % {"value": locale[:40], "known": ", ".join(LOCALES)},
        )
    return locale


def site_home(municipality, locale):
    """The municipality's home page in ``locale``, else its Dutch one: one query."""
    root = municipality.site.root_page
    homes = HomePage.objects.live().filter(depth=2, translation_key=root.translation_key)
    by_language = {language_code(home.locale_id): home for home in homes}
    return by_language.get(locale) or by_language.get("nl")


class TopTasksAPIView(PublicAPIView):
    """Registered on the API router like the other endpoints (cms/api/urls.py)."""

    model = Municipality

    def get(self, request):
        try:
            locale = read_locale(request.GET)
        except BadRequest as error:
            return Response({"message": str(error), "parameter": error.parameter}, status=400)
        municipality = Municipality.for_request(request)
        if municipality is None:
            return self.region(request)
        home = site_home(municipality, locale)
        if home is None:
            return Response({"meta": {"total_count": 0, "locale": locale}, "items": []})
        items = [
            {
                "label": task.label,
                "url": request.build_absolute_uri(task.url),
                "lang": task.lang,
                "hreflang": task.hreflang or None,
            }
            for task in top_tasks(home, request)
        ]
        meta = {"total_count": len(items), "locale": language_code(home.locale_id)}
        return Response({"meta": meta, "items": items})

    def region(self, request):
        finder = reverse("place-finder")
        items = [
            {
                "label": name,
                "url": request.build_absolute_uri(f"{finder}?{urlencode({'dienst': ident})}"),
                "lang": "nl",
                "hreflang": "nl",
                "service": ident,
            }
            for ident, name in ((s.identifier, s.name) for s in most_asked_services())
        ]
        return Response({"meta": {"total_count": len(items), "locale": "nl"}, "items": items})
