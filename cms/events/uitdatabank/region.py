"""Which municipality an imported event belongs to: the one whose postcodes (``[uitdatabank]
postcodes`` in its sites/ file, else those of its ``places``) hold the event's location."""

from dataclasses import dataclass

from cms.municipalities.placenames import fold_place


@dataclass(frozen=True)
class Destination:
    slug: str  # the municipality
    reason: str = ""  # why there is none: outside the region, or which ones share it


class Region:
    def __init__(self, configs):
        self.by_postcode = {}
        self.names = {}
        for config in configs:
            for postcode in config.event_postcodes:
                self.by_postcode.setdefault(postcode, []).append(config.slug)
            self.names[config.slug] = {
                fold_place(name) for place in config.places for name in place.names
            }

    def postcodes(self, slug):
        return sorted(code for code, slugs in self.by_postcode.items() if slug in slugs)

    def destination(self, event):
        """The municipality of ``event``; a postcode that two share goes by the town's name."""
        slugs = self.by_postcode.get(event.postcode, [])
        if len(slugs) > 1:
            town = fold_place(event.city)
            slugs = [slug for slug in slugs if town in self.names[slug]] or slugs
        if len(slugs) == 1:
            return Destination(slugs[0])
        if slugs:
            return Destination("", f"postcode {event.postcode} is shared by {', '.join(slugs)}")
        return Destination("", f"postcode {event.postcode or '(none)'} is outside the region")
