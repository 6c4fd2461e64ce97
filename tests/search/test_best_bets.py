"""Best bets: matched on whole words, shown above the results, and managed in the admin by
each municipality's editors for their own site only (search/permissions.py)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cms.municipalities.access import REGIONAL_EDITORS
from cms.municipalities.models import Municipality
from search.models import BestBet, normalise
from tests.factories import UserFactory, editor_of

pytestmark = pytest.mark.django_db

URLS = "wagtailsnippets_search_bestbet"


def municipality(slug):
    return Municipality.objects.select_related("site__root_page").get(slug=slug)


def page_of(slug, child="contact"):
    home = municipality(slug).site.root_page
    return home.get_children().get(slug=child)


def bet(slug, keywords="paspoort", **kwargs):
    owner = municipality(slug) if slug else None
    kwargs.setdefault("page", page_of(slug or "kortrijk"))
    return BestBet.objects.create(municipality=owner, keywords=keywords, **kwargs)


def form_data(owner, page, keywords="rijbewijs"):
    return {
        "municipality": owner.pk if owner else "",
        "keywords": keywords,
        "page": page.pk if page else "",
        "external_url": "",
        "title": "",
        "description": "",
        "active": "on",
        "sort_order": "0",
    }


# -- Matching -------------------------------------------------------------------------------


def test_normalise_folds_case_accents_and_punctuation():
    assert normalise("  ID-Kaart, Identiteitskaart  ") == "id kaart identiteitskaart"
    assert normalise("Café\x00") == "cafe"


def test_matches_whole_words_only():
    mine = bet("kortrijk", keywords="id-kaart, eID\nidentiteitskaart")
    kortrijk = municipality("kortrijk")
    assert BestBet.objects.matching("ID kaart aanvragen", kortrijk) == [mine]
    assert BestBet.objects.matching("EID", kortrijk) == [mine]
    assert BestBet.objects.matching("kaart", kortrijk) == []
    assert BestBet.objects.matching("eidereend", kortrijk) == []


def test_own_before_regional_and_not_other_municipalities():
    regional = bet(None, keywords="afval")
    own = bet("kortrijk", keywords="afval")
    bet("kuurne", keywords="afval", page=page_of("kuurne"))
    bet("kortrijk", keywords="afval", active=False)
    assert BestBet.objects.matching("afval", municipality("kortrijk")) == [own, regional]
    assert BestBet.objects.matching("afval", None) == [regional]


def test_best_bets_show_above_the_results(client):
    bet("kortrijk", keywords="paspoort", title="Paspoort aanvragen", description="Zo gaat het.")
    body = client.get(
        "/zoeken/", {"q": "Paspoort"}, HTTP_HOST="kortrijk.localhost:8000"
    ).content.decode()
    assert 'id="search-promoted"' in body
    assert "Paspoort aanvragen" in body
    assert "Zo gaat het." in body
    assert body.index("search-promoted") < body.index('class="search-count"') + 10_000


def test_other_municipalitys_best_bet_not_shown(client):
    bet("kuurne", keywords="paspoort", title="Kuurne paspoort", page=page_of("kuurne"))
    body = client.get(
        "/zoeken/", {"q": "paspoort"}, HTTP_HOST="kortrijk.localhost:8000"
    ).content.decode()
    assert "Kuurne paspoort" not in body


# -- Admin isolation ------------------------------------------------------------------------


@pytest.fixture
def kortrijk_editor(client):
    user = editor_of("kortrijk")
    client.force_login(user)
    return user


def test_editor_lists_only_own_best_bets(client, kortrijk_editor):
    bet("kortrijk", title="Eigen best bet")
    bet("kuurne", title="Andermans best bet", page=page_of("kuurne"))
    bet(None, title="Regionale best bet")
    response = client.get(reverse(f"{URLS}:list"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Eigen best bet" in body
    assert "Andermans best bet" not in body
    assert "Regionale best bet" not in body


@pytest.mark.parametrize("view", ["edit", "delete", "copy", "history", "usage"])
def test_editor_cannot_open_another_municipalitys_best_bet(client, kortrijk_editor, view):
    other = bet("kuurne", title="Andermans best bet", page=page_of("kuurne"))
    response = client.get(reverse(f"{URLS}:{view}", args=[other.pk]))
    assert response.status_code in (302, 403, 404)
    assert "Andermans best bet" not in response.content.decode()


def test_editor_cannot_change_or_delete_another_municipalitys_best_bet(client, kortrijk_editor):
    other = bet("kuurne", title="Andermans best bet", page=page_of("kuurne"))
    data = form_data(municipality("kortrijk"), page_of("kortrijk"), keywords="gekaapt")
    edit = client.post(reverse(f"{URLS}:edit", args=[other.pk]), data)
    delete = client.post(reverse(f"{URLS}:delete", args=[other.pk]))
    assert edit.status_code in (302, 403) and delete.status_code in (302, 403)
    other.refresh_from_db()
    assert other.keywords == "paspoort"


def test_editor_cannot_create_for_another_municipality_or_the_region(client, kortrijk_editor):
    add = reverse(f"{URLS}:add")
    for owner in (municipality("kuurne"), None):
        response = client.post(add, form_data(owner, page_of("kortrijk")))
        assert response.status_code == 200  # the form again, with the error
    assert not BestBet.objects.exists()


def test_editor_cannot_point_at_another_sites_page(client, kortrijk_editor):
    response = client.post(
        reverse(f"{URLS}:add"), form_data(municipality("kortrijk"), page_of("kuurne"))
    )
    assert response.status_code == 200
    assert not BestBet.objects.exists()


def test_editor_creates_and_edits_own_best_bet(client, kortrijk_editor):
    kortrijk = municipality("kortrijk")
    assert client.get(reverse(f"{URLS}:add")).status_code == 200
    response = client.post(reverse(f"{URLS}:add"), form_data(kortrijk, page_of("kortrijk")))
    assert response.status_code == 302
    created = BestBet.objects.get()
    assert created.municipality == kortrijk
    response = client.post(
        reverse(f"{URLS}:edit", args=[created.pk]),
        form_data(kortrijk, page_of("kortrijk"), keywords="rijbewijs, paspoort"),
    )
    assert response.status_code == 302
    created.refresh_from_db()
    assert created.keywords == "rijbewijs, paspoort"


def test_regional_editor_manages_regional_best_bets(client):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=REGIONAL_EDITORS))
    client.force_login(user)
    response = client.post(reverse(f"{URLS}:add"), form_data(None, page_of("kortrijk")))
    assert response.status_code == 302
    assert BestBet.objects.get().municipality is None


def test_user_without_group_has_no_best_bets_menu(client):
    client.force_login(UserFactory())
    response = client.get(reverse(f"{URLS}:list"))
    assert response.status_code in (302, 403)


def test_best_bet_needs_a_page_or_an_external_address(client):
    client.force_login(UserFactory(is_superuser=True))
    data = form_data(municipality("kortrijk"), None)
    response = client.post(reverse(f"{URLS}:add"), data)
    assert response.status_code == 200
    data.update(external_url="https://www.belgium.be/", title="")
    assert client.post(reverse(f"{URLS}:add"), data).status_code == 200
    data.update(title="Belgium.be")
    assert client.post(reverse(f"{URLS}:add"), data).status_code == 302
