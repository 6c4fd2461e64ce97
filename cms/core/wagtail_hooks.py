from django.http import Http404
from wagtail import hooks


@hooks.register("before_serve_page")
def serve_only_in_own_language(page, request, serve_args, serve_kwargs):
    """/fr/... serves French pages only: a locale a site lacks is a 404, not a copy."""
    language = getattr(request, "LANGUAGE_CODE", None)
    if language and language != page.locale.language_code:
        raise Http404
