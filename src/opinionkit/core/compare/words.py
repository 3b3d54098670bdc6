"""Words as the comparison sees them: tokens with their place, and the comparable form of each.

Two doctors say the same thing in different words: "physiotherapy" and
"physical therapy", "MRI" and "magnetic resonance imaging", "twelve weeks" and
"12 weeks", "haemoglobin" and "hemoglobin", "injections" and "injection". The
comparable form (a ``Concept``'s ``base``) folds those together: case and
Unicode form are ignored, British spellings meet American ones, written numbers
become digits, words are stemmed (Snowball English, through PyStemmer's C
implementation), and names listed as synonyms in resources/vocabulary become
one concept. Words of other scripts pass through unstemmed; Chinese, Japanese
and Korean text, which has no spaces, counts each character as a word.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from dataclasses import dataclass

import Stemmer

from opinionkit.core.compare import vocabulary

# Han, kana and hangul: a word of their own per character.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN = re.compile(
    rf"[{CJK}]"
    r"|\d+(?:[.,]\d+)*(?:[-–+/=:×]\d+(?:[.,]\d+)*)*"  # 6.2, 1,000, 3+4=7, 2026-09-12, 5/5
    rf"|[^\W_{CJK}](?:[^\W{CJK}]|['’\-/.](?=[^\W_{CJK}]))*"  # L4-L5, ng/mL, b.i.d, don't
)
_LATIN_WORD = re.compile(r"[a-z]+(?:[-'’][a-z]+)*")
_BRITISH_DIGRAPH = re.compile(r"(?<![aeiou])(?:ae|oe)(?![aeiou])")  # haemoglobin, oedema, orthopaedic
_BRITISH_ENDINGS = [
    (re.compile(r"(?<=\w{3})our(s?)$"), r"or\1"),  # tumour, favour
    (re.compile(r"(?<=\w{3})is(e|es|ed|ing|ation|ations)$"), r"iz\1"),  # organise
    (re.compile(r"(?<=\w{3})tre(s?)$"), r"ter\1"),  # centre, litre
    (re.compile(r"(?<=\w{3})(os|stas|es|ys)es$"), r"\1is"),  # Greek plurals: stenoses, metastases, analyses
]
_MAX_SYNONYM_WORDS = 8

_stemmer = Stemmer.Stemmer("english")
_stemmer_lock = threading.Lock()  # a Stemmer object is not safe to share between threads


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    fold: str  # casefolded, compatibility-normalised ("µg" and "μg" alike)


@dataclass(frozen=True, slots=True)
class Concept:
    """One word, or several that name one thing ("magnetic resonance imaging")."""

    base: str
    first: int  # index of its first token
    last: int  # index after its last token
    stop: bool  # a function word ("the", "of") that says little on its own


def tokens(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), _fold(m.group())) for m in _TOKEN.finditer(text)]


@functools.lru_cache(maxsize=8192)
def analyse(sentence: str) -> tuple[tuple[Token, ...], tuple[Concept, ...]]:
    """A sentence's tokens and concepts, kept for the sentences seen last (both letters use them twice)."""
    found = tokens(sentence)
    return tuple(found), tuple(concepts(found))


def concepts(words: list[Token]) -> list[Concept]:
    """The comparable forms of ``words``, synonyms joined, longest names first."""
    bases = [base_form(word.fold) for word in words]
    table, starts = _synonym_table(), _synonym_starts()
    stopwords = _stopwords()
    found: list[Concept] = []
    index = 0
    while index < len(bases):
        if bases[index] not in starts:
            found.append(Concept(bases[index], index, index + 1, words[index].fold in stopwords))
            index += 1
            continue
        for length in range(min(_MAX_SYNONYM_WORDS, len(bases) - index), 0, -1):
            concept = table.get(tuple(bases[index:index + length]))
            if concept is not None:
                found.append(Concept(concept, index, index + length, False))
                index += length
                break
        else:
            found.append(Concept(bases[index], index, index + 1, words[index].fold in stopwords))
            index += 1
    return found


def phrase_key(text: str) -> tuple[str, ...]:
    """The comparable form of a phrase from a word list, as it would be found in a letter."""
    return tuple(concept.base for concept in concepts(tokens(text)))


@functools.lru_cache(maxsize=65536)
def base_form(fold: str) -> str:
    """One word's comparable form, before synonyms: spelling, number words and stemming folded."""
    number = vocabulary.number_words().get(fold)
    if number is not None:
        return _number_text(number)
    if not _LATIN_WORD.fullmatch(fold) or len(fold) < 4:
        return fold
    word = _BRITISH_DIGRAPH.sub("e", fold) if len(fold) >= 5 else fold
    if len(word) >= 6:
        for pattern, replacement in _BRITISH_ENDINGS:
            word = pattern.sub(replacement, word)
    with _stemmer_lock:
        return _stemmer.stemWord(word)


def is_stopword(fold: str) -> bool:
    return fold in _stopwords()


@functools.lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace("’", "'")


def _number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


@functools.cache
def _stopwords() -> frozenset[str]:
    return vocabulary.words("stopwords.txt", "words")


@functools.cache
def _synonym_starts() -> frozenset[str]:
    return frozenset(key[0] for key in _synonym_table())


@functools.cache
def _synonym_table() -> dict[tuple[str, ...], str]:
    """Every listed name, in comparable form, to the id of its concept (the first name's form)."""
    table: dict[tuple[str, ...], str] = {}
    for names in vocabulary.synonym_groups():
        keys = [tuple(base_form(word.fold) for word in tokens(name)) for name in names]
        concept = "_".join(keys[0])
        for key in keys:
            if key and len(key) <= _MAX_SYNONYM_WORDS:
                table.setdefault(key, concept)
    return table
