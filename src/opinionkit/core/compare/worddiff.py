"""What changed inside a pair of sentences, word by word, with Google's diff-match-patch.

diff-match-patch diffs characters; to diff words instead, each distinct word
(and each run of spaces, each punctuation mark) becomes one character, the two
strings of such characters are diffed, and the characters are turned back into
words: the same trick as its own ``diff_linesToChars`` for lines. "300 mg"
against "600 mg" then reads as one changed number, not as a changed digit.

The diff is tidied with ``diff_cleanupEfficiency`` at an edit cost of three
words: a lone space between two changes joins them, while a word both
sentences share ("levetiracetam" between two changed doses) stays unmarked.
``diff_cleanupSemantic``, made for characters, swallowed such words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from diff_match_patch import diff_match_patch

from opinionkit.core.compare.words import CJK

_PIECE = re.compile(rf"\s+|[{CJK}]|\d+(?:[.,]\d+)*|[^\W_{CJK}]+(?:['’\-][^\W_{CJK}]+)*|.", re.S)
# Characters standing for words: supplementary private use planes, never in a letter's text.
_FIRST_STAND_IN = 0xF0000
_EDIT_COST = 3
_OPS = {diff_match_patch.DIFF_EQUAL: "equal", diff_match_patch.DIFF_DELETE: "delete",
        diff_match_patch.DIFF_INSERT: "insert"}


class Change(StrEnum):
    EQUAL = "equal"  # in both sentences
    DELETE = "delete"  # only in letter A's sentence
    INSERT = "insert"  # only in letter B's sentence


@dataclass(frozen=True)
class DiffSpan:
    change: Change
    text: str


def word_diff(a: str, b: str) -> list[DiffSpan]:
    """The words of ``a`` and ``b`` as equal, deleted (only in a) and inserted (only in b) runs."""
    if a == b:
        return [DiffSpan(Change.EQUAL, a)] if a else []
    stand_ins: dict[str, str] = {}
    pieces: list[str] = []

    def encode(text: str) -> str:
        encoded = []
        for piece in _PIECE.findall(text):
            char = stand_ins.get(piece)
            if char is None:
                char = stand_ins[piece] = chr(_FIRST_STAND_IN + len(pieces))
                pieces.append(piece)
            encoded.append(char)
        return "".join(encoded)

    engine = diff_match_patch()
    engine.Diff_EditCost = _EDIT_COST
    diffs = engine.diff_main(encode(a), encode(b), False)
    engine.diff_cleanupEfficiency(diffs)
    spans: list[DiffSpan] = []
    for op, chars in diffs:
        text = "".join(pieces[ord(c) - _FIRST_STAND_IN] for c in chars)
        change = Change(_OPS[op])
        if spans and spans[-1].change is change:
            spans[-1] = DiffSpan(change, spans[-1].text + text)
        elif text:
            spans.append(DiffSpan(change, text))
    return spans


def side(spans: list[DiffSpan], letter: str) -> list[DiffSpan]:
    """The spans one letter's pane shows: equal runs and its own changes ("a": deletes, "b": inserts)."""
    own = Change.DELETE if letter == "a" else Change.INSERT
    return [span for span in spans if span.change in (Change.EQUAL, own)]
