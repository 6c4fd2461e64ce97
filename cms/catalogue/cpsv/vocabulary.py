"""The catalogue's code lists as RDF: which property carries each, the concept IRIs
(``cms.catalogue.vocabularies.iri``), Dutch labels for the region's own codes, and the
way back from an IRI to a code for the import."""

from rdflib import URIRef
from rdflib.namespace import DCTERMS

from ..vocabularies import Audience, ChannelType, LifeEvent, ServiceType, Theme, iri
from .context import LPDC, M8G, base_iri

# field name -> (code list, property on the service); service_type holds a single code.
CODE_FIELDS = {
    "themes": (Theme, M8G.thematicArea),
    "audiences": (Audience, LPDC.targetAudience),
    "life_events": (LifeEvent, M8G.isGroupedBy),
    "service_type": (ServiceType, DCTERMS.type),
}

# The region's own code lists have no published labels; these are their Dutch ones.
DUTCH_LABELS = {
    LifeEvent.MOVING: "Verhuizen",
    LifeEvent.BIRTH: "Geboorte",
    LifeEvent.MARRIAGE: "Huwelijk en samenwonen",
    LifeEvent.DEATH: "Overlijden",
    LifeEvent.OLDER: "Ouder worden",
    LifeEvent.WORK: "Werk zoeken",
    LifeEvent.BUILDING: "Bouwen en verbouwen",
    LifeEvent.BUSINESS: "Een onderneming starten",
    LifeEvent.TRAVEL: "Naar het buitenland reizen",
    LifeEvent.MOBILITY: "Je verplaatsen",
    ChannelType.DESK: "Aan de balie",
    ChannelType.PHONE: "Telefonisch",
    ChannelType.ONLINE: "Online",
    ChannelType.POST: "Per post",
}

# NIS codes (Statbel's REFNIS) of the region's municipalities, as IPDC identifies areas
# (vocab.belgif.be's refnis2019 scheme; none of these codes changed with the 2025 mergers).
NIS_CODES = {
    "anzegem": "34002",
    "avelgem": "34003",
    "deerlijk": "34009",
    "harelbeke": "34013",
    "kortrijk": "34022",
    "kuurne": "34023",
    "lendelede": "34025",
    "menen": "34027",
    "spiere-helkijn": "34043",
    "waregem": "34040",
    "wervik": "33029",
    "wevelgem": "34041",
    "zwevegem": "34042",
}


def code_iri(choices, value):
    return URIRef(iri(choices, value))


def dutch_label(choices, value):
    return DUTCH_LABELS.get(value) or str(choices(value).label)


def code_for(choices, node):
    """The code whose IRI is ``node``, or None."""
    for value in choices.values:
        if str(node) == iri(choices, value):
            return value
    return None


def spatial_iri(slug):
    """Where a municipality's services apply: its NIS code, else a region IRI."""
    code = NIS_CODES.get(slug)
    if code:
        return URIRef(f"http://vocab.belgif.be/auth/refnis2019/{code}")
    return URIRef(f"{base_iri()}/id/werkingsgebied/{slug}")
