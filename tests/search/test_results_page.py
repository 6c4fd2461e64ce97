import pytest

pytestmark = pytest.mark.django_db


def search(client, query, slug="kortrijk", prefix=""):
    return client.get(f"{prefix}/zoeken/", {"q": query}, HTTP_HOST=f"{slug}.localhost:8000")


def test_finds_the_sites_own_pages_only(client):
    body = search(client, "privacy").content.decode()
    assert "/privacy/" in body
    assert "menen" not in body.lower().replace("menen.localhost", "")


def test_empty_query_shows_the_form(client):
    response = search(client, "")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "AND OR NOT (",
        "*",
        "x" * 10_000,
        "\x00\x07control",
        "'; DROP TABLE wagtailcore_page; --",
        "identiteitskaart 身份证 بطاقة",
        "NEAR(a b)",
        "title:privacy^3 ~2",
    ],
)
def test_hostile_queries_never_break_it(client, query):
    assert search(client, query).status_code == 200


def test_french_site_searches_french_tree(client):
    response = search(client, "services", prefix="/fr")
    assert response.status_code == 200
    assert "/fr/diensten/" in response.content.decode()
