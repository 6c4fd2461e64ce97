"""Pages for the sharing tests: drafts, live pages with a newer draft, subpages."""

from urllib.parse import urlsplit

from wagtail.models import Page

from cms.municipalities.models import Municipality
from cms.pages.models import ContentPage
from cms.sharing.models import ShareLink

HOSTS = {slug: f"{slug}.localhost:8000" for slug in ("kortrijk", "menen", "kuurne")}


def home(slug):
    return Municipality.objects.get(slug=slug).site.root_page.specific


def draft_page(municipality, title, parent=None, text="", **fields):
    """A page that was never published: only a draft revision."""
    page = ContentPage(title=title, live=False, summary=f"{title}.", **fields)
    (parent or home(municipality)).add_child(instance=page)
    if text:
        page.body = [("paragraph", f"<p>{text}</p>")]
    page.save_revision()
    return Page.objects.get(pk=page.pk).specific


def live_page_with_draft(slug, live_title, draft_title, parent=None):
    """A published page with a newer, unpublished revision."""
    page = ContentPage(title=live_title, summary=f"{live_title}.")
    (parent or home(slug)).add_child(instance=page)
    page.save_revision().publish()
    page = ContentPage.objects.get(pk=page.pk)
    page.title = draft_title
    page.save_revision()
    return Page.objects.get(pk=page.pk).specific


def share(page, user=None, **kwargs):
    link, token = ShareLink.create_for(page, user, **kwargs)
    return link, token


def path_of(url):
    return urlsplit(url).path
