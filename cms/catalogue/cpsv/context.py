"""Namespaces, the fixed JSON-LD @context, and the export's stable IRIs.

The base of every IRI the catalogue mints comes from the ``CATALOGUE_OPEN_DATA`` setting
(``{"BASE_IRI": ..., "REGION_NAME": ...}``); without it, ``https://data.voordeur.be``.
A concept is ``<base>/id/concept/<identifier>``, the snapshot of its current definition
``<base>/id/concept/<identifier>/versie/<timestamp>``, a municipality's instance
``<base>/id/instantie/<slug>/<identifier>``. Parts of a service (costs, requirements,
steps, ...) are numbered under the service: ``<service>/kost/1``.
"""

import datetime as dt

from django.conf import settings
from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, RDFS, SH, SKOS, TIME, XSD

CPSV = Namespace("http://purl.org/vocab/cpsv#")
M8G = Namespace("http://data.europa.eu/m8g/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
SCHEMA = Namespace("http://schema.org/")
LPDC = Namespace("https://productencatalogus.data.vlaanderen.be/ns/ipdc-lpdc#")
PS = Namespace("http://vocab.belgif.be/ns/publicservice#")
PAV = Namespace("http://purl.org/pav/")
# The region's own terms, for facts neither CPSV-AP nor IPDC has a property for.
VD = Namespace("https://data.voordeur.be/ns/catalogus#")

EUR = URIRef("http://publications.europa.eu/resource/authority/currency/EUR")

PREFIXES = {
    "cpsv": CPSV,
    "m8g": M8G,
    "eli": ELI,
    "dct": DCTERMS,
    "dcat": DCAT,
    "skos": SKOS,
    "schema": SCHEMA,
    "lpdc": LPDC,
    "ps": PS,
    "pav": PAV,
    "prov": PROV,
    "sh": SH,
    "time": TIME,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "vd": VD,
}

# Fixed, so every export (and every consumer) sees the same compact keys.
CONTEXT = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}

DEFAULT_BASE_IRI = "https://data.voordeur.be"
DEFAULT_REGION_NAME = "Regio Zuid-West-Vlaanderen"


def _option(name, default):
    return (getattr(settings, "CATALOGUE_OPEN_DATA", None) or {}).get(name, default)


def base_iri():
    return _option("BASE_IRI", DEFAULT_BASE_IRI).rstrip("/")


def region_name():
    return _option("REGION_NAME", DEFAULT_REGION_NAME)


def concept_iri(identifier):
    return URIRef(f"{base_iri()}/id/concept/{identifier}")


def snapshot_iri(identifier, changed_at):
    """The concept's definition as of ``changed_at`` (IPDC's concept snapshot)."""
    stamp = changed_at.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return URIRef(f"{concept_iri(identifier)}/versie/{stamp}")


def instance_iri(slug, identifier):
    return URIRef(f"{base_iri()}/id/instantie/{slug}/{identifier}")


def organisation_iri(slug=None):
    return URIRef(f"{base_iri()}/id/organisatie/{slug or 'regio'}")


def part_iri(owner, kind, number):
    return URIRef(f"{owner}/{kind}/{number}")
