"""JSON-LD in and out: the fixed @context, a stable order, and errors with a position."""

import json
import re

from django.utils.translation import gettext as _
from rdflib import Graph

from .context import CONTEXT

__all__ = ["CatalogueDataError", "line_of", "parse_jsonld", "to_jsonld"]


class CatalogueDataError(ValueError):
    """A JSON-LD document the catalogue refuses; the message says where and why."""


def _sorted(value):
    if isinstance(value, dict):
        return {key: _sorted(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_sorted(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    return value


def to_jsonld(graph):
    """The graph as JSON-LD text with the fixed @context, nodes in IRI order."""
    data = json.loads(graph.serialize(format="json-ld", context=CONTEXT, auto_compact=False))
    if isinstance(data, dict) and "@graph" in data:
        nodes = data["@graph"]
    elif isinstance(data, list):
        nodes = data
    else:
        nodes = [data]
    nodes = [_sorted({k: v for k, v in node.items() if k != "@context"}) for node in nodes]
    nodes.sort(key=lambda node: node.get("@id", ""))
    document = {"@context": CONTEXT, "@graph": nodes}
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def parse_jsonld(text):
    """Parse JSON-LD text into a graph; invalid JSON is refused with its line and column."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CatalogueDataError(
            _("Not valid JSON at line %(line)s, column %(column)s: %(message)s")
            % {"line": error.lineno, "column": error.colno, "message": error.msg}
        ) from error
    if not isinstance(data, dict | list):
        raise CatalogueDataError(_("Not a JSON-LD document: expected an object or a list."))
    contexts = data.get("@context") if isinstance(data, dict) else None
    if isinstance(contexts, str) or (
        isinstance(contexts, list) and any(isinstance(c, str) for c in contexts)
    ):
        raise CatalogueDataError(
            _("Remote @context documents are not fetched; give the @context inline.")
        )
    try:
        return Graph().parse(data=text, format="json-ld")
    except Exception as error:  # rdflib raises many kinds for malformed JSON-LD
        raise CatalogueDataError(
            _("Not valid JSON-LD: %(message)s") % {"message": error}
        ) from error


def line_of(text, iri):
    """The line of the node with ``@id`` ``iri`` in ``text``, or None."""
    match = re.search(r'"@id"\s*:\s*' + re.escape(json.dumps(str(iri))), text)
    if match is None:
        return None
    return text.count("\n", 0, match.start()) + 1
