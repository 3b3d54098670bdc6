"""Whether a sentence recommends a treatment or test, advises against it, or only mentions it.

The words that say so are listed in resources/vocabulary/stance.txt. Within one
clause (clauses end at a semicolon and at "but", "however", "whereas"...):

- A term governed by a phrase right after it, through only linking words, takes
  that phrase's stance: "Surgery is not indicated", "Fusion would be reasonable".
- Otherwise the nearest stance phrase before it governs: "I recommend physical
  therapy and an injection". "rather than", "instead of" govern only up to the
  next comma: "Rather than fusion, I suggest physiotherapy" sets fusion aside
  and recommends physiotherapy.
- Otherwise a stance phrase later in the clause governs, else it is mentioned.

A negation shortly before the governing phrase, with no comma between, turns a
recommendation into advice against ("I would not recommend surgery at this
time") and advice against into a recommendation ("do not stop apixaban"). A
negation right before the term sets it aside ("no further surgery"). History
("she was started on", "has been taking"), a hedge just before ("I may
suggest") or a condition ("if there is no improvement, ...") leave a term only
mentioned.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from opinionkit.core.compare import vocabulary, words
from opinionkit.core.compare.words import Token


class Stance(StrEnum):
    RECOMMENDED = "recommended"
    ADVISED_AGAINST = "advised against"
    MENTIONED = "mentioned"


_RECOMMENDED, _AGAINST, _INSTEAD, _MENTIONED = "recommended", "advised against", "instead", "mentioned"
_NEGATION, _HISTORY, _CONDITION, _NOT_CONDITION, _CLAUSE, _REFERENCE = (
    "negations", "history", "conditions", "not conditions", "clause breaks", "references")
_GOVERNING = (_RECOMMENDED, _AGAINST, _INSTEAD, _MENTIONED)
# Words that may stand between a term and the phrase that says what of it: "Surgery is not indicated".
_LINKING = frozenset(
    "is are was were be been being would should will may might can could must not no never also still "
    "now then therefore probably definitely certainly clearly likely really absolutely strongly currently "
    "a an the my our at this that time present stage point moment".split()
)
_LINK_REACH = 6
_NEGATION_REACH = 4
_HEDGE_REACH = 3
_HISTORY_REACH = 2
_TERM_NEGATION_REACH = 2
_MAX_CUE_WORDS = 5


@dataclass(frozen=True)
class _Cue:
    category: str
    first: int
    last: int  # index after its last token


def stances(sentence: str, found: Sequence[Token], spans: list[tuple[int, int]],
             default: Stance = Stance.MENTIONED) -> list[Stance]:
    """The stance of each term at token ``spans`` (first, after last) of ``sentence``.

    ``default`` is the stance of a term no phrase governs: "recommended" for the
    items under a letter's "Recommendations" heading.
    """
    cues = _cues(found)
    clauses = _clause_starts(sentence, found, cues)
    return [_stance(sentence, found, cues, clauses, spans, first, last, default) for first, last in spans]


def _stance(sentence: str, found: Sequence[Token], cues: list[_Cue], clauses: list[int],
            spans: list[tuple[int, int]], first: int, last: int, default: Stance) -> Stance:
    start = max((c for c in clauses if c <= first), default=0)
    end = min((c for c in clauses if c > first), default=len(found))
    in_clause = [c for c in cues if start <= c.first and c.last <= end]
    if _negated_term(found, cues, first):
        return Stance.ADVISED_AGAINST
    if _placed_in_time(found, in_clause, first):
        return Stance.MENTIONED
    conditional = any(c.category == _CONDITION and c.last <= first for c in in_clause)
    governing = _governing(sentence, found, in_clause, spans, first, last)
    if governing is None:
        return Stance.MENTIONED if conditional else default
    if governing.category == _INSTEAD:
        return Stance.ADVISED_AGAINST
    if governing.category == _MENTIONED:
        return Stance.MENTIONED
    before = [c for c in in_clause if c.last <= governing.first]
    if _near(before, _HISTORY, governing.first, _HISTORY_REACH) or conditional:
        return Stance.MENTIONED
    negated = _near(before, _NEGATION, governing.first, _NEGATION_REACH, sentence, found)
    if governing.category == _RECOMMENDED:
        if negated:
            return Stance.ADVISED_AGAINST
        if _near(before, _MENTIONED, governing.first, _HEDGE_REACH):
            return Stance.MENTIONED
        return Stance.RECOMMENDED
    return Stance.RECOMMENDED if negated else Stance.ADVISED_AGAINST


def _governing(sentence: str, found: Sequence[Token], cues: list[_Cue], spans: list[tuple[int, int]],
               first: int, last: int) -> _Cue | None:
    governing = [c for c in cues if c.category in _GOVERNING]
    after = [c for c in governing if c.first >= last and c.category != _INSTEAD]  # "rather than" looks ahead only
    if after and after[0].first - last <= _LINK_REACH and all(
        found[k].fold in _LINKING or _is_negation(found[k].fold) for k in range(last, after[0].first)
    ) and "," not in sentence[found[last - 1].end:found[after[0].first].start]:
        return after[0]
    for cue in reversed([c for c in governing if c.last <= first]):
        if cue.category == _INSTEAD and "," in sentence[found[cue.last - 1].end:found[first].start]:
            continue  # "rather than X, ..." reaches only to the comma
        if not _joined(found, spans, cue.last, first):
            break  # "stop naproxen before the operation": the operation is not what is stopped
        return cue
    return after[0] if after else None


def _joined(found: Sequence[Token], spans: list[tuple[int, int]], after: int, first: int) -> bool:
    """Whether the term at ``first`` is the first named after token ``after``, or joined to it by
    "and", "or", "with", commas and amounts ("physical therapy and an injection")."""
    between = sorted(span for span in spans if after <= span[0] and span[1] <= first)
    if not between:
        return True
    cursor = between[0][1]
    for span in between[1:] + [(first, first)]:
        if any(not _joining(found[k].fold) for k in range(cursor, span[0])):
            return False
        cursor = max(cursor, span[1])
    return True


def _joining(fold: str) -> bool:
    return fold in _coordination() or any(ch.isdigit() for ch in fold) or fold in _amount_words()


def _placed_in_time(found: Sequence[Token], cues: list[_Cue], first: int) -> bool:
    """"before the operation", "until any surgery": named only to say when."""
    for cue in cues:
        if cue.category == _REFERENCE and cue.last <= first and first - cue.last <= _TERM_NEGATION_REACH:
            if all(found[k].fold in _modifiers() or words.is_stopword(found[k].fold) for k in range(cue.last, first)):
                return True
    return False


def _negated_term(found: Sequence[Token], cues: list[_Cue], first: int) -> bool:
    """"no further surgery", "not physiotherapy": a negation just before the term itself."""
    for k in range(max(0, first - _TERM_NEGATION_REACH), first):
        if _is_negation(found[k].fold) and not any(c.first <= k < c.last and c.category != _NEGATION for c in cues):
            between = range(k + 1, first)
            if all(found[j].fold in _modifiers() or words.is_stopword(found[j].fold) for j in between):
                return True
    return False


def _near(cues: list[_Cue], category: str, at: int, reach: int, sentence: str = "",
          found: Sequence[Token] | None = None) -> bool:
    for cue in cues:
        if cue.category != category or at - cue.last >= reach:
            continue
        if found is not None and "," in sentence[found[cue.last - 1].end:found[at].start]:
            continue  # "If there is no improvement, I recommend ...": the negation stays behind the comma
        return True
    return False


def _cues(found: Sequence[Token]) -> list[_Cue]:
    """Stance phrases in the sentence, the longest first at each place."""
    table, starts = _phrases(), _phrase_starts()
    cues: list[_Cue] = []
    index = 0
    while index < len(found):
        if found[index].fold not in starts and not _is_negation(found[index].fold):
            index += 1
            continue
        for length in range(min(_MAX_CUE_WORDS, len(found) - index), 0, -1):
            key = tuple(t.fold for t in found[index:index + length])
            category = table.get(key)
            if category is None and length == 1 and _is_negation(key[0]):
                category = _NEGATION
            if category is not None:
                cues.append(_Cue(category, index, index + length))
                index += length
                break
        else:
            index += 1
    return cues


def _clause_starts(sentence: str, found: Sequence[Token], cues: list[_Cue]) -> list[int]:
    starts = [c.first for c in cues if c.category == _CLAUSE]
    starts += [k for k in range(1, len(found)) if ";" in sentence[found[k - 1].end:found[k].start]]
    return sorted(starts)


def _is_negation(fold: str) -> bool:
    return fold.endswith("n't") or fold in _negations()


@functools.cache
def _phrase_starts() -> frozenset[str]:
    return frozenset(key[0] for key in _phrases())


@functools.cache
def _phrases() -> dict[tuple[str, ...], str]:
    found = vocabulary.sections("stance.txt")
    table: dict[tuple[str, ...], str] = {}
    # Conditions that are manners of speaking first, so "if needed" is not read as "if".
    for category in (_NOT_CONDITION, _INSTEAD, _AGAINST, _RECOMMENDED, _HISTORY, _MENTIONED, _CONDITION,
                     _NEGATION, _CLAUSE, _REFERENCE):
        for phrase in found.get(category, []):
            key = tuple(t.fold for t in words.tokens(phrase))
            if key:
                table.setdefault(key, category)
    return table


@functools.cache
def _negations() -> frozenset[str]:
    return vocabulary.words("stance.txt", _NEGATION)


@functools.cache
def _coordination() -> frozenset[str]:
    return vocabulary.words("stance.txt", "coordination")


@functools.cache
def _amount_words() -> frozenset[str]:
    """Words of doses and frequencies ("mg", "times", "daily"), which may stand between joined terms."""
    found = {e.casefold() for entries in vocabulary.sections("quantities.txt").values() for e in entries}
    for line in vocabulary.sections("synonyms.txt").get("frequencies", []):
        found.update(t.fold for t in words.tokens(line.replace("|", " ")))
    return frozenset(found)


@functools.cache
def _modifiers() -> frozenset[str]:
    return vocabulary.words("modifiers.txt", "words")
