"""The region's services as IPDC concepts in CPSV-AP 3.2 (an rdflib graph).

What the SHACL shapes (a copy in ``tests/catalogue/standards/``) ask and how it is met
is in docs/catalogue.md ("Catalogue open data"). In short: every part of a service
(requirement, evidence, procedure, step, cost, financial advantage, legal resource,
website) is a node of its own with a minted IRI, a Dutch title and description, an order
and an identifier; code-list values are typed ``skos:Concept``; the competent authority
is a ``m8g:PublicOrganisation`` with a label and a ``dct:Location``.

Every language: a service's translations (same translation key, another locale) add their
texts to the same nodes as language-tagged literals (``"Carte d'identité"@fr`` beside
``"Identiteitskaart"@nl``): the Dutch description makes the nodes, a translation only
labels those it has a counterpart for (a part by its number), and only with texts that
differ from the Dutch (the rest is not translated yet), so the shapes' Dutch requirements
and ``sh:uniqueLang`` still hold.
"""

from django.utils.html import strip_tags
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, RDFS, SH, SKOS, XSD
from wagtail.models import Locale
from wagtail.rich_text import expand_db_html

from ..models import RegionalService
from ..models.regional import INFORMAL_FIELDS
from ..variants import INFORMAL, variant
from ..vocabularies import LifeEvent
from .context import (
    CPSV,
    ELI,
    EUR,
    LPDC,
    M8G,
    PREFIXES,
    SCHEMA,
    VD,
    concept_iri,
    organisation_iri,
    part_iri,
    region_name,
    snapshot_iri,
)
from .eligibility import add_eligibility
from .vocabulary import CODE_FIELDS, code_iri, dutch_label

__all__ = [
    "FORMAL_LANGUAGE",
    "INFORMAL_LANGUAGE",
    "ServiceGraph",
    "add_concept",
    "new_graph",
    "raw",
    "region_graph",
    "regional_services",
    "translations_of",
]

LANGUAGE = "nl"
# IPDC's tags for the two registers of Dutch. A text with an informal variant carries
# three literals: @nl (the formal text, what every consumer reads), @nl-be-x-formal (the
# same) and @nl-be-x-informal; a text without one only @nl, as before the variants.
FORMAL_LANGUAGE = "nl-be-x-formal"
INFORMAL_LANGUAGE = "nl-be-x-informal"


def new_graph():
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def raw(stream):
    """A StreamField's children as plain dicts, whatever way the value was assigned."""
    if hasattr(stream, "raw_data"):
        return [child.get("value") or {} for child in stream.raw_data]
    return [child.get("value") or {} for child in stream or ()]


def html(value):
    return expand_db_html(str(value or ""))


class ServiceGraph:
    """Adds one public service (a concept snapshot or an instance) to ``graph``."""

    def __init__(self, graph, node, owner, language=LANGUAGE):
        self.graph = graph
        self.node = node
        self.owner = owner  # the IRI the service's parts are numbered under
        self.counts = {}
        self.language = language
        # A translation only adds its texts to the nodes the Dutch description made.
        self.translating = language != LANGUAGE

    # Literals -------------------------------------------------------------------------
    def text(self, subject, predicate, value, informal=None):
        if self.translating:
            # Only on nodes the Dutch made, and only a text that is translated: one the
            # same as the Dutch (copied, not yet translated) is not repeated as French.
            known = (subject, RDF.type, None) in self.graph
            dutch = Literal(str(value), lang=LANGUAGE)
            if value and known and (subject, predicate, dutch) not in self.graph:
                self.graph.add((subject, predicate, Literal(str(value), lang=self.language)))
            return
        if value:
            self.graph.add((subject, predicate, Literal(str(value), lang=LANGUAGE)))
        if informal and str(informal) != str(value or ""):
            if value:
                self.graph.add((subject, predicate, Literal(str(value), lang=FORMAL_LANGUAGE)))
            self.graph.add((subject, predicate, Literal(str(informal), lang=INFORMAL_LANGUAGE)))

    def plain(self, subject, predicate, value):
        if value not in (None, "") and not self.translating:
            self.graph.add((subject, predicate, Literal(str(value), datatype=XSD.string)))

    def stamp(self, subject, predicate, value):
        if value is not None and not self.translating:
            self.graph.add((subject, predicate, Literal(value, datatype=XSD.dateTime)))

    def add(self, *triple):
        if not self.translating:
            self.graph.add(triple)

    # Parts ----------------------------------------------------------------------------
    def part(self, kind, rdf_type, title, description, extra_types=(), item=None):
        """A numbered part with what every IPDC part shape requires; ``item`` (a stream
        item's value) gives the informal variants of title and description."""
        number = self.counts[kind] = self.counts.get(kind, 0) + 1
        node = part_iri(self.owner, kind, number)
        self.add(node, RDF.type, rdf_type)
        for extra in extra_types:
            self.add(node, RDF.type, extra)
        self.plain(node, DCTERMS.identifier, str(node))
        item = item or {}
        title_informal = item.get("title" + INFORMAL)
        self.text(node, DCTERMS.title, title, title_informal)
        # IPDC requires a description; an empty one repeats the title (in each register).
        description_informal = item.get("description" + INFORMAL) or (
            title_informal if not description else None
        )
        self.text(node, DCTERMS.description, description or title, description_informal)
        self.add(node, SH.order, Literal(number, datatype=XSD.integer))
        return node

    def concept(self, node, label=None):
        self.add(node, RDF.type, SKOS.Concept)
        if label:
            self.text(node, SKOS.prefLabel, label)
        return node

    def organisation(self, node, name, place, place_label):
        """A competent authority: CPSV-AP wants a label and a dct:Location."""
        self.add(node, RDF.type, M8G.PublicOrganisation)
        self.text(node, SKOS.prefLabel, name)
        self.location(place, place_label)
        self.add(node, DCTERMS.spatial, place)
        return node

    def location(self, place, label):
        # IPDC wants skos:Concept for dct:spatial, CPSV-AP dct:Location: it is both.
        self.add(place, RDF.type, DCTERMS.Location)
        self.concept(place, label)
        return place

    # Facts ----------------------------------------------------------------------------
    def describe(self, facts):
        """The facts every service has, from a dict shaped like ``RegionalService.facts()``."""
        node = self.node
        self.add(node, RDF.type, CPSV.PublicService)
        informal = {name: facts.get(name + INFORMAL) for name in INFORMAL_FIELDS}
        self.text(node, DCTERMS.title, facts["name"])
        self.text(node, DCTERMS.abstract, facts["short_description"], informal["short_description"])
        self.text(
            node,
            DCTERMS.description,
            html(facts["description"]),
            html(informal["description"]),
        )
        self.text(
            node,
            LPDC.additionalDescription,
            html(facts["additional_description"]),
            html(informal["additional_description"]),
        )
        self.text(node, LPDC.exception, html(facts["exceptions"]), html(informal["exceptions"]))
        self.text(node, VD.processingTime, facts["processing_time"])
        for word in facts["keywords"]:
            self.text(node, DCAT.keyword, word)
        if not self.translating:  # codes and the flow are the region's, in Dutch
            self.codes(facts)
        self.requirements(facts["requirements"])
        if not self.translating:
            # A concept's own flow (with its JSON); an instance's merged with local changes.
            merged = facts.get("eligibility_flow")
            add_eligibility(self, facts.get("eligibility"), merged, with_json=merged is None)
        self.procedure(facts["procedure"])
        self.costs(facts["costs"])
        for item in facts["financial_advantages"]:
            part = self.part(
                "financieel-voordeel",
                LPDC.FinancialAdvantage,
                item.get("title"),
                item.get("description"),
                extra_types=(M8G.Output,),
                item=item,
            )
            self.add(node, CPSV.produces, part)
        for item in facts["legal_resources"]:
            part = self.part("regelgeving", ELI.LegalResource, item.get("title"), None)
            self.plain(part, SCHEMA.url, item.get("url"))
            self.add(node, M8G.hasLegalResource, part)
        for item in facts["more_information"]:
            part = self.part("website", SCHEMA.WebSite, item.get("title"), None)
            self.plain(part, SCHEMA.url, item.get("url"))
            self.add(node, RDFS.seeAlso, part)

    def codes(self, facts):
        for field, (choices, predicate) in CODE_FIELDS.items():
            values = facts[field]
            if isinstance(values, str):
                values = [values] if values else []
            for value in values:
                if value not in choices.values:
                    continue
                target = code_iri(choices, value)
                self.add(self.node, predicate, target)
                if choices is LifeEvent:
                    label = dutch_label(choices, value)
                    self.concept(target, label)
                    self.add(target, RDF.type, M8G.Event)
                    self.add(target, RDF.type, M8G.LifeEvent)
                    self.plain(target, DCTERMS.identifier, value)
                    self.text(target, DCTERMS.title, label)
                else:
                    self.concept(target)

    def requirements(self, items):
        for item in items:
            requirement = self.part(
                "voorwaarde",
                M8G.Requirement,
                item.get("title"),
                item.get("description"),
                item=item,
            )
            self.add(self.node, M8G.holdsRequirement, requirement)
            # IPDC allows one m8g:hasSupportingEvidence per requirement; a requirement with
            # several is linked the CPSV-AP way round, evidence to requirement.
            for evidence in item.get("evidence") or ():
                part = self.part(
                    "bewijsstuk",
                    M8G.Evidence,
                    evidence.get("title"),
                    evidence.get("description"),
                    item=evidence,
                )
                self.add(part, M8G.supportsRequirement, requirement)
                self.add(self.node, CPSV.hasInput, part)

    def procedure(self, steps):
        if not steps:
            return
        overview = {"description": overview_html(steps, informal=False)}
        if any(
            step.get("title" + INFORMAL) or step.get("description" + INFORMAL) for step in steps
        ):
            overview["description" + INFORMAL] = overview_html(steps, informal=True)
        rule = self.part(
            "procedure", CPSV.Rule, "Procedure", overview["description"], item=overview
        )
        self.add(self.node, CPSV.follows, rule)
        for step in steps:
            part = self.part(
                "stap", CPSV.Rule, step.get("title"), step.get("description"), item=step
            )
            self.add(rule, DCTERMS.hasPart, part)

    def costs(self, items):
        for item in items:
            cost = self.part(
                "kost", M8G.Cost, item.get("title"), item.get("description"), item=item
            )
            self.amount(cost, item.get("amount"))
            if item.get("valid_from"):
                self.add(
                    cost, SCHEMA.validFrom, Literal(str(item["valid_from"]), datatype=XSD.date)
                )
            self.add(self.node, M8G.hasCost, cost)

    def amount(self, cost, amount):
        if amount in (None, ""):
            return
        self.add(cost, M8G.hasValue, Literal(float(amount), datatype=XSD.double))
        self.concept(EUR)
        self.add(cost, M8G.currency, EUR)


def overview_html(steps, informal):
    """The procedure's steps as one ordered list (IPDC's procedure description)."""
    items = ""
    for step in steps:
        title = strip_tags(variant(step, "title", informal))
        description = strip_tags(variant(step, "description", informal))
        items += f"<li>{title}" + (f": {description}" if description else "") + "</li>"
    return f"<ol>{items}</ol>"


def region_organisation(service_graph):
    place = URIRef(f"{organisation_iri()}/werkingsgebied")
    return service_graph.organisation(organisation_iri(), region_name(), place, region_name())


STREAM_FACTS = (
    "requirements",
    "procedure",
    "costs",
    "financial_advantages",
    "legal_resources",
    "more_information",
)


def service_facts(service):
    """``RegionalService.facts()``, with the informal variants, and each stream as its
    children's values."""
    facts = service.facts(variants=True)
    for key in STREAM_FACTS:
        facts[key] = [child.get("value") or {} for child in facts[key]]
    facts["keywords"] = service.keyword_list
    return facts


def add_concept(graph, service, translations=()):
    """One regional service as an IPDC concept snapshot, with the texts of its
    ``translations`` (RegionalService objects in other locales) beside the Dutch ones."""
    holder = concept_iri(service.identifier)
    node = snapshot_iri(service.identifier, service.definition_changed_at)
    builder = ServiceGraph(graph, node, holder)
    builder.add(node, RDF.type, LPDC.ConceptualPublicServiceSnapshot)
    builder.add(holder, RDF.type, LPDC.ConceptualPublicService)
    builder.add(node, DCTERMS.isVersionOf, holder)
    builder.plain(node, SCHEMA.productID, service.identifier)
    builder.plain(node, DCTERMS.identifier, service.identifier)
    builder.stamp(node, SCHEMA.dateCreated, service.created_at)
    builder.stamp(node, SCHEMA.dateModified, service.definition_changed_at)
    builder.stamp(node, PROV.generatedAtTime, service.definition_changed_at)
    builder.add(node, LPDC.isArchived, Literal(bool(service.archived)))
    builder.add(node, M8G.hasCompetentAuthority, region_organisation(builder))
    builder.describe(service_facts(service))
    for translation in translations:
        language = translation.locale.language_code
        ServiceGraph(graph, node, holder, language).describe(service_facts(translation))
    return node


def regional_services(locale=None):
    locale = locale or Locale.get_default()
    return RegionalService.objects.filter(locale=locale).order_by("identifier")


def translations_of(objects, model=RegionalService):
    """{translation key: the objects' translations, in language order}, in one query."""
    found = {}
    for translation in (
        model.objects.filter(translation_key__in=[o.translation_key for o in objects])
        .exclude(pk__in=[o.pk for o in objects])
        .select_related("locale")
        .order_by("locale__language_code", "pk")
    ):
        found.setdefault(translation.translation_key, []).append(translation)
    return found


def region_graph(services=None):
    """The region's concepts (every regional service in the default language, with the
    texts of its translations)."""
    graph = new_graph()
    services = list(regional_services() if services is None else services)
    translations = translations_of(services)
    for service in services:
        add_concept(graph, service, translations.get(service.translation_key, ()))
    return graph
