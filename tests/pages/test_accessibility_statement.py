import datetime as dt
import itertools
import re

import pytest
import wagtail_factories
from django.core.exceptions import ValidationError

from cms.municipalities.models import Municipality
from cms.pages.accessibility import InaccessibilityReason
from cms.pages.models import AccessibilityStatementPage, ConformanceStatus
from tests.forms.factories import make_form_page

pytestmark = pytest.mark.django_db

SECTIONS = [
    "Nalevingsstatus",
    "Niet-toegankelijke inhoud",
    "Opstelling van deze verklaring",
    "Feedback en contactgegevens",
    "Handhavingsprocedure",
]


def statement(slug="kortrijk"):
    return AccessibilityStatementPage.objects.get(url_path=f"/{slug}/toegankelijkheid/")


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def main(response):
    assert response.status_code == 200
    return response.content.decode().split('<main id="main"')[1].split("</main>")[0]


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def kortrijk(host_client):
    return host_client("kortrijk")


def test_every_municipality_has_its_statement_at_toegankelijkheid(host_client):
    for municipality in Municipality.objects.all():
        page = statement(municipality.slug)
        assert page.live
        body = main(host_client(municipality.slug).get("/toegankelijkheid/"))
        assert municipality.name in body


def test_the_statement_has_the_sections_of_the_model_statement_in_order(kortrijk):
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", main(kortrijk.get("/toegankelijkheid/")))
    assert [heading for heading in headings if heading in SECTIONS] == SECTIONS


def test_it_names_the_legal_basis_and_the_website(kortrijk):
    body = text(main(kortrijk.get("/toegankelijkheid/")))
    assert "Stad Kortrijk streeft ernaar haar website toegankelijk te maken" in body
    assert "bestuursdecreet van 7 december 2018" in body
    assert "(EU) 2016/2102" in body
    assert "van toepassing op de website http://kortrijk.localhost:8000" in body


@pytest.mark.parametrize(
    ("status", "sentence"),
    [
        (ConformanceStatus.FULL, "Deze website is volledig in overeenstemming met"),
        (ConformanceStatus.PARTIAL, "Deze website is gedeeltelijk in overeenstemming met"),
        (ConformanceStatus.NONE, "Deze website is niet in overeenstemming met"),
    ],
)
def test_it_states_the_conformance_with_wcag_2_1_aa(kortrijk, status, sentence):
    publish(statement(), status=status)
    body = text(main(kortrijk.get("/toegankelijkheid/")))
    assert sentence in body
    assert "(WCAG) 2.1, niveau AA" in body


def test_it_gives_the_dates_it_was_drawn_up_and_reviewed(kortrijk):
    publish(
        statement(),
        method="third_party",
        drawn_up_on=dt.date(2025, 3, 14),
        reviewed_on=dt.date(2026, 2, 2),
    )
    body = main(kortrijk.get("/toegankelijkheid/"))
    assert 'opgesteld op <time datetime="2025-03-14">14 maart 2025</time>.' in body
    assert 'laatst herzien op <time datetime="2026-02-02">2 februari 2026</time>.' in body
    assert "beoordeeld door een derde partij" in body


def test_a_problem_is_reported_to_the_municipality_and_escalated_to_the_ombudsman(kortrijk):
    municipality = Municipality.objects.get(slug="kortrijk")
    body = main(kortrijk.get("/toegankelijkheid/"))
    feedback = body.split("Feedback en contactgegevens")[1].split("Handhavingsprocedure")[0]
    assert f'<a href="mailto:{municipality.email}">{municipality.email}</a>' in feedback
    assert municipality.phone in feedback
    escalation = body.split("Handhavingsprocedure")[1]
    assert "Vlaamse Ombudsdienst" in escalation
    assert '<a href="https://www.vlaamseombudsdienst.be">' in escalation
    assert "mailto:klachten@vlaamseombudsdienst.be" in escalation
    assert '<a href="tel:080024050">0800 240 50</a>' in escalation


def test_the_report_form_is_offered_when_it_is_live(kortrijk):
    form = make_form_page(slug="kortrijk", page_slug="probleem-melden", title="Probleem melden")
    page = publish(statement(), report_page=form)
    assert '<a href="/probleem-melden/">Probleem melden</a>' in main(
        kortrijk.get("/toegankelijkheid/")
    )
    form.unpublish()
    page.save_revision().publish()
    assert "/probleem-melden/" not in main(kortrijk.get("/toegankelijkheid/"))


def test_without_known_issues_it_says_so(kortrijk):
    body = text(main(kortrijk.get("/toegankelijkheid/")))
    assert "We kennen geen inhoud op deze website die niet toegankelijk is." in body


def test_documents_of_the_site_bring_the_platform_notice_on_documents(kortrijk, host_client):
    kortrijk_collection = Municipality.objects.get(slug="kortrijk").collection
    wagtail_factories.DocumentFactory(collection=kortrijk_collection, title="Budget 2017")
    body = main(kortrijk.get("/toegankelijkheid/"))
    assert "<h3>Inhoud die buiten het toepassingsgebied van het bestuursdecreet valt</h3>" in body
    assert "gepubliceerd zijn, zijn niet volledig toegankelijk" in text(body)
    assert "<strong>Alternatief:</strong> Vraag ons de informatie" in body
    # Another municipality's documents say nothing about this site.
    menen = text(main(host_client("menen").get("/toegankelijkheid/")))
    assert "kantoordocumenten" not in menen


def test_uncaptioned_videos_are_listed_as_non_compliance_when_noted(kortrijk):
    publish(statement(), has_uncaptioned_videos=True)
    body = main(kortrijk.get("/toegankelijkheid/"))
    assert "<h3>Niet-naleving van het bestuursdecreet</h3>" in body
    assert "hebben geen ondertitels en geen transcriptie" in body


def test_editors_add_their_own_exceptions_grouped_by_reason(kortrijk):
    exceptions = [
        (
            "item",
            {
                "what": "Het archief van het stadsmagazine 1995-2010 is gescand.",
                "reason": InaccessibilityReason.DISPROPORTIONATE_BURDEN,
                "explanation": "Het archief opnieuw opmaken kost meer dan het oplevert.",
                "alternative": "Vraag een artikel aan bij het stadsarchief.",
            },
        ),
        (
            "item",
            {
                "what": "De kaart van de wegenwerken toont niet alles in tekst.",
                "reason": InaccessibilityReason.NON_COMPLIANCE,
                "explanation": "",
                "alternative": "",
            },
        ),
    ]
    publish(statement(), exceptions=exceptions)
    body = main(kortrijk.get("/toegankelijkheid/"))
    groups = re.findall(r"<h3>(.*?)</h3>", body)
    assert groups == ["Niet-naleving van het bestuursdecreet", "Onevenredige last"]
    burden = body.split("<h3>Onevenredige last</h3>")[1]
    assert "Het archief van het stadsmagazine 1995-2010 is gescand." in burden
    assert "kost meer dan het oplevert" in burden
    assert "<strong>Alternatief:</strong> Vraag een artikel aan bij het stadsarchief." in burden


def test_headings_do_not_skip_a_level(kortrijk):
    kortrijk_collection = Municipality.objects.get(slug="kortrijk").collection
    wagtail_factories.DocumentFactory(collection=kortrijk_collection)
    levels = [
        int(level) for level in re.findall(r"<h([1-6])", main(kortrijk.get("/toegankelijkheid/")))
    ]
    assert levels[0] == 1
    assert levels.count(1) == 1
    assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels))


def test_full_conformance_cannot_list_non_compliance():
    page = statement()
    page.status = ConformanceStatus.FULL
    page.has_uncaptioned_videos = True
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "status" in error.value.message_dict


def test_a_review_cannot_precede_the_statement():
    page = statement()
    page.drawn_up_on = dt.date(2026, 1, 10)
    page.reviewed_on = dt.date(2025, 12, 1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "reviewed_on" in error.value.message_dict


def test_the_api_gives_the_statement_fields(kortrijk):
    page = statement()
    response = kortrijk.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "partial"
    assert data["method"] == "self"
    assert data["exceptions"] == []


def test_the_french_statement_is_in_french(kortrijk):
    body = text(main(kortrijk.get("/fr/toegankelijkheid/")))
    assert "Stad Kortrijk s'engage à rendre son site web accessible" in body
    assert "Procédure d'application" in body
    assert "0800 240 50" in body
