""" "Do I qualify?": a regional service's question flow, checked and evaluated.

Pure functions over the flow's raw StreamField data (``[{"type": "question" | "outcome",
"value": {...}}]``, as ``RegionalService.eligibility.raw_data`` or ``facts()`` hold it)
and the answers in a query string. Nothing is stored: the answers travel in the URL, and
the current question is found again on every request by walking the flow from its first
question. The same checks refuse a bad flow in the admin (the stream block's clean) and
make evaluation safe for a flow saved some other way (an import, the demo): a flow with
problems is treated as absent, never half-evaluated.
"""

import re
from dataclasses import asdict, dataclass, field, replace

from django.utils.translation import gettext_lazy as _

YES_NO = "yesno"
CHOICE = "choice"
YES, NO = "ja", "nee"
MAX_QUESTIONS = 20
MAX_ANSWERS = 8
MAX_OUTCOMES = 20

# What an outcome tells the citizen to do.
APPLY_ONLINE = "online"
DESK = "desk"
ELSEWHERE = "elsewhere"
NOT_ELIGIBLE = "not-eligible"
OUTCOME_KINDS = (
    (APPLY_ONLINE, _("You can apply online")),
    (DESK, _("Come to the desk")),
    (ELSEWHERE, _("Done by another government or body")),
    (NOT_ELIGIBLE, _("Not eligible")),
)
REPLACE, ADD = "replace", "add"
# The query parameter that reopens an answered question ("change" in the summary).
CHANGE = "wijzig"
# The hidden field naming the question a submitted form answers.
ANSWERING = "vraag"
RESERVED = (CHANGE, ANSWERING)
KEY = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@dataclass(frozen=True)
class Answer:
    value: str  # what the query string carries: "ja"/"nee", or "1".."n"
    label: str
    next: str


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    explanation: str
    kind: str
    answers: tuple

    def answer(self, value):
        return next((a for a in self.answers if a.value == value), None)


@dataclass(frozen=True)
class Outcome:
    key: str
    kind: str
    title: str
    text: str
    link_url: str = ""
    link_label: str = ""
    local_text: str = ""  # a municipality's addition or replacement
    local_link_url: str = ""
    local_link_label: str = ""
    local: bool = False


def _answers(value):
    if value.get("kind") == YES_NO:
        return (
            Answer(YES, str(_("Yes")), str(value.get("yes_next") or "")),
            Answer(NO, str(_("No")), str(value.get("no_next") or "")),
        )
    # A list block's items are stored {"type": "item", "value": ..., "id": ...} once saved
    # by the admin, and as the plain value when written by code (the demo, an import).
    items = [
        item.get("value") if isinstance(item, dict) and "value" in item else item
        for item in (value.get("answers") if isinstance(value.get("answers"), list) else ())
    ]
    return tuple(
        Answer(str(number), str(item.get("label") or ""), str(item.get("next") or ""))
        for number, item in enumerate(items, start=1)
        if isinstance(item, dict)
    )


def _items(raw):
    """(type, value) of each child of the raw stream, whatever its shape."""
    for child in raw or ():
        if isinstance(child, dict) and isinstance(child.get("value"), dict):
            yield child.get("type"), child["value"]


def problems(raw):
    """Why the flow in ``raw`` cannot be used: a list of (index of the child or None,
    message). Empty for a good flow (or none at all)."""
    found = []
    items = list(_items(raw))
    if not items:
        return found
    keys = {}
    questions = [(i, v) for i, (kind, v) in enumerate(items) if kind == "question"]
    outcomes = [(i, v) for i, (kind, v) in enumerate(items) if kind == "outcome"]
    if len(questions) > MAX_QUESTIONS:
        found.append((None, _("At most %(n)d questions.") % {"n": MAX_QUESTIONS}))
    if len(outcomes) > MAX_OUTCOMES:
        found.append((None, _("At most %(n)d outcomes.") % {"n": MAX_OUTCOMES}))
    if not questions or items[0][0] != "question":
        found.append((None, _("The flow starts with a question.")))
    if not outcomes:
        found.append((None, _("The flow needs at least one outcome.")))
    for index, (_kind, value) in enumerate(items):
        key = value.get("key") if isinstance(value.get("key"), str) else ""
        if not KEY.fullmatch(key) or len(key) > 50:
            found.append((index, _("A key is lower-case letters, digits and hyphens.")))
        elif key in RESERVED:
            found.append((index, _("The key %(key)s is reserved.") % {"key": key}))
        if key in keys:
            found.append((index, _("The key %(key)s is used twice.") % {"key": key}))
        keys.setdefault(key, index)
    for index, value in questions:
        answers = _answers(value)
        if value.get("kind") == CHOICE and not 2 <= len(answers) <= MAX_ANSWERS:
            found.append((index, _("A choice needs 2 to %(n)d answers.") % {"n": MAX_ANSWERS}))
        for answer in answers:
            if answer.next not in keys:
                found.append(
                    (index, _("No question or outcome has the key %(key)s.") % {"key": answer.next})
                )
            elif answer.next == value.get("key"):
                found.append((index, _("An answer leads back to its own question.")))
    if found:
        return found
    # Every path ends in an outcome: no cycles (each question's answers lead on).
    graph = {v["key"]: [a.next for a in _answers(v)] for _i, v in questions}
    state = {}

    def visit(key):
        state[key] = "open"
        for target in graph.get(key, ()):
            if state.get(target) == "open":
                return False
            if target not in state and not visit(target):
                return False
        state[key] = "done"
        return True

    if not visit(questions[0][1]["key"]):
        found.append((None, _("The questions go round in a circle: every path must end.")))
    return found


@dataclass
class Flow:
    questions: dict
    outcomes: dict
    start: str

    @classmethod
    def from_raw(cls, raw):
        """The flow of ``raw``; None when there is none or it has problems."""
        if not raw or problems(raw):
            return None
        questions, outcomes, start = {}, {}, None
        for kind, value in _items(raw):
            if kind == "question":
                question = Question(
                    value["key"],
                    str(value.get("question") or ""),
                    str(value.get("explanation") or ""),
                    value.get("kind"),
                    _answers(value),
                )
                questions[question.key] = question
                start = start or question.key
            else:
                outcomes[value["key"]] = Outcome(
                    value["key"],
                    value.get("kind") or DESK,
                    str(value.get("title") or ""),
                    str(value.get("text") or ""),
                    str(value.get("link_url") or ""),
                    str(value.get("link_label") or ""),
                )
        return cls(questions, outcomes, start) if start else None

    def with_local(self, raw_local):
        """This flow with a municipality's changes: ``replace`` puts its text and link in
        place of the region's, ``add`` shows them after the region's. Changes of outcomes
        the flow does not have are ignored."""
        outcomes = dict(self.outcomes)
        for _kind, value in _items(raw_local):
            outcome = outcomes.get(value.get("outcome"))
            if outcome is None:
                continue
            text, url = str(value.get("text") or ""), str(value.get("link_url") or "")
            label = str(value.get("link_label") or "")
            if value.get("mode") == REPLACE:
                changed = replace(outcome, text=text, link_url=url, link_label=label, local=True)
            else:
                changed = replace(
                    outcome, local_text=text, local_link_url=url, local_link_label=label, local=True
                )
            outcomes[outcome.key] = changed
        return Flow(self.questions, outcomes, self.start)

    def to_json(self):
        return {
            "start": self.start,
            "questions": [
                {
                    "key": q.key,
                    "question": q.text,
                    "explanation": q.explanation,
                    "kind": q.kind,
                    "answers": [
                        {"value": a.value, "label": a.label, "next": a.next} for a in q.answers
                    ],
                }
                for q in self.questions.values()
            ],
            "outcomes": [asdict(o) for o in self.outcomes.values()],
        }


@dataclass
class Step:
    """Where the citizen is: the answers so far, and either the question to answer now
    (with an error when the answer given was missing or not one of its answers) or the
    outcome."""

    answered: list = field(default_factory=list)  # (Question, Answer) pairs
    question: Question | None = None
    outcome: Outcome | None = None
    error: str = ""
    selected: str = ""


def _one(params, key):
    """The single value of ``key``; None when absent, "" (never valid) when repeated with
    different values."""
    values = params.getlist(key) if hasattr(params, "getlist") else [params.get(key)]
    values = [v for v in values if v is not None]
    if not values:
        return None
    return values[0] if len(set(values)) == 1 else ""


def walk(flow, params):
    """The :class:`Step` that the answers in ``params`` (a QueryDict) lead to."""
    step = Step()
    change = _one(params, CHANGE)
    key = flow.start
    for _guard in range(len(flow.questions) + 1):
        question = flow.questions.get(key)
        if question is None:
            step.outcome = flow.outcomes[key]
            return step
        value = _one(params, question.key)
        answer = question.answer(value) if value is not None else None
        if change == question.key:
            step.question, step.selected = question, answer.value if answer else ""
            return step
        if answer is None:
            step.question = question
            if value is not None:
                step.error = str(_("Choose one of the answers."))
            elif _one(params, ANSWERING) == question.key:
                step.error = str(_("Choose an answer."))
            return step
        step.answered.append((question, answer))
        key = answer.next
    raise AssertionError("an acyclic flow ends")  # pragma: no cover - checked by problems()


def query(pairs, **extra):
    """The query string carrying ``pairs`` ((Question, Answer)) and ``extra``."""
    items = [(q.key, a.value) for q, a in pairs] + list(extra.items())
    return "&".join(f"{k}={v}" for k, v in items)
