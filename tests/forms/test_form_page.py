import re
import socket

import pytest
from django.core import mail
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission

from cms.forms.forms import HONEYPOT
from cms.forms.models import FormPage
from cms.pages.models import ContentPage, HomePage

from .factories import VALID, make_form_page

pytestmark = pytest.mark.django_db


def html(response):
    return response.content.decode()


def tag(body, element_id):
    """The opening tag of the element with ``element_id``."""
    match = re.search(rf'<(input|select|textarea|fieldset)\b[^>]*\bid="{element_id}"[^>]*>', body)
    assert match, f"no element with id {element_id}"
    return match.group(0)


def submissions(page):
    return FormSubmission.objects.filter(page=page)


def test_form_pages_go_under_home_and_content_pages():
    assert FormPage in HomePage.allowed_subpage_models()
    assert FormPage in ContentPage.allowed_subpage_models()


def test_every_field_has_a_label_and_required_fields_say_so(form_page, kortrijk):
    body = html(kortrijk.get("/melding/"))
    for name in ("naam", "e_mailadres", "onderwerp", "akkoord", "datum", "bericht"):
        assert f'<label class="form-field__label" for="id_{name}">' in body or (
            f'<label for="id_{name}">' in body
        )
    assert re.search(r'for="id_naam">Naam <span class="form-field__required">\(verplicht\)', body)
    assert "required" in tag(body, "id_naam")
    assert "required" in tag(body, "id_onderwerp")  # a dropdown starts with an empty choice
    assert "required" not in tag(body, "id_datum")
    assert "(verplicht)" not in body.split('for="id_datum">')[1].split("</label>")[0]
    assert "novalidate" in body  # every error is explained on the server, the same way


def test_hints_are_linked_with_aria_describedby(form_page, kortrijk):
    body = html(kortrijk.get("/melding/"))
    assert '<p class="form-field__hint" id="id_naam_helptext">Voornaam en familienaam.</p>' in body
    assert 'aria-describedby="id_naam_helptext"' in tag(body, "id_naam")


def test_choice_groups_are_fieldsets_with_a_legend(form_page, kortrijk):
    body = html(kortrijk.get("/melding/"))
    group = body.split('<fieldset class="form-field__group" aria-describedby="id_soort_helptext">')
    assert len(group) == 2
    assert group[1].lstrip().startswith('<legend class="form-field__label">Soort')
    assert '<label for="id_soort_0"><input type="radio" name="soort" value="Vraag"' in body
    assert 'id="id_kanalen_1"' in body


def test_input_types_help_phones_and_assistive_technology(form_page, kortrijk):
    body = html(kortrijk.get("/melding/"))
    assert 'type="email"' in tag(body, "id_e_mailadres")
    assert 'autocomplete="email"' in tag(body, "id_e_mailadres")
    assert 'type="date"' in tag(body, "id_datum")
    assert 'type="datetime-local"' in tag(body, "id_tijdstip")
    assert 'inputmode="decimal"' in tag(body, "id_aantal")
    assert 'inputmode="url"' in tag(body, "id_webpagina")


def test_numbers_are_read_the_dutch_way(form_page, kortrijk):
    kortrijk.post("/melding/", {**VALID, "aantal": "3,5"})
    assert submissions(form_page).get().form_data["aantal"] == "3.5"


def test_a_value_a_date_input_cannot_hold_is_not_put_back_in_it(form_page, kortrijk):
    body = html(kortrijk.post("/melding/", {**VALID, "datum": "31-02-2026", "tijdstip": "x"}))
    assert "value=" not in tag(body, "id_datum")
    assert "value=" not in tag(body, "id_tijdstip")
    assert '<a href="#id_datum">Datum: ' in body
    kept = html(kortrijk.post("/melding/", {**VALID, "naam": "", "aantal": "3 stuks"}))
    assert 'value="2026-05-04T10:30"' in tag(kept, "id_tijdstip")
    assert 'value="3 stuks"' in tag(kept, "id_aantal")


def test_the_honeypot_is_hidden_from_everyone_but_bots(form_page, kortrijk):
    body = html(kortrijk.get("/melding/"))
    honeypot = body.split('<div class="form-honeypot" aria-hidden="true">')[1].split("</div>")[0]
    assert f'<label for="id_{HONEYPOT}">Laat dit veld leeg</label>' in honeypot
    field = tag(honeypot, f"id_{HONEYPOT}")
    assert 'tabindex="-1"' in field
    assert 'autocomplete="off"' in field
    assert "required" not in field


def test_the_form_page_is_never_cached(form_page, kortrijk):
    first = kortrijk.get("/melding/")
    assert "csrftoken" in first.cookies
    # The second visit has the cookie already, so nothing sets a cookie any more.
    second = kortrijk.get("/melding/")
    for response in (first, second):
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' in html(second)


def test_errors_are_summed_up_at_the_top_with_a_link_to_each_field(form_page, kortrijk):
    response = kortrijk.post("/melding/", {"naam": "Jan"})
    assert response.status_code == 200
    body = html(response)
    assert re.search(r"<title>Fout: Melding", body)
    summary = body.split('<div class="error-summary"')[1].split("</div>")[0]
    assert 'role="alert"' in summary
    assert 'tabindex="-1"' in summary
    assert '<h2 class="error-summary__title" id="error-summary-title">Er is een probleem</h2>' in (
        summary
    )
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)
    assert [anchor for anchor, _text in links] == [
        "id_e_mailadres",
        "id_onderwerp",
        "id_soort_0",  # a group links to its first option
        "id_kanalen_0",
        "id_akkoord",
        "id_bericht",
    ]
    assert links[0][1] == "E-mailadres: Dit is een verplicht veld."
    for anchor, _text in links:
        assert f'id="{anchor}"' in body
    assert body.index("error-summary") < body.index('<form class="form"')
    assert not submissions(form_page).exists()


def test_errors_are_announced_with_their_field(form_page, kortrijk):
    body = html(kortrijk.post("/melding/", {"naam": "Jan"}))
    field = tag(body, "id_e_mailadres")
    assert 'aria-invalid="true"' in field
    assert 'aria-describedby="id_e_mailadres_helptext id_e_mailadres_error"' in field
    assert re.search(
        r'<p class="form-field__error" id="id_e_mailadres_error">'
        r'<span class="visually-hidden">Fout:</span> Dit is een verplicht veld.</p>',
        body,
    )
    assert (
        '<fieldset class="form-field__group" aria-describedby="id_soort_helptext id_soort_error">'
        in body
    )
    assert 'aria-invalid="true"' not in tag(body, "id_naam")


def test_what_was_entered_is_kept_after_an_error(form_page, kortrijk):
    data = {**VALID, "e_mailadres": "geen e-mailadres"}
    body = html(kortrijk.post("/melding/", data))
    assert 'value="Jan Peeters"' in tag(body, "id_naam")
    assert 'value="geen e-mailadres"' in tag(body, "id_e_mailadres")
    assert re.search(r'<option value="Wegen" selected>', body)
    assert re.search(r'value="Klacht"[^>]*checked', body)
    assert re.search(r'value="Telefoon"[^>]*checked', body)
    assert 'value="2026-05-04"' in tag(body, "id_datum")
    assert ">\nEr ligt een gat in het voetpad.</textarea>" in body
    assert '<a href="#id_e_mailadres">E-mailadres: Voer een geldig e-mailadres in.</a>' in body


def test_a_valid_submission_is_stored_and_thanked(form_page, kortrijk):
    response = kortrijk.post("/melding/", VALID)
    assert response.status_code == 200
    body = html(response)
    assert "Bedankt. Uw bericht is verstuurd." in body
    assert "We bekijken uw melding binnen drie werkdagen." in body
    assert "private" in response["Cache-Control"]
    submission = submissions(form_page).get()
    assert submission.form_data["naam"] == "Jan Peeters"
    assert submission.form_data["kanalen"] == ["E-mail", "Telefoon"]
    assert HONEYPOT not in submission.form_data


def test_a_submission_is_emailed_to_the_configured_address(form_page, kortrijk):
    kortrijk.post("/melding/", VALID)
    [message] = mail.outbox
    assert message.to == ["meldingen@kortrijk.be"]
    assert message.reply_to == ["jan@example.org"]
    assert message.subject == "Formulier “Melding”: nieuwe inzending"
    assert "Naam: Jan Peeters" in message.body
    assert "Kanalen: E-mail, Telefoon" in message.body
    assert "Laat dit veld leeg" not in message.body


def test_without_an_address_nothing_is_emailed(kortrijk):
    make_form_page(to_address="")
    kortrijk.post("/melding/", VALID)
    assert mail.outbox == []


def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_mail_server_that_is_down_loses_nothing(form_page, kortrijk, settings, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = _closed_port()
    settings.EMAIL_TIMEOUT = 2
    response = kortrijk.post("/melding/", VALID)
    assert response.status_code == 200
    assert "Bedankt. Uw bericht is verstuurd." in html(response)
    assert submissions(form_page).count() == 1
    assert "Could not e-mail a submission" in caplog.text


def test_a_filled_honeypot_is_thanked_but_nothing_is_kept(form_page, kortrijk):
    response = kortrijk.post("/melding/", {**VALID, HONEYPOT: "https://spam.example"})
    assert response.status_code == 200
    assert "Bedankt. Uw bericht is verstuurd." in html(response)
    assert not submissions(form_page).exists()
    assert mail.outbox == []


def test_a_missing_csrf_token_is_refused_without_an_error(form_page):
    client = Client(enforce_csrf_checks=True, HTTP_HOST="kortrijk.localhost:8000")
    client.get("/melding/")
    response = client.post("/melding/", VALID)
    assert response.status_code == 403
    assert not submissions(form_page).exists()


def test_the_csrf_token_of_the_page_is_accepted(form_page):
    client = Client(enforce_csrf_checks=True, HTTP_HOST="kortrijk.localhost:8000")
    body = html(client.get("/melding/"))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    response = client.post("/melding/", {**VALID, "csrfmiddlewaretoken": token})
    assert response.status_code == 200
    assert submissions(form_page).count() == 1


@pytest.mark.parametrize(
    "garbage",
    [
        {"onderwerp": "DROP TABLE"},
        {"soort": "Misschien"},
        {"kanalen": ["Fax"]},
        {"talen": ["Latijn"]},
        {"datum": "31-02-2026"},
        {"tijdstip": "2026-03-29T02:30"},  # does not exist in Brussels
        {"aantal": "NaN"},
        {"aantal": "Infinity"},
        {"tijdstip": "gisteren"},
        {"webpagina": "javascript:alert(1)"},
        {"naam": "Jan\x00Peeters"},
        {"naam": "x" * 300},
        {"bericht": "x" * 10_001},
        {"e_mailadres": "a@b@c"},
    ],
    ids=lambda garbage: next(iter(garbage)),
)
def test_garbage_is_refused_with_a_message_not_an_error(form_page, kortrijk, garbage):
    response = kortrijk.post("/melding/", {**VALID, **garbage})
    assert response.status_code == 200
    assert "Er is een probleem" in html(response)
    assert not submissions(form_page).exists()


def test_malformed_request_bodies_are_not_server_errors(form_page, kortrijk):
    url = "/melding/"
    broken_multipart = kortrijk.generic(
        "POST", url, b"--x\r\nbroken", content_type="multipart/form-data; boundary=x"
    )
    bad_encoding = kortrijk.generic(
        "POST", url, b"naam=%ff%fe&bericht=\xff", content_type="application/x-www-form-urlencoded"
    )
    for response in (broken_multipart, bad_encoding):
        assert response.status_code < 500
    assert "Er is een probleem" in html(bad_encoding)


def test_other_methods_show_the_form(form_page, kortrijk):
    assert kortrijk.head("/melding/").status_code == 200
    assert kortrijk.put("/melding/").status_code in (200, 405)


def test_too_many_submissions_from_one_address_get_a_clear_message(form_page, kortrijk, settings):
    settings.FORMS_RATE_LIMIT = (2, 600)
    for _attempt in range(2):
        assert "Bedankt" in html(kortrijk.post("/melding/", VALID))
    response = kortrijk.post("/melding/", VALID)
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    body = html(response)
    summary = body.split('<div class="error-summary"')[1].split("</div>")[0]
    assert "U hebt in korte tijd meerdere formulieren verstuurd. Wacht 10 minuten" in summary
    assert 'value="Jan Peeters"' in tag(body, "id_naam")
    assert submissions(form_page).count() == 2
    # Someone else is not held up.
    other = kortrijk.post("/melding/", VALID, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200
    assert submissions(form_page).count() == 3


def test_forms_with_errors_do_not_count_towards_the_limit(form_page, kortrijk, settings):
    settings.FORMS_RATE_LIMIT = (1, 600)
    for _attempt in range(3):
        assert kortrijk.post("/melding/", {"naam": "Jan"}).status_code == 200
    assert kortrijk.post("/melding/", VALID).status_code == 200
    assert submissions(form_page).count() == 1


def test_the_limit_counts_the_client_behind_a_trusted_proxy(form_page, kortrijk, settings):
    settings.FORMS_RATE_LIMIT = (1, 600)
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    first = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    second = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.2"}
    # A client cannot dodge the limit by sending its own X-Forwarded-For: the proxy appends.
    spoofed = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.9, 198.51.100.1"}
    assert kortrijk.post("/melding/", VALID, **first).status_code == 200
    assert kortrijk.post("/melding/", VALID, **second).status_code == 200
    assert kortrijk.post("/melding/", VALID, **spoofed).status_code == 429
    assert submissions(form_page).count() == 2


def test_an_ipv6_network_counts_as_one_client(form_page, kortrijk, settings):
    settings.FORMS_RATE_LIMIT = (1, 600)
    assert kortrijk.post("/melding/", VALID, REMOTE_ADDR="2001:db8::1").status_code == 200
    assert kortrijk.post("/melding/", VALID, REMOTE_ADDR="2001:db8::2").status_code == 429
    assert kortrijk.post("/melding/", VALID, REMOTE_ADDR="2001:db8:1::1").status_code == 200


def test_the_api_gives_the_fields_but_not_where_submissions_go(form_page, kortrijk):
    data = kortrijk.get(f"/api/v2/pages/{form_page.pk}/").json()
    assert [field["clean_name"] for field in data["form_fields"]][:2] == ["naam", "e_mailadres"]
    assert "to_address" not in data
    assert "meldingen@kortrijk.be" not in str(data)
