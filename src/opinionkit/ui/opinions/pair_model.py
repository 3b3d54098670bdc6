"""The aligned sentences of two letters as a table: letter A's sentence, how alike, letter B's.

Each row is one pair, so the two letters line up row by row; a sentence with no
counterpart faces an empty cell. The letter cells carry their sentence as rich
text (HTML_ROLE) with the words the other letter lacks marked, and the words of
a chosen key term marked too.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt,
)

from opinionkit.core.compare import Change, Comparison, DiffSpan, KeyTerm, SentencePair
from opinionkit.core.compare.worddiff import side

LETTER_A, ALIKE, LETTER_B = range(3)
COLUMN_COUNT = 3
#: The letter cell's sentence as rich text, differences and the chosen term marked.
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
#: "same", "changed", "only in A" or "only in B".
STATE_ROLE = Qt.ItemDataRole.UserRole + 2
#: 0..1: the share of words the two sentences have in common.
SIMILARITY_ROLE = Qt.ItemDataRole.UserRole + 3
#: True on the rows holding the chosen key term.
TERM_ROW_ROLE = Qt.ItemDataRole.UserRole + 4

SAME, CHANGED, ONLY_A, ONLY_B = "same", "changed", "only in A", "only in B"

#: Words only one letter has: that letter's tint, and bold and underlined, so colour is not the only cue.
OWN_WORDS = {
    "a": "background-color:#fbe3cf; color:#74350a; font-weight:600; text-decoration:underline;",
    "b": "background-color:#d3e9f5; color:#16466a; font-weight:600; text-decoration:underline;",
}
#: The chosen key term, as a highlighter would mark it.
TERM_WORDS = "background-color:#ffe38a;"

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("opinions", text)


def sentence_html(pair: SentencePair, letter: str, forms: list[str] | None = None) -> str:
    """One side of a pair as rich text: its own words marked, and ``forms`` (a term) highlighted."""
    text = pair.a if letter == "a" else pair.b
    if text is None:
        return ""
    spans = side(pair.diff, letter) if pair.diff else [DiffSpan(Change.EQUAL, text)]
    pattern = _forms_pattern(forms or [])
    html = []
    for span in spans:
        if span.change is Change.EQUAL:
            html.append(_highlighted(span.text, pattern))
            continue
        # The spaces around a changed run stay unmarked: the underline starts and ends with the words.
        words = span.text.strip()
        start = span.text.index(words[0]) if words else len(span.text)
        before, after = span.text[:start], span.text[start + len(words):]
        marked = f'<span style="{OWN_WORDS[letter]}">{_highlighted(words, pattern)}</span>' if words else ""
        html.append(escape(before) + marked + escape(after))
    return "".join(html)


def own_words(pair: SentencePair, letter: str) -> list[str]:
    """The words of one side that the other side does not have."""
    own = Change.DELETE if letter == "a" else Change.INSERT
    return [span.text.strip() for span in pair.diff if span.change is own and span.text.strip()]


def _forms_pattern(forms: list[str]) -> re.Pattern[str] | None:
    forms = sorted({f for f in forms if f.strip()}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)", re.IGNORECASE)


def _highlighted(text: str, pattern: re.Pattern[str] | None) -> str:
    if pattern is None:
        return escape(text)
    html, last = [], 0
    for match in pattern.finditer(text):
        html.append(escape(text[last:match.start()]))
        html.append(f'<span style="{TERM_WORDS}">{escape(match.group())}</span>')
        last = match.end()
    html.append(escape(text[last:]))
    return "".join(html)


class PairTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self._pairs: list[SentencePair] = []
        self._labels = ("", "")
        self._term: KeyTerm | None = None
        self._term_rows: set[int] = set()
        self._html: dict[tuple[int, int], str] = {}

    def set_comparison(self, comparison: Comparison | None, a_label: str = "", b_label: str = "") -> None:
        self.beginResetModel()
        self.comparison = comparison
        self._pairs = list(comparison.pairs) if comparison is not None else []
        self._labels = (a_label, b_label)
        self._term, self._term_rows = None, set()
        self._html.clear()
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)

    def pair_at(self, row: int) -> SentencePair:
        return self._pairs[row]

    def state_at(self, row: int) -> str:
        return self._pairs[row].state

    def rows_of_term(self, term: KeyTerm) -> list[int]:
        """The rows holding a sentence of either letter that names ``term``."""
        in_a, in_b = set(term.a_sentences), set(term.b_sentences)
        return [row for row, pair in enumerate(self._pairs)
                if (pair.a_index is not None and pair.a_index in in_a)
                or (pair.b_index is not None and pair.b_index in in_b)]

    def mark_term(self, term: KeyTerm | None) -> list[int]:
        """Highlight ``term`` (None: no term) in its sentences; returns their rows."""
        self._term = term
        self._term_rows = set(self.rows_of_term(term)) if term is not None else set()
        self._html.clear()
        if self._pairs:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._pairs) - 1, COLUMN_COUNT - 1))
        return sorted(self._term_rows)

    # The model -------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._pairs)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == ALIKE:
                return _tr("Alike")
            letter, name = (_tr("Letter A"), self._labels[0]) if section == LETTER_A else (_tr("Letter B"), self._labels[1])
            return f"{letter} · {name}" if name else letter
        if role == Qt.ItemDataRole.ToolTipRole and section == ALIKE:
            return _tr("How many of their words the two sentences share")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._pairs):
            return None
        pair, row, column = self._pairs[index.row()], index.row(), index.column()
        if role == STATE_ROLE:
            return pair.state
        if role == SIMILARITY_ROLE:
            return pair.similarity
        if role == TERM_ROW_ROLE:
            return row in self._term_rows
        if column == ALIKE:
            return self._alike(pair, role)
        letter = "a" if column == LETTER_A else "b"
        text = pair.a if letter == "a" else pair.b
        if role == Qt.ItemDataRole.DisplayRole:
            return text or ""
        if role == HTML_ROLE:
            key = (row, column)
            if key not in self._html:
                forms = None
                if self._term is not None and row in self._term_rows:
                    forms = self._term.a_forms if letter == "a" else self._term.b_forms
                self._html[key] = sentence_html(pair, letter, forms)
            return self._html[key]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(pair, letter)
        return None

    def _alike(self, pair: SentencePair, role: int) -> Any:
        both = pair.a is not None and pair.b is not None
        if role == Qt.ItemDataRole.DisplayRole:
            if not both:
                return ""
            return _tr("Same") if pair.state == SAME else f"{round(pair.similarity * 100)}%"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if pair.state == SAME:
                return _tr("The same sentence in both letters")
            if pair.state == ONLY_A:
                return _tr("Only letter A says this")
            if pair.state == ONLY_B:
                return _tr("Only letter B says this")
            return _tr("Worded differently: {percent}% of the words in common").format(
                percent=round(pair.similarity * 100))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _spoken(self, pair: SentencePair, letter: str) -> str:
        text = pair.a if letter == "a" else pair.b
        if text is None:
            return _tr("Not in this letter")
        words = own_words(pair, letter)
        if pair.state == CHANGED and words:
            return _tr("{sentence} (not in the other letter: {words})").format(sentence=text, words=", ".join(words))
        return text


class DifferencesFilter(QSortFilterProxyModel):
    """Every pair, or with ``only_differences`` the pairs that are not the same in both letters."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._only_differences = False

    @property
    def only_differences(self) -> bool:
        return self._only_differences

    def set_only_differences(self, on: bool) -> None:
        if on != self._only_differences:
            self.beginFilterChange()
            self._only_differences = on
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._only_differences:
            return True
        return self.sourceModel().index(source_row, 0, source_parent).data(STATE_ROLE) != SAME
