""" "Which municipality am I?": a postcode or a town or village name -> municipalities.

``find_places("Heule")`` finds Kortrijk; "8500", "heule", "8501 Heule" and "Sint Eloois
Vijve" work too (accents, case, hyphens and spaces do not matter). A postcode that two
municipalities share, or a name two of them use, gives both (the visitor chooses); a place
just outside the region gives its neighbour; nothing gives suggestions (names that start
like the query, or are spelt closely). One query, two when suggestions are needed; any
text is accepted and never raises.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.db.models import Q

from .models import Place
from .placenames import fold_place

MAX_QUERY = 80  # longer is not a place; the query is cut there
MAX_SUGGESTIONS = 5
POSTCODE = re.compile(r"(?<!\d)([1-9]\d{3})(?!\d)")
CONTROL = re.compile(r"[\x00-\x1f\x7f\ufffd]")


def clean_query(raw):
    """The text worth looking up: a string without control characters, at most MAX_QUERY
    characters, spaces collapsed; "" for anything else."""
    if not isinstance(raw, str):
        return ""
    return " ".join(CONTROL.sub(" ", raw[: MAX_QUERY * 4]).split())[:MAX_QUERY]


def parse_query(text):
    """(postcode or "", folded name or "") of a cleaned query like "8501 Heule"."""
    match = POSTCODE.search(text)
    postcode = match.group(1) if match else ""
    rest = POSTCODE.sub(" ", text) if postcode else text
    return postcode, fold_place(rest)


@dataclass
class MunicipalityMatch:
    """A municipality of the region and the places of it that matched."""

    municipality: object
    places: list = field(default_factory=list)


@dataclass
class NeighbourMatch:
    """A municipality just outside the region and the places of it that matched."""

    name: str
    website: str
    places: list = field(default_factory=list)


@dataclass
class PlaceResult:
    query: str
    matches: list = field(default_factory=list)  # MunicipalityMatch, by name
    neighbours: list = field(default_factory=list)  # NeighbourMatch, by name
    suggestions: list = field(default_factory=list)  # "8501 Heule", to search again with

    @property
    def found(self):
        return bool(self.matches or self.neighbours)

    @property
    def single(self):
        """The one municipality of the region found, when nothing else was."""
        if len(self.matches) == 1 and not self.neighbours:
            return self.matches[0].municipality
        return None


def _best(places, postcode, name):
    """The places that match best: postcode and name both, else either."""
    both = [p for p in places if p.postcode == postcode and p.folded == name]
    return both or places


def _group(places):
    matches, neighbours = {}, {}
    for place in places:
        if place.municipality_id:
            key = place.municipality_id
            matches.setdefault(key, MunicipalityMatch(place.municipality)).places.append(place)
        else:
            key = place.outside_name
            group = neighbours.setdefault(
                key, NeighbourMatch(place.outside_name, place.outside_website)
            )
            group.places.append(place)
    return (
        sorted(matches.values(), key=lambda m: m.municipality.name),
        sorted(neighbours.values(), key=lambda n: n.name),
    )


def suggest(postcode, name, limit=MAX_SUGGESTIONS):
    """Places spelt like ``name`` or numbered like ``postcode``: "8501 Heule" strings."""
    if not (postcode or name):
        return []
    rows = list(Place.objects.values_list("postcode", "name", "folded"))
    labels = {}
    for code, display, folded in rows:
        labels.setdefault(folded, f"{code} {display}")
    found = []
    if name:
        found += [f for f in sorted(labels) if f.startswith(name) or name.startswith(f)]
        found += difflib.get_close_matches(name, list(labels), n=limit, cutoff=0.7)
    if postcode:
        found += sorted(f for c, _d, f in rows if c[:2] == postcode[:2] and c != postcode)[:limit]
    unique = list(dict.fromkeys(found))
    return [labels[f] for f in unique][:limit]


def find_places(query):
    """The municipalities and neighbours ``query`` names, or suggestions (a PlaceResult)."""
    text = clean_query(query)
    result = PlaceResult(query=text)
    postcode, name = parse_query(text)
    if not (postcode or name):
        return result
    condition = Q()
    if postcode:
        condition |= Q(postcode=postcode)
    if name:
        condition |= Q(folded=name)
    places = list(
        Place.objects.filter(condition)
        .select_related("municipality__site")
        .order_by("postcode", "name")
    )
    if places:
        result.matches, result.neighbours = _group(_best(places, postcode, name))
    else:
        result.suggestions = suggest(postcode, name)
    return result
