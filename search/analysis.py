"""Dutch analysis in Python: what Elasticsearch's ``dutch_text`` analyzer does, for the
embedded backends, so the index side and the query side see the same terms.

The chain: tokenise (runs of letters and digits), lower-case, fold accents, drop Dutch stop
words, stem with Snowball's Dutch stemmer. Synonyms (``search/synonyms/nl.txt``, Solr format)
are expanded at query time only, as Elasticsearch's synonym_graph filter does.
"""

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

from cms.core.text import fold

__all__ = [
    "MAX_QUERY_TERMS",
    "STOP_WORDS",
    "SYNONYMS_FILE",
    "QueryTerms",
    "analyze",
    "analyze_aligned",
    "analyze_query",
    "fold",
    "load_synonyms",
    "stem",
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

# Letters and digits (Python's \w without the underscore); everything else separates words.
_TOKEN = re.compile(r"[^\W_]+")
# The classic Snowball Dutch algorithm: the one PostgreSQL's `dutch` configuration and
# Elasticsearch's `dutch` stemmer use (Snowball 3 calls it "dutch_porter"; its new "dutch"
# also strips the ge- prefix, "gemeentehuis" -> "meentehuis").
_stemmer = snowballstemmer.stemmer("dutch_porter")


def _folded_word(token):
    return "".join(ch for ch in fold(token) if ch.isalnum())


def tokenize(text):
    """The folded words of ``text``, in order: one per run of letters and digits of the
    original text (so word positions match SQLite's unicode61 tokenizer on that text)."""
    return [word for word in map(_folded_word, _TOKEN.findall(text)) if word]


@lru_cache(maxsize=50_000)
def stem(word):
    """The Dutch Snowball stem of one folded word."""
    return _stemmer.stemWord(word)


def _term(word):
    """The index term of one folded word, or None for a stop word or a non-word."""
    if not word or word in STOP_WORDS or len(word) > MAX_TERM_LENGTH:
        return None
    return stem(word)


def analyze(text):
    """The index terms of ``text``: folded, without stop words, stemmed."""
    return [term for term in map(_term, tokenize(text)) if term]


def analyze_aligned(text, placeholder):
    """One term per original word, ``placeholder`` where a word is not indexed.

    SQLite's FTS5 snippet() re-tokenises the stored original text and maps the positions
    of matched terms onto it, so the indexed terms must keep the original word positions.
    """
    return [_term(_folded_word(token)) or placeholder for token in _TOKEN.findall(text)]


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

    def __bool__(self):
        return bool(self.groups)


def analyze_query(text, synonyms=SYNONYMS_FILE):
    """Analyse a raw query string: any string is safe, only letters and digits survive."""
    words = [w for w in tokenize(text[:2000]) if len(w) <= MAX_TERM_LENGTH][: MAX_QUERY_TERMS * 2]
    if not words:
        return QueryTerms(groups=(), words=())
    index, longest = _synonym_index(synonyms)
    content = [w for w in words if w not in STOP_WORDS]
    stems = [stem(w) for w in content]
    groups = []
    position = 0
    while position < len(content) and len(groups) < MAX_QUERY_TERMS:
        for size in range(min(longest, len(content) - position), 0, -1):
            key = tuple(stems[position : position + size])
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
    return QueryTerms(groups=tuple(groups), words=tuple(content[:MAX_QUERY_TERMS]))
