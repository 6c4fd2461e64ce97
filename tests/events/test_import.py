import pytest
from django.utils import timezone
from wagtail.models import Page, Revision

from cms.events.models import EventPage, EventStatus

from .conftest import CONCERTS, MUSEUM, READING, member

pytestmark = pytest.mark.django_db


def imported(event_id):
    return EventPage.objects.get(uitdatabank_id=event_id)


def revisions(page):
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def test_the_sample_lands_in_the_municipalities_of_its_postcodes(sample, run_import):
    output = run_import(sample)
    assert "6 created, 0 updated, 0 unpublished" in output
    reading = imported(READING)
    assert reading.live
    assert reading.url_path == "/kortrijk/evenementen/voorleesfeest-in-de-bib/"
    assert reading.place == "Stadsbibliotheek Kortrijk, Leiestraat 30, 8500 Kortrijk"
    assert reading.is_free and (reading.age_min, reading.age_max) == (3, 8)
    assert imported(CONCERTS).get_parent().url_path == "/waregem/evenementen/"
    assert len(imported(CONCERTS).dates) == 3
    french = EventPage.objects.get(title="Soirée jeux de société")
    assert french.get_parent().url_path == "/spiere-helkijn/evenementen/"
    assert french.language == "fr"
    museum = imported(MUSEUM)
    assert museum.start is None and museum.opening_hours.periods[1]


def test_outside_the_region_cancelled_and_deleted_events_are_skipped_and_reported(
    sample, run_import
):
    output = run_import(sample)
    assert "Gentse Winterfeesten: postcode 9000 is outside the region" in output
    assert "Winterwandeling langs de Leie: not created, cancelled" in output
    assert "Rommelmarkt Zwevegem: not created, deleted in UiTdatabank" in output
    assert not EventPage.objects.filter(title__in=["Gentse Winterfeesten", "Rommelmarkt Zwevegem"])


def test_a_second_run_changes_nothing(sample, run_import):
    run_import(sample)
    counts = {page.pk: revisions(page) for page in EventPage.objects.exclude(uitdatabank_id="")}
    output = run_import(sample)
    assert "0 created, 0 updated, 0 unpublished, 0 published again, 6 unchanged" in output
    assert {
        page.pk: revisions(page) for page in EventPage.objects.exclude(uitdatabank_id="")
    } == counts


def test_a_changed_event_gets_a_new_revision(sample, run_import):
    run_import(sample)
    before = revisions(imported(READING))
    member(sample, READING)["name"]["nl"] = "Groot voorleesfeest"
    member(sample, READING)["priceInfo"][0]["price"] = 3
    output = run_import(sample)
    assert "update kortrijk: Groot voorleesfeest" in output
    page = imported(READING)
    assert (page.title, str(page.price)) == ("Groot voorleesfeest", "3.00")
    assert revisions(page) == before + 1
    assert page.slug == "voorleesfeest-in-de-bib"  # addresses stay


def test_a_cancelled_event_is_unpublished_never_deleted_and_comes_back(sample, run_import):
    run_import(sample)
    member(sample, READING)["status"] = {"type": "Unavailable"}
    output = run_import(sample)
    assert "unpublish kortrijk: Voorleesfeest in de bib (cancelled)" in output
    assert not imported(READING).live
    assert "1 unchanged" not in run_import(sample).split("\n")[0]  # stays unpublished
    assert not imported(READING).live
    member(sample, READING)["status"] = {"type": "Available"}
    assert "publish again kortrijk: Voorleesfeest in de bib" in run_import(sample)
    assert imported(READING).live


@pytest.mark.parametrize("status", ["DELETED", "REJECTED"])
def test_a_deleted_or_rejected_event_is_unpublished(sample, run_import, status):
    run_import(sample)
    member(sample, CONCERTS)["workflowStatus"] = status
    output = run_import(sample)
    assert f"Concertreeks op de Markt ({status.lower()} in UiTdatabank)" in output
    assert not imported(CONCERTS).live
    assert Page.objects.filter(pk=imported(CONCERTS).pk).exists()


def test_an_upcoming_event_gone_from_its_municipalitys_answer_is_unpublished(sample, run_import):
    run_import(sample)
    sample["member"] = [item for item in sample["member"] if item["@id"] != READING]
    output = run_import(sample)
    assert "unpublish kortrijk: Voorleesfeest in de bib (no longer in UiTdatabank)" in output
    assert not imported(READING).live


def test_an_editors_change_is_kept_and_reported(sample, run_import):
    run_import(sample)
    page = imported(READING)
    page.title = "Voorleesfeest (met gebarentaal)"
    page.save_revision().publish()
    member(sample, READING)["name"]["nl"] = "Voorleesfeest 2"
    member(sample, READING)["priceInfo"][0]["price"] = 4
    output = run_import(sample)
    assert "local edits kept: kortrijk: Voorleesfeest 2: title" in output
    page = imported(READING)
    assert page.title == "Voorleesfeest (met gebarentaal)"
    assert str(page.price) == "4.00"  # what the editor did not touch still follows


def test_a_page_with_an_editors_draft_is_left_alone(sample, run_import):
    run_import(sample)
    page = imported(READING)
    page.summary = "Een concept."
    page.save_revision()
    member(sample, READING)["name"]["nl"] = "Anders"
    output = run_import(sample)
    assert "left to its editors: kortrijk: Anders: an unpublished draft" in output
    assert imported(READING).title == "Voorleesfeest in de bib"


def test_a_dry_run_writes_nothing(sample, run_import):
    output = run_import(sample, dry_run=True)
    assert "would create kortrijk: Voorleesfeest in de bib" in output
    assert "6 would created" in output
    assert not EventPage.objects.exclude(uitdatabank_id="").exists()


def test_one_municipality(sample, run_import):
    output = run_import(sample, municipality="waregem")
    assert "1 created" in output
    assert list(EventPage.objects.exclude(uitdatabank_id="").values_list("title", flat=True)) == [
        "Concertreeks op de Markt"
    ]


def test_multiple_dates_start_at_the_first_and_end_at_the_last(sample, run_import):
    run_import(sample)
    page = imported(CONCERTS)
    starts = [start for start, _end, _cancelled in page.occurrences]
    assert page.start == starts[0] and page.end > starts[-1]
    assert [cancelled for *_times, cancelled in page.occurrences] == [False, True, False]
    assert page.status == EventStatus.SCHEDULED
    assert page.next_start == starts[0] > timezone.now()
