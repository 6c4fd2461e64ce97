import pytest
from wagtail.models import Page

from cms.municipalities.models import Municipality

pytestmark = pytest.mark.django_db


def api_pages(client, slug, query=""):
    response = client.get(f"/api/v2/pages/?limit=100{query}", HTTP_HOST=f"{slug}.localhost:8000")
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize("slug", ["kortrijk", "menen", "anzegem"])
def test_pages_api_lists_only_the_hosts_pages(client, slug):
    site = Municipality.objects.get(slug=slug).site
    homes = site.root_page.get_translations(inclusive=True)
    own = set()
    for home in homes:
        own |= set(Page.objects.descendant_of(home, inclusive=True).values_list("pk", flat=True))
    data = api_pages(client, slug)
    ids = {item["id"] for item in data["items"]}
    assert ids == own
    assert data["meta"]["total_count"] == len(own)


def test_site_parameter_cannot_reach_another_site(client):
    response = client.get(
        "/api/v2/pages/?site=menen.localhost", HTTP_HOST="kortrijk.localhost:8000"
    )
    assert response.status_code == 400


def test_detail_of_another_sites_page_is_a_404(client):
    menen_over = Page.objects.get(url_path="/menen/over/")
    response = client.get(f"/api/v2/pages/{menen_over.pk}/", HTTP_HOST="kortrijk.localhost:8000")
    assert response.status_code == 404
    own = Page.objects.get(url_path="/kortrijk/over/")
    assert (
        client.get(f"/api/v2/pages/{own.pk}/", HTTP_HOST="kortrijk.localhost:8000").status_code
        == 200
    )


def test_pages_api_exposes_page_fields(client):
    data = api_pages(client, "kortrijk", "&type=pages.AccessibilityStatementPage&fields=status")
    assert {item["status"] for item in data["items"]} == {"partial"}
    assert len(data["items"]) == 3  # nl, fr, en
