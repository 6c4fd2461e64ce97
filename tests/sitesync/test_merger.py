"""A merger of two demo municipalities (Anzegem and Avelgem into "Kwaremont"): the plan,
the pages joined with clashes renamed, one local service per regional service with
conflicts flagged, 301s from every old address, people, media, the joint index, the
catalogue export, and a second run that changes nothing."""

import shutil
from pathlib import Path

import pytest
import wagtail_factories
from django.contrib.auth.models import Group
from django.db import connection
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from cms.alerts.models import Alert
from cms.catalogue.models import LocalServicePage, LocalServiceState
from cms.catalogue.models.review import needs_review_q
from cms.municipalities.models import Municipality
from cms.reviews.models import PageReview
from tests.catalogue.factories import RegionalServiceFactory
from tests.factories import editor_of
from tests.tables import table_counts

from .mergers import (
    add,
    add_news,
    give_local_facts,
    home_of,
    page_at,
    section,
    sync,
    write_merger,
    wrong_redirects,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sites_dir(tmp_path, settings):
    target = tmp_path / "sites"
    shutil.copytree(Path(settings.SITES_DIR), target)
    settings.SITES_DIR = target
    settings.MEDIA_ROOT = tmp_path / "media"
    return target


@pytest.fixture
def content():
    """Pages, services, people and media on Anzegem and Avelgem, with clashes."""
    anzegem, avelgem = home_of("anzegem"), home_of("avelgem")
    pages = {
        "anzegem_markt": add_news(anzegem, "markt", "Markt in Anzegem"),
        "avelgem_markt": add_news(avelgem, "markt", "Markt in Avelgem"),
        "anzegem_afval": add(anzegem, title="Afval", slug="afval"),
        "avelgem_afval": add(avelgem, title="Afval", slug="afval"),
        "avelgem_history": add(section(avelgem, "over"), title="Geschiedenis", slug="geschiedenis"),
    }
    pages["avelgem_calendar"] = add(pages["avelgem_afval"], title="Ophaalkalender", slug="kalender")
    both = RegionalServiceFactory(identifier="rijbewijs")
    avelgem_only = RegionalServiceFactory(identifier="parkeerkaart")
    neither = RegionalServiceFactory(identifier="uittreksel")
    services = {
        "both": (
            give_local_facts("anzegem", both, local_conditions="<p>Alleen in Anzegem.</p>"),
            give_local_facts("avelgem", both, processing_time_override="drie dagen"),
        ),
        "avelgem_only": (
            give_local_facts("anzegem", avelgem_only),
            give_local_facts("avelgem", avelgem_only, local_conditions="<p>Avelgem.</p>"),
        ),
        "neither": (give_local_facts("anzegem", neither), give_local_facts("avelgem", neither)),
    }
    people = {
        "editor": editor_of("anzegem"),
        "moderator": editor_of("avelgem", "moderators"),
    }
    avelgem_record = Municipality.objects.get(slug="avelgem")
    image = wagtail_factories.ImageFactory(collection=avelgem_record.collection)
    alert = Alert.objects.create(
        municipality=avelgem_record, title="Wegenwerken", text="De Kasteelstraat is dicht."
    )
    return {
        "pages": pages,
        "services": services,
        "people": people,
        "image": image,
        "alert": alert,
    }


def joint_index_municipality(page):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT municipality FROM search_joint_document WHERE page_id = %s", [page.pk]
        )
        return [row[0] for row in cursor.fetchall()]


def test_a_dry_run_prints_the_plan_and_writes_nothing(sites_dir, content):
    write_merger(sites_dir, "kwaremont", ["anzegem", "avelgem"])
    before = table_counts()
    out, err, error = sync("--dry-run")
    assert error is None, err
    assert table_counts() == before
    assert "kwaremont: would merge anzegem:" in out
    assert "kwaremont: would warning: rename nieuws/markt/ to markt-avelgem/" in out
    assert "kwaremont: would review diensten/rijbewijs/" in out
    assert "no file in sites/ any more" not in out


def test_a_merger_joins_the_sections_and_renames_clashing_pages(sites_dir, content):
    write_merger(sites_dir, "kwaremont", ["anzegem", "avelgem"])
    out, err, error = sync()
    assert error is None, err
    assert not Municipality.objects.filter(slug__in=["anzegem", "avelgem"]).exists()
    pages = content["pages"]
    assert page_at("kwaremont", "nieuws/markt/").pk == pages["anzegem_markt"].pk
    assert page_at("kwaremont", "nieuws/markt-avelgem/").pk == pages["avelgem_markt"].pk
    assert page_at("kwaremont", "afval/").pk == pages["anzegem_afval"].pk
    assert page_at("kwaremont", "afval-avelgem/kalender/").pk == pages["avelgem_calendar"].pk
    assert page_at("kwaremont", "over/geschiedenis/").pk == pages["avelgem_history"].pk
    renamed = Page.objects.get(pk=pages["avelgem_markt"].pk)
    assert renamed.live
    assert renamed.get_latest_revision().as_object().slug == "markt-avelgem"
    assert PageReview.objects.filter(page=renamed, review_on__isnull=False).exists()
    assert "rename afval/ to afval-avelgem/" in out
    # One /nieuws/ on the new site, and the old homes left behind unpublished and empty
    # but for what they answer for.
    home = home_of("kwaremont")
    assert Page.objects.child_of(home).filter(slug="nieuws").count() == 1
    for slug in ("anzegem", "avelgem"):
        old_home = Page.get_first_root_node().get_children().get(slug=slug)
        assert not Page.objects.descendant_of(old_home, inclusive=True).live().exists()
        assert not Page.objects.descendant_of(old_home).type(type(pages["anzegem_markt"])).exists()


def test_one_local_service_per_regional_service_and_conflicts_are_flagged(sites_dir, content):
    write_merger(sites_dir, "kwaremont", ["anzegem", "avelgem"])
    _out, err, error = sync()
    assert error is None, err
    index = section(home_of("kwaremont"), "diensten")
    local = LocalServicePage.objects.child_of(index)
    both, avelgem_only, neither = (
        content["services"][k] for k in ("both", "avelgem_only", "neither")
    )
    for anzegem_page, _avelgem_page in (both, avelgem_only, neither):
        assert local.filter(service=anzegem_page.service).count() == 1
    assert local.live().get(service=both[0].service).pk == both[0].pk  # the first file's
    assert local.get(service=avelgem_only[0].service).pk == avelgem_only[1].pk  # facts
    assert local.get(service=neither[0].service).pk == neither[0].pk
    conflict = LocalServiceState.objects.get(page=both[0]).merge_conflict
    assert conflict.startswith("Fusie: de lokale gegevens van Anzegem zijn behouden")
    label = LocalServicePage._meta.get_field("processing_time_override").verbose_name
    assert f"Avelgem ({label})" in conflict
    flagged = set(LocalServicePage.objects.filter(needs_review_q()).values_list("pk", flat=True))
    assert both[0].pk in flagged
    assert avelgem_only[1].pk not in flagged
    assert not LocalServicePage.objects.get(pk=both[1].pk).live  # left behind, unpublished
    LocalServiceState.objects.get(page=both[0]).mark_reviewed(both[0].service)
    assert not LocalServicePage.objects.filter(needs_review_q(), pk=both[0].pk).exists()


# Old address -> the new page it answers with (one merger for them all: a merger is slow).
OLD_ADDRESSES = [
    ("avelgem.localhost:8000", "/", "/"),
    ("avelgem.localhost:8000", "/nieuws/markt/", "/nieuws/markt-avelgem/"),
    ("www.avelgem.be", "/nieuws/markt/", "/nieuws/markt-avelgem/"),
    ("avelgem.be", "/afval/kalender/", "/afval-avelgem/kalender/"),
    ("anzegem.localhost:8000", "/nieuws/markt/", "/nieuws/markt/"),
    ("anzegem.localhost:8000", "/nieuws/", "/nieuws/"),
    ("avelgem.localhost:8000", "/diensten/rijbewijs/", "/diensten/rijbewijs/"),
    ("avelgem.localhost:8000", "/diensten/parkeerkaart/", "/diensten/parkeerkaart/"),
    ("anzegem.localhost:8000", "/over/", "/over/"),
]


def test_every_old_address_answers_301_with_the_matching_new_page(
    sites_dir, content, client, settings
):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".avelgem.be", "avelgem.be"]
    write_merger(sites_dir, "kwaremont", ["anzegem", "avelgem"])
    _out, err, error = sync()
    assert error is None, err
    wrong = wrong_redirects(client, OLD_ADDRESSES, "kwaremont.localhost:8000")
    assert not wrong, "\n".join(wrong)


def test_people_media_index_and_export_follow(sites_dir, content, client):
    write_merger(sites_dir, "kwaremont", ["anzegem", "avelgem"])
    _out, err, error = sync()
    assert error is None, err
    people = content["people"]
    assert people["editor"].groups.filter(name="kwaremont editors").exists()
    assert people["moderator"].groups.filter(name="kwaremont moderators").exists()
    assert not Group.objects.filter(name__startswith="anzegem ").exists()
    kwaremont = Municipality.objects.get(slug="kwaremont")
    content["image"].refresh_from_db()
    assert content["image"].collection == kwaremont.collection
    content["alert"].refresh_from_db()
    assert content["alert"].municipality == kwaremont
    assert joint_index_municipality(content["pages"]["avelgem_markt"]) == ["kwaremont"]
    assert joint_index_municipality(content["services"]["both"][1]) == []  # left behind
    export = client.get(
        "/api/v2/catalogue/export.jsonld", HTTP_HOST="kwaremont.localhost:8000"
    ).content.decode()
    assert "/id/instantie/kwaremont/rijbewijs" in export
    assert "/id/instantie/anzegem/" not in export
    assert "/id/instantie/avelgem/" not in export


def test_a_second_run_changes_nothing_and_the_old_files_can_go(sites_dir, content):
    write_merger(sites_dir, "kwaremont", ["anzegem", "avelgem"])
    _out, err, error = sync()
    assert error is None, err
    before = table_counts()
    out, err, error = sync()
    assert error is None, err
    assert "kwaremont: unchanged" in out
    assert "anzegem: merged into kwaremont; sites/anzegem.toml can be deleted" in out
    assert table_counts() == before
    (sites_dir / "anzegem.toml").unlink()
    (sites_dir / "avelgem.toml").unlink()
    out, err, error = sync()
    assert error is None, err
    assert "kwaremont: unchanged" in out
    assert "anzegem" not in out
    assert "no file in sites/ any more" not in out
    assert table_counts() == before
    assert Redirect.objects.filter(site__hostname="avelgem.be").exists()
    assert Site.objects.filter(hostname="www.anzegem.be").exists()
