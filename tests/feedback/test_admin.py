"""The admin side: the report per page with its trend, the comments, one page's feedback,
the score in the edit view; each only about the user's own municipality's pages."""

import datetime as dt
import io

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone, translation
from openpyxl import load_workbook

from cms.feedback.models import Feedback
from cms.feedback.reports import monthly_trend, rows_for
from cms.municipalities.access import REGIONAL_EDITORS
from cms.municipalities.models import Municipality
from tests.factories import UserFactory, editor_of

from .conftest import content_page

# The tests read the English messages (the admin and the commands speak Dutch by default).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


@pytest.fixture
def superuser():
    return UserFactory(is_superuser=True, is_staff=True)


def answer(page, slug, useful, comment="", days_ago=0):
    return Feedback.objects.create(
        page=page,
        municipality=Municipality.objects.get(slug=slug),
        useful=useful,
        comment=comment,
        created=timezone.localdate() - dt.timedelta(days=days_ago),
    )


@pytest.fixture
def answers():
    """Kortrijk's /over/ 3 yes and 1 no (with a comment), its /privacy/ 1 no a year ago;
    Kuurne's /over/ 2 no, one with a comment that must never show in Kortrijk's reports."""
    pages = {
        "kortrijk": content_page("kortrijk"),
        "privacy": content_page("kortrijk", "privacy"),
        "kuurne": content_page("kuurne"),
    }
    for _ in range(3):
        answer(pages["kortrijk"], "kortrijk", True)
    answer(pages["kortrijk"], "kortrijk", False, "De openingsuren ontbreken.")
    answer(pages["privacy"], "kortrijk", False, days_ago=400)
    answer(pages["kuurne"], "kuurne", False, "Geheim van Kuurne")
    answer(pages["kuurne"], "kuurne", False)
    return pages


def body(response):
    return response.content.decode()


def csv_lines(response):
    return b"".join(response.streaming_content).decode().strip().splitlines()


def test_the_report_shows_each_own_page_with_its_score_and_trend(client, answers):
    client.force_login(editor_of("kortrijk"))
    response = client.get("/admin/feedback/")
    html = body(response)
    assert response.status_code == 200
    assert f"/admin/feedback/page/{answers['kortrijk'].pk}/" in html
    assert f"/admin/feedback/page/{answers['privacy'].pk}/" in html
    assert f"/admin/feedback/page/{answers['kuurne'].pk}/" not in html
    assert "Over Kuurne" not in html
    assert "75%" in html  # 3 of 4 found /over/ useful
    assert "Trend per month" in html and '<th scope="row">' in html
    assert "/admin/feedback/comments/" in html


def test_the_report_is_in_the_reports_menu_and_refused_without_page_permissions(client, answers):
    client.force_login(editor_of("kortrijk", role="moderators"))
    assert b"/admin/feedback/" in client.get("/admin/").content
    regional = UserFactory()
    regional.groups.add(Group.objects.get(name=REGIONAL_EDITORS))
    client.force_login(regional)
    for url in (
        "/admin/feedback/",
        "/admin/feedback/comments/",
        f"/admin/feedback/page/{answers['kortrijk'].pk}/",
    ):
        assert client.get(url).status_code in (302, 403)


def test_a_superuser_sees_every_municipality_and_filters(client, answers, superuser):
    client.force_login(superuser)
    html = body(client.get("/admin/feedback/"))
    assert all(f"/admin/feedback/page/{page.pk}/" in html for page in answers.values())
    kuurne = Municipality.objects.get(slug="kuurne")
    html = body(client.get(f"/admin/feedback/results/?municipality={kuurne.pk}"))
    assert f"/admin/feedback/page/{answers['kuurne'].pk}/" in html
    assert f"/admin/feedback/page/{answers['kortrijk'].pk}/" not in html
    since = (timezone.localdate() - dt.timedelta(days=30)).isoformat()
    html = body(client.get(f"/admin/feedback/results/?created_from={since}"))
    assert f"/admin/feedback/page/{answers['privacy'].pk}/" not in html
    assert f"/admin/feedback/page/{answers['kortrijk'].pk}/" in html


def test_the_page_type_filter_offers_the_types_that_ask_for_feedback(client, answers, superuser):
    client.force_login(superuser)
    html = body(client.get("/admin/feedback/"))
    assert "News article" in html and "Content page" in html and "Home page" not in html
    content = ContentType.objects.get(app_label="pages", model="contentpage")
    article = ContentType.objects.get(app_label="news", model="newsarticlepage")
    assert "Over Kortrijk" in body(client.get(f"/admin/feedback/results/?page_type={content.pk}"))
    assert "Over Kortrijk" not in body(
        client.get(f"/admin/feedback/results/?page_type={article.pk}")
    )


@pytest.mark.parametrize(
    "query",
    [
        "municipality=abc",
        "municipality=999999",
        "page_type=zzz",
        "created_from=gisteren&created_to=2024-13-45",
        "p=99",
        "p=abc",
        "ordering=password",
        "export=pdf",
    ],
)
def test_junk_report_parameters_are_not_server_errors(client, answers, query):
    client.force_login(editor_of("kortrijk"))
    for url in ("/admin/feedback/", "/admin/feedback/comments/"):
        response = client.get(f"{url}?{query}")
        assert response.status_code in (200, 404), (url, query)
        assert "Geheim van Kuurne" not in body(response)


def test_an_editor_cannot_filter_on_another_municipality(client, answers):
    client.force_login(editor_of("kortrijk"))
    kuurne = Municipality.objects.get(slug="kuurne")
    for url in ("/admin/feedback/results/", "/admin/feedback/comments/results/"):
        html = body(client.get(f"{url}?municipality={kuurne.pk}"))
        assert "Geheim van Kuurne" not in html
        assert f"/admin/feedback/page/{answers['kuurne'].pk}/" not in html


def test_the_report_exports_csv_and_xlsx(client, answers):
    client.force_login(editor_of("kortrijk"))
    response = client.get("/admin/feedback/?export=csv")
    assert response.status_code == 200
    lines = csv_lines(response)
    assert lines[0] == (
        "Page,Municipality,Page type,Language,Useful,Not useful,Percentage useful,Comments,Path"
    )
    assert len(lines) == 3
    assert any(
        line.startswith("Over Kortrijk,Kortrijk,content page,nl,3,1,75,1,") for line in lines
    )
    assert "Kuurne" not in "\n".join(lines[1:]).replace("Kortrijk", "")
    response = client.get("/admin/feedback/?export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    assert rows[0][0] == "Page" and len(rows) == 3


def test_the_comments_report_lists_and_exports_own_comments_only(client, answers):
    client.force_login(editor_of("kortrijk"))
    html = body(client.get("/admin/feedback/comments/"))
    assert "De openingsuren ontbreken." in html
    assert "Geheim van Kuurne" not in html
    lines = csv_lines(client.get("/admin/feedback/comments/?export=csv"))
    assert lines[0] == "Date,Page,Municipality,Comment,Path"
    assert len(lines) == 2 and "De openingsuren ontbreken." in lines[1]


def test_one_pages_feedback_shows_score_trend_and_comments(client, answers):
    client.force_login(editor_of("kortrijk"))
    response = client.get(f"/admin/feedback/page/{answers['kortrijk'].pk}/")
    html = body(response)
    assert response.status_code == 200
    assert "3 of 4 visitors found this page useful (75%)" in html
    assert "De openingsuren ontbreken." in html
    assert "Trend per month" in html


def test_another_municipalitys_page_feedback_is_refused(client, answers):
    client.force_login(editor_of("kortrijk"))
    response = client.get(f"/admin/feedback/page/{answers['kuurne'].pk}/")
    assert response.status_code in (302, 403)
    assert "Geheim van Kuurne" not in body(response)
    assert client.get("/admin/feedback/page/999999/").status_code == 404
    assert client.post(f"/admin/feedback/page/{answers['kortrijk'].pk}/").status_code == 405


def test_the_edit_view_shows_the_score_of_the_last_90_days(client, answers):
    client.force_login(editor_of("kortrijk"))
    html = body(client.get(f"/admin/pages/{answers['kortrijk'].pk}/edit/"))
    assert "Visitor feedback, last 90 days:" in html
    assert "3 of 4 visitors found this page useful (75%)" in html
    assert f"/admin/feedback/page/{answers['kortrijk'].pk}/" in html
    # A year-old answer is not recent: no score to show.
    html = body(client.get(f"/admin/pages/{answers['privacy'].pk}/edit/"))
    assert "Visitor feedback" not in html


def test_the_admin_speaks_dutch(client, answers, settings):
    settings.LANGUAGE_CODE = "nl"
    user = editor_of("kortrijk")
    client.force_login(user)
    with translation.override("nl"):
        html = body(client.get("/admin/feedback/", HTTP_ACCEPT_LANGUAGE="nl"))
    assert "Paginafeedback" in html and "Niet nuttig" in html


def test_scope_and_trend_helpers(answers):
    editor = editor_of("kuurne")
    assert set(rows_for(editor).values_list("page", flat=True)) == {answers["kuurne"].pk}
    trend = monthly_trend(Feedback.objects.filter(municipality__slug="kortrijk"))
    assert len(trend) >= 13  # a year-old answer and today's, every month between
    assert trend[0].score.not_useful == 1 and trend[-1].score.useful == 3
    assert sum(month.score.total for month in trend) == 5


def test_an_editor_can_delete_a_comment_of_their_own_page_only(client, answers):
    own = Feedback.objects.get(comment="De openingsuren ontbreken.")
    other = Feedback.objects.get(comment="Geheim van Kuurne")
    client.force_login(editor_of("kortrijk"))
    html = body(client.get(f"/admin/feedback/page/{answers['kortrijk'].pk}/"))
    assert f'action="/admin/feedback/comment/{own.pk}/clear/"' in html
    assert client.get(f"/admin/feedback/comment/{own.pk}/clear/").status_code == 405
    assert client.post("/admin/feedback/comment/999999/clear/").status_code == 404
    assert client.post(f"/admin/feedback/comment/{other.pk}/clear/").status_code == 403
    other.refresh_from_db()
    assert other.comment == "Geheim van Kuurne"
    response = client.post(f"/admin/feedback/comment/{own.pk}/clear/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/feedback/page/{answers['kortrijk'].pk}/"
    own.refresh_from_db()
    assert own.comment == "" and own.useful is False


def test_deleting_a_comment_checks_csrf(answers):
    own = Feedback.objects.get(comment="De openingsuren ontbreken.")
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor_of("kortrijk"))
    assert client.post(f"/admin/feedback/comment/{own.pk}/clear/").status_code == 403
    own.refresh_from_db()
    assert own.comment == "De openingsuren ontbreken."
