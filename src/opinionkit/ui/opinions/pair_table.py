"""The table of aligned pairs: one row per pair, each as tall as the longer of its two sentences.

Row heights are worked out here, once per row and column width, straight from
the pairs: Qt asks for them several times per layout, and a long letter has
hundreds of rows. Marking a key term only changes colours, never heights.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from opinionkit.ui.opinions.pair_delegate import PAD_Y, PairDelegate
from opinionkit.ui.opinions.pair_model import ALIKE, LETTER_A, LETTER_B, DifferencesFilter, sentence_html

ALIKE_WIDTH = 66


def _tr(text: str) -> str:
    return QCoreApplication.translate("opinions", text)


class PairTable(QTableView):
    def __init__(self, model: DifferencesFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filter = model
        self._heights: dict[tuple[int, int, int], int] = {}  # (pair, width A, width B) -> row height
        self.delegate = PairDelegate(self)
        self.setObjectName("letterPairs")
        self.setAccessibleName(_tr("The letters side by side"))
        self.setAccessibleDescription(_tr(
            "Each row is a sentence of letter A beside its counterpart in letter B. Up and Down move "
            "through the pairs; marked words are not in the other letter."))
        self.setModel(model)
        self.setItemDelegate(self.delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the letters for the key terms
        self.setWordWrap(True)
        self.setShowGrid(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(LETTER_A, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ALIKE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(LETTER_B, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(ALIKE, ALIKE_WIDTH)
        model.sourceModel().modelReset.connect(self._heights.clear)

    def sizeHintForRow(self, row: int) -> int:
        source = self._filter.mapToSource(self._filter.index(row, LETTER_A, QModelIndex())).row()
        if source < 0:
            return super().sizeHintForRow(row)
        widths = (self.columnWidth(LETTER_A), self.columnWidth(LETTER_B))
        key = (source, *widths)
        height = self._heights.get(key)
        if height is None:
            pair = self._filter.sourceModel().pair_at(source)
            font, line = self.font(), self.fontMetrics().height()
            height = max(line + 2 * PAD_Y, self.delegate.meter_height(self.fontMetrics()))
            font_key = font.key()
            for letter, width in zip("ab", widths, strict=True):
                html = sentence_html(pair, letter)
                if html:
                    height = max(height, self.delegate.text_height(html, width, font, font_key) + 2 * PAD_Y)
            self._heights[key] = height
        return height
