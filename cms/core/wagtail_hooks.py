from django.http import Http404
from wagtail import hooks

from .locales import language_code


@hooks.register("before_serve_page")
def serve_only_in_own_language(page, request, serve_args, serve_kwargs):
    """/fr/... serves French pages only: a locale a site lacks is a 404, not a copy."""
    language = getattr(request, "LANGUAGE_CODE", None)
    if language and language != language_code(page.locale_id):
        raise Http404
