from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page

from cms.events.models import EventPage
from cms.locations.models import LocationPage
from cms.municipalities.models import Municipality
from cms.news.models import NewsArticlePage
from cms.pages.models import ContentPage
from tests.tables import table_counts

pytestmark = pytest.mark.django_db
SLUGS = ("kortrijk", "menen")


def setup_demo(*args):
    call_command("setup_demo", *args, stdout=StringIO(), stderr=StringIO())


@pytest.fixture
def debug(settings):
    settings.DEBUG = True


@pytest.fixture
def demo(debug):
    """Kortrijk and Menen synced, then filled with the demo content.

    The session already synced every site (tests/conftest.py), so setup_demo is limited to
    these two to keep the tests fast.
    """
    call_command("sync_sites", *SLUGS, stdout=StringIO(), stderr=StringIO())
    setup_demo(*SLUGS)


def home(slug):
    return Municipality.objects.get(slug=slug).site.root_page


def test_creates_demo_users_in_their_municipality_groups(demo):
    users = get_user_model().objects
    admin = users.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password("admin")
    for slug in SLUGS:
        for role in ("editor", "moderator"):
            user = users.get(username=f"{role}-{slug}")
            assert not user.is_superuser
            assert user.check_password(f"{role}-{slug}")
            assert list(user.groups.values_list("name", flat=True)) == [f"{slug} {role}s"]
    assert not users.filter(username="editor-waregem").exists()


def test_fills_each_municipality_with_news_events_and_locations(demo):
    now = timezone.now()
    for slug in SLUGS:
        root = home(slug)
        news = NewsArticlePage.objects.live().descendant_of(root)
        # The demo's own events; the UiTdatabank sample adds more to some sites (tests/events).
        events = EventPage.objects.live().descendant_of(root).filter(uitdatabank_id="")
        locations = LocationPage.objects.live().descendant_of(root)
        assert news.count() == 6
        assert len({article.date for article in news}) == 6
        assert events.count() == 5
        assert events.filter(end__lt=now).count() == 1
        assert events.filter(location__isnull=False).exists()
        assert set(locations.values_list("slug", flat=True)) >= {"bibliotheek", "recyclagepark"}
        municipality = Municipality.objects.get(slug=slug)
        desk = locations.get(title=municipality.desk_name)
        assert desk.opening_hours_json == municipality.opening_hours.to_json()
        assert len(root.specific.body)
        for page in ContentPage.objects.child_of(root).filter(
            slug__in=["over", "privacy", "diensten"]
        ):
            assert len(page.body), page.url_path


def test_content_differs_between_municipalities(demo):
    about = [ContentPage.objects.child_of(home(slug)).get(slug="over") for slug in SLUGS]
    assert about[0].body.raw_data != about[1].body.raw_data
    titles = [
        set(NewsArticlePage.objects.descendant_of(home(slug)).values_list("title", flat=True))
        for slug in SLUGS
    ]
    assert titles[0] != titles[1]


def test_demo_pages_render(demo, host_client):
    client = host_client("menen")
    for page in Page.objects.live().descendant_of(home("menen"), inclusive=True):
        if page.locale.language_code == "nl":
            assert client.get(page.relative_url(None)).status_code == 200, page.url_path


def test_second_run_creates_nothing(demo):
    before = table_counts()
    setup_demo(*SLUGS)
    after = table_counts()
    assert after["wagtailcore_page"] == before["wagtailcore_page"]
    assert after["wagtailcore_revision"] == before["wagtailcore_revision"]
    assert after == before


def test_leaves_what_editors_wrote_alone(debug):
    pages = ContentPage.objects.child_of(home("kortrijk"))
    about, privacy = pages.get(slug="over"), pages.get(slug="privacy")
    about.body = [{"type": "paragraph", "value": "<p>Door de redactie.</p>"}]
    about.save_revision().publish()
    privacy.body = [{"type": "paragraph", "value": "<p>Nog een ontwerp.</p>"}]
    privacy.save_revision()
    revisions = {page.pk: page.revisions.count() for page in (about, privacy)}

    setup_demo("kortrijk")

    about.refresh_from_db()
    privacy.refresh_from_db()
    assert about.body.raw_data[0]["value"] == "<p>Door de redactie.</p>"
    assert not len(privacy.body)
    assert {page.pk: page.revisions.count() for page in (about, privacy)} == revisions


def test_refuses_to_run_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        setup_demo()
    assert not get_user_model().objects.filter(username="admin").exists()
