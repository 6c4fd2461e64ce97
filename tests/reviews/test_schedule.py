"""When a page is due for review: the municipality's interval per kind of page, the date set
on the page, the last review; the database filter and the date shown agree."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page

from cms.catalogue.models import LocalServicePage
from cms.municipalities.models import Municipality
from cms.pages.models import RegionPage
from cms.reviews.models import PageReview
from cms.reviews.schedule import Reason, Schedule, add_months, latest_due_base
from tests.catalogue.factories import RegionalServiceFactory, local_page

from .helpers import content_page, news_article, published_months_ago

pytestmark = pytest.mark.django_db


def due_ids(reason=None):
    schedule = Schedule()
    return set(schedule.needing_review(Page.objects.all(), reason).values_list("pk", flat=True))


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 8, 15), 6) == date(2027, 2, 15)
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2026, 12, 1), 12) == date(2027, 12, 1)


@pytest.mark.parametrize("months", [1, 6, 12, 60])
def test_the_cut_off_is_exactly_the_last_due_base(months):
    """For every day of two years: a base is due on ``today`` exactly when it is no later
    than ``latest_due_base(today, months)``; so the filter and the date shown agree."""
    start = date(2027, 1, 1)
    for offset in range(0, 730, 1):
        today = start + timedelta(days=offset)
        limit = latest_due_base(today, months)
        assert add_months(limit, months) <= today
        assert add_months(limit + timedelta(days=1), months) > today


def test_no_page_of_a_freshly_synced_region_is_due():
    assert due_ids() == set()


def test_a_page_is_due_after_its_municipalitys_interval():
    page = content_page("kortrijk")
    published_months_ago(page, 11)
    assert page.pk not in due_ids()
    published_months_ago(page, 12)  # 12 x 31 days: past the 12 months
    assert due_ids() == {page.pk}
    assert due_ids(Reason.DATE) == {page.pk}
    assert due_ids(Reason.REGIONAL) == set()


def test_local_service_pages_follow_the_services_interval():
    page = local_page("kortrijk", RegionalServiceFactory(identifier="afvalkalender"))
    published_months_ago(page, 5)
    assert page.pk not in due_ids()
    published_months_ago(page, 6)
    assert page.pk in due_ids()


def test_a_municipality_sets_its_own_interval():
    kuurne = Municipality.objects.get(slug="kuurne")
    kuurne.review_months = {"services": 3, "pages": 24}
    kuurne.save()
    own, other = content_page("kuurne"), content_page("menen")
    published_months_ago(own, 13)
    published_months_ago(other, 13)
    assert due_ids() == {other.pk}
    published_months_ago(own, 24)
    assert due_ids() == {own.pk, other.pk}


def test_the_date_set_on_a_page_overrides_the_interval():
    old, fresh = content_page("kortrijk"), content_page("kortrijk", "Nieuwe pagina")
    published_months_ago(old, 30)
    today = timezone.localdate()
    PageReview.objects.create(page=old, review_on=today + timedelta(days=1))
    PageReview.objects.create(page=fresh, review_on=today)
    assert due_ids() == {fresh.pk}


def test_the_last_review_restarts_the_interval():
    page = content_page("kortrijk")
    published_months_ago(page, 30)
    PageReview.objects.create(page=page, reviewed_at=timezone.now() - timedelta(days=40))
    assert page.pk not in due_ids()
    PageReview.objects.filter(page=page).update(reviewed_at=timezone.now() - timedelta(days=380))
    assert page.pk in due_ids()


def test_news_articles_are_due_only_on_a_date_set_on_them():
    article = news_article("kortrijk", "Nieuwe fietsstraat")
    published_months_ago(article, 30)
    assert article.pk not in due_ids()
    PageReview.objects.create(page=article, review_on=timezone.localdate())
    assert due_ids() == {article.pk}


def test_unpublished_pages_and_the_regional_site_are_never_due():
    page = content_page("kortrijk")
    published_months_ago(page, 30)
    page.unpublish()
    regional_home = RegionPage.objects.first()
    published_months_ago(regional_home, 30)
    PageReview.objects.create(page=regional_home, review_on=timezone.localdate())
    assert due_ids() == set()


def test_a_regional_change_makes_a_local_page_need_review():
    service = RegionalServiceFactory(identifier="parkeerkaart", processing_time="1 week")
    page = local_page("kuurne", service)
    service.processing_time = "2 weken"
    service.save()
    assert due_ids() == {page.pk}
    assert due_ids(Reason.REGIONAL) == {page.pk}
    assert due_ids(Reason.DATE) == set()


def test_the_date_shown_is_the_date_the_filter_uses():
    schedule = Schedule()
    page = content_page("kortrijk")
    moment = published_months_ago(page, 12, days=3)
    shown = schedule.due_on(Page.objects.select_related("page_review").get(pk=page.pk))
    assert shown == add_months(timezone.localdate(moment), 12)
    assert shown <= schedule.today and page.pk in due_ids()
    service_page = local_page("menen", RegionalServiceFactory(identifier="huwelijk"))
    page = LocalServicePage.objects.get(pk=service_page.pk)
    assert schedule.due_on(page) == add_months(timezone.localdate(page.first_published_at), 6)
