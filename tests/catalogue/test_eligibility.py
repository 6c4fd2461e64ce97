""" "Do I qualify?": the flow's checks (in the admin too), its evaluation and the local
changes to its outcomes."""

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.catalogue.admin.review import changes_of
from cms.catalogue.eligibility import Flow, problems, walk
from cms.catalogue.eligibility_blocks import EligibilityBlock
from cms.catalogue.models import RegionalService

from .factories import RegionalServiceFactory, local_page
from .test_regional_admin import URL, form_data, regional_editor

# The tests read the English messages; the site keeps Dutch as its default language.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_messages")]


def question(key, text, yes="", no="", answers=(), explanation=""):
    kind = "choice" if answers else "yesno"
    value = {"key": key, "question": text, "explanation": explanation, "kind": kind}
    value.update(yes_next=yes, no_next=no)
    value["answers"] = [{"label": label, "next": target} for label, target in answers]
    return {"type": "question", "value": value}


def outcome(key, kind, title, text="", url="", label=""):
    value = {"key": key, "kind": kind, "title": title, "text": text}
    return {"type": "outcome", "value": {**value, "link_url": url, "link_label": label}}


FLOW = [
    question(
        "eigenaar",
        "Bent u eigenaar?",
        yes="werken",
        no="huurder",
        explanation="Of vruchtgebruiker.",
    ),
    question("werken", "Welke werken?", answers=[("Isolatie", "premie"), ("Zonnepanelen", "geen")]),
    outcome(
        "premie",
        "online",
        "U krijgt de premie",
        "Vraag ze online aan.",
        "https://example.org/",
        "Aanvragen",
    ),
    outcome("huurder", "elsewhere", "Vraag het de eigenaar", "De eigenaar vraagt de premie aan."),
    outcome("geen", "not-eligible", "Geen premie", "Niet voor zonnepanelen."),
]


def params(text):
    return QueryDict(text)


def messages(raw):
    return [str(message) for _index, message in problems(raw)]


def service_with_flow(identifier="renovatiepremie", flow=FLOW):
    return RegionalServiceFactory(identifier=identifier, eligibility=flow)


# Checks ---------------------------------------------------------------------------------
def test_a_good_flow_has_no_problems_and_no_flow_is_fine():
    assert problems(FLOW) == []
    assert problems([]) == [] and Flow.from_raw([]) is None


@pytest.mark.parametrize(
    ("flow", "expected"),
    [
        ([FLOW[0], FLOW[0], *FLOW[1:]], "used twice"),
        ([question("a", "A?", yes="nergens", no="b"), outcome("b", "desk", "B")], "nergens"),
        ([question("a", "A?", yes="a", no="b"), outcome("b", "desk", "B")], "its own question"),
        (
            [
                question("a", "A?", yes="b", no="c"),
                question("b", "B?", yes="a", no="c"),
                outcome("c", "desk", "C"),
            ],
            "circle",
        ),
        (
            [outcome("b", "desk", "B"), question("a", "A?", yes="b", no="b")],
            "starts with a question",
        ),
        ([question("a", "A?", yes="a", no="a")], "at least one outcome"),
        ([question("a", "A?", answers=[("x", "b")]), outcome("b", "desk", "B")], "2 to 8"),
        (
            [
                question("a", "A?", answers=[(str(n), "b") for n in range(9)]),
                outcome("b", "desk", "B"),
            ],
            "2 to 8",
        ),
        ([question("Niet OK", "A?", yes="b", no="b"), outcome("b", "desk", "B")], "lower-case"),
        ([question("wijzig", "A?", yes="b", no="b"), outcome("b", "desk", "B")], "reserved"),
        (
            [question(f"q{n}", "?", yes=f"q{n + 1}", no="end") for n in range(21)]
            + [question("q21", "?", yes="end", no="end"), outcome("end", "desk", "E")],
            "At most 20 questions",
        ),
    ],
)
def test_bad_flows_are_refused_with_a_reason(flow, expected):
    assert any(expected in message for message in messages(flow)), messages(flow)
    assert Flow.from_raw(flow) is None


@pytest.mark.parametrize(
    "junk", [None, "x", [1, "a", None], [{"type": "question"}], [{"value": []}]]
)
def test_junk_data_is_no_flow_never_an_error(junk):
    assert Flow.from_raw(junk) is None


def test_the_stream_block_refuses_a_bad_flow_with_block_errors():
    block = EligibilityBlock()
    bad = [FLOW[0], question("werken", "?", answers=[("a", "nergens"), ("b", "premie")]), *FLOW[2:]]
    with pytest.raises(StreamBlockValidationError) as caught:
        block.clean(block.to_python(bad))
    assert 1 in caught.value.block_errors
    assert block.clean(block.to_python(FLOW))


def answers_form(answers):
    """A list block as the admin form posts it."""
    items = {
        str(n): {"deleted": "", "order": str(n), "value": answer, "id": ""}
        for n, answer in enumerate(answers)
    }
    return {"count": str(len(answers)), **items}


def eligibility_form(flow):
    children = []
    for child in flow:
        value = dict(child["value"])
        if child["type"] == "question":
            value["answers"] = answers_form(value["answers"])
        children.append((child["type"], value))
    return streamfield(children)


def test_the_admin_shows_flow_errors_on_the_field_and_saves_a_good_flow(client):
    service = RegionalServiceFactory(identifier="uittreksel-strafregister")
    client.force_login(regional_editor())
    edit = f"{URL}edit/{service.pk}/"
    bad = [question("a", "A?", yes="a", no="b"), outcome("b", "desk", "B")]
    data = {**form_data(), **nested_form_data({"eligibility": eligibility_form(bad)})}
    response = client.post(edit, data)
    assert response.status_code == 200
    assert "leidt terug naar zijn eigen vraag" in response.content.decode()  # Dutch admin
    assert not RegionalService.objects.get(pk=service.pk).eligibility
    data = {**form_data(), **nested_form_data({"eligibility": eligibility_form(FLOW)})}
    response = client.post(edit, data)
    assert response.status_code == 302
    saved = RegionalService.objects.get(pk=service.pk)
    assert Flow.from_raw(saved.eligibility.raw_data).start == "eigenaar"


def test_changing_the_flow_flags_local_pages_and_no_flow_keeps_the_digest():
    service = RegionalServiceFactory(identifier="renovatiepremie")
    digest, changed = service.facts_digest, service.definition_changed_at
    assert "eligibility" not in service.facts()
    service.save()
    assert (service.facts_digest, service.definition_changed_at) == (digest, changed)
    page = local_page("kortrijk", service)
    page.review_state.mark_reviewed(service)
    service.eligibility = FLOW
    service.save()
    assert service.definition_changed_at > changed
    assert "eligibility" in service.facts()
    labels = [str(label) for label in page.review_state.changed_facts(service)]
    assert labels == [str(RegionalService._meta.get_field("eligibility").verbose_name)]
    assert [change.key for change in changes_of(page)] == ["eligibility"]


# Evaluation ------------------------------------------------------------------------------
def test_walking_the_flow():
    flow = Flow.from_raw(FLOW)
    step = walk(flow, params(""))
    assert step.question.key == "eigenaar" and not step.error and not step.answered
    step = walk(flow, params("eigenaar=ja"))
    assert step.question.key == "werken" and len(step.answered) == 1
    step = walk(flow, params("eigenaar=ja&werken=1"))
    assert step.outcome.key == "premie" and step.question is None
    assert walk(flow, params("eigenaar=ja&werken=2")).outcome.key == "geen"
    assert walk(flow, params("eigenaar=nee&werken=2")).outcome.key == "huurder"


@pytest.mark.parametrize(
    ("query", "key", "error"),
    [
        ("vraag=eigenaar", "eigenaar", "Choose an answer."),
        ("eigenaar=misschien", "eigenaar", "Choose one of the answers."),
        ("eigenaar=ja&werken=9", "werken", "Choose one of the answers."),
        ("eigenaar=ja&eigenaar=nee", "eigenaar", "Choose one of the answers."),
        ("eigenaar=ja&eigenaar=ja", "werken", ""),
        ("eigenaar=%00", "eigenaar", "Choose one of the answers."),
        ("eigenaar=ja&werken=1&wijzig=werken", "werken", ""),
        ("vraag=werken", "eigenaar", ""),
        ("onbekend=1&eigenaar=ja", "werken", ""),
    ],
)
def test_missing_and_forged_answers_reshow_the_question(query, key, error):
    step = walk(Flow.from_raw(FLOW), params(query))
    assert step.question.key == key
    assert step.error == error


def test_change_reopens_a_question_with_its_answer_selected():
    step = walk(Flow.from_raw(FLOW), params("eigenaar=ja&werken=2&wijzig=eigenaar"))
    assert step.question.key == "eigenaar" and step.selected == "ja" and not step.answered


# Local changes ----------------------------------------------------------------------------
def test_a_municipality_replaces_or_adds_to_an_outcome():
    local = [
        {
            "type": "outcome",
            "value": {
                "outcome": "premie",
                "mode": "add",
                "text": "Plus 20 %.",
                "link_url": "",
                "link_label": "",
            },
        },
        {
            "type": "outcome",
            "value": {
                "outcome": "geen",
                "mode": "replace",
                "text": "Hier wel.",
                "link_url": "https://example.org/x",
                "link_label": "X",
            },
        },
        {"type": "outcome", "value": {"outcome": "bestaat-niet", "mode": "add", "text": "?"}},
    ]
    flow = Flow.from_raw(FLOW).with_local(local)
    premie, geen = flow.outcomes["premie"], flow.outcomes["geen"]
    assert (premie.text, premie.local_text, premie.local) == (
        "Vraag ze online aan.",
        "Plus 20 %.",
        True,
    )
    assert (geen.text, geen.link_url, geen.local_text) == ("Hier wel.", "https://example.org/x", "")
    assert not flow.outcomes["huurder"].local


def test_a_local_change_of_an_unknown_outcome_is_a_field_error():
    page = local_page("kortrijk", service_with_flow())
    page.eligibility_local = [
        {
            "type": "outcome",
            "value": {
                "outcome": "bestaat-niet",
                "mode": "add",
                "text": "x",
                "link_url": "",
                "link_label": "",
            },
        }
    ]
    with pytest.raises(ValidationError) as caught:
        page.clean()
    assert "eligibility_local" in caught.value.error_dict
    page.eligibility_local = [
        {
            "type": "outcome",
            "value": {
                "outcome": "premie",
                "mode": "add",
                "text": "x",
                "link_url": "",
                "link_label": "",
            },
        }
    ]
    page.clean()
    assert page.eligibility.outcomes["premie"].local_text == "x"


def test_the_demo_flows_are_valid():
    from cms.demo.services.regional import SPECS_BY_ID

    with_flow = [spec for spec in SPECS_BY_ID.values() if spec.fields()["eligibility"]]
    assert len(with_flow) >= 3
    for spec in with_flow:
        assert problems(spec.fields()["eligibility"]) == [], spec.identifier
