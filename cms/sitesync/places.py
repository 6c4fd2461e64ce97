"""The places (postcodes, towns and villages) that say which municipality a citizen lives in.

``places`` in a municipality's sites/ file and ``neighbours`` in ``_region.toml`` are stored
as ``Place`` rows for the place finder. The files own these rows entirely (editors never
write them), so a place dropped from a file is deleted; a name whose spelling changed
(same postcode, same folded name) is updated in place. Running twice changes nothing.
"""

from cms.municipalities.models import Place
from cms.municipalities.placenames import fold_place


def _wanted(items):
    """{(postcode, folded name): (name, item)} for the places a file lists."""
    return {
        (item.postcode, fold_place(name)): (name, item) for item in items for name in item.names
    }


def _apply(existing, wanted, make, update, changes, label):
    """Create, update and delete ``Place`` rows so that ``existing`` becomes ``wanted``."""
    current = {(place.postcode, place.folded): place for place in existing}
    stale = [place for key, place in current.items() if key not in wanted]
    if stale:
        Place.objects.filter(pk__in=[place.pk for place in stale]).delete()
        for place in stale:
            changes.append(f"remove {label} {place}")
    for key, (name, item) in wanted.items():
        place = current.get(key)
        if place is None:
            place = make(name, key[1], item)
            place.save()
            changes.append(f"add {label} {place}")
            continue
        differing = {k: v for k, v in update(name, item).items() if getattr(place, k) != v}
        if differing:
            for field, value in differing.items():
                setattr(place, field, value)
            place.save(update_fields=list(differing))
            changes.append(f"update {label} {place}: {', '.join(sorted(differing))}")


def ensure_places(municipality, config, changes):
    """Store ``config.places`` (a municipality's postcodes and place names)."""
    _apply(
        Place.objects.filter(municipality=municipality),
        _wanted(config.places),
        lambda name, folded, item: Place(
            municipality=municipality, postcode=item.postcode, name=name, folded=folded
        ),
        lambda name, item: {"name": name},
        changes,
        "place",
    )


def ensure_neighbours(config, changes):
    """Store the places just outside the region (``neighbours`` in ``_region.toml``)."""
    existing = list(Place.objects.filter(municipality__isnull=True))
    by_outside = {}
    for neighbour in config.neighbours:
        by_outside.setdefault(neighbour.municipality, []).append(neighbour)
    for outside in {place.outside_name for place in existing} - set(by_outside):
        by_outside[outside] = []
    for outside, items in sorted(by_outside.items()):
        _apply(
            [place for place in existing if place.outside_name == outside],
            _wanted(items),
            lambda name, folded, item: Place(
                outside_name=item.municipality,
                outside_website=item.website,
                postcode=item.postcode,
                name=name,
                folded=folded,
            ),
            lambda name, item: {"name": name, "outside_website": item.website},
            changes,
            "neighbouring place",
        )
