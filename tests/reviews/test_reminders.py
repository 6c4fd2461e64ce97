"""``manage.py send_review_reminders``: one Dutch e-mail per person about all the due pages
they or their team own, once per due date; ``--dry-run`` sends and stores nothing."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from cms.reviews.models import PageReview, ReminderSent
from tests.catalogue.factories import RegionalServiceFactory, local_page
from tests.factories import UserFactory, editor_of

from .helpers import content_page, published_months_ago

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("send_review_reminders", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def to(address):
    return [message for message in mail.outbox if message.to == [address]]


@pytest.fixture
def region(settings):
    """kortrijk's editors (one active, one without e-mail, one inactive), a person owning
    one page, and due pages: two of kortrijk's team, one of the person, one of kuurne."""
    settings.WAGTAILADMIN_BASE_URL = "https://cms.example.org"
    editor = editor_of("kortrijk", email="redactie@kortrijk.example")
    editor_of("kortrijk", email="")
    editor_of("kortrijk", email="weg@kortrijk.example", is_active=False)
    person = editor_of("kortrijk", role="moderators", email="an@kortrijk.example")
    neighbour = editor_of("kuurne", email="redactie@kuurne.example")
    pages = {
        "team": content_page("kortrijk", "Afvalbeleid"),
        "team2": content_page("kortrijk", "Sporthal"),
        "person": content_page("kortrijk", "Bibliotheek"),
        "kuurne": content_page("kuurne", "Jeugdraad"),
        "fresh": content_page("kortrijk", "Nieuw"),
    }
    for key in ("team", "team2", "person", "kuurne"):
        published_months_ago(pages[key], 13)
    PageReview.objects.create(page=pages["person"], owner_user=person)
    return editor, person, neighbour, pages


def test_each_owner_gets_one_dutch_email_listing_their_due_pages(region):
    *_people, pages = region
    output = run()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "an@kortrijk.example",
        "redactie@kortrijk.example",
        "redactie@kuurne.example",
    ]
    (message,) = to("redactie@kortrijk.example")
    assert message.subject == "2 pagina's te herbekijken"
    assert "Afvalbeleid" in message.body and "Sporthal" in message.body
    assert "Bibliotheek" not in message.body and "Jeugdraad" not in message.body
    assert "Nieuw" not in message.body.replace("[nieuw]", "")
    assert f"https://cms.example.org/admin/pages/{pages['team'].pk}/edit/" in message.body
    assert f"https://cms.example.org/admin/reviews/{pages['team'].pk}/" in message.body
    assert "Herbekijkdatum bereikt" in message.body
    (message,) = to("an@kortrijk.example")
    assert "Bibliotheek" in message.body and "Afvalbeleid" not in message.body
    assert "3 reminder(s) sent." in output


def test_a_second_run_sends_nothing_until_the_date_moves_or_a_page_is_reviewed(region):
    *_people, pages = region
    run()
    mail.outbox.clear()
    assert "0 reminder(s) sent." in run()
    assert mail.outbox == []
    # The person's page gets a new date, reached today: a new reminder about it.
    PageReview.objects.filter(page=pages["person"]).update(review_on=timezone.localdate())
    run()
    assert [message.to for message in mail.outbox] == [["an@kortrijk.example"]]
    mail.outbox.clear()
    # Reviewed, then due again (a date set to today): reminded again.
    review = PageReview.objects.create(page=pages["team"], reviewed_at=timezone.now())
    ReminderSent.objects.filter(page=pages["team"]).delete()  # what marking reviewed does
    review.review_on = timezone.localdate()
    review.save()
    run()
    (message,) = mail.outbox
    assert message.to == ["redactie@kortrijk.example"]
    assert "Afvalbeleid" in message.body and "Sporthal" in message.body


def test_marking_reviewed_in_the_admin_forgets_the_reminders(region, client):
    editor, _person, _neighbour, pages = region
    run()
    client.force_login(editor)
    client.post(f"/admin/reviews/{pages['team'].pk}/mark/")
    assert not ReminderSent.objects.filter(page=pages["team"]).exists()
    assert ReminderSent.objects.filter(page=pages["team2"]).exists()


@pytest.mark.usefixtures("region")
def test_a_regional_change_is_in_the_reminder():
    service = RegionalServiceFactory(identifier="paspoort", processing_time="1 week")
    local_page("kortrijk", service)
    service.processing_time = "2 weken"
    service.save()
    run()
    (message,) = to("redactie@kortrijk.example")
    assert "Paspoort" in message.body and "Regionale dienst gewijzigd" in message.body
    mail.outbox.clear()
    # Changed again: a new reminder about the new change.
    service.processing_time = "3 weken"
    service.save()
    run()
    assert len(to("redactie@kortrijk.example")) == 1


def test_dry_run_prints_and_sends_or_stores_nothing(region):
    output = run("--dry-run")
    assert mail.outbox == []
    assert not ReminderSent.objects.exists()
    assert "Would send to" in output and "an@kortrijk.example" in output
    assert "Bibliotheek" in output
    assert "3 reminder(s) would be sent." in output


def test_owners_without_an_address_or_inactive_get_nothing(region):
    _editor, person, _neighbour, pages = region
    person.is_active = False
    person.save()
    lonely = UserFactory(email="")
    lonely.groups.add(*editor_of("kortrijk").groups.all())
    PageReview.objects.filter(page=pages["person"]).update(owner_user=lonely)
    run()
    assert to("an@kortrijk.example") == []
    assert not ReminderSent.objects.filter(page=pages["person"]).exists()


def test_nothing_due_sends_nothing():
    page = content_page("kortrijk", "Vers")
    PageReview.objects.create(page=page, review_on=timezone.localdate() + timedelta(days=1))
    assert "0 reminder(s) sent." in run()
    assert mail.outbox == []
