"""Comparing two letters: the aligned sentence pairs with their word differences, and the key terms.

``compare_letters`` is what the window, the command line and the tests call.
Everything it returns is plain dataclasses of strings, numbers, lists and
str-valued enums, so ``as_dict`` goes straight to JSON.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from opinionkit.core.compare import align, mentions, sentences, terms, worddiff
from opinionkit.core.compare.stance import Stance
from opinionkit.core.compare.terms import KeyTerm
from opinionkit.core.compare.worddiff import Change, DiffSpan
from opinionkit.core.errors import Cancelled

#: Called with (steps done, steps in all).
Progress = Callable[[int, int], None]
#: Asked between steps; True stops the comparison with Cancelled.
CancelCheck = Callable[[], bool]


@dataclass
class SentencePair:
    """A sentence of letter A facing its counterpart in letter B; None on the side of a gap."""

    a: str | None
    b: str | None
    a_index: int | None
    b_index: int | None
    similarity: float  # 0..1: share of content words in common; 1.0 for the same sentence
    diff: list[DiffSpan] = field(default_factory=list)  # word by word, when both sides are there

    @property
    def identical(self) -> bool:
        return self.a is not None and self.a == self.b

    @property
    def state(self) -> str:
        """"same", "changed", "only in A" or "only in B"."""
        if self.b is None:
            return "only in A"
        if self.a is None:
            return "only in B"
        return "same" if all(span.change is Change.EQUAL for span in self.diff) else "changed"


@dataclass
class Comparison:
    a_sentences: list[str]
    b_sentences: list[str]
    pairs: list[SentencePair]
    terms: list[KeyTerm]
    #: A sentence to show above everything when the letters are empty or identical; else "".
    message: str = ""

    @property
    def identical(self) -> bool:
        return bool(self.a_sentences) and self.a_sentences == self.b_sentences

    @property
    def empty(self) -> bool:
        return not self.a_sentences or not self.b_sentences

    def counts(self) -> dict[str, int]:
        """How many pairs are the same, changed, only in A and only in B."""
        found = {"same": 0, "changed": 0, "only in A": 0, "only in B": 0}
        for pair in self.pairs:
            found[pair.state] += 1
        return found

    def summary(self) -> str:
        """One line saying how the letters compare."""
        if self.message:
            return self.message
        counts = self.counts()
        differing = sum(1 for t in self.terms if not t.agrees)
        return (f"{counts['same']} sentences the same, {counts['changed']} worded differently, "
                f"{counts['only in A']} only in letter A, {counts['only in B']} only in letter B; "
                f"{len(self.terms)} key terms, {differing} of them not the same in both.")

    def to_json(self) -> dict[str, Any]:
        """The pairs and terms as ``opinionkit compare --json`` prints them."""
        return {
            "pairs": [{"a": p.a, "b": p.b, "similarity": p.similarity} for p in self.pairs],
            "terms": [
                {"term": t.term, "kind": t.kind.value, "in_a": t.in_a, "in_b": t.in_b, "a_value": t.a_value,
                 "b_value": t.b_value, "stance_a": _value(t.stance_a), "stance_b": _value(t.stance_b)}
                for t in self.terms
            ],
        }

    def as_dict(self) -> dict[str, Any]:
        """Everything, word differences, sentence links and forms included."""
        return {**dataclasses.asdict(self), "identical": self.identical, "summary": self.summary()}


def compare_letters(
    a_text: str, b_text: str, *, progress: Progress | None = None, cancelled: CancelCheck | None = None,
) -> Comparison:
    """Compare two letters. ``progress(done, total)`` and ``cancelled()`` let a worker thread run it."""
    steps = 5
    _step(progress, cancelled, 0, steps)
    a_sentences, b_sentences = sentences.split_sentences(a_text), sentences.split_sentences(b_text)
    _step(progress, cancelled, 1, steps)
    aligned = align.align(a_sentences, b_sentences)
    _step(progress, cancelled, 2, steps)
    pairs = [_pair(p, a_sentences, b_sentences) for p in aligned]
    _step(progress, cancelled, 3, steps)
    found_a, found_b = _mentions(a_sentences), _mentions(b_sentences)
    _step(progress, cancelled, 4, steps)
    comparison = Comparison(a_sentences, b_sentences, pairs, terms.key_terms(found_a, found_b))
    comparison.message = _message(comparison)
    _step(progress, cancelled, steps, steps)
    return comparison


def _mentions(letter: list[str]) -> list[mentions.Mention]:
    """The terms a letter names, up to its signature; items under "Recommendations" are recommended."""
    plan = sentences.in_plan(letter)
    return [
        mention
        for index, sentence in enumerate(letter[:sentences.signature_start(letter)])
        for mention in mentions.find(sentence, index, Stance.RECOMMENDED if plan[index] else Stance.MENTIONED)
    ]


def _pair(aligned: align.AlignedPair, a: list[str], b: list[str]) -> SentencePair:
    a_text = a[aligned.a] if aligned.a is not None else None
    b_text = b[aligned.b] if aligned.b is not None else None
    diff = worddiff.word_diff(a_text, b_text) if a_text is not None and b_text is not None else []
    return SentencePair(a_text, b_text, aligned.a, aligned.b, aligned.similarity, diff)


def _message(comparison: Comparison) -> str:
    if not comparison.a_sentences and not comparison.b_sentences:
        return "Both letters are empty: type or paste the text of each letter to compare them."
    if not comparison.a_sentences:
        return "Letter A is empty: type or paste its text to compare the letters."
    if not comparison.b_sentences:
        return "Letter B is empty: type or paste its text to compare the letters."
    if comparison.identical:
        return "No differences: the two letters say the same, word for word."
    return ""


def _step(progress: Progress | None, cancelled: CancelCheck | None, done: int, total: int) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled("The comparison")
    if progress is not None:
        progress(done, total)


def _value(stance: Any) -> str | None:
    return None if stance is None else str(stance.value)
