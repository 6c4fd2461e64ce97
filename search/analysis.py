"""Analysis in Python: what Elasticsearch's ``dutch_text`` (and ``french_text``,
``english_text``) analyzers do, for the embedded backends, so the index side and the query
side see the same terms.

The chain: tokenise (runs of letters and digits), lower-case, fold accents, drop the
language's stop words, stem with the language's Snowball stemmer. A document is analysed in
its own language (``LANGUAGES``; an unknown one as Dutch); a query in the language it
searches, or, searching every language, with the stems of each as alternatives. Synonyms
(``search/synonyms/nl.txt``, Solr format, Dutch) are expanded at query time only, as
Elasticsearch's synonym_graph filter does.
"""

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

from cms.core.text import fold

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "MAX_QUERY_TERMS",
    "STOP_WORDS",
    "SYNONYMS_FILE",
    "Language",
    "QueryTerms",
    "analyze",
    "analyze_aligned",
    "analyze_query",
    "fold",
    "language_of",
    "load_synonyms",
    "stem",
    "stems",
    "tokenize",
    "vocabulary_words",
]

SYNONYMS_FILE = Path(__file__).resolve().parent / "synonyms" / "nl.txt"
MAX_QUERY_TERMS = 12  # a longer query is cut: no query may cost the index more than this
MAX_TERM_LENGTH = 60  # longer "words" (hashes, garbage) are not words

# Snowball's Dutch stop word list, accents folded (Elasticsearch's `_dutch_` is the same list).
_DUTCH_STOP_WORDS = """
de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar
om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar
haar naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden
toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier
wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand
geweest andere
"""
STOP_WORDS = frozenset(_DUTCH_STOP_WORDS.split())
# Snowball's French stop word list (PostgreSQL's `french`), accents folded.
_FRENCH_STOP_WORDS = """
au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me
meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te
tes toi ton tu un une vos votre vous c d j l a m n s t y ete etee etees etes etant suis es
est sommes etes sont serai seras sera serons serez seront serais serait serions seriez
seraient etais etait etions etiez etaient fus fut fumes futes furent sois soit soyons
soyez soient fusse fusses fussions fussiez fussent ayant eu eue eues eus ai as avons avez
ont aurai auras aura aurons aurez auront aurais aurait aurions auriez auraient avais avait
avions aviez avaient eut eumes eutes eurent aie aies ait ayons ayez aient eusse eusses eut
eussions eussiez eussent ceci cela cet cette ici ils les leurs quel quels quelle
quelles sans soi
"""
# Snowball's English stop word list (PostgreSQL's `english`), the common part.
_ENGLISH_STOP_WORDS = """
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
she her hers herself it its itself they them their theirs themselves what which who whom
this that these those am is are was were be been being have has had having do does did
doing a an the and but if or because as until while of at by for with about against
between into through during before after above below to from up down in out on off over
under again further then once here there when where why how all any both each few more
most other some such no nor not only own same so than too very s t can will just don
should now
"""


@dataclass(frozen=True)
class Language:
    """How one language's text is analysed, here, in PostgreSQL and in Elasticsearch."""

    code: str
    stop_words: frozenset
    snowball: str  # the snowballstemmer algorithm
    postgres: str  # the PostgreSQL text search configuration: the same algorithm
    elasticsearch: str  # the stemmer filter's language, and the stop list `_<name>_`


LANGUAGES = {
    language.code: language
    for language in (
        # The classic Snowball Dutch algorithm: the one PostgreSQL's `dutch` configuration
        # and Elasticsearch's `dutch` stemmer use (Snowball 3 calls it "dutch_porter"; its
        # new "dutch" also strips the ge- prefix, "gemeentehuis" -> "meentehuis").
        Language("nl", STOP_WORDS, "dutch_porter", "dutch", "dutch"),
        Language("fr", frozenset(_FRENCH_STOP_WORDS.split()), "french", "french", "french"),
        Language("en", frozenset(_ENGLISH_STOP_WORDS.split()), "english", "english", "english"),
    )
}
DEFAULT_LANGUAGE = "nl"
_stemmers = {code: snowballstemmer.stemmer(lang.snowball) for code, lang in LANGUAGES.items()}

# Letters and digits (Python's \w without the underscore); everything else separates words.
_TOKEN = re.compile(r"[^\W_]+")


def language_of(code):
    """The analysis of a language code ("fr", "fr-be"); Dutch for one we have none for."""
    return LANGUAGES.get((code or "").split("-")[0].lower(), LANGUAGES[DEFAULT_LANGUAGE])


def _folded_word(token):
    return "".join(ch for ch in fold(token) if ch.isalnum())


def tokenize(text):
    """The folded words of ``text``, in order: one per run of letters and digits of the
    original text (so word positions match SQLite's unicode61 tokenizer on that text)."""
    return [word for word in map(_folded_word, _TOKEN.findall(text)) if word]


@lru_cache(maxsize=50_000)
def stem(word, language=DEFAULT_LANGUAGE):
    """The Snowball stem of one folded word in ``language`` (a LANGUAGES code)."""
    return _stemmers[language].stemWord(word)


def stems(word, languages):
    """The stems of one folded word in each of ``languages``, without repeats."""
    return tuple(dict.fromkeys(stem(word, code) for code in languages))


def _term(word, language):
    """The index term of one folded word, or None for a stop word or a non-word."""
    if not word or word in language.stop_words or len(word) > MAX_TERM_LENGTH:
        return None
    return stem(word, language.code)


def analyze(text, language=DEFAULT_LANGUAGE):
    """The index terms of ``text`` in ``language``: folded, without stop words, stemmed."""
    analysis = language_of(language)
    return [term for term in (_term(word, analysis) for word in tokenize(text)) if term]


def analyze_aligned(text, placeholder, language=DEFAULT_LANGUAGE):
    """One term per original word, ``placeholder`` where a word is not indexed.

    SQLite's FTS5 snippet() re-tokenises the stored original text and maps the positions
    of matched terms onto it, so the indexed terms must keep the original word positions.
    """
    analysis = language_of(language)
    return [_term(_folded_word(token), analysis) or placeholder for token in _TOKEN.findall(text)]


def vocabulary_words(text):
    """The words "did you mean" may suggest: folded, alphabetic, 3 to 30 letters, no stop words."""
    return {
        word
        for word in tokenize(text)
        if 3 <= len(word) <= 30 and word.isalpha() and word not in STOP_WORDS
    }


@cache
def load_synonyms(path=SYNONYMS_FILE):
    """The synonym sets of a Solr-format file, each a tuple of word tuples (folded)."""
    sets = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "=>" in line:  # explicit mapping: the left side is replaced by the right side
            left, right = line.split("=>", 1)
            entries = [*left.split(","), *right.split(",")]
        else:
            entries = line.split(",")
        phrases = tuple(words for words in (tuple(tokenize(e)) for e in entries) if words)
        if len(phrases) > 1:
            sets.append(phrases)
    return tuple(sets)


@cache
def _synonym_index(path=SYNONYMS_FILE):
    """Stemmed phrase -> its synonym set, longest phrases first when matching."""
    index = {}
    for phrases in load_synonyms(path):
        for phrase in phrases:
            key = tuple(stem(word) for word in phrase if word not in STOP_WORDS)
            if key:
                index.setdefault(key, set()).update(phrases)
    longest = max((len(key) for key in index), default=0)
    return {key: tuple(sorted(value)) for key, value in index.items()}, longest


@dataclass(frozen=True)
class QueryTerms:
    """A query after analysis: a list of groups, each one or more alternative phrases.

    A group matches when any of its alternatives does; an alternative is a tuple of folded
    words without stop words, all of which must match. ``groups[i][0]`` is what the user
    typed; the rest came from synonyms.
    """

    groups: tuple
    words: tuple  # the user's own folded words, stop words removed, for "did you mean"
    languages: tuple = (DEFAULT_LANGUAGE,)  # whose stems each word matches

    def stems(self, word):
        """The index terms one query word matches: its stem in each searched language."""
        return stems(word, self.languages)

    def __bool__(self):
        return bool(self.groups)


def analyze_query(text, synonyms=SYNONYMS_FILE, language=DEFAULT_LANGUAGE):
    """Analyse a raw query string: any string is safe, only letters and digits survive.

    ``language`` is the language searched (its stop words are dropped, its stems matched);
    None searches every language: any language's stop words are dropped and each word
    matches its stem in every language. Synonyms are Dutch: expanded when Dutch is searched.
    """
    languages = tuple(LANGUAGES) if language is None else (language_of(language).code,)
    stop_words = frozenset().union(*(LANGUAGES[code].stop_words for code in languages))
    words = [w for w in tokenize(text[:2000]) if len(w) <= MAX_TERM_LENGTH][: MAX_QUERY_TERMS * 2]
    if not words:
        return QueryTerms(groups=(), words=(), languages=languages)
    index, longest = _synonym_index(synonyms) if DEFAULT_LANGUAGE in languages else ({}, 0)
    content = [w for w in words if w not in stop_words]
    stemmed = [stem(w) for w in content]
    groups = []
    position = 0
    while position < len(content) and len(groups) < MAX_QUERY_TERMS:
        for size in range(min(longest, len(content) - position), 0, -1):
            key = tuple(stemmed[position : position + size])
            if key in index:
                typed = tuple(content[position : position + size])
                seen = {key}
                alternatives = [typed]
                for phrase in index[key]:
                    words = tuple(w for w in phrase if w not in STOP_WORDS)
                    phrase_key = tuple(stem(w) for w in words)
                    if words and phrase_key not in seen:
                        seen.add(phrase_key)
                        alternatives.append(words)
                groups.append(tuple(alternatives))
                position += size
                break
        else:
            groups.append(((content[position],),))
            position += 1
    return QueryTerms(
        groups=tuple(groups), words=tuple(content[:MAX_QUERY_TERMS]), languages=languages
    )
