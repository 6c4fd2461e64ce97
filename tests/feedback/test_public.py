"""The public side: "Was this page useful?" on a page, the vote, the comment, the thanks.

The page stays in the public page cache; the vote is refused unless the browser says it
comes from the site itself; every odd request gets a clear 4xx page, never a 500.
"""

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import signing
from django.test import Client
from django.utils import timezone, translation

from cms.events.models import EventIndexPage, EventPage
from cms.feedback.forms import TOKEN_SALT, comment_token
from cms.feedback.models import Feedback, accepts_feedback
from cms.locations.models import ContactPage, LocationPage
from cms.municipalities.models import Municipality
from cms.news.models import NewsArticlePage, NewsIndexPage
from cms.pages.models import ContentPage
from tests.catalogue.factories import RegionalServiceFactory, local_page
from tests.forms.factories import make_form_page

from .conftest import ORIGIN, content_page, home_of, path_of

pytestmark = pytest.mark.django_db


def html(response):
    return response.content.decode()


def vote(client, page, useful="yes", **extra):
    return client.post("/feedback/", {"page": page.pk, "useful": useful}, **{**ORIGIN, **extra})


def summary(body):
    return body.split('<div class="error-summary"')[1].split("</div>")[0]


def token_from(response):
    return parse_qs(urlsplit(response["Location"]).query)["token"][0]


# The form on the page ----------------------------------------------------------------


def test_a_content_page_asks_whether_it_was_useful_and_stays_cacheable(kortrijk, about):
    first = kortrijk.get("/over/")
    body = html(first)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    section = body.split('<section class="page-feedback"')[1].split("</section>")[0]
    assert 'aria-labelledby="page-feedback-title"' in section
    assert "Was deze pagina nuttig?" in section
    assert 'action="/feedback/"' in section and 'method="post"' in section
    assert f'name="page" value="{about.pk}"' in section
    assert 'name="useful" value="yes"' in section and 'name="useful" value="no"' in section
    assert 'name="website_"' in section  # the honeypot
    assert "csrfmiddlewaretoken" not in body
    assert not first.cookies
    assert kortrijk.get("/over/")["X-Page-Cache"] == "hit"


def test_the_form_is_on_article_like_pages(kortrijk):
    home = home_of("kortrijk")
    contact = ContactPage.objects.child_of(home).get()
    location = contact.add_child(
        instance=LocationPage(
            title="Stadhuis", address="Grote Markt 54", postcode="8500", city="Kortrijk"
        )
    )
    article = (
        NewsIndexPage.objects.child_of(home)
        .get()
        .add_child(instance=NewsArticlePage(title="Nieuw zwembad"))
    )
    event = (
        EventIndexPage.objects.child_of(home)
        .get()
        .add_child(
            instance=EventPage(
                title="Markt", start=timezone.now() + dt.timedelta(days=3), place="Plein"
            )
        )
    )
    service = local_page("kortrijk", RegionalServiceFactory(identifier="id-kaart", name="ID-kaart"))
    for page in (location, article, event, service):
        body = html(kortrijk.get(page.url))
        assert f'name="page" value="{page.pk}"' in body, page
        assert body.count('id="page-feedback-title"') == 1
        assert accepts_feedback(page)


def test_the_form_is_not_on_home_indexes_forms_or_search(kortrijk):
    home = home_of("kortrijk")
    pages = [home, *home.get_children().live().not_type(ContentPage)]
    pages.append(make_form_page())
    for page in pages:
        response = kortrijk.get(page.url)
        assert response.status_code == 200, page
        assert "page-feedback" not in html(response), page
        assert not accepts_feedback(page)
    assert "page-feedback" not in html(kortrijk.get("/zoeken/?q=afval"))


# Voting ------------------------------------------------------------------------------


def test_yes_is_recorded_without_anything_personal_and_thanks_lead_back(kortrijk, about):
    response = vote(kortrijk, about, REMOTE_ADDR="198.51.100.4", HTTP_USER_AGENT="Telefoon")
    assert response.status_code == 303
    assert response["Location"] == f"/feedback/bedankt/?page={about.pk}"
    row = Feedback.objects.get()
    assert (row.page_id, row.useful, row.comment) == (about.pk, True, "")
    assert row.municipality == Municipality.objects.get(slug="kortrijk")
    stored = {field.name for field in Feedback._meta.get_fields()}
    assert stored == {"id", "page", "municipality", "useful", "comment", "created"}
    thanks = kortrijk.get(response["Location"])
    body = html(thanks)
    assert thanks.status_code == 200
    assert "Bedankt voor uw feedback" in body
    assert f'href="{path_of(about)}"' in body and "Terug naar “Over Kortrijk”" in body
    assert "no-cache" in thanks["Cache-Control"] and "X-Page-Cache" not in thanks


def test_no_leads_to_an_optional_comment_added_to_that_one_vote(kortrijk, about):
    response = vote(kortrijk, about, useful="no")
    assert response.status_code == 303
    assert response["Location"].startswith("/feedback/opmerking/?token=")
    row = Feedback.objects.get()
    assert row.useful is False
    form = kortrijk.get(response["Location"])
    body = html(form)
    assert form.status_code == 200
    assert "no-store" in form["Cache-Control"]
    assert "csrfmiddlewaretoken" in body
    assert "Typ geen persoonsgegevens zoals uw naam, e-mailadres of rijksregisternummer." in body
    assert 'aria-describedby="id_comment_helptext"' in body
    assert 'maxlength="500"' in body
    assert f'href="{path_of(about)}"' in body  # skipping is a link back

    token = token_from(response)
    sent = kortrijk.post("/feedback/opmerking/", {"token": token, "comment": "  Geen uren.  "})
    assert sent.status_code == 303
    assert sent["Location"] == f"/feedback/bedankt/?page={about.pk}"
    row.refresh_from_db()
    assert row.comment == "Geen uren."
    assert Feedback.objects.count() == 1

    # The same token cannot change or add a comment again.
    again = kortrijk.post("/feedback/opmerking/", {"token": token, "comment": "Iets anders"})
    assert again.status_code == 400
    assert "Er werd al een opmerking toegevoegd" in summary(html(again))
    assert kortrijk.get(response["Location"]).status_code == 400
    row.refresh_from_db()
    assert row.comment == "Geen uren."


def test_an_empty_comment_just_says_thanks(kortrijk, about):
    token = token_from(vote(kortrijk, about, useful="no"))
    response = kortrijk.post("/feedback/opmerking/", {"token": token, "comment": "   "})
    assert response.status_code == 303
    assert Feedback.objects.get().comment == ""


def test_an_oversized_comment_is_refused_with_the_error_summary(kortrijk, about):
    token = token_from(vote(kortrijk, about, useful="no"))
    response = kortrijk.post("/feedback/opmerking/", {"token": token, "comment": "x" * 501})
    body = html(response)
    assert response.status_code == 400
    assert 'href="#id_comment"' in summary(body)
    assert "500" in summary(body)
    assert 'aria-invalid="true"' in body
    assert "<title>Fout:" in body
    assert Feedback.objects.get().comment == ""


def test_a_comment_cannot_be_attached_to_someone_elses_vote(kortrijk, about):
    yes = Feedback.objects.create(
        page=about, municipality=Municipality.objects.get(slug="kortrijk"), useful=True
    )
    no = Feedback.objects.create(page=about, municipality=yes.municipality, useful=False)
    forged = [
        str(no.pk),  # an id is not a token
        signing.dumps(no.pk, salt="another.salt"),
        comment_token(yes),  # a "yes" takes no comment
        signing.dumps("1 OR 1=1", salt=TOKEN_SALT),
        comment_token(no)[:-3] + "abc",
        "",
    ]
    for token in forged:
        response = kortrijk.post("/feedback/opmerking/", {"token": token, "comment": "Spam"})
        assert response.status_code == 400, token
        assert "Deze link om een opmerking toe te voegen is niet geldig." in summary(html(response))
        assert kortrijk.get(f"/feedback/opmerking/?token={token}").status_code == 400
    assert kortrijk.post("/feedback/opmerking/", {"comment": "Spam"}).status_code == 400
    assert kortrijk.get("/feedback/opmerking/").status_code == 400
    assert not Feedback.objects.exclude(comment="").exists()


def test_a_token_of_another_municipality_does_not_work_here(host_client, about):
    kortrijk = host_client("kortrijk")
    token = token_from(vote(kortrijk, about, useful="no"))
    kuurne = host_client("kuurne")
    assert kuurne.get(f"/feedback/opmerking/?token={token}").status_code == 400
    response = kuurne.post("/feedback/opmerking/", {"token": token, "comment": "Elders"})
    assert response.status_code == 400
    assert Feedback.objects.get().comment == ""


def test_an_expired_token_says_the_answer_was_kept(kortrijk, about, settings, monkeypatch):
    token = token_from(vote(kortrijk, about, useful="no"))
    monkeypatch.setattr("cms.feedback.forms.TOKEN_MAX_AGE", -1)
    response = kortrijk.get(f"/feedback/opmerking/?token={token}")
    assert response.status_code == 400
    assert "De tijd om een opmerking toe te voegen is voorbij" in summary(html(response))


# Cross-site requests -----------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "http://kuurne.localhost:8000"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "https://kortrijk.localhost:8000"},  # another scheme
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_REFERER": "https://evil.example/kortrijk.localhost:8000/over/"},
        {},  # nothing says where it comes from
    ],
)
def test_a_cross_site_vote_is_refused(kortrijk, about, headers):
    response = kortrijk.post("/feedback/", {"page": about.pk, "useful": "yes"}, **headers)
    assert response.status_code == 403
    assert "niet bevestigd dat het van deze website kwam" in summary(html(response))
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_ORIGIN": "http://kortrijk.localhost:8000"},
        {"HTTP_REFERER": "http://kortrijk.localhost:8000/over/"},
    ],
)
def test_a_vote_from_the_site_itself_is_accepted(kortrijk, about, headers):
    response = kortrijk.post("/feedback/", {"page": about.pk, "useful": "yes"}, **headers)
    assert response.status_code == 303
    assert Feedback.objects.count() == 1


def test_a_comment_without_the_csrf_token_is_refused(about):
    client = Client(enforce_csrf_checks=True, HTTP_HOST="kortrijk.localhost:8000")
    token = token_from(vote(client, about, useful="no"))  # the vote needs no token
    response = client.post("/feedback/opmerking/", {"token": token, "comment": "Vals"}, **ORIGIN)
    assert response.status_code == 403
    assert "Uw opmerking werd niet aanvaard" in summary(html(response))
    assert Feedback.objects.get().comment == ""
    # With the token from its form, it goes through.
    form = client.get(f"/feedback/opmerking/?token={token}")
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html(form)).group(1)
    response = client.post(
        "/feedback/opmerking/",
        {"token": token, "comment": "Echt", "csrfmiddlewaretoken": csrf},
        **ORIGIN,
    )
    assert response.status_code == 303
    assert Feedback.objects.get().comment == "Echt"


# Hostile and odd input ---------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"useful": "yes"},
        {"page": "abc", "useful": "yes"},
        {"page": "-1", "useful": "yes"},
        {"page": "99999999999999999999", "useful": "yes"},
        {"page": "1.5", "useful": "yes"},
        {"useful": "maybe", "page": "1"},
    ],
)
def test_missing_or_junk_fields_get_a_clear_400(kortrijk, data):
    response = kortrijk.post("/feedback/", data, **ORIGIN)
    assert response.status_code == 400
    assert "Er is een probleem" in html(response)
    assert not Feedback.objects.exists()


def test_missing_answer_says_choose_yes_or_no(kortrijk, about):
    response = kortrijk.post("/feedback/", {"page": about.pk}, **ORIGIN)
    assert response.status_code == 400
    assert "Kies “Ja” of “Nee”." in summary(html(response))


def test_pages_that_do_not_take_feedback_here_are_404(kortrijk, about):
    home = home_of("kortrijk")
    unpublished = content_page("kortrijk", "privacy")
    unpublished.unpublish()
    for page_id in (
        999_999,
        home.pk,  # the home page asks nothing
        NewsIndexPage.objects.child_of(home).get().pk,
        content_page("kuurne").pk,  # another municipality's page
        unpublished.pk,
    ):
        response = kortrijk.post("/feedback/", {"page": page_id, "useful": "no"}, **ORIGIN)
        assert response.status_code == 404, page_id
        assert "vraagt geen feedback" in html(response)
        assert kortrijk.get(f"/feedback/bedankt/?page={page_id}").status_code == 404
    assert not Feedback.objects.exists()


def test_the_regional_site_takes_no_votes(host_client, about):
    region = host_client("region")
    response = region.post(
        "/feedback/", {"page": about.pk, "useful": "yes"}, HTTP_ORIGIN="http://localhost:8000"
    )
    assert response.status_code == 404
    assert not Feedback.objects.exists()


def test_wrong_methods_are_405_with_a_message(kortrijk, about):
    response = kortrijk.get("/feedback/")
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert "Er is een probleem" in html(response)
    assert kortrijk.put("/feedback/", **ORIGIN).status_code == 405
    assert kortrijk.delete("/feedback/opmerking/").status_code == 405
    assert kortrijk.post("/feedback/bedankt/?page=1", **ORIGIN).status_code == 405
    assert kortrijk.head(f"/feedback/bedankt/?page={about.pk}").status_code == 200


@pytest.mark.parametrize("value", ["", "abc", "-3", "٣", "1" * 30, "1e3"])
def test_junk_thanks_page_ids_are_404(kortrijk, value):
    assert kortrijk.get(f"/feedback/bedankt/?page={value}").status_code == 404


def test_a_malformed_body_is_not_a_server_error(kortrijk):
    response = kortrijk.generic(
        "POST",
        "/feedback/",
        b"page=%ff&useful=\xff",
        content_type="application/x-www-form-urlencoded",
        **ORIGIN,
    )
    assert response.status_code == 400


def test_a_filled_honeypot_is_thanked_and_forgotten(kortrijk, about):
    data = {"page": about.pk, "useful": "no", "website_": "http://spam.example"}
    response = kortrijk.post("/feedback/", data, **ORIGIN)
    assert response.status_code == 303 and "bedankt" in response["Location"]
    assert not Feedback.objects.exists()


def test_a_comment_with_a_filled_honeypot_is_not_kept(kortrijk, about):
    token = token_from(vote(kortrijk, about, useful="no"))
    data = {"token": token, "comment": "Koop nu", "website_": "x"}
    assert kortrijk.post("/feedback/opmerking/", data).status_code == 303
    assert Feedback.objects.get().comment == ""


def test_too_many_votes_from_one_address_get_a_clear_429(kortrijk, about, settings):
    settings.FEEDBACK_RATE_LIMIT = (2, 600)
    settings.FORMS_RATE_LIMIT = (1, 600)  # the form pages' limit is another one
    for _vote in range(2):
        assert vote(kortrijk, about).status_code == 303
    response = vote(kortrijk, about)
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert "Wacht 10 minuten" in summary(html(response))
    assert f'href="{path_of(about)}"' in html(response)
    assert Feedback.objects.count() == 2
    assert vote(kortrijk, about, REMOTE_ADDR="192.0.2.7").status_code == 303


# Languages ---------------------------------------------------------------------------


def test_a_french_page_is_thanked_in_french(kortrijk):
    page = content_page("kortrijk", language="fr")
    body = html(kortrijk.get(page.url))
    assert 'action="/feedback/"' in body
    response = vote(kortrijk, page, useful="no")
    form = kortrijk.get(response["Location"])
    assert '<html lang="fr"' in html(form)
    assert "données personnelles" in html(form)
    thanks = kortrijk.get(f"/feedback/bedankt/?page={page.pk}")
    assert f'href="{path_of(page)}"' in html(thanks)
    assert translation.get_language() in ("nl", "en")
