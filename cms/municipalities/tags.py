"""Which tags an editor may see: the ones used in their own area.

Tags are one vocabulary for the whole install (taggit's ``Tag``), but Wagtail offers them
in the tag autocomplete and the listings' tag filters as if every tag belonged to
everyone. Here a tag is visible to an editor when it is used on an image or document in
a collection they hold a permission on (their municipality's collection tree). Nothing
else in Voordeur is tagged; an item of any other tagged model counts for superusers only.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from taggit.models import Tag, TaggedItem
from wagtail.admin.models import popular_tags_for_model
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from cms.core.access import COLLECTION_ACTIONS

__all__ = ["own_tagged_items", "popular_tags", "visible_tags"]


def _own_items_q(user, model):
    policy = policy_registry.get_by_type(model)
    collections = policy.collections_user_has_any_permission_for(user, COLLECTION_ACTIONS)
    return Q(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=model.objects.filter(collection__in=collections).values("pk"),
    )


def own_tagged_items(user, model=None):
    """The tag assignments on the images and documents (or only ``model``'s) in the user's
    collections."""
    models = [model] if model else [get_image_model(), get_document_model()]
    condition = Q(pk__in=[])
    for tagged_model in models:
        if tagged_model in (get_image_model(), get_document_model()):
            condition |= _own_items_q(user, tagged_model)
    return TaggedItem.objects.filter(condition)


def visible_tags(user):
    """The tags ``user`` may see (every tag for a superuser)."""
    if user.is_superuser:
        return Tag.objects.all()
    return Tag.objects.filter(pk__in=own_tagged_items(user).values("tag_id"))


def popular_tags(user, model, count=10):
    """The ``count`` tags most used on ``model`` in the user's own area, most used first:
    Wagtail's ``popular_tags_for_model`` for one editor."""
    if user.is_superuser:
        return popular_tags_for_model(model, count)
    return (
        Tag.objects.filter(taggit_taggeditem_items__in=own_tagged_items(user, model))
        .annotate(item_count=Count("taggit_taggeditem_items"))
        .order_by("-item_count", "name")[:count]
    )
