"""The index follows every change at once: publish, unpublish, move, delete, translation,
view restriction, and a regional service's change."""

import pytest
from wagtail.models import Locale, Page, PageViewRestriction

from cms.catalogue.signals import regional_service_changed
from cms.pages.models import ContentPage
from search.backends import get_embedded_backend
from search.extract import REGION, doc_id_for, document_for

from .engine import home_of, publish_page

pytestmark = pytest.mark.django_db


def stored(page):
    return get_embedded_backend().get_document(doc_id_for(page))


def test_publish_indexes_the_page_with_its_fields():
    page = publish_page(
        "kortrijk", "Afvalkalender", summary="Wanneer wordt wat opgehaald?", text="<b>PMD</b>"
    )
    doc = stored(page)
    assert doc["title"] == "Afvalkalender"
    assert doc["summary"] == "Wanneer wordt wat opgehaald?"
    assert doc["body"] == "PMD"  # text without markup
    assert doc["municipality"] == "kortrijk" and doc["municipality_name"] == "Kortrijk"
    assert doc["locale"] == "nl" and doc["content_type"] == "pages.contentpage"
    assert doc["url"] == "http://kortrijk.localhost:8000/afvalkalender/"
    assert doc["date"] == page.first_published_at.date().isoformat()


def test_a_new_revision_replaces_the_document():
    page = publish_page("kortrijk", "Oud")
    page.title = "Nieuw"
    page.save_revision().publish()
    assert stored(page)["title"] == "Nieuw"


def test_unpublish_removes_the_document():
    page = publish_page("kortrijk", "Tijdelijk")
    page.unpublish()
    assert stored(page) is None


def test_delete_removes_the_page_and_its_descendants():
    parent = publish_page("kortrijk", "Ouder")
    child = publish_page("kortrijk", "Kind", parent=parent)
    Page.objects.get(pk=parent.pk).delete()
    assert stored(parent) is None and stored(child) is None


def test_move_updates_the_url_and_the_municipality_of_the_subtree():
    page = publish_page("kortrijk", "Verhuisd")
    child = publish_page("kortrijk", "Mee verhuisd", parent=page)
    Page.objects.get(pk=page.pk).move(home_of("menen"), pos="last-child")
    assert stored(page)["municipality"] == "menen"
    assert stored(child)["url"] == "http://menen.localhost:8000/verhuisd/mee-verhuisd/"


def test_a_published_translation_gets_its_own_document():
    page = publish_page("kortrijk", "Markt")
    french = Locale.objects.get(language_code="fr")
    if home_of("kortrijk").get_translation_or_none(french) is None:
        pytest.skip("Kortrijk has no French tree in sites/")
    translated = page.copy_for_translation(french)
    translated.title = "Marché"
    translated.save_revision().publish()
    doc = stored(translated)
    assert doc["locale"] == "fr" and doc["municipality"] == "kortrijk"
    assert stored(page)["locale"] == "nl"


def test_a_view_restriction_takes_the_subtree_out_and_lifting_it_brings_it_back():
    page = publish_page("kortrijk", "Intern")
    child = publish_page("kortrijk", "Intern kind", parent=page)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    assert stored(page) is None and stored(child) is None
    restriction.delete()
    assert stored(child) is not None


def test_regional_service_change_reindexes_the_pages_given():
    page = publish_page("kortrijk", "Voor de wijziging")
    ContentPage.objects.filter(pk=page.pk).update(title="Na de wijziging")
    regional_service_changed.send(
        sender=ContentPage, service=None, pages=ContentPage.objects.filter(pk=page.pk)
    )
    assert stored(page)["title"] == "Na de wijziging"


def test_regional_landing_is_indexed_as_the_region_and_the_tree_root_never():
    region = Page.objects.get(depth=2, slug="regio")
    assert document_for(region)["municipality"] == REGION
    assert document_for(Page.get_first_root_node()) is None


def test_draft_pages_are_not_indexed():
    page = ContentPage(title="Concept", live=False)
    home_of("kortrijk").add_child(instance=page)
    page.save_revision()
    assert document_for(page) is None and stored(page) is None
