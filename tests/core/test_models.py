import pytest

from cms.pages.models import ContentPage

pytestmark = pytest.mark.django_db


def _over_page():
    return ContentPage.objects.get(url_path="/kortrijk/over/")


def test_a_page_is_rendered_with_its_template_from_the_base_theme(host_client):
    response = host_client("kortrijk").get("/over/")

    assert response.status_code == 200
    assert "pages/contentpage.html" in [t.name for t in response.templates]


def test_a_page_class_that_names_its_template_is_rendered_with_that_template(
    host_client, monkeypatch
):
    monkeypatch.setattr(ContentPage, "template", "pages/homepage.html")

    assert _over_page().get_template(request=None) == "pages/homepage.html"
    response = host_client("kortrijk").get("/over/")
    assert "pages/homepage.html" in [t.name for t in response.templates]
