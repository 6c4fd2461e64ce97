""" "Do I qualify?" in CPSV-AP: each question a requirement, its answers and outcomes in text.

CPSV-AP has no vocabulary for a question flow. What it has is the requirement
(``m8g:Requirement``, a title and a description): each question becomes one, linked with
``m8g:holdsRequirement`` so any consumer lists it among the conditions, its description
saying in words where each answer leads (the next question, or the outcome's title and
text). The same nodes are also linked with ``vd:eligibilityQuestion``, which tells our
importer they are derived from the flow and not requirements to read back; a concept also
carries the flow itself as JSON (``vd:eligibilityFlow``), which the importer reads, so an
export imported and exported again is the same graph.
"""

import json

from django.utils.html import escape

from ..eligibility import Flow
from .context import M8G, VD

__all__ = ["add_eligibility", "derived_requirements", "flow_json"]


def flow_json(raw):
    """The flow's raw data (ids left out) as canonical JSON; "" when there is none."""
    items = [
        {"type": child.get("type"), "value": child.get("value")}
        for child in raw or ()
        if isinstance(child, dict)
    ]
    return json.dumps(items, sort_keys=True, ensure_ascii=False) if items else ""


def _where(flow, key):
    if key in flow.questions:
        return escape(flow.questions[key].text)
    outcome = flow.outcomes[key]
    text = " ".join(filter(None, (outcome.text, outcome.local_text)))
    return escape(outcome.title) + (f" ({escape(text)})" if text else "")


def description(flow, question):
    explanation = f"<p>{escape(question.explanation)}</p>" if question.explanation else ""
    answers = "".join(
        f"<li>{escape(answer.label)}: {_where(flow, answer.next)}</li>"
        for answer in question.answers
    )
    return f"{explanation}<ul>{answers}</ul>"


def add_eligibility(builder, raw, flow=None, with_json=True):
    """The flow of ``raw`` (or ``flow``, already merged with local changes) on the
    builder's service."""
    flow = flow or Flow.from_raw(raw)
    if flow is None:
        return
    for question in flow.questions.values():
        node = builder.part("vraag", M8G.Requirement, question.text, description(flow, question))
        builder.add(builder.node, M8G.holdsRequirement, node)
        builder.add(builder.node, VD.eligibilityQuestion, node)
    if with_json:
        builder.plain(builder.node, VD.eligibilityFlow, flow_json(raw))


def derived_requirements(graph, node):
    """The requirement nodes of ``node`` that stand for questions of its flow."""
    return set(graph.objects(node, VD.eligibilityQuestion))
