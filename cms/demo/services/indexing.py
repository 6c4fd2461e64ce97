"""Index the seeded catalogue once, at the end, rather than on every save.

Each local page is saved three times while it is seeded (created, published by the sync, published
again with its local facts); Wagtail's search index, its reference index and the joint search index
would each be updated every time. ``indexing_deferred()`` turns that off for the duration (the
reference index with Wagtail's own switch, the others by disconnecting their receivers), and then
indexes every object the seed touched once, in bulk. The receivers are restored whatever happens;
the objects are only indexed on success."""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index as modelsearch_index
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published

from search import indexing as joint_indexing

JOINT_PUBLISHED_UID = "joint_index_published"


@contextmanager
def indexing_deferred():
    """Yields ``defer(*objects)``: the objects to index once the seed is done."""
    models = [
        model
        for model in modelsearch_index.get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    joint = page_published.disconnect(dispatch_uid=JOINT_PUBLISHED_UID)
    deferred = {}
    try:
        with disable_reference_index_auto_update():
            yield lambda *objects: deferred.update({(type(obj), obj.pk): obj for obj in objects})
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
        if joint:
            joint_indexing.connect()
    index(list(deferred.values()))


def index(objects):
    """Index ``objects`` in bulk: in the search backends, the reference index, the joint index."""
    by_model = {}
    for obj in objects:
        by_model.setdefault(type(obj), []).append(obj)
    for backend in get_search_backends(with_auto_update=True):
        for model, items in by_model.items():
            if modelsearch_index.class_is_indexed(model):
                backend.add_bulk(model, items)
    for obj in objects:
        if ReferenceIndex.is_indexed(type(obj)):
            ReferenceIndex.create_or_update_for_object(obj)
    joint_indexing.reindex_pages([obj for obj in objects if hasattr(obj, "url_path")])
