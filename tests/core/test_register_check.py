"""The register check: a formal Dutch text that says "u" needs its informal variant."""

import subprocess

import pytest

from cms.core.register.checks import (
    addresses_formally,
    check_registers,
    formal_catalogue_paths,
    register_errors,
)

HEADER = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: nl\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

"""

FORMAL = (
    HEADER
    + """msgid "Did you mean"
msgstr "Bedoelde u"

msgid "Search"
msgstr "Zoeken"

msgid "How to get it"
msgstr "Hoe u het krijgt"

msgid "%(n)s result for you"
msgid_plural "%(n)s results for you"
msgstr[0] "%(n)s resultaat voor u"
msgstr[1] "%(n)s resultaten voor u"
"""
)

COMPLETE = (
    HEADER
    + """msgid "Did you mean"
msgstr "Bedoelde je"

#, formal-only
msgid "How to get it"
msgstr ""

msgid "%(n)s result for you"
msgid_plural "%(n)s results for you"
msgstr[0] "%(n)s resultaat voor jou"
msgstr[1] "%(n)s resultaten voor jou"
"""
)


def catalogues(tmp_path, formal, informal, compile_informal=True):
    formal_path = tmp_path / "formal" / "nl" / "LC_MESSAGES" / "django.po"
    informal_path = tmp_path / "informal" / "locale" / "nl" / "LC_MESSAGES" / "django.po"
    for path, text in ((formal_path, formal), (informal_path, informal)):
        path.parent.mkdir(parents=True)
        path.write_text(text)
    if compile_informal:
        subprocess.run(
            ["msgfmt", "-o", str(informal_path.with_suffix(".mo")), str(informal_path)],
            check=True,
        )
    return [formal_path], informal_path


def ids(errors):
    return sorted(error.id for error in errors)


def test_the_projects_catalogues_are_complete():
    assert formal_catalogue_paths(), "no Dutch catalogue found"
    errors = check_registers()
    assert not errors, "\n".join(f"{e.id} {e.msg}" for e in errors)


def test_a_complete_informal_catalogue_passes(tmp_path):
    assert register_errors(*catalogues(tmp_path, FORMAL, COMPLETE)) == []


def test_a_formal_string_without_informal_variant_fails(tmp_path):
    informal = COMPLETE.replace('msgid "Did you mean"\nmsgstr "Bedoelde je"\n', "")
    errors = register_errors(*catalogues(tmp_path, FORMAL, informal))
    assert ids(errors) == ["register.W001"]
    assert '"Did you mean" says "u"' in errors[0].msg
    assert "formal-only" in errors[0].hint


def test_a_plural_formal_string_without_informal_variant_fails(tmp_path):
    informal = COMPLETE.split('msgid "%(n)s')[0]
    assert ids(register_errors(*catalogues(tmp_path, FORMAL, informal))) == ["register.W001"]


def test_an_informal_variant_of_a_msgid_that_is_gone_fails(tmp_path):
    informal = COMPLETE + '\nmsgid "Removed long ago"\nmsgstr "Lang geleden weg, je weet wel"\n'
    errors = register_errors(*catalogues(tmp_path, FORMAL, informal))
    assert ids(errors) == ["register.W002"]
    assert "Removed long ago" in errors[0].msg


def test_an_informal_variant_identical_to_the_formal_fails(tmp_path):
    informal = COMPLETE + '\nmsgid "Search"\nmsgstr "Zoeken"\n'
    assert ids(register_errors(*catalogues(tmp_path, FORMAL, informal))) == ["register.W003"]


def test_an_informal_variant_that_still_says_u_fails(tmp_path):
    informal = COMPLETE.replace('msgstr "Bedoelde je"', 'msgstr "Bedoelde jij dat, of u?"')
    assert ids(register_errors(*catalogues(tmp_path, FORMAL, informal))) == ["register.W004"]


def test_an_uncompiled_informal_catalogue_fails(tmp_path):
    paths = catalogues(tmp_path, FORMAL, COMPLETE)
    informal_path = paths[1]
    informal_path.write_text(COMPLETE.replace("Bedoelde je", "Bedoel je"))
    assert ids(register_errors(*paths)) == ["register.W005"]
    informal_path.with_suffix(".mo").unlink()
    assert ids(register_errors(*paths)) == ["register.W005"]


def test_a_missing_informal_catalogue_flags_every_formal_address(tmp_path):
    formal_paths, informal_path = catalogues(tmp_path, FORMAL, COMPLETE, compile_informal=False)
    informal_path.unlink()
    assert ids(register_errors(formal_paths, informal_path)) == ["register.W001"] * 3


def test_fuzzy_and_untranslated_formal_entries_are_not_counted(tmp_path):
    formal = (
        FORMAL + '\n#, fuzzy\nmsgid "Your turn"\nmsgstr "Uw beurt"\n\nmsgid "Empty"\nmsgstr ""\n'
    )
    assert register_errors(*catalogues(tmp_path, formal, COMPLETE)) == []


@pytest.mark.parametrize(
    ("text", "formal"),
    [
        ("Bedoelde u", True),
        ("Uw bericht is verstuurd.", True),
        ("U kunt hier terecht.", True),
        ("Hoe u het krijgt", True),
        ("Bedoelde je", False),
        ("Uur en plaats", False),
        ("Duurtijd: 3 uur", False),
        ("%(u)s gegevens", False),
        ("menu", False),
    ],
)
def test_formal_address_is_recognised(text, formal):
    assert addresses_formally([text]) is formal
