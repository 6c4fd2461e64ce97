"""A municipality's local service pages as IPDC instances in CPSV-AP 3.2.

Each instance carries the merged facts (``LocalServicePage.facts``: the regional ones
unless the page overrides them, plus the local ones), records the concept it derives
from (``dct:source``), and has the municipality as competent authority and creator.
Channels are ``m8g:Channel`` nodes with their opening hours as ``time:TemporalEntity``.
An instance's texts are the ones its site shows, in the municipality's register (the
informal variants on an informal site), tagged ``@nl``; the page's live translations in
the languages IPDC's instance shape allows (``INSTANCE_LANGUAGES``) add theirs, tagged with
their language, to the same nodes.
"""

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, TIME, XSD

from cms.locations.models import LocationPage
from cms.municipalities.models import Register

from ..facts import ServiceFacts
from ..models import LocalServicePage
from ..vocabularies import ChannelType
from .context import LPDC, M8G, PAV, SCHEMA, VD, concept_iri, instance_iri, organisation_iri
from .export import ServiceGraph, html, new_graph, raw
from .vocabulary import code_iri, dutch_label, spatial_iri

__all__ = ["local_pages", "municipality_graph", "prefetch_locations"]

SCHEMA_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
# The languages besides Dutch IPDC's instance shape allows texts in (its concept shape
# also allows French and German): a local page's French translation stays out of the
# instance export, which would not conform with it, while the concept carries French.
INSTANCE_LANGUAGES = ("en",)
DUTCH_DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")


def local_pages(municipality):
    """The municipality's live local service pages in its default language."""
    root = municipality.site.root_page
    return (
        LocalServicePage.objects.live()
        .descendant_of(root)
        .filter(locale_id=root.locale_id)
        .select_related("service")
        .order_by("slug")
    )


def prefetch_locations(pages):
    """Read the locations of all ``pages`` in one query (each page's facts would ask)."""
    ids = set()
    for page in pages:
        ids.update(page.facts._location_ids())
    found = LocationPage.objects.live().in_bulk(ids) if ids else {}
    for page in pages:
        page.facts.__dict__["_locations"] = {
            pk: found[pk] for pk in page.facts._location_ids() if pk in found
        }
    return pages


def merged_facts(page):
    facts = page.facts
    service = page.service
    costs = facts.costs.value
    return {
        "name": page.title,
        "short_description": facts.short_description.value,
        "description": facts.description.value,
        "additional_description": facts.additional_description.value,
        "exceptions": facts.exceptions.value,
        "requirements": raw(facts.requirements.value),
        "procedure": raw(facts.procedure.value),
        "costs": [
            {
                "title": cost.title,
                "amount": cost.amount,
                "description": cost.description,
                "valid_from": cost.valid_from,
            }
            for cost in costs.current + costs.upcoming
        ],
        "financial_advantages": raw(facts.financial_advantages.value),
        "processing_time": facts.processing_time.value,
        "legal_resources": raw(service.legal_resources),
        "more_information": raw(service.more_information),
        "audiences": service.audiences,
        "themes": service.themes,
        "life_events": service.life_events,
        "keywords": service.keyword_list,
        "service_type": service.service_type,
        "eligibility_flow": page.eligibility,
    }


def add_instance(graph, municipality, page):
    service = page.service
    node = instance_iri(municipality.slug, service.identifier)
    builder = ServiceGraph(graph, node, node)
    builder.add(node, RDF.type, LPDC.InstancePublicServiceSnapshot)
    builder.add(node, RDF.type, LPDC.InstancePublicService)
    source = concept_iri(service.identifier)
    builder.add(source, RDF.type, LPDC.ConceptualPublicService)
    builder.add(node, DCTERMS.source, source)
    builder.plain(node, DCTERMS.identifier, f"{municipality.slug}/{service.identifier}")
    builder.plain(node, SCHEMA.productID, service.identifier)
    created = page.first_published_at or service.created_at
    builder.stamp(node, SCHEMA.dateCreated, created)
    builder.stamp(node, SCHEMA.dateModified, page.last_published_at or created)
    place = spatial_iri(municipality.slug)
    authority = builder.organisation(
        organisation_iri(municipality.slug), municipality.name, place, municipality.short_name
    )
    builder.add(node, M8G.hasCompetentAuthority, authority)
    builder.add(node, PAV.createdBy, authority)
    builder.add(node, DCTERMS.spatial, place)
    if page.full_url:
        builder.add(node, SCHEMA.url, Literal(page.full_url, datatype=XSD.string))
    builder.describe(merged_facts(page))
    builder.text(node, VD.localConditions, html(page.facts.local_conditions.value))
    for number, channel in enumerate(page.facts.channels, start=1):
        add_channel(builder, channel, number)
    return node


def add_translation(graph, municipality, page):
    """The texts of ``page``, a translation of a local page already in ``graph``."""
    node = instance_iri(municipality.slug, page.service.identifier)
    builder = ServiceGraph(graph, node, node, page.locale.language_code)
    builder.describe(merged_facts(page))
    builder.text(node, VD.localConditions, html(page.facts.local_conditions.value))
    for number, channel in enumerate(page.facts.channels, start=1):
        channel_node = URIRef(f"{node}/kanaal/{number}")
        builder.text(channel_node, DCTERMS.title, channel.name)
        builder.text(channel_node, VD.address, channel.address)
        builder.text(channel_node, VD.processingTime, channel.processing_time)


def translated_pages(pages):
    """The live translations of ``pages`` (local pages in the default language) in the
    languages an instance may carry."""
    return list(
        LocalServicePage.objects.live()
        .filter(
            translation_key__in=[page.translation_key for page in pages],
            locale__language_code__in=INSTANCE_LANGUAGES,
        )
        .select_related("service", "locale")
        .order_by("locale__language_code", "slug")
    )


def add_channel(builder, channel, number):
    node = URIRef(f"{builder.owner}/kanaal/{number}")
    builder.add(builder.node, M8G.hasChannel, node)
    builder.add(node, RDF.type, M8G.Channel)
    builder.plain(node, DCTERMS.identifier, str(node))
    kind = code_iri(ChannelType, channel.kind)
    builder.concept(kind, dutch_label(ChannelType, channel.kind))
    builder.add(node, DCTERMS.type, kind)
    builder.text(node, DCTERMS.title, channel.name or dutch_label(ChannelType, channel.kind))
    builder.add(node, SCHEMA.position, Literal(number, datatype=XSD.integer))
    builder.plain(node, SCHEMA.telephone, channel.phone)
    builder.plain(node, SCHEMA.url, channel.url)
    location = channel.location
    address = channel.address
    if location is not None:
        if location.full_url:
            builder.add(node, SCHEMA.location, URIRef(location.full_url))
        address = address or f"{location.address}, {location.postcode} {location.city}"
    builder.text(node, VD.address, address)
    builder.add(node, VD.appointmentRequired, Literal(bool(channel.appointment_required)))
    builder.plain(node, VD.appointmentUrl, channel.appointment_url)
    builder.text(node, VD.processingTime, channel.processing_time)
    hours = channel.opening_hours
    if hours is not None and any(hours.periods):
        add_hours(builder, node, hours)
    if channel.cost is not None:
        cost = builder.part(
            "kost", M8G.Cost, f"Kost {dutch_label(ChannelType, channel.kind).lower()}", None
        )
        builder.amount(cost, channel.cost)
        builder.add(cost, M8G.ifAccessedThrough, node)
        builder.add(builder.node, M8G.hasCost, cost)


def add_hours(builder, channel_node, hours):
    """Weekly hours as a time:TemporalEntity: a Dutch description and schema.org lines."""
    node = URIRef(f"{channel_node}/openingsuren")
    builder.add(node, RDF.type, TIME.TemporalEntity)
    builder.add(channel_node, M8G.openingHours, node)
    days = []
    for index, periods in enumerate(hours.periods):
        if not periods:
            continue
        spans = [f"{opens:%H:%M}-{closes:%H:%M}" for opens, closes in periods]
        days.append(f"{DUTCH_DAYS[index]} {', '.join(spans)}")
        for span in spans:
            builder.plain(node, SCHEMA.openingHours, f"{SCHEMA_DAYS[index]} {span}")
    builder.text(node, DCTERMS.description, "; ".join(days))
    for number, closing in enumerate(hours.closed, start=1):
        closed = URIRef(f"{channel_node}/gesloten/{number}")
        builder.add(closed, RDF.type, TIME.TemporalEntity)
        builder.add(channel_node, M8G.specialOpeningHoursSpecification, closed)
        label = f"Gesloten op {closing.date.isoformat()}"
        if closing.reason:
            label = f"{label} ({closing.reason})"
        builder.text(closed, DCTERMS.description, label)
        builder.add(closed, SCHEMA.validFrom, Literal(closing.date.isoformat(), datatype=XSD.date))


def in_register_of(municipality, pages):
    """Give each page the facts in the municipality's register (what its site shows),
    whatever register the current request has."""
    informal = municipality.register == Register.INFORMAL
    for page in pages:
        page.__dict__["facts"] = ServiceFacts(page, informal=informal)
    return pages


def municipality_graph(municipality, pages=None):
    graph = new_graph()
    pages = in_register_of(
        municipality, list(local_pages(municipality) if pages is None else pages)
    )
    translations = in_register_of(municipality, translated_pages(pages))
    prefetch_locations(pages + translations)
    for page in pages:
        add_instance(graph, municipality, page)
    for page in translations:
        add_translation(graph, municipality, page)
    return graph
