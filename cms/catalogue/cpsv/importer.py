"""Regional services from CPSV-AP JSON-LD: our own export, or IPDC concepts.

Reads every node typed ``lpdc:ConceptualPublicServiceSnapshot`` (else ``cpsv:PublicService``)
into a :class:`RegionalService` of the default locale, matched by identifier
(``schema:productID``, else ``dct:identifier``). Everything is checked before anything is
written, and the writing happens in one transaction: a bad file changes nothing. Errors
name the node (and its line in the file) and the property or value at fault.

Texts in another language of the site (``@fr``, ``@en``: a title in that language on the
service node) are read into the service's translation in that locale (made when missing,
with the same translation key), part by part in the Dutch order; a part without a text in
that language keeps the Dutch one. Languages without a Locale (no site offers them) are
left out.
"""

import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from rdflib import Literal
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, RDFS, SH
from wagtail.models import Locale

from ..eligibility import problems
from ..models import RegionalService
from ..variants import INFORMAL
from .context import CPSV, LPDC, M8G, PREFIXES, PS, SCHEMA, VD
from .eligibility import derived_requirements
from .export import add_concept, new_graph
from .jsonld import CatalogueDataError, line_of, parse_jsonld
from .vocabulary import CODE_FIELDS, code_for

__all__ = ["ImportPlan", "import_catalogue", "plan_import"]

# The formal text is read from the first of these languages found (then an untagged
# literal, then, as a last resort, an informal one); the informal variant from the first
# of INFORMAL_LANGUAGES, kept only when it differs from the formal text.
FORMAL_LANGUAGES = ("nl-be-x-formal", "nl", "nl-be-x-generated-formal")
INFORMAL_LANGUAGES = ("nl-be-x-informal", "nl-be-x-generated-informal")
LANGUAGES = FORMAL_LANGUAGES + INFORMAL_LANGUAGES
MAX_ERRORS = 20


@dataclass
class ImportPlan:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)

    @property
    def changes(self):
        return len(self.created) + len(self.updated)


class NodeReader:
    """Reads one service node; problems are collected, not raised, so all are reported."""

    def __init__(self, graph, node, text, errors, language=None):
        self.graph = graph
        self.node = node
        self.text = text
        self.errors = errors
        self.language = language  # a translation's language; None reads the Dutch texts

    def languages(self):
        """The other languages the service node has a title in (that a site may offer)."""
        offered = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
        found = self.by_language(self.node, DCTERMS.title)
        return sorted(code for code in found if code in offered and code != "nl")

    def where(self, node=None):
        node = self.node if node is None else node
        line = line_of(self.text, node)
        return f"node <{node}>" + (f" (line {line})" if line else "")

    def error(self, message, node=None):
        self.errors.append(f"{self.where(node)}: {message}")

    def by_language(self, node, predicate):
        values = self.graph.objects(node, predicate)
        return {v.language.lower(): v for v in values if isinstance(v, Literal) and v.language}

    def literal(self, node, predicate, required=False):
        by_language = self.by_language(node, predicate)
        if self.language in by_language:
            return str(by_language[self.language])
        for language in FORMAL_LANGUAGES:
            if language in by_language:
                return str(by_language[language])
        values = self.graph.objects(node, predicate)
        plain = [v for v in values if isinstance(v, Literal) and not v.language]
        if plain:
            return str(plain[0])
        for language in INFORMAL_LANGUAGES:
            if language in by_language:
                return str(by_language[language])
        if required:
            self.error(
                _("missing %(property)s (a text in Dutch, @nl)") % {"property": short(predicate)},
                node,
            )
        return ""

    def informal(self, node, predicate):
        """The informal variant of a text, or "" when there is none or it is the formal."""
        if self.language:
            return ""  # the register variants are Dutch
        by_language = self.by_language(node, predicate)
        for language in INFORMAL_LANGUAGES:
            if language in by_language:
                text = str(by_language[language])
                return "" if text == self.literal(node, predicate) else text
        return ""

    def value(self, node, predicate):
        found = self.graph.value(node, predicate)
        return found.toPython() if isinstance(found, Literal) else found

    def ordered(self, nodes):
        def key(node):
            order = self.value(node, SH.order)
            return (order if isinstance(order, int) else 10**9, str(node))

        return sorted(set(nodes), key=key)

    def titled(self, node):
        """title and description of a part; a description repeating the title is empty."""
        title = self.literal(node, DCTERMS.title, required=True)
        description = self.literal(node, DCTERMS.description)
        return title, "" if description == title else strip_tags(description)

    def titled_variants(self, node):
        """A part's texts, formal and informal: title, description and their variants."""
        title, description = self.titled(node)
        title_informal = self.informal(node, DCTERMS.title)
        description_informal = self.informal(node, DCTERMS.description)
        if description_informal in (title_informal, title):
            description_informal = ""
        texts = {"title": title, "description": description}
        # Only the variants there are: a part without one reads as before the variants.
        if title_informal:
            texts["title" + INFORMAL] = title_informal
        if description_informal:
            texts["description" + INFORMAL] = strip_tags(description_informal)
        return texts

    # The service ------------------------------------------------------------------------
    def identifier(self):
        identifier = self.literal(self.node, SCHEMA.productID) or self.literal(
            self.node, DCTERMS.identifier
        )
        if not identifier:
            self.error(_("missing schema:productID or dct:identifier"))
        return identifier.strip()

    def fields(self):
        node = self.node
        description = self.literal(node, DCTERMS.description, required=True)
        short = self.literal(node, DCTERMS.abstract) or Truncator(strip_tags(description)).chars(
            300
        )
        archived = self.value(node, LPDC.isArchived)
        description_informal = self.informal(node, DCTERMS.description)
        short_informal = self.informal(node, DCTERMS.abstract) or (
            Truncator(strip_tags(description_informal)).chars(300) if description_informal else ""
        )
        return {
            "name": self.literal(node, DCTERMS.title, required=True),
            "short_description": short,
            "short_description" + INFORMAL: "" if short_informal == short else short_informal,
            "description": description,
            "description" + INFORMAL: description_informal,
            "additional_description": self.literal(node, LPDC.additionalDescription),
            "additional_description" + INFORMAL: self.informal(node, LPDC.additionalDescription),
            "exceptions": self.literal(node, LPDC.exception),
            "exceptions" + INFORMAL: self.informal(node, LPDC.exception),
            "processing_time": self.literal(node, VD.processingTime),
            "keywords": ", ".join(
                sorted(
                    str(v)
                    for v in self.graph.objects(node, DCAT.keyword)
                    if isinstance(v, Literal)
                    and (
                        v.language == self.language
                        if self.language
                        else (v.language in LANGUAGES or not v.language)
                    )
                )
            ),
            "archived": archived is True,
            "requirements": self.requirements(),
            "procedure": self.procedure(),
            "costs": self.costs(),
            "financial_advantages": [
                {"type": "advantage", "value": self.titled_variants(p)}
                for p in self.ordered(self.graph.objects(node, CPSV.produces))
            ],
            "legal_resources": self.links(M8G.hasLegalResource, "legal_resource"),
            "more_information": self.links(RDFS.seeAlso, "link"),
            **self.codes(),
            **self.eligibility(),
        }

    def eligibility(self):
        """The flow in ``vd:eligibilityFlow`` (our own export); without one, the service's
        flow is left as it is (IPDC has no place for it)."""
        text = self.literal(self.node, VD.eligibilityFlow)
        if not text:
            return {}
        try:
            items = json.loads(text)
        except ValueError:
            items = None
        found = problems(items) if isinstance(items, list) else [(None, "not a JSON list")]
        if not items or found:
            self.error(
                _("vd:eligibilityFlow is not a usable flow: %(problem)s")
                % {"problem": " ".join(str(message) for _i, message in found[:3])}
            )
            return {}
        return {"eligibility": items}

    def codes(self):
        result = {}
        for name, (choices, predicate) in CODE_FIELDS.items():
            values = []
            for target in self.graph.objects(self.node, predicate):
                code = code_for(choices, target)
                if code is None:
                    self.error(
                        _("unknown %(property)s value %(value)s")
                        % {"property": short(predicate), "value": target}
                    )
                elif code not in values:
                    values.append(code)
            order = list(choices.values)
            values.sort(key=order.index)
            if name == "service_type":
                if len(values) > 1:
                    self.error(_("more than one type: %(values)s") % {"values": ", ".join(values)})
                result[name] = values[0] if values else ""
            else:
                result[name] = values
        return result

    def requirements(self):
        graph, node = self.graph, self.node
        items = []
        found = list(graph.objects(node, M8G.holdsRequirement))
        found += list(graph.objects(node, PS.hasRequirement))
        derived = derived_requirements(graph, node)
        found = [requirement for requirement in found if requirement not in derived]
        for requirement in self.ordered(found):
            evidence = list(graph.subjects(M8G.supportsRequirement, requirement))
            evidence += list(graph.objects(requirement, M8G.hasSupportingEvidence))
            value = self.titled_variants(requirement)
            value["evidence"] = [self.titled_variants(e) for e in self.ordered(evidence)]
            items.append({"type": "requirement", "value": value})
        return items

    def procedure(self):
        steps = []
        for rule in self.ordered(self.graph.objects(self.node, CPSV.follows)):
            parts = list(self.graph.objects(rule, DCTERMS.hasPart))
            for step in self.ordered(parts) if parts else [rule]:
                steps.append({"type": "step", "value": self.titled_variants(step)})
        return steps

    def costs(self):
        items = []
        for cost in self.ordered(self.graph.objects(self.node, M8G.hasCost)):
            if (cost, M8G.ifAccessedThrough, None) in self.graph:
                continue  # a channel's cost belongs to an instance, not to a concept
            texts = self.titled_variants(cost)
            amount = self.graph.value(cost, M8G.hasValue)
            if amount is not None:
                try:
                    amount = Decimal(str(amount)).quantize(Decimal("0.01"))
                except InvalidOperation:
                    self.error(_("the amount %(value)s is not a number") % {"value": amount}, cost)
                    amount = None
                else:
                    if amount < 0:
                        self.error(_("the amount %(value)s is negative") % {"value": amount}, cost)
            items.append(
                {
                    "type": "cost",
                    "value": {**texts, "amount": None if amount is None else str(amount)},
                }
            )
        return items

    def links(self, predicate, block):
        items = []
        for link in self.ordered(self.graph.objects(self.node, predicate)):
            url = self.literal(link, SCHEMA.url)
            if not url:
                self.error(_("missing schema:url"), link)
            title = self.literal(link, DCTERMS.title) or url
            items.append({"type": block, "value": {"title": title, "url": url}})
        return items

    def dates(self):
        created = self.value(self.node, SCHEMA.dateCreated)
        modified = self.value(self.node, SCHEMA.dateModified) or self.value(
            self.node, PROV.generatedAtTime
        )
        return tuple(
            value if hasattr(value, "tzinfo") and value.tzinfo else None
            for value in (created, modified)
        )


def short(predicate):
    for prefix, namespace in PREFIXES.items():
        if str(predicate).startswith(str(namespace)):
            return f"{prefix}:{str(predicate)[len(str(namespace)) :]}"
    return f"<{predicate}>"


def service_nodes(graph):
    snapshots = set(graph.subjects(RDF.type, LPDC.ConceptualPublicServiceSnapshot))
    if snapshots:
        return sorted(snapshots)
    instances = set(graph.subjects(RDF.type, LPDC.InstancePublicServiceSnapshot))
    instances |= set(graph.subjects(RDF.type, LPDC.InstancePublicService))
    return sorted(set(graph.subjects(RDF.type, CPSV.PublicService)) - instances)


def concept_graph(service, *translations):
    graph = new_graph()
    add_concept(graph, service, translations)
    return graph


@dataclass
class Translations:
    """The locales and the existing translated services an import may write to."""

    locales: dict  # language code -> Locale
    existing: dict  # (identifier, locale id) -> RegionalService

    def plan(self, reader, service, plan, to_save):
        """Plan the translation of ``service`` that ``reader`` (in its language) reads."""
        locale = self.locales.get(reader.language)
        if locale is None:
            return
        values = reader.fields()
        translation = self.existing.get((service.identifier, locale.pk))
        before = translation and (concept_graph(service, translation), translation.archived)
        if translation is None:
            translation = RegionalService(
                identifier=service.identifier,
                locale=locale,
                translation_key=service.translation_key,
                created_at=service.created_at,
                definition_changed_at=service.definition_changed_at,
            )
        for name, value in values.items():
            setattr(translation, name, value)
        try:
            translation.full_clean(exclude=["translation_key"])
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                reader.error(f"@{reader.language} {name}: {' '.join(str(m) for m in messages)}")
            return
        label = f"{service.identifier} ({reader.language})"
        # Compared as graphs, like the Dutch: what the export would say, in any order.
        if (
            before
            and before[1] == translation.archived
            and isomorphic(before[0], concept_graph(service, translation))
        ):
            plan.unchanged.append(label)
            return
        (plan.updated if before else plan.created).append(label)
        to_save.append(translation)


def plan_import(text, locale=None):
    """Read ``text`` and work out what it changes; raises CatalogueDataError, writes nothing.

    Returns the plan and the services to save (unsaved instances, new or changed).
    """
    graph = parse_jsonld(text)
    nodes = service_nodes(graph)
    if not nodes:
        raise CatalogueDataError(
            _("No services in the file: no node is typed %(types)s.")
            % {"types": "lpdc:ConceptualPublicServiceSnapshot or cpsv:PublicService"}
        )
    locale = locale or Locale.get_default()
    existing = {s.identifier: s for s in RegionalService.objects.filter(locale=locale)}
    translations = Translations(
        {lang.language_code: lang for lang in Locale.objects.exclude(pk=locale.pk)},
        {(s.identifier, s.locale_id): s for s in RegionalService.objects.exclude(locale=locale)},
    )
    errors, plan, to_save, seen = [], ImportPlan(), [], {}
    for node in nodes:
        reader = NodeReader(graph, node, text, errors)
        identifier = reader.identifier()
        values = reader.fields()
        if not identifier:
            continue
        if identifier in seen:
            reader.error(
                _("identifier %(id)s is also used by <%(other)s>")
                % {"id": identifier, "other": seen[identifier]}
            )
            continue
        seen[identifier] = node
        service = existing.get(identifier)
        before = concept_graph(service) if service else None
        if service is None:
            created, modified = reader.dates()
            service = RegionalService(identifier=identifier, locale=locale)
            service.created_at = created or timezone.now()
            service.definition_changed_at = modified or service.created_at
        for name, value in values.items():
            setattr(service, name, value)
        try:
            service.full_clean(exclude=["translation_key"])
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                reader.error(f"{name}: {' '.join(str(m) for m in messages)}")
            continue
        if before is None:
            plan.created.append(identifier)
            to_save.append(service)
        elif isomorphic(before, concept_graph(service)):
            plan.unchanged.append(identifier)
        else:
            plan.updated.append(identifier)
            to_save.append(service)
        for language in reader.languages():
            translated = NodeReader(graph, node, text, errors, language)
            translations.plan(translated, service, plan, to_save)
    if errors:
        more = len(errors) - MAX_ERRORS
        lines = errors[:MAX_ERRORS] + ([_("... and %(n)s more") % {"n": more}] if more > 0 else [])
        raise CatalogueDataError("\n".join(lines))
    return plan, to_save


def import_catalogue(text, dry_run=False, locale=None):
    """Import ``text``; all or nothing. Returns the :class:`ImportPlan`."""
    with transaction.atomic():
        plan, services = plan_import(text, locale)
        if not dry_run:
            for service in services:
                service.save()
                service.save_revision(log_action=True)
    return plan
