"""Helpers of the merger tests: a copy of sites/, a merger's file, content to merge."""

from io import StringIO

from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page

from cms.catalogue.models import LocalServicePage
from cms.municipalities.models import Municipality
from cms.news.models import NewsArticlePage
from cms.pages.models import ContentPage
from tests.catalogue.factories import local_page

NEW_FILE = """\
name = "Gemeente {short}"
short_name = "{short}"
languages = {languages}
{merges}

[hostnames]
production = ["www.{slug}.be", "{slug}.be"]

[contact]
address = "Markt 1"
postcode = "8570"
city = "{short}"
phone = "+32 56 00 00 00"
email = "info@{slug}.be"

[desk]
name = "Gemeentehuis"

[desk.hours]
monday = ["08:30-12:00"]
"""


def write_merger(sites_dir, slug, merges, languages=("nl",), merges_line=None):
    """Write sites/<slug>.toml for a new municipality merging ``merges``."""
    line = merges_line if merges_line is not None else f"merges = {list(merges)!r}"
    text = NEW_FILE.format(
        short=slug.capitalize(),
        slug=slug,
        languages=repr(list(languages)).replace("'", '"'),
        merges=line.replace("'", '"'),
    )
    (sites_dir / f"{slug}.toml").write_text(text)


def sync(*args):
    """Run sync_sites; (stdout, stderr, the CommandError or None)."""
    out, err = StringIO(), StringIO()
    try:
        call_command("sync_sites", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def home_of(slug, language="nl"):
    home = Municipality.objects.get(slug=slug).site.root_page
    if language == "nl":
        return home
    return home.get_translation(Locale.objects.get(language_code=language))


def section(home, slug):
    return Page.objects.child_of(home).get(slug=slug).specific


def add(parent, model=ContentPage, **fields):
    """Add a published page under ``parent``."""
    page = model(locale_id=parent.locale_id, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_news(home, slug, title):
    return add(section(home, "nieuws"), NewsArticlePage, title=title, slug=slug)


def give_local_facts(slug, service, **facts):
    """The municipality's local page of ``service``, with ``facts`` published on it."""
    page = local_page(slug, service)
    for name, value in facts.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return LocalServicePage.objects.get(pk=page.pk)


def page_at(slug, path, language="nl"):
    """The page at ``path`` ("nieuws/markt/") on municipality ``slug``'s site."""
    home = home_of(slug, language)
    return Page.objects.get(url_path=home.url_path + path).specific


def wrong_redirects(client, cases, new_host):
    """The old addresses of ``cases`` ((old host, old path, new path), ...) that do not answer
    301 to the new path on ``new_host``, or whose new page does not answer 200."""
    wrong = []
    for host, path, target in cases:
        response = client.get(path, HTTP_HOST=host)
        location = response.get("Location")
        if (response.status_code, location) != (301, f"http://{new_host}{target}"):
            wrong.append(f"{host}{path}: {response.status_code} {location}")
        elif client.get(target, HTTP_HOST=new_host).status_code != 200:
            wrong.append(f"{host}{path} -> {target}: the new page does not answer 200")
    return wrong
