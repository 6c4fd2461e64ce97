import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Revision,
    Site,
    WorkflowPage,
)

from cms.municipalities.models import Municipality
from cms.pages.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db
STANDARD_SLUGS = {
    "diensten",
    "nieuws",
    "evenementen",
    "contact",
    "over",
    "toegankelijkheid",
    "privacy",
}


def sync(*args):
    out, err = StringIO(), StringIO()
    call_command("sync_sites", *args, stdout=out, stderr=err)
    return out.getvalue()


def table_counts():
    """Row counts of every table: a sync that changes nothing leaves all of them equal."""
    counts = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table.startswith("django_session"):
                continue
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - table names from introspection
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.fixture
def sites_dir(tmp_path, settings):
    target = tmp_path / "sites"
    shutil.copytree(Path(settings.SITES_DIR), target)
    settings.SITES_DIR = target
    return target


def test_every_municipality_has_a_site_record_tree_and_groups():
    assert Municipality.objects.count() == 13
    for municipality in Municipality.objects.select_related("site", "collection"):
        site = municipality.site
        assert (site.hostname, site.port) == (f"{municipality.slug}.localhost", 8000)
        home = site.root_page.specific
        assert isinstance(home, HomePage)
        assert {p.slug for p in home.get_children()} >= STANDARD_SLUGS
        assert all(p.live for p in home.get_children())
        assert municipality.collection.get_parent() == Collection.get_first_root_node()
        for role in ("editors", "moderators"):
            assert Group.objects.filter(name=f"{municipality.slug} {role}").exists()
    assert Group.objects.filter(name="regional editors").exists()
    assert Site.objects.get(is_default_site=True).root_page.specific_class.__name__ == "RegionPage"


def test_extra_languages_get_translated_trees_at_the_root():
    kortrijk = Municipality.objects.get(slug="kortrijk")
    home = kortrijk.site.root_page
    for code in ("fr", "en"):
        translated = home.get_translation(Locale.objects.get(language_code=code))
        assert translated.live
        assert {p.slug for p in translated.get_children()} >= STANDARD_SLUGS
    anzegem_home = Municipality.objects.get(slug="anzegem").site.root_page
    assert anzegem_home.get_translations().count() == 0


def test_groups_are_scoped_to_their_own_tree_and_collection():
    kortrijk = Municipality.objects.get(slug="kortrijk")
    homes = {p.pk for p in kortrijk.site.root_page.get_translations(inclusive=True)}
    permitted = GroupPagePermission.objects.filter(group__name__startswith="kortrijk ")
    assert {p.page_id for p in permitted} == homes
    collections = GroupCollectionPermission.objects.filter(group__name__startswith="kortrijk ")
    assert {c.collection_id for c in collections} == {kortrijk.collection_id}
    assert WorkflowPage.objects.filter(page_id__in=homes).count() == len(homes)


def test_a_second_run_changes_nothing():
    before = table_counts()
    revisions = list(Revision.objects.order_by("pk").values_list("pk", flat=True))
    output = sync()
    assert "Nothing changed." in output
    assert table_counts() == before
    assert list(Revision.objects.order_by("pk").values_list("pk", flat=True)) == revisions


def test_dry_run_prints_the_plan_and_writes_nothing(sites_dir):
    shutil.copy(sites_dir / "kuurne.toml", sites_dir / "nieuwdorp.toml")
    text = (sites_dir / "nieuwdorp.toml").read_text(encoding="utf-8")
    text = text.replace("kuurne", "nieuwdorp").replace("Kuurne", "Nieuwdorp")
    text = text.replace('theme = "nieuwdorp"', 'theme = "regio"')
    (sites_dir / "nieuwdorp.toml").write_text(text, encoding="utf-8")
    before = table_counts()
    output = sync("--dry-run", "nieuwdorp")
    assert "nieuwdorp: would create home page" in output
    assert "nieuwdorp: would create page diensten/" in output
    assert "Dry run: nothing was written." in output
    assert table_counts() == before


def test_adding_a_file_adds_a_municipality(sites_dir, client):
    text = (sites_dir / "kuurne.toml").read_text(encoding="utf-8")
    text = text.replace("kuurne", "nieuwdorp").replace("Kuurne", "Nieuwdorp")
    text = text.replace('theme = "nieuwdorp"', 'theme = "regio"')
    (sites_dir / "nieuwdorp.toml").write_text(text, encoding="utf-8")
    output = sync("nieuwdorp")
    assert "nieuwdorp: create site nieuwdorp.localhost:8000" in output
    response = client.get("/contact/", HTTP_HOST="nieuwdorp.localhost:8000")
    assert response.status_code == 200
    assert "Nieuwdorp" in response.content.decode()


def test_editors_work_is_never_overwritten(sites_dir):
    over = ContentPage.objects.get(url_path="/menen/over/")
    over.title = "Over onze stad"
    over.save_revision().publish()
    municipality = Municipality.objects.get(slug="menen")
    municipality.tagline = "Stad aan de Leie"
    municipality.save()
    sync("menen")
    over.refresh_from_db()
    municipality.refresh_from_db()
    assert over.title == "Over onze stad"
    assert municipality.tagline == "Stad aan de Leie"


def test_config_changes_update_the_record_only(sites_dir):
    path = sites_dir / "menen.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('phone = "+32 56', 'phone = "+32 57', 1),
        encoding="utf-8",
    )
    output = sync("menen")
    assert "menen: update municipality phone" in output
    assert Municipality.objects.get(slug="menen").phone.startswith("+32 57")


def test_a_removed_file_is_reported_not_deleted(sites_dir):
    (sites_dir / "wervik.toml").unlink()
    pages = Page.objects.count()
    output = sync()
    assert "wervik: no file in sites/ any more" in output
    assert Municipality.objects.filter(slug="wervik").exists()
    assert Page.objects.count() == pages


def test_a_bad_file_is_refused_and_nothing_is_written_for_it(sites_dir):
    path = sites_dir / "deerlijk.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("short_name", "shortname"), "utf-8")
    before = Municipality.objects.get(slug="deerlijk")
    with pytest.raises(CommandError, match="1 site"):
        sync()
    assert Municipality.objects.get(slug="deerlijk").short_name == before.short_name


def test_refusal_message_names_file_key_and_problem(sites_dir):
    path = sites_dir / "deerlijk.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("short_name", "shortname"), "utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("sync_sites", "deerlijk", stdout=StringIO(), stderr=err)
    assert (
        "refused deerlijk.toml: shortname: unknown key (did you mean 'short_name'?)"
        in err.getvalue()
    )


def test_production_hostnames(sites_dir, settings):
    settings.VOORDEUR_HOSTNAMES = "production"
    sync("kortrijk")
    site = Municipality.objects.get(slug="kortrijk").site
    assert (site.hostname, site.port) == ("www.kortrijk.be", 443)


def test_sync_creates_no_users():
    assert not get_user_model().objects.exists()


def test_other_production_hostnames_redirect_to_the_canonical_one(sites_dir, settings, client):
    settings.VOORDEUR_HOSTNAMES = "production"
    settings.ALLOWED_HOSTS = ["*"]
    sync("kortrijk")
    response = client.get("/nieuws/?page=2", HTTP_HOST="kortrijk.be")
    assert response.status_code == 301
    assert response["Location"] == "https://www.kortrijk.be/nieuws/?page=2"
    assert client.get("/", HTTP_HOST="www.kortrijk.be", secure=True).status_code == 200


def test_named_slugs_limit_the_sync(sites_dir):
    path = sites_dir / "menen.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('phone = "+32 56', 'phone = "+32 57', 1), "utf-8"
    )
    path = sites_dir / "wervik.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('phone = "+32 56', 'phone = "+32 57', 1), "utf-8"
    )
    output = sync("menen")
    assert "wervik" not in output
    assert "region" not in output
    assert not Municipality.objects.get(slug="wervik").phone.startswith("+32 57")


def test_an_unknown_slug_is_an_error():
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("sync_sites", "atlantis", stdout=StringIO(), stderr=err)
    assert "no file sites/atlantis.toml" in err.getvalue()
