"""An editor of one municipality cannot reach anything of another: site settings, reports,
the dashboard and form submissions for sampled pairs, and the core vectors swept for one
editor against all twelve other municipalities. Pages: test_isolation_pages.py; images,
documents, choosers and the public API: test_isolation_media.py. Set-up: isolation.py."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from wagtail.models import Page
from wagtail_localize.models import Translation

from cms.municipalities.models import Municipality
from tests.factories import UserFactory

from .isolation import SEARCH_WORD, host, make_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_media_root")]

SWEEP_EDITOR = "kuurne"
MUNICIPALITIES = sorted(
    path.stem
    for path in Path(django_settings.SITES_DIR).glob("*.toml")
    if not path.stem.startswith("_")
)


def settings_url(municipality):
    return f"/admin/settings/municipalities/municipality/{municipality.site_id}/"


def test_site_settings_only_of_the_own_municipality(client, pair, role):
    world = make_world(client, *pair, role)
    own, other = world.own.municipality, world.other.municipality
    before = Municipality.objects.filter(pk=other.pk).values().get()
    world.refused(world.get(settings_url(other)), "B's settings")
    data = {"tagline": "Overgenomen", "notice": "Overgenomen"}
    world.refused(world.post(settings_url(other), data), "B's settings POST")
    world.check(Municipality.objects.filter(pk=other.pk).values().get() == before, "B changed")
    # The settings menu leads to the own site, whatever host the admin is on.
    world.client.defaults["HTTP_HOST"] = host(other.slug)
    response = world.get("/admin/settings/municipalities/municipality/")
    world.refused(response, "settings menu on B's host", redirects=(settings_url(own),))
    world.client.defaults["HTTP_HOST"] = host(own.slug)
    # Positive control: the own settings open and save.
    world.clean(world.get(settings_url(own)), "own settings")
    response = world.post(settings_url(own), {"tagline": "Eigen", "notice": ""})
    world.clean(response, "own settings POST", status=302)
    world.check(Municipality.objects.get(pk=own.pk).tagline == "Eigen", "own tagline not saved")
    world.done()


def test_dashboard_and_reports_show_nothing_of_the_other(client, pair, role):
    world = make_world(client, *pair, role, with_moderation=True)
    other = world.other
    world.clean(world.get("/admin/"), "dashboard")
    for report in ("locked", "site-history", "aging-pages", "workflow", "workflow_tasks"):
        # Editors may not open the locked pages report: refused or clean, never B.
        world.clean_or_refused(world.get(f"/admin/reports/{report}/"), report)
        url = f"/admin/reports/{report}/results/"
        world.clean_or_refused(world.get(url), f"{report} results")
    # Names every site's last edited page: superusers only, and out of the menu.
    world.refused(world.get("/admin/reports/page-types-usage/"), "page types usage")
    world.refused(world.get("/admin/reports/page-types-usage/results/"), "page types usage")
    world.check(
        b"/admin/reports/page-types-usage/" not in world.get("/admin/").content, "menu item"
    )
    world.clean(world.get("/admin/forms/"), "form pages")
    world.refused(world.get(f"/admin/forms/submissions/{other.page.pk}/"), "submissions")
    world.done()


def test_translations_report_lists_only_own_pages(client, pair):
    world = make_world(client, *pair)
    own, other = world.own, world.other
    for url in (
        "/admin/localize/reports/translations/",
        "/admin/localize/reports/translations/results/",
    ):
        response = world.get(url)
        world.clean(response, url)
        body = response.content.decode()
        world.check(f"/admin/pages/{other.home.pk}/edit/" not in body, f"{url}: B's pages")
        own_translated = Translation.objects.filter(source__object_id=own.home.translation_key)
        world.check(
            (f"/admin/pages/{own.home.pk}/edit/" in body) == own_translated.exists(),
            f"{url}: own translations missing (positive control)",
        )
    world.done()


def test_the_sweep_covers_every_municipality():
    assert len(MUNICIPALITIES) == 13
    assert set(MUNICIPALITIES) == set(Municipality.objects.values_list("slug", flat=True))


@pytest.mark.parametrize("other_slug", [m for m in MUNICIPALITIES if m != SWEEP_EDITOR])
def test_sweep_one_editor_against_every_other_municipality(client, other_slug):
    world = make_world(client, SWEEP_EDITOR, other_slug)
    own, other = world.own, world.other
    page = other.page
    before = Page.objects.filter(pk=page.pk).values_list("title", "path", "live").get()
    # Positive controls, so the refusals below cannot pass vacuously.
    world.clean(world.get(f"/admin/pages/{own.home.pk}/"), "own explorer", expect_own=True)
    world.clean(world.get(f"/admin/pages/{own.page.pk}/edit/"), "own edit", expect_own=True)
    world.clean(world.get("/admin/images/chooser/"), "image chooser", expect_own=True)
    world.clean(world.get("/admin/documents/chooser/"), "document chooser", expect_own=True)
    world.clean(world.get(f"/admin/choose-page/search/?q={SEARCH_WORD}"), "page chooser search")
    world.clean(world.get(f"/admin/pages/search/?q={SEARCH_WORD}"), "page search")
    own_home = ("/admin/", f"/admin/pages/{own.home.pk}/")
    world.refused(world.get(f"/admin/pages/{other.home.pk}/"), "explore", redirects=own_home)
    for url in (
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/{page.pk}/history/",
        f"/admin/pages/{page.pk}/revisions/{other.live_revision.pk}/view/",
        f"/admin/pages/{page.pk}/edit/preview/",
        f"/admin/pages/{page.pk}/move/",
        f"/admin/pages/{page.pk}/copy/",
        f"/admin/pages/{page.pk}/delete/",
        f"/admin/choose-page/{other.home.pk}/",
        f"/admin/bulk/wagtailcore/page/delete/?id={page.pk}",
        f"/admin/images/{other.image.pk}/",
        f"/admin/documents/edit/{other.document.pk}/",
        f"/admin/images/chooser/{other.image.pk}/",
        settings_url(other.municipality),
    ):
        world.refused(world.get(url), f"GET {url}")
    data = {"title": "Overgenomen", "slug": page.slug, "body-count": "0", "action-publish": "1"}
    world.refused(world.post(f"/admin/pages/{page.pk}/edit/", data), "publish")
    world.refused(world.post(f"/admin/pages/{page.pk}/delete/"), "delete")
    world.refused(world.post(f"/admin/pages/{own.page.pk}/move/{other.home.pk}/confirm/"), "move")
    world.refused(world.post(settings_url(other.municipality), {"tagline": "x"}), "settings")
    world.check(
        before == Page.objects.filter(pk=page.pk).values_list("title", "path", "live").get(),
        "B's page changed",
    )
    world.check(not other.home.get_children().filter(slug=own.page.slug).exists(), "moved into B")
    world.clean(world.get("/api/v2/images/"), "images API", expect_own=True)
    world.clean(world.get("/api/v2/documents/"), "documents API", expect_own=True)
    world.clean(world.get(f"/api/v2/pages/?site={host(other_slug)}"), "?site=B", status=400)
    world.done()


def test_superusers_still_reach_every_municipality(client):
    """The narrowing is for editors and moderators: it leaves superusers alone."""
    world = make_world(client, "kortrijk", "menen", with_moderation=True)
    other = world.other
    client.force_login(UserFactory(is_superuser=True))
    for url in (
        f"/admin/pages/{other.home.pk}/",
        f"/admin/pages/{other.page.pk}/edit/",
        f"/admin/choose-page/{other.home.pk}/",
        f"/admin/bulk/wagtailcore/page/delete/?id={other.page.pk}",
        f"/admin/bulk/wagtailimages/image/delete/?id={other.image.pk}",
        "/admin/reports/page-types-usage/",
        f"/admin/localize/submit/page/{other.page.pk}/",
    ):
        response = world.get(url)
        world.check(response.status_code == 200, f"{url}: {response.status_code}")
        world.check(other.marker in response.content.decode(), f"{url}: B's content missing")
    for url in (
        f"/admin/pages/workflow/confirm_cancellation/{other.pending.pk}/",
        settings_url(other.municipality),
    ):
        response = world.get(url)
        world.check(response.status_code == 200, f"{url}: {response.status_code}")
    report = world.get("/admin/localize/reports/translations/").content.decode()
    world.check(f"/admin/pages/{other.home.pk}/edit/" in report, "translations report")
    world.done()


# Tags are one vocabulary for the whole install; the admin offers an editor only the tags
# used in their own collections (cms/municipalities/tags.py). More: test_isolation_filters.py.


def test_tags_of_the_other_collection_in_tag_autocomplete(client):
    world = make_world(client, "kortrijk", "menen")
    world.other.image.tags.add(world.other.marker)
    world.clean(world.get("/admin/tag-autocomplete/?term=q7731"), "tag autocomplete")
    world.done()


def test_tags_of_the_other_collection_in_image_listing_filter(client):
    world = make_world(client, "kortrijk", "menen")
    world.other.image.tags.add(world.other.marker)
    world.clean(world.get("/admin/images/"), "image listing")
    world.done()
