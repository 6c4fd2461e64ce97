"""Dutch analysis in Python: the same terms on the index side and the query side."""

from search.analysis import (
    STOP_WORDS,
    analyze,
    analyze_aligned,
    analyze_query,
    fold,
    load_synonyms,
    stem,
    tokenize,
)
from search.documents import synonym_rules


def test_lowercase_and_accent_folding():
    assert fold("Café Élysée Straße") == "cafe elysee strasse"
    assert tokenize("Brüssel-Hoofdstad, één!") == ["brussel", "hoofdstad", "een"]


def test_dutch_snowball_stems_join_inflected_forms():
    assert stem("identiteitskaarten") == stem("identiteitskaart") == "identiteitskaart"
    assert stem("aanvragen") == stem("aanvraag") == "aanvrag"
    assert analyze("verhuizen verhuizing") == ["verhuiz", "verhuiz"]
    assert stem("containerparken") == stem("containerpark")


def test_the_classic_algorithm_keeps_the_ge_prefix():
    # PostgreSQL's and Elasticsearch's "dutch" stemmers do not strip ge-; neither may we.
    assert stem("gemeentehuis") == "gemeentehuis"


def test_stop_words_are_dropped_but_keep_their_place_when_aligned():
    assert analyze("de kaart van het gemeentehuis") == ["kaart", "gemeentehuis"]
    assert analyze_aligned("de kaart van het huis", "_") == ["_", "kaart", "_", "_", "huis"]
    assert {"de", "het", "een", "van"} <= STOP_WORDS


def test_alignment_counts_one_term_per_original_word_whatever_the_script():
    text = "Ĳsselmeer ½ café 身份证 e-ID ﬁets"
    assert len(analyze_aligned(text, "_")) == len(tokenize(text)) == 7


def test_synonym_file_is_solr_format_and_elasticsearch_reads_the_same_rules():
    sets = load_synonyms()
    assert sets[0][:3] == (("id", "kaart"), ("identiteitskaart",), ("eid",))
    assert len(sets) >= 24
    assert "containerpark, recyclagepark, milieupark" in synonym_rules()
    assert "ocmw, sociaal huis" in synonym_rules()


def test_query_synonyms_match_on_stems_and_keep_the_typed_words_first():
    terms = analyze_query("Identiteitskaarten")
    group = terms.groups[0]
    assert group[0] == ("identiteitskaarten",)
    assert ("eid",) in group and ("id", "kaart") in group


def test_multiword_synonyms_are_matched_longest_first():
    terms = analyze_query("sociaal huis openingsuren")
    assert terms.groups[0][0] == ("sociaal", "huis") and ("ocmw",) in terms.groups[0]
    assert ("openingstijden",) in terms.groups[1]


def test_query_analysis_keeps_only_words_and_caps_their_number():
    terms = analyze_query('"unbalanced AND (title:x^3) OR 1=1; -- ' + "woord " * 100)
    flat = [w for group in terms.groups for alt in group for w in alt]
    assert all(w.isalnum() for w in flat)
    assert len(terms.groups) <= 12
    assert not analyze_query("\x00\x01 !!! ''' ---")
    assert not analyze_query("de het een")
