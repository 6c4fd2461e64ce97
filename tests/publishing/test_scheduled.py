"""Scheduled publishing: `publish_scheduled` (run every minute by `make run` and, in
production, by the scheduler container of docs/deploy.md) makes a scheduled page live,
publishes a scheduled revision and unpublishes an expired page, and each change reaches the
page cache and the joint index at once, through the page_published and page_unpublished
signals those paths send."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Revision

import search
from cms.municipalities.models import Municipality
from cms.pages.models import ContentPage
from search.backends import get_embedded_backend
from search.extract import doc_id_for
from search.query import JointQuery

pytestmark = pytest.mark.django_db

HOST = "kortrijk.localhost:8000"
LATER = timedelta(hours=1)


def home():
    return Municipality.objects.get(slug="kortrijk").site.root_page.specific


def indexed(page):
    return get_embedded_backend().get_document(doc_id_for(page)) is not None


def found(text):
    results = search.search(JointQuery(text=text, municipality="kortrijk"))
    return [hit.title for hit in results.own]


def get(client, path):
    return client.get(path, HTTP_HOST=HOST)


def publish_scheduled():
    call_command("publish_scheduled", stdout=StringIO(), stderr=StringIO())


def time_passes(page, by=2 * LATER):
    """Move every stored schedule of ``page`` ``by`` into the past, as if that much time
    had gone by since the editor scheduled it."""
    for revision in Revision.page_revisions.filter(object_id=str(page.pk)):
        for key in ("go_live_at", "expire_at"):
            if revision.content.get(key):
                moment = timezone.datetime.fromisoformat(revision.content[key]) - by
                revision.content[key] = moment.isoformat()
        if revision.approved_go_live_at:
            revision.approved_go_live_at -= by
        revision.save()
    stored = Page.objects.get(pk=page.pk)
    Page.objects.filter(pk=page.pk).update(
        go_live_at=stored.go_live_at and stored.go_live_at - by,
        expire_at=stored.expire_at and stored.expire_at - by,
    )


def scheduled_page(title, slug):
    """A new page an editor scheduled to go live in an hour (published with a go-live date)."""
    page = ContentPage(title=title, slug=slug, summary=f"{title}.", live=False)
    page.go_live_at = timezone.now() + LATER
    home().add_child(instance=page)
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def expiring_page(title, slug):
    """A live page with an expiry date an hour from now."""
    page = ContentPage(title=title, slug=slug, summary=f"{title}.")
    page.expire_at = timezone.now() + LATER
    home().add_child(instance=page)
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def test_a_scheduled_page_stays_offline_until_its_time(client):
    page = scheduled_page("Zomerbar op de Grote Markt", "zomerbar")
    assert not page.live
    publish_scheduled()
    assert not Page.objects.get(pk=page.pk).live
    assert get(client, "/zomerbar/").status_code == 404
    assert not indexed(page)


def test_a_scheduled_page_goes_live_and_into_the_cache_and_the_joint_index(client):
    page = scheduled_page("Zomerbar op de Grote Markt", "zomerbar")
    assert get(client, "/zomerbar/").status_code == 404
    time_passes(page)

    publish_scheduled()

    assert Page.objects.get(pk=page.pk).live
    first = get(client, "/zomerbar/")
    assert first.status_code == 200
    assert "Zomerbar op de Grote Markt" in first.content.decode()
    assert first["X-Page-Cache"] == "miss"
    assert get(client, "/zomerbar/")["X-Page-Cache"] == "hit"
    assert indexed(page)
    assert "Zomerbar op de Grote Markt" in found("zomerbar")


def test_a_scheduled_revision_of_a_live_page_replaces_the_cached_copy(client):
    page = expiring_page("Openingsuren zwembad", "zwembad")
    ContentPage.objects.filter(pk=page.pk).update(expire_at=None)
    get(client, "/zwembad/")
    assert get(client, "/zwembad/")["X-Page-Cache"] == "hit"
    draft = ContentPage.objects.get(pk=page.pk)
    draft.title = "Zomeruren zwembad"
    draft.expire_at = None
    draft.go_live_at = timezone.now() + LATER
    draft.save_revision().publish()
    assert "Openingsuren zwembad" in get(client, "/zwembad/").content.decode()
    time_passes(page)

    publish_scheduled()

    response = get(client, "/zwembad/")
    assert response["X-Page-Cache"] == "miss"
    assert "Zomeruren zwembad" in response.content.decode()
    assert "Zomeruren zwembad" in found("zomeruren zwembad")


def test_an_expired_page_leaves_the_cache_and_the_joint_index(client):
    page = expiring_page("Wegenwerken Doorniksesteenweg", "wegenwerken")
    assert get(client, "/wegenwerken/").status_code == 200
    assert get(client, "/wegenwerken/")["X-Page-Cache"] == "hit"
    assert indexed(page)
    time_passes(page)

    publish_scheduled()

    stored = Page.objects.get(pk=page.pk)
    assert not stored.live and stored.expired
    response = get(client, "/wegenwerken/")
    assert response.status_code == 404
    assert "X-Page-Cache" not in response
    assert not indexed(page)
    assert "Wegenwerken Doorniksesteenweg" not in found("wegenwerken doorniksesteenweg")


def test_a_page_that_has_not_expired_yet_stays(client):
    page = expiring_page("Wegenwerken Doorniksesteenweg", "wegenwerken")
    publish_scheduled()
    assert Page.objects.get(pk=page.pk).live
    assert get(client, "/wegenwerken/").status_code == 200
    assert indexed(page)


def test_the_dry_run_changes_nothing():
    page = expiring_page("Wegenwerken Doorniksesteenweg", "wegenwerken")
    time_passes(page)
    out = StringIO()
    call_command("publish_scheduled", "--dryrun", stdout=out)
    assert "wegenwerken" in out.getvalue()
    assert Page.objects.get(pk=page.pk).live
    assert indexed(page)
