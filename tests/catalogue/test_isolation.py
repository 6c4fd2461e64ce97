"""An editor or moderator of kortrijk cannot edit, publish, unpublish, delete, mark reviewed
or even see kuurne's local service pages, nor edit a regional service; they can override a
fact of their own local page and add a channel, and the public page shows it as their own.

Built on the foundation's isolation set-up (tests/municipalities/isolation.py): B's content
carries B's marker, so finding it in a response means it leaked.
"""

import re

import pytest
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.catalogue.models import LocalServicePage, LocalServiceState
from cms.catalogue.models.review import needs_review_q
from tests.factories import editor_of
from tests.municipalities.isolation import ROLES, SEARCH_WORD, make_world

from .factories import RegionalServiceFactory, local_page

pytestmark = pytest.mark.django_db

OWN, OTHER = "kortrijk", "kuurne"


@pytest.fixture
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(params=ROLES)
def role(request):
    return request.param


@pytest.fixture
def world(client, role, _media_root):
    """kortrijk's user against kuurne; both have a flagged local page of one service."""
    world = make_world(client, OWN, OTHER, role)
    service = RegionalServiceFactory(
        identifier="zwartboek-dienst", name=f"{SEARCH_WORD} dienst", processing_time="3 weken"
    )
    for area in (world.own, world.other):
        page = local_page(area.municipality.slug, service)
        page.title = f"{SEARCH_WORD} {area.marker} dienst"
        page.save_revision().publish()
        area.local = LocalServicePage.objects.get(pk=page.pk)
    world.service = service
    service.processing_time = "2 weken"
    service.save()
    flagged = set(LocalServicePage.objects.filter(needs_review_q()).values_list("pk", flat=True))
    assert {world.own.local.pk, world.other.local.pk} <= flagged
    return world


def snapshot(page):
    page = Page.objects.get(pk=page.pk)
    state = LocalServiceState.objects.get(page=page)
    return (
        page.title,
        page.draft_title,
        page.live,
        page.live_revision_id,
        page.latest_revision_id,
        Revision.page_revisions.filter(object_id=str(page.pk)).count(),
        state.reviewed_at,
        state.reviewed_by_id,
    )


def local_form_data(page, **fields):
    """What the local page's edit form posts; ``fields`` override the page's values."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "description_override": rich_text(""),
        "requirements_override": streamfield([]),
        "procedure_override": streamfield([]),
        "exceptions_override": rich_text(""),
        "processing_time_override": "",
        "local_costs": streamfield([]),
        "local_conditions": rich_text(""),
        "locations": streamfield([]),
        "channels": streamfield([]),
    }
    data.update(fields)
    return nested_form_data(data)


def phone_channel(number):
    return (
        "channel",
        {
            "kind": "phone",
            "name": "Contactcenter",
            "location": "",
            "address": "",
            "hours": streamfield([]),
            "appointment_required": "",
            "appointment_url": "",
            "phone": number,
            "url": "",
            "processing_time": "",
            "cost": "",
        },
    )


def test_the_other_local_page_cannot_be_edited_published_unpublished_or_deleted(world):
    page = world.other.local
    before = snapshot(page)
    url = f"/admin/pages/{page.pk}/"
    data = local_form_data(page, title="Overgenomen", processing_time_override="Nooit")
    world.refused(world.get(f"{url}edit/"), "edit view")
    world.refused(world.post(f"{url}edit/", data), "edit POST")
    world.refused(world.post(f"{url}edit/", {**data, "action-publish": "1"}), "publish")
    world.refused(world.post(f"{url}edit/", {**data, "action-submit": "1"}), "submit")
    world.refused(world.get(f"{url}unpublish/"), "unpublish view")
    world.refused(world.post(f"{url}unpublish/"), "unpublish")
    world.refused(world.get(f"{url}delete/"), "delete view")
    world.refused(world.post(f"{url}delete/"), "delete")
    world.check(before == snapshot(page), "kuurne's local page changed")
    world.done()


def test_the_other_local_page_cannot_be_reviewed(world):
    page = world.other.local
    before = snapshot(page)
    mark = f"/admin/catalogue/review/{page.pk}/mark/"
    response = world.post(mark)
    world.check(response.status_code == 403, f"mark reviewed: {response.status_code}")
    world.no_leak(response, "mark reviewed")
    world.refused(world.post(mark, {"next": f"/admin/pages/{page.pk}/edit/"}), "mark + next")
    world.refused(world.get(f"/admin/catalogue/review/{page.pk}/"), "review view")
    world.check(before == snapshot(page), "kuurne's review state changed")
    world.check(
        LocalServicePage.objects.filter(needs_review_q(), pk=page.pk).exists(),
        "kuurne's page no longer flagged",
    )
    world.done()


def test_review_panel_and_report_show_only_own_pages(world):
    own, other = world.own, world.other
    world.clean(world.get("/admin/"), "dashboard", expect_own=True)
    world.clean(world.get("/admin/catalogue/review/"), "report", expect_own=True)
    world.clean(world.get("/admin/catalogue/review/results/"), "report results", expect_own=True)
    kuurne = other.municipality.pk
    for query in (f"municipality={kuurne}", f"service={world.service.pk}", f"q={SEARCH_WORD}"):
        world.clean(world.get(f"/admin/catalogue/review/?{query}"), f"report ?{query}")
        world.clean(world.get(f"/admin/catalogue/review/results/?{query}"), f"results ?{query}")
    # Positive control: the own page is marked reviewed and leaves the report.
    response = world.post(f"/admin/catalogue/review/{own.local.pk}/mark/", {"next": "/admin/"})
    world.check(response.status_code == 302, f"own mark reviewed: {response.status_code}")
    world.check(
        f"/admin/catalogue/review/{own.local.pk}/mark/"
        not in world.get("/admin/catalogue/review/").content.decode(),
        "own page still listed after review",
    )
    world.done()


def test_regional_services_cannot_be_edited(world):
    service = world.service
    before = service.facts()
    url = "/admin/snippets/catalogue/regionalservice/"
    world.refused(world.get(url), "snippet listing")
    world.refused(world.get(f"{url}edit/{service.pk}/"), "snippet edit view")
    world.refused(world.post(f"{url}edit/{service.pk}/", {"name": "Gekaapt"}), "snippet edit")
    world.refused(world.post(f"{url}delete/{service.pk}/"), "snippet delete")
    service.refresh_from_db()
    world.check(service.facts() == before, "regional service changed")
    world.done()


def test_own_local_page_takes_an_override_and_a_channel(world, role, host_client):
    own = world.own
    page = own.local
    data = local_form_data(
        page,
        processing_time_override="Binnen 2 werkdagen aan de balie",
        channels=streamfield([phone_channel("056 27 00 00")]),
    )
    if role == "moderators":
        data["action-publish"] = "1"
    response = world.post(f"/admin/pages/{page.pk}/edit/", data)
    world.check(response.status_code == 302, f"own edit: {response.status_code}")
    world.done()
    if role == "editors":
        # Editors save a draft; their moderator publishes it.
        revision = LocalServicePage.objects.get(pk=page.pk).get_latest_revision()
        revision.publish(user=editor_of(OWN, role="moderators"))
    page = LocalServicePage.objects.get(pk=page.pk)
    assert page.live and page.processing_time_override == "Binnen 2 werkdagen aan de balie"
    assert page.facts.processing_time.local

    html = host_client(OWN).get("/" + page.url_path.split("/", 2)[-1]).content.decode()
    assert "Binnen 2 werkdagen aan de balie" in html
    assert "056 27 00 00" in html
    short_name = own.municipality.short_name
    assert re.search(rf'class="local-marker">[^<]*{short_name}', html)
    assert "2 weken" not in html  # the regional processing time is overridden
