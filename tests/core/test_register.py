"""The register: an informal site's citizen-facing Dutch says "je", a formal one "u".

These tests also guard the one private Django name the mechanism relies on (the cache of
translation objects, ``trans_real._translations``): if a Django release changes how
languages are cached or activated, the informal strings disappear and these fail.
"""

import threading

import pytest
from django.test import override_settings
from django.utils import translation

from cms.core import register
from cms.core.register.translation import RegisterTranslation
from cms.municipalities.models import Municipality, Register
from tests.forms.factories import VALID, make_form_page

pytestmark = pytest.mark.django_db

FORMAL_SEARCH = "Geen resultaten: we helpen u graag verder"
INFORMAL_SEARCH = "Geen resultaten: we helpen je graag verder"


def make_informal(slug):
    municipality = Municipality.objects.get(slug=slug)
    municipality.register = Register.INFORMAL
    municipality.save()
    return municipality


def body(response):
    assert response.status_code == 200
    return response.content.decode()


# The mechanism ---------------------------------------------------------------------------


def test_informal_register_replaces_only_the_strings_that_differ():
    with translation.override("nl"), register.override(register.INFORMAL):
        assert translation.gettext("Did you mean") == "Bedoelde je"
        assert translation.gettext("There is a problem") == "Er is een probleem"
    with translation.override("nl"), register.override(register.FORMAL):
        assert translation.gettext("Did you mean") == "Bedoelde u"


def test_other_languages_keep_their_own_register():
    with translation.override("fr"), register.override(register.INFORMAL):
        french = translation.gettext("Did you mean")
    assert "u" not in french.split() and french != "Bedoelde je"
    assert not register.is_informal()


def test_switching_the_language_inside_a_request_keeps_the_register():
    """Wagtail reverses page URLs inside translation.override(<page language>)."""
    with translation.override("nl"), register.override(register.INFORMAL):
        with translation.override("nl"):
            pass
        translation.activate("nl")
        assert translation.gettext("Did you mean") == "Bedoelde je"
        assert isinstance(translation.trans_real.translation("nl"), RegisterTranslation)


def test_plural_and_contextual_lookups_go_through_the_register():
    dutch = RegisterTranslation("nl")
    dutch.informal[("%(n)s file for you", 0)] = "%(n)s bestand voor jou"
    dutch.informal[("%(n)s file for you", 1)] = "%(n)s bestanden voor jou"
    dutch.informal["context\x04Did you mean"] = "Bedoelde je (context)"
    with translation.override("nl"), register.override(register.INFORMAL):
        assert dutch.ngettext("%(n)s file for you", "%(n)s files for you", 2) == (
            "%(n)s bestanden voor jou"
        )
        assert dutch.gettext("context\x04Did you mean") == "Bedoelde je (context)"
    with translation.override("nl"), register.override(register.FORMAL):
        assert dutch.ngettext("%(n)s file for you", "%(n)s files for you", 2) == (
            "%(n)s files for you"
        )


def test_the_register_is_per_thread():
    seen = {}

    def other_thread():
        with translation.override("nl"):
            seen["other"] = translation.gettext("Did you mean")

    with translation.override("nl"), register.override(register.INFORMAL):
        worker = threading.Thread(target=other_thread)
        worker.start()
        worker.join()
        seen["this"] = translation.gettext("Did you mean")
    assert seen == {"other": "Bedoelde u", "this": "Bedoelde je"}


def test_the_register_is_restored_after_the_block():
    register.activate(register.INFORMAL)
    try:
        with register.override(register.FORMAL):
            assert register.get_register() == register.FORMAL
        assert register.get_register() == register.INFORMAL
    finally:
        register.deactivate()
    assert register.get_register() == register.FORMAL


def test_an_unknown_register_means_formal():
    with register.override("casual"):
        assert register.get_register() == register.FORMAL


# Pages ---------------------------------------------------------------------------------


def test_an_informal_site_says_je_and_a_formal_site_u(host_client):
    make_informal("anzegem")
    informal = body(host_client("anzegem").get("/zoeken/", {"q": "qqqxqqq"}))
    assert INFORMAL_SEARCH in informal and FORMAL_SEARCH not in informal
    assert '<html lang="nl' in informal
    formal = body(host_client("kortrijk").get("/zoeken/", {"q": "qqqxqqq"}))
    assert FORMAL_SEARCH in formal and INFORMAL_SEARCH not in formal


def test_the_register_does_not_leak_into_the_next_request(host_client):
    make_informal("anzegem")
    host_client("anzegem").get("/zoeken/", {"q": "qqqxqqq"})
    assert not register.is_informal()
    assert FORMAL_SEARCH in body(host_client("kortrijk").get("/zoeken/", {"q": "qqqxqqq"}))


def test_the_page_cache_keeps_each_sites_register(host_client, settings):
    settings.PAGE_CACHE_SECONDS = 60
    make_informal("anzegem")
    for _ in range(2):  # a miss, then a hit
        informal = host_client("anzegem").get("/")
        formal = host_client("kortrijk").get("/")
        assert informal.status_code == formal.status_code == 200
    assert informal["X-Page-Cache"] == "hit" and formal["X-Page-Cache"] == "hit"
    search = body(host_client("anzegem").get("/zoeken/", {"q": "qqqxqqq"}))
    assert INFORMAL_SEARCH in search
    assert FORMAL_SEARCH in body(host_client("kortrijk").get("/zoeken/", {"q": "qqqxqqq"}))


def test_a_change_of_register_takes_effect_at_once_despite_the_cache(host_client, settings):
    settings.PAGE_CACHE_SECONDS = 60
    client = host_client("kuurne")
    assert FORMAL_SEARCH in body(client.get("/zoeken/", {"q": "qqqxqqq"}))
    make_informal("kuurne")
    assert INFORMAL_SEARCH in body(client.get("/zoeken/", {"q": "qqqxqqq"}))


def test_a_form_page_with_errors_and_its_thanks_say_je(host_client):
    make_informal("anzegem")
    make_form_page(slug="anzegem")
    client = host_client("anzegem")
    page = body(client.get("/melding/"))
    assert "moet je invullen" in page and "moet u invullen" not in page
    errors = body(client.post("/melding/", {"naam": "Jan"}))
    assert "Er is een probleem" in errors and "moet je invullen" in errors
    thanks = body(client.post("/melding/", VALID))
    assert "Bedankt. Je bericht is verstuurd." in thanks and "Uw bericht" not in thanks


def test_a_formal_form_page_is_unchanged(host_client):
    make_form_page(slug="kortrijk")
    client = host_client("kortrijk")
    assert "moet u invullen" in body(client.get("/melding/"))
    assert "Bedankt. Uw bericht is verstuurd." in body(client.post("/melding/", VALID))


def test_the_accessibility_statement_says_je_on_an_informal_site(host_client):
    make_informal("anzegem")
    informal = body(host_client("anzegem").get("/toegankelijkheid/"))
    assert "Vond je iets op deze website dat je niet kunt gebruiken" in informal
    assert "Ben je niet tevreden" in informal and "Bent u" not in informal
    formal = body(host_client("kortrijk").get("/toegankelijkheid/"))
    assert "Vond u iets op deze website" in formal


@pytest.mark.parametrize("path", ["/", "/diensten/", "/toegankelijkheid/", "/zoeken/"])
def test_no_translated_formal_string_remains_on_an_informal_site(host_client, path):
    make_informal("anzegem")
    page = body(host_client("anzegem").get(path, {"q": "qqqxqqq"} if "zoeken" in path else {}))
    with translation.override("nl"):
        installed = translation.trans_real.translation("nl")
        for msgid in installed.informal:
            if isinstance(msgid, str) and "%(" not in msgid:
                formal = installed._catalog.get(msgid)  # the formal text, for comparison
                assert formal is None or formal not in page, (path, msgid)


def test_the_register_survives_django_emptying_its_translation_cache(host_client):
    make_informal("anzegem")
    with override_settings(LOCALE_PATHS=list(translation.trans_real.settings.LOCALE_PATHS)):
        assert not isinstance(translation.trans_real._translations.get("nl"), RegisterTranslation)
        assert INFORMAL_SEARCH in body(host_client("anzegem").get("/zoeken/", {"q": "qqqxqqq"}))


def test_the_admin_stays_formal_on_an_informal_site(host_client, admin_user):
    make_informal("anzegem")
    client = host_client("anzegem")
    client.force_login(admin_user)
    response = client.get("/admin/snippets/catalogue/regionalservice/add/")
    assert "Hoe u het krijgt" in body(response)
