"""/gedeeld/<token>/: the latest draft for someone without an account, never cached, never
indexed, with the "Concept — niet gepubliceerd" banner; an unknown, expired or revoked link
shows a page saying so; nothing else leaks."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms.sharing.models import ShareLink, hash_token
from search.backends import get_embedded_backend
from search.extract import doc_id_for

from .pages import HOSTS, draft_page, home, live_page_with_draft, share

pytestmark = pytest.mark.django_db


def get(client, path, slug="kortrijk", **extra):
    return client.get(path, HTTP_HOST=HOSTS[slug], **extra)


def url(token, subpath=""):
    return f"/gedeeld/{token}/{subpath}"


def test_the_link_shows_the_latest_draft_with_the_banner(client):
    page = draft_page("kortrijk", "Nieuw reglement terrassen", text="Terrassen mogen tot 23 uur.")
    _link, token = share(page)
    response = get(client, url(token))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nieuw reglement terrassen" in html and "Terrassen mogen tot 23 uur." in html
    assert "Concept — niet gepubliceerd" in html
    assert 'aria-labelledby="shared-draft-title"' in html
    assert '<html lang="nl' in html


def test_a_live_page_shows_its_newer_draft_not_the_published_version(client):
    page = live_page_with_draft("kortrijk", "Afvalkalender 2025", "Afvalkalender 2026")
    _link, token = share(page)
    html = get(client, url(token)).content.decode()
    assert "Afvalkalender 2026" in html
    assert "<h1>Afvalkalender 2025" not in html
    # The public page is unchanged.
    assert (
        "Afvalkalender 2025"
        in get(client, page.url_path.removeprefix("/kortrijk")).content.decode()
    )


def test_a_shared_draft_asks_for_no_feedback_while_the_published_page_does(client):
    page = live_page_with_draft("kortrijk", "Afvalkalender 2025", "Afvalkalender 2026")
    _link, token = share(page)
    assert "Was deze pagina nuttig?" not in get(client, url(token)).content.decode()
    public = get(client, page.url_path.removeprefix("/kortrijk")).content.decode()
    assert "Was deze pagina nuttig?" in public


def test_the_draft_is_never_indexed_or_cached(client):
    page = draft_page("kortrijk", "Geheim concept")
    _link, token = share(page)
    first = get(client, url(token))
    second = get(client, url(token))
    for response in (first, second):
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert response["Referrer-Policy"] == "no-referrer"
        assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_a_shared_draft_is_not_in_the_sitemap_or_the_joint_index(client):
    page = draft_page("kortrijk", "Geheim concept")
    live = live_page_with_draft("kortrijk", "Zichtbaar", "Nog geheim")
    _link, token = share(page)
    _link, live_token = share(live)
    get(client, url(token))
    get(client, url(live_token))
    sitemap = get(client, "/sitemap.xml").content.decode()
    assert "/gedeeld/" not in sitemap and token not in sitemap
    backend = get_embedded_backend()
    assert backend.get_document(doc_id_for(page)) is None
    assert backend.get_document(doc_id_for(live))["title"] == "Zichtbaar"


def test_the_public_site_shows_no_banner_and_no_robots_meta(client):
    html = get(client, "/over/").content.decode()
    assert "Concept — niet gepubliceerd" not in html
    assert 'name="robots"' not in html


def test_opening_the_link_records_when_it_was_last_opened(client):
    link, token = share(draft_page("kortrijk", "Concept"))
    assert link.last_viewed_at is None
    get(client, url(token))
    link.refresh_from_db()
    assert link.last_viewed_at is not None


def test_only_the_hash_of_the_token_is_stored():
    link, token = share(draft_page("kortrijk", "Concept"))
    stored = ShareLink.objects.filter(pk=link.pk).values().get()
    assert token not in str(stored)
    assert stored["token_hash"] == hash_token(token)


# Links that do not work ------------------------------------------------------------------


def assert_unavailable(response, status):
    assert response.status_code == status
    html = response.content.decode()
    assert "Deze link werkt niet (meer)" in html
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "X-Page-Cache" not in response


def test_an_expired_link_is_gone(client):
    link, token = share(draft_page("kortrijk", "Concept verlopen"))
    ShareLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = get(client, url(token))
    assert_unavailable(response, 410)
    assert "Concept verlopen" not in response.content.decode()


def test_a_revoked_link_is_gone_at_once(client):
    link, token = share(draft_page("kortrijk", "Concept ingetrokken"))
    assert get(client, url(token)).status_code == 200
    link.revoke(None)
    response = get(client, url(token))
    assert_unavailable(response, 410)
    assert "Concept ingetrokken" not in response.content.decode()


@pytest.mark.parametrize(
    "token",
    [
        "x" * 43,  # the right shape, no such link
        "kort",
        "x" * 44,
        "a" * 2000,
        "%27%22<script>",
        "..%2F..%2Fadmin",
    ],
)
def test_unknown_and_junk_tokens_are_a_404(client, token):
    share(draft_page("kortrijk", "Concept"))
    assert_unavailable(get(client, url(token)), 404)


@pytest.mark.parametrize("token", ["%00%27%22<script>", "x" * 20 + "%00"])
def test_a_token_with_a_nul_byte_is_the_site_s_404(client, token):
    # The request guard answers any URL argument holding a NUL before a view runs
    # (cms/core/guards.py): the site's own 404 page, not the link's.
    share(draft_page("kortrijk", "Concept"))
    response = get(client, url(token))
    assert response.status_code == 404
    assert "Concept" not in response.content.decode()


def test_a_link_works_only_on_its_own_municipality_s_host(client):
    _link, token = share(draft_page("kortrijk", "Concept Kortrijk"))
    response = get(client, url(token), slug="menen")
    assert_unavailable(response, 404)
    assert "Concept Kortrijk" not in response.content.decode()


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_only_get_and_head_are_answered(client, method):
    _link, token = share(draft_page("kortrijk", "Concept"))
    response = getattr(client, method)(url(token), HTTP_HOST=HOSTS["kortrijk"])
    assert response.status_code == 405
    assert client.head(url(token), HTTP_HOST=HOSTS["kortrijk"]).status_code == 200


# A page and its subpages -----------------------------------------------------------------


@pytest.fixture
def tree():
    parent = draft_page("kortrijk", "Nieuw stadsplan", slug="stadsplan")
    child = draft_page("kortrijk", "Mobiliteit", parent=parent, slug="mobiliteit")
    grandchild = draft_page("kortrijk", "Fietsstraten", parent=child, slug="fietsstraten")
    sibling = draft_page("kortrijk", "Ander geheim concept", slug="ander")
    return parent, child, grandchild, sibling


def test_a_link_with_subpages_serves_each_subpage_and_lists_them(client, tree):
    parent, _child, _grandchild, _sibling = tree
    _link, token = share(parent, include_descendants=True)
    html = get(client, url(token)).content.decode()
    assert f'href="/gedeeld/{token}/mobiliteit/"' in html
    assert f'href="/gedeeld/{token}/mobiliteit/fietsstraten/"' in html
    response = get(client, url(token, "mobiliteit/fietsstraten/"))
    assert response.status_code == 200
    assert "Fietsstraten" in response.content.decode()
    assert "Concept — niet gepubliceerd" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_link_without_subpages_serves_only_its_page(client, tree):
    parent, *_ = tree
    _link, token = share(parent)
    html = get(client, url(token)).content.decode()
    assert "Mobiliteit" not in html
    assert_unavailable(get(client, url(token, "mobiliteit/")), 404)


def test_no_other_draft_leaks_through_a_link(client, tree):
    parent, _child, _grandchild, sibling = tree
    _link, token = share(parent, include_descendants=True)
    html = get(client, url(token)).content.decode()
    assert "Ander geheim concept" not in html
    for subpath in ("ander/", "../ander/", "mobiliteit/../../ander/", f"{sibling.pk}/"):
        response = get(client, url(token, subpath))
        assert response.status_code in (404, 410) or response.status_code == 301
        assert "Ander geheim concept" not in response.content.decode()


@pytest.mark.parametrize("subpath", ["bestaat-niet/", "mobiliteit/x/y/z/", "é" * 600 + "/"])
def test_junk_subpaths_are_a_404(client, tree, subpath):
    parent, *_ = tree
    _link, token = share(parent, include_descendants=True)
    assert_unavailable(get(client, url(token, subpath)), 404)


def test_a_subpath_with_a_nul_byte_is_the_site_s_404(client, tree):
    parent, child, *_ = tree
    _link, token = share(parent, include_descendants=True)
    response = get(client, url(token, "%00/"))
    assert response.status_code == 404
    assert child.title not in response.content.decode()


def test_a_draft_form_page_cannot_be_submitted_through_the_link(client):
    _link, token = share(home("kortrijk"))
    assert client.post(url(token), {"x": "y"}, HTTP_HOST=HOSTS["kortrijk"]).status_code == 405
