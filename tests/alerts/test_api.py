"""/api/v2/alerts/: the alerts in force on the requesting host, as JSON."""

import pytest
from django.utils import timezone

from .helpers import HOUR, host, make_alert, page_of

pytestmark = pytest.mark.django_db


def api(client, slug, query=""):
    return client.get(f"/api/v2/alerts/{query}", HTTP_HOST=host(slug))


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def test_lists_region_and_own_alerts_most_severe_first(client):
    make_alert(None, "Regionaal", severity="info")
    make_alert("kortrijk", "Eigen dringend", severity="urgent")
    make_alert("kortrijk", "Eigen pagina", page=page_of("kortrijk"), severity="warning")
    make_alert("menen", "Van Menen", severity="urgent")
    make_alert(
        "kortrijk", "Voorbij", ends_at=timezone.now() - HOUR, starts_at=timezone.now() - 2 * HOUR
    )
    make_alert("kortrijk", "Concept", live=False)
    assert titles(api(client, "kortrijk")) == ["Eigen dringend", "Eigen pagina", "Regionaal"]


def test_item_fields(client):
    alert = make_alert(
        "kortrijk", "Containerpark dicht", page=page_of("kortrijk"), link_url="https://example.org/"
    )
    data = api(client, "kortrijk").json()
    assert data["meta"]["total_count"] == 1
    (item,) = data["items"]
    assert item["id"] == alert.pk
    assert item["text"] == alert.text
    assert item["link"] == "https://example.org/"
    assert item["severity"] == "info"
    assert item["scope"] == {
        "kind": "page",
        "municipality": "kortrijk",
        "page_url": "http://kortrijk.localhost:8000/contact/",
    }
    assert item["starts_at"] == alert.starts_at.isoformat()
    assert item["ends_at"] == alert.ends_at.isoformat()


def test_page_link_is_absolute(client):
    make_alert("kortrijk", "Met link", link_page=page_of("kortrijk"))
    (item,) = api(client, "kortrijk").json()["items"]
    assert item["link"] == "http://kortrijk.localhost:8000/contact/"
    assert item["scope"]["kind"] == "municipality"


def test_regional_host_lists_regional_and_every_urgent_one(client):
    make_alert(None, "Regionaal")
    make_alert("menen", "Dringend in Menen", severity="urgent")
    make_alert("menen", "Info in Menen")
    assert titles(api(client, "region")) == ["Dringend in Menen", "Regionaal"]


def test_filter_by_severity(client):
    make_alert("kortrijk", "Dringend", severity="urgent")
    make_alert("kortrijk", "Info")
    assert titles(api(client, "kortrijk", "?severity=urgent")) == ["Dringend"]
    assert titles(api(client, "kortrijk", "?severity=urgent,info")) == ["Dringend", "Info"]


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("?site=menen.localhost", "site"),
        ("?limit=5", "limit"),
        ("?severity=ramp", "ramp"),
        ("?severity=" + "x" * 5000, "xxxx"),
        ("?%00=1", "\\x00"),
        ("?" + "p" * 3000 + "=1", "pppp"),
    ],
)
def test_junk_parameters_are_a_400_that_names_them(client, query, named):
    response = api(client, "kortrijk", query)
    assert response.status_code == 400
    assert named in response.json()["message"]


def test_only_get(client):
    assert client.post("/api/v2/alerts/", HTTP_HOST=host("kortrijk")).status_code == 405
