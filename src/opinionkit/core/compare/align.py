"""Pairing each sentence of one letter with its counterpart in the other, wherever it stands.

Two doctors write the same point in a different place and in other words, so
sentences are compared by the words they mean, not by position: each becomes
its content words in comparable form (words.concepts: stemmed, synonyms
joined, function words left out). The similarity of two sentences is the
weighted Dice coefficient of those words, 2 x shared / (all of A + all of B):
a word found in few sentences of the two letters ("naproxen", "fusion") counts
up to three times as much as one found in most ("pain", "mg"). Each distinct
word is written as one character, repeated by its weight, and each sentence's
characters are sorted, so that rapidfuzz's ``fuzz.ratio`` (its C++ Indel
similarity, 2 x LCS / total) computes exactly that coefficient: the LCS of two
sorted strings is their shared multiset.

Sentences that are the same word for word are paired first. The rest are
paired one to one, best pair first (closer relative position breaks a tie),
among the few best candidates rapidfuzz finds for each sentence on either side
above ``MATCH_THRESHOLD``; then a pair gives way when its two sentences do
better with others ("She takes gabapentin 300 mg" belongs with its twin, not
with "Continue gabapentin 300 mg"). A sentence left without a counterpart
faces a gap. The pairs keep letter A's order; a sentence only in B comes right
after the pair holding the sentence before it in B.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from opinionkit.core.compare import words

#: Below this (weighted) share of shared content words two sentences are not counterparts.
MATCH_THRESHOLD = 0.4
#: Candidates considered per sentence and side in each round of pairing.
_CANDIDATES = 6
_ROUNDS = 3
_MAX_WEIGHT = 3


@dataclass(frozen=True)
class AlignedPair:
    """Sentence ``a`` of letter A facing sentence ``b`` of letter B (None: a gap)."""

    a: int | None
    b: int | None
    similarity: float


def content_words(sentence: str) -> list[str]:
    """What a sentence says, as comparable words without function words."""
    return [c.base for c in words.analyse(sentence)[1] if not c.stop]


def align(a: list[str], b: list[str], threshold: float = MATCH_THRESHOLD) -> list[AlignedPair]:
    """Pair the sentences of ``a`` with those of ``b``; every sentence appears in exactly one pair."""
    match: dict[int, tuple[int, float]] = {}
    _pair_identical(a, b, match)
    keys_a, keys_b = _keys(a, b)
    scores: dict[tuple[int, int], float] = {}
    for _ in range(_ROUNDS):
        found = _candidates(keys_a, keys_b, match, threshold)
        scores.update(found)
        if not _pair_best_first(found, match, len(a), len(b)):
            break
        _give_way(scores, match)
    return _in_reading_order(len(a), len(b), match)


def _pair_identical(a: list[str], b: list[str], match: dict[int, tuple[int, float]]) -> None:
    waiting: dict[str, list[int]] = defaultdict(list)
    for j, sentence in enumerate(b):
        waiting[_plain(sentence)].append(j)
    for i, sentence in enumerate(a):
        same = waiting.get(_plain(sentence))
        if same:
            match[i] = (same.pop(0), 1.0)


def _keys(a: list[str], b: list[str]) -> tuple[list[str], list[str]]:
    """Each sentence's content words, one character per distinct word repeated by its weight, sorted."""
    content = [content_words(s) for s in a + b]
    spread = Counter(word for sentence in content for word in set(sentence))
    scale = math.log(max(len(content), 2))
    letters: dict[str, str] = {}
    for word, count in spread.items():
        weight = 1 + round((_MAX_WEIGHT - 1) * math.log(len(content) / count) / scale)
        letters[word] = chr(0x10000 + len(letters)) * weight
    keys = ["".join(sorted("".join(letters[w] for w in sentence))) for sentence in content]
    return keys[:len(a)], keys[len(a):]


def _candidates(
    keys_a: list[str], keys_b: list[str], match: dict[int, tuple[int, float]], threshold: float,
) -> dict[tuple[int, int], float]:
    """The best few counterparts of each unpaired sentence, on either side, with their similarity."""
    taken_b = {j for j, _ in match.values()}
    open_a = {i: keys_a[i] for i in range(len(keys_a)) if i not in match and keys_a[i]}
    open_b = {j: keys_b[j] for j in range(len(keys_b)) if j not in taken_b and keys_b[j]}
    found: dict[tuple[int, int], float] = {}
    if not open_a or not open_b:
        return found
    cutoff = threshold * 100
    for i, key in open_a.items():
        for _, score, j in process.extract(key, open_b, scorer=fuzz.ratio, limit=_CANDIDATES, score_cutoff=cutoff):
            found[i, j] = round(score / 100, 3)
    for j, key in open_b.items():
        for _, score, i in process.extract(key, open_a, scorer=fuzz.ratio, limit=_CANDIDATES, score_cutoff=cutoff):
            found[i, j] = round(score / 100, 3)
    return found


def _pair_best_first(
    found: dict[tuple[int, int], float], match: dict[int, tuple[int, float]], size_a: int, size_b: int,
) -> bool:
    """Pair the best-scoring candidates first; False when nothing new was paired."""
    taken_b = {j for j, _ in match.values()}
    size_a, size_b = max(size_a, 1), max(size_b, 1)
    ranked = sorted(found.items(), key=lambda item: (-item[1], abs(item[0][0] / size_a - item[0][1] / size_b)))
    paired = False
    for (i, j), score in ranked:
        if i in match or j in taken_b:
            continue
        match[i] = (j, score)
        taken_b.add(j)
        paired = True
    return paired


def _give_way(scores: dict[tuple[int, int], float], match: dict[int, tuple[int, float]]) -> None:
    """Swap partners where two pairs score more than one: a sentence left alone takes over a
    counterpart whose present partner has another free counterpart."""
    by_b: dict[int, list[tuple[int, float]]] = defaultdict(list)
    by_a: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for (i, j), score in scores.items():
        by_b[j].append((i, score))
        by_a[i].append((j, score))
    for _ in range(_ROUNDS):
        changed = False
        a_of_b = {j: i for i, (j, _) in match.items()}
        for (i_new, j), score_new in sorted(scores.items(), key=lambda item: -item[1]):
            i_old = a_of_b.get(j)
            if i_new in match or i_old is None or match[i_old][1] >= 1.0:
                continue
            free = [(k, s) for k, s in by_a[i_old] if k not in a_of_b]
            moved = max(free, key=lambda item: item[1], default=(None, 0.0))
            if score_new + moved[1] > match[i_old][1] + 0.05:
                match[i_new] = (j, score_new)
                a_of_b[j] = i_new
                del match[i_old]
                if moved[0] is not None:
                    match[i_old] = (moved[0], moved[1])
                    a_of_b[moved[0]] = i_old
                changed = True
        if not changed:
            return


def _in_reading_order(size_a: int, size_b: int, match: dict[int, tuple[int, float]]) -> list[AlignedPair]:
    rows: list[tuple[tuple[float, int, int], AlignedPair]] = []
    a_of_b = {j: i for i, (j, _) in match.items()}
    for i in range(size_a):
        j, similarity = match.get(i, (None, 0.0))
        rows.append(((i, 0, 0), AlignedPair(i, j, similarity)))
    matched_b = sorted(a_of_b)
    for j in range(size_b):
        if j in a_of_b:
            continue
        rows.append(((_anchor(j, matched_b, a_of_b, size_a, size_b), 1, j), AlignedPair(None, j, 0.0)))
    rows.sort(key=lambda row: row[0])
    return [pair for _, pair in rows]


def _anchor(j: int, matched_b: list[int], a_of_b: dict[int, int], size_a: int, size_b: int) -> float:
    """Where in A's order a sentence only in B goes: after its predecessor's pair, else before its successor's."""
    place = bisect.bisect_left(matched_b, j)
    if place > 0:
        return a_of_b[matched_b[place - 1]] + 0.5
    if place < len(matched_b):
        return a_of_b[matched_b[place]] - 0.5
    return j * size_a / max(size_b, 1) - 0.5


def _plain(sentence: str) -> str:
    return " ".join(sentence.casefold().split())
