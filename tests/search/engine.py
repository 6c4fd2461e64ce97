"""Helpers for the engine's tests: publish content pages on a municipality's site."""

from wagtail.models import Page

from cms.municipalities.models import Municipality
from cms.pages.models import ContentPage


def home_of(slug):
    return Municipality.objects.get(slug=slug).site.root_page.specific


def publish_page(slug, title, summary="", text="", parent=None, **fields):
    """A live ContentPage under ``slug``'s home (or ``parent``), published through a revision
    like an editor's, so the page_published signal fires."""
    parent = parent or home_of(slug)
    body = [("paragraph", f"<p>{text}</p>")] if text else []
    page = ContentPage(title=title, summary=summary, **fields)
    parent.add_child(instance=page)
    if body:
        page.body = body
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific
