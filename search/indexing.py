"""Keeps the joint index current, at once, in the same transaction as the change.

Publish (and a translation's publish), unpublish, move, delete, a view restriction, a
site's or a new municipality's creation, and a regional service's change
(cms.catalogue.signals.regional_service_changed) re-index the pages concerned. A failing
index update is logged and never blocks the editor's change: ``rebuild_joint_index``
repairs the index.
"""

import logging

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.catalogue.signals import regional_service_changed
from cms.journeys.models import RegionalJourney
from cms.municipalities.models import Municipality

from .backends import writable_backends
from .extract import SiteMap, doc_id_for, document_for

__all__ = ["connect", "reindex_pages", "remove_pages"]

logger = logging.getLogger(__name__)


def reindex_pages(pages):
    """Index each of ``pages`` that belongs in the index, remove the others."""
    pages = list(pages)
    if not pages:
        return
    sites = SiteMap()
    docs, gone = [], []
    for page in pages:
        doc = document_for(page, sites)
        if doc is None:
            gone.append(doc_id_for(page))
        else:
            docs.append(doc)
    for backend in writable_backends():
        try:
            backend.delete_documents(gone)
            backend.index_documents(docs)
        except Exception:
            logger.exception("Joint index update failed in %s", type(backend).__name__)


def remove_pages(page_ids):
    ids = [doc_id_for(pk) for pk in page_ids]
    for backend in writable_backends():
        try:
            backend.delete_documents(ids)
        except Exception:
            logger.exception("Joint index delete failed in %s", type(backend).__name__)


def _subtree(page):
    return Page.objects.filter(path__startswith=page.path).order_by("path").specific()


def _published(sender, instance, **kwargs):
    reindex_pages([instance])


def _unpublished(sender, instance, **kwargs):
    remove_pages([instance.pk])


def _moved(sender, instance, **kwargs):
    # URLs (and maybe the site, so the municipality) changed for the whole subtree.
    reindex_pages(_subtree(Page.objects.get(pk=instance.pk)))


def _deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        remove_pages([instance.pk])


def _restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        reindex_pages(_subtree(page))


def _site_pages(site):
    """Every page of a site, in all of its languages (their roots share a translation key)."""
    root = site.root_page
    pages = Page.objects.none()
    for path in Page.objects.filter(
        depth=root.depth, translation_key=root.translation_key
    ).values_list("path", flat=True):
        pages |= Page.objects.filter(path__startswith=path)
    return pages.order_by("path").specific()


def _site_saved(sender, instance, **kwargs):
    # A site's root or host changed: its pages' URLs (and maybe municipality) did too.
    reindex_pages(_site_pages(instance))


def _municipality_created(sender, instance, created=False, **kwargs):
    if created and instance.site_id:
        reindex_pages(_site_pages(instance.site))


def _service_changed(sender, pages=None, **kwargs):
    if pages is not None:
        reindex_pages(pages)


def _journey_changed(sender, instance, **kwargs):
    # Journey pages index their regional journey's steps.
    reindex_pages(instance.pages.live().specific())


def connect():
    page_published.connect(_published, dispatch_uid="joint_index_published")
    page_unpublished.connect(_unpublished, dispatch_uid="joint_index_unpublished")
    post_page_move.connect(_moved, dispatch_uid="joint_index_moved")
    post_delete.connect(_deleted, dispatch_uid="joint_index_deleted")
    post_save.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="joint_index_restricted"
    )
    post_delete.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="joint_index_unrestricted"
    )
    post_save.connect(_site_saved, sender=Site, dispatch_uid="joint_index_site")
    post_save.connect(
        _municipality_created, sender=Municipality, dispatch_uid="joint_index_municipality"
    )
    regional_service_changed.connect(_service_changed, dispatch_uid="joint_index_service")
    post_save.connect(_journey_changed, sender=RegionalJourney, dispatch_uid="joint_index_journey")
