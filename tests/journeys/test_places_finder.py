"""/welke-gemeente/: redirects to the one municipality (or its local service page), the
choice when several match, outside the region, nothing found, the dienst cases, French,
and hostile input that never gives a 500."""

import pytest
from django.urls import reverse

from cms.municipalities.models import Municipality, Place
from tests.catalogue.factories import RegionalServiceFactory, local_page

pytestmark = pytest.mark.django_db

URL = "/welke-gemeente/"


@pytest.fixture
def region(host_client):
    return host_client("region")


@pytest.fixture
def parking():
    """A service only Kortrijk and Menen offer."""
    service = RegionalServiceFactory(identifier="parkeerkaart-bewoners", name="Parkeerkaart")
    pages = {slug: local_page(slug, service) for slug in ("kortrijk", "menen")}
    return service, pages


def test_the_url_is_named_and_dutch():
    assert reverse("place-finder") == URL


def test_the_empty_form(region):
    response = region.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="q"' in html and 'for="place-finder-q"' in html
    assert "error-summary" not in html


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("Heule", "kortrijk"),
        ("8500", "kortrijk"),
        ("Sint Eloois Vijve", "waregem"),
        ("8587", "spiere-helkijn"),
    ],
)
def test_one_municipality_redirects_to_its_home(region, query, slug):
    response = region.get(URL, {"q": query})
    assert response.status_code == 302
    assert response["Location"] == f"http://{slug}.localhost:8000/"


def test_it_works_on_a_municipalitys_site_too(host_client):
    response = host_client("wervik").get(URL, {"q": "Bissegem"})
    assert response["Location"] == "http://kortrijk.localhost:8000/"


def test_french_goes_to_the_french_home_where_there_is_one(host_client):
    client = host_client("kortrijk")
    assert client.get("/fr/welke-gemeente/", {"q": "Heule"})["Location"] == (
        "http://kortrijk.localhost:8000/fr/"
    )
    # Kuurne has no French: its Dutch home.
    assert client.get("/fr/welke-gemeente/", {"q": "8520"})["Location"] == (
        "http://kuurne.localhost:8000/"
    )


def test_the_french_page_is_in_french(host_client):
    response = host_client("kortrijk").get("/fr/welke-gemeente/")
    assert response.status_code == 200
    assert '<html lang="fr"' in response.content.decode()


def test_with_a_service_it_goes_to_the_local_page(region, parking):
    _service, pages = parking
    response = region.get(URL, {"q": "Lauwe", "dienst": "parkeerkaart-bewoners"})
    assert response.status_code == 302
    assert response["Location"] == pages["menen"].get_full_url()
    assert response["Location"].startswith("http://menen.localhost:8000/diensten/")


def test_in_french_it_falls_back_to_the_dutch_local_page(host_client, parking):
    _service, pages = parking
    response = host_client("kortrijk").get(
        "/fr/welke-gemeente/", {"q": "Marke", "dienst": "parkeerkaart-bewoners"}
    )
    assert response["Location"] == pages["kortrijk"].get_full_url()


def test_a_municipality_without_the_service_is_said_so(region, parking):
    response = region.get(URL, {"q": "Kuurne", "dienst": "parkeerkaart-bewoners"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "does not offer Parkeerkaart" in html or "biedt Parkeerkaart" in html
    assert "http://kuurne.localhost:8000/" in html
    assert "http://kortrijk.localhost:8000/diensten/" in html
    assert "http://menen.localhost:8000/diensten/" in html


def test_a_service_alone_lists_who_offers_it(region, parking):
    response = region.get(URL, {"dienst": "parkeerkaart-bewoners"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Parkeerkaart" in html
    assert 'name="dienst" value="parkeerkaart-bewoners"' in html
    assert html.count("localhost:8000/diensten/") == 2


def test_an_unknown_service_is_ignored_with_a_note(region):
    response = region.get(URL, {"dienst": "bestaat-niet"})
    assert response.status_code == 200
    assert 'name="dienst"' not in response.content.decode()
    response = region.get(URL, {"q": "Heule", "dienst": "bestaat-niet"})
    assert response["Location"] == "http://kortrijk.localhost:8000/"


@pytest.fixture
def shared_postcode():
    harelbeke = Municipality.objects.get(slug="harelbeke")
    Place.objects.create(
        municipality=harelbeke, postcode="8501", name="Testdorp", folded="testdorp"
    )


def test_an_ambiguous_postcode_offers_the_choice(region, shared_postcode):
    response = region.get(URL, {"q": "8501"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="http://kortrijk.localhost:8000/"' in html
    assert 'href="http://harelbeke.localhost:8000/"' in html
    assert "8501 Testdorp" in html and "8501 Heule" in html


def test_the_choice_links_to_the_service_where_offered(region, shared_postcode, parking):
    _service, pages = parking
    html = region.get(URL, {"q": "8501", "dienst": "parkeerkaart-bewoners"}).content.decode()
    assert f'href="{pages["kortrijk"].get_full_url()}"' in html
    assert 'href="http://harelbeke.localhost:8000/"' in html


def test_outside_the_region_gives_the_neighbours_website(region):
    response = region.get(URL, {"q": "Ooigem"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wielsbeke" in html
    assert 'href="https://www.wielsbeke.be"' in html


def test_nothing_found_shows_the_form_with_an_error_and_suggestions(region):
    response = region.get(URL, {"q": "Heulle"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'href="#place-finder-q"' in html
    assert 'aria-invalid="true"' in html
    assert "?q=8501+Heule" in html
    assert 'value="Heulle"' in html


def test_an_empty_query_is_an_error(region):
    html = region.get(URL, {"q": "  "}).content.decode()
    assert 'class="error-summary"' in html


@pytest.mark.parametrize(
    "params",
    [
        "q=%00",
        "q=Heule%00",
        "q=%ff%fe",
        "q=%C0%AF",
        "q=" + "x" * 20_000,
        "q=Heule&q=Marke&q=",
        "dienst=%00",
        "dienst=" + "a" * 5_000,
        "dienst=../../etc",
        "dienst=%ff&q=%ff",
        "dienst=identiteitskaart&dienst=x&q=8500&q=8501",
        "q[]=1",
        "q=<script>alert(1)</script>",
    ],
)
def test_hostile_input_never_fails(region, params):
    response = region.get(f"{URL}?{params}")
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "<script>alert" not in response.content.decode()


def test_only_get_and_head(region):
    assert region.post(URL, {"q": "Heule"}).status_code == 405
