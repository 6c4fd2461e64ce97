"""The admin's user filters and tag lists name only the editor's own municipality's people
and tags: B's editor and moderator carry B's marker in their names and act on B's
content (own, edit, lock, submit for moderation, tag), so the marker anywhere in A's
answer means a name or tag leaked; A's own colleague, named ``<A's marker>naam``, and A's
own tag are the positive controls. Set-up: isolation.py."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from wagtail.log_actions import log

from cms.municipalities.access import REGIONAL_EDITORS
from cms.municipalities.people import visible_users
from cms.pages.models import ContentPage
from tests.alerts.helpers import make_alert
from tests.factories import UserFactory, editor_of

from .isolation import make_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_media_root")]

PAGE_LISTINGS = ("/admin/pages/{home}/", "/admin/pages/usage/pages/contentpage/")


@dataclass
class People:
    own: object  # A's colleague, who owns, edits, locks and submits A's page
    editor: object  # B's editor, who owns, edits and submits B's page
    moderator: object  # B's moderator, who locks B's page


def act_on(area, editor, locker):
    """``editor`` owns and edits the area's page, submits a new one for moderation and edits
    an alert and the image; ``locker`` locks the home page; the image and document get a
    tag."""
    page = area.page
    page.owner = editor
    page.save(update_fields=["owner"])
    page.save_revision(user=editor, log_action=True)
    pending = ContentPage(title="Ter goedkeuring", slug=f"keuring-{area.municipality.slug}")
    pending.live = False
    area.home.add_child(instance=pending)
    pending.save_revision(user=editor, log_action=True)
    pending.get_workflow().start(pending, editor)
    home = area.home
    home.locked, home.locked_by = True, locker
    home.save(update_fields=["locked", "locked_by"])
    for item in (area.image, area.document):
        item.tags.add(f"{area.marker}tag")
    # Entries of the site history beside the pages': an alert's and an image's.
    log(
        make_alert(area.municipality.slug, title=f"{area.marker} alert"),
        "wagtail.edit",
        user=editor,
    )
    log(area.image, "wagtail.edit", user=editor)


def named(slug, marker, role):
    return editor_of(
        slug,
        role=role,
        username=f"{marker}naam-{role}",
        first_name="Naam",
        last_name=f"{marker}naam",
    )


def make_people_world(client, own_slug="kortrijk", other_slug="menen", role="moderators"):
    world = make_world(client, own_slug, other_slug, role)
    own, other = world.own, world.other
    people = People(
        own=named(own_slug, own.marker, "moderators"),
        editor=named(other_slug, other.marker, "editors"),
        moderator=named(other_slug, other.marker, "moderators"),
    )
    act_on(own, people.own, people.own)
    act_on(other, people.editor, people.moderator)
    return world, people


def names_own(world, response, label):
    """Positive control: A's colleague is named (by name or user name; no title of A's
    content contains the marker followed by "naam")."""
    world.check(f"{world.own.marker}naam" in world._body(response), f"{label}: A's own missing")


@pytest.fixture
def people_world(client, pair, role):
    return make_people_world(client, *pair, role=role)


def test_page_listings_filter_by_own_people_only(people_world):
    world, people = people_world
    other_people = f"owner={people.editor.pk}&edited_by={people.editor.pk}"
    for url in PAGE_LISTINGS:
        url = url.format(home=world.own.home.pk)
        response = world.get(url)
        world.clean(response, url)
        names_own(world, response, url)
        world.clean(world.get(f"{url}results/"), f"{url} results")
        # Naming B's editor in the query does not make the active filters name them.
        world.clean(world.get(f"{url}?{other_people}&search_all=1"), f"{url} with B's people")
        world.clean(world.get(f"{url}results/?{other_people}"), f"{url} results, B's people")
    world.done()


def test_site_history_filters_by_own_people_only(people_world):
    world, people = people_world
    for url in ("/admin/reports/site-history/", "/admin/reports/site-history/results/"):
        response = world.get(url)
        world.clean(response, url)
        names_own(world, response, url)
        world.clean(world.get(f"{url}?user={people.editor.pk}"), f"{url}, B's editor")
    world.done()


def test_locked_pages_report_filters_by_own_people_only(client, pair):
    world, people = make_people_world(client, *pair, role="moderators")
    for url in ("/admin/reports/locked/", "/admin/reports/locked/results/"):
        response = world.get(url)
        world.clean(response, url)
        if not url.endswith("results/"):  # the filter form is on the full page only
            names_own(world, response, url)
        world.clean(world.get(f"{url}?locked_by={people.moderator.pk}"), f"{url}, B's moderator")
    world.done()


def test_workflow_report_filters_by_own_people_only(client, pair):
    world, people = make_people_world(client, *pair, role="moderators")
    for url in ("/admin/reports/workflow/", "/admin/reports/workflow/results/"):
        response = world.get(url)
        world.clean(response, url)
        names_own(world, response, url)
        world.clean(world.get(f"{url}?requested_by={people.editor.pk}"), f"{url}, B's editor")
    world.done()


def test_tags_of_the_own_collection_only(client, pair):
    world, _ = make_people_world(client, *pair, role="editors")
    own_tag = f"{world.own.marker}tag"
    for url in ("/admin/tag-autocomplete/", "/admin/tag-autocomplete/taggit/tag/"):
        response = world.get(f"{url}?term=q7731")
        world.clean(response, url)
        world.check(response.json() == [own_tag], f"{url}: {response.json()}")
    for url in ("/admin/images/", "/admin/documents/", "/admin/images/chooser/"):
        response = world.get(url)
        world.clean(response, url)
        world.check(own_tag in world._body(response), f"{url}: own tag missing")
    for url in ("/admin/images/results/", "/admin/documents/results/"):
        world.clean(world.get(url), url)
    world.done()


def test_no_tag_filter_without_own_tags(client):
    """A municipality whose media carry no tags gets no tag filter, not the install's."""
    world, _ = make_people_world(client)
    world.own.image.tags.clear()
    response = world.get("/admin/images/")
    world.clean(response, "images")
    world.check('name="tag"' not in world._body(response), "a tag filter with no own tags")
    world.done()


def test_superusers_still_see_every_name_and_tag(client):
    world, _ = make_people_world(client)
    client.force_login(UserFactory(is_superuser=True))
    marker = world.other.marker
    for url in (
        f"/admin/pages/{world.other.home.pk}/",
        "/admin/reports/site-history/",
        "/admin/reports/locked/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/tag-autocomplete/?term=q7731",
    ):
        response = world.get(url)
        world.check(response.status_code == 200, f"{url}: {response.status_code}")
        world.check(marker in world._body(response), f"{url}: B's names or tags missing")
    world.done()


def test_who_an_editor_sees(client):
    """A's own people, the regional editors and the superusers; not B's people."""
    world, people = make_people_world(client, role="editors")
    regional = UserFactory()
    regional.groups.add(Group.objects.get(name=REGIONAL_EDITORS))
    superuser = UserFactory(is_superuser=True)
    outsider = UserFactory()
    seen = set(visible_users(world.user))
    assert {world.user, people.own, regional, superuser} <= seen
    assert not {people.editor, people.moderator, outsider} & seen
    # A regional editor sees the regional editors and superusers, no municipality's people.
    seen = set(visible_users(regional))
    assert {regional, superuser} <= seen
    assert not {world.user, people.own, people.editor} & seen
