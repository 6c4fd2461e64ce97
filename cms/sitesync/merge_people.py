"""What a merged municipality's people and records become: its editors and moderators
join the new municipality's groups, its images and documents move to the new collection,
and every record tied to it (alerts, feedback, best bets ...) is tied to the new one.
Then its groups, collection and municipality record are removed; its places too, as the
new file lists its own.
"""

from django.contrib.auth.models import Group
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.municipalities.access import editor_group_names
from cms.municipalities.models import Municipality, Place

from .groups import ensure_group


def move_members(old_slug, new_slug, changes):
    for old_name, new_name in zip(
        editor_group_names(old_slug), editor_group_names(new_slug), strict=True
    ):
        old = Group.objects.filter(name=old_name).first()
        if old is None:
            continue
        new = ensure_group(new_name, changes)
        users = list(old.user_set.all())
        new.user_set.add(*users)
        old.delete()
        changes.append(f"move {len(users)} member(s) of {old_name!r} to {new_name!r}")


def move_media(old_collection, new_collection, changes):
    if old_collection is None:
        return
    for model in (get_image_model(), get_document_model()):
        count = model.objects.filter(collection=old_collection).update(collection=new_collection)
        if count:
            changes.append(
                f"move {count} {model._meta.verbose_name_plural} to {new_collection.name!r}"
            )
    if not old_collection.get_children().exists():
        old_collection.delete()


def hand_over_records(old, new, changes):
    """Point every foreign key to ``old`` (but its places) at ``new``."""
    for relation in Municipality._meta.related_objects:
        if not relation.one_to_many or relation.related_model is Place:
            continue
        name = relation.field.name
        count = relation.related_model.objects.filter(**{name: old}).update(**{name: new})
        if count:
            changes.append(f"hand over {count} {relation.related_model._meta.verbose_name_plural}")


def retire(old, new, changes):
    """Hand ``old``'s people, media and records to ``new``; remove its record."""
    move_members(old.slug, new.slug, changes)
    move_media(old.collection, new.collection, changes)
    hand_over_records(old, new, changes)
    old.delete()
    changes.append(f"remove the municipality record of {old.slug}")
