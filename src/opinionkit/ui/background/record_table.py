"""A read-only, sortable table of records: whole rows chosen, columns sized from the model's specs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from opinionkit.ui.background.table_model import HistorySortProxy, RecordTableModel

#: Columns that share the width left are kept at least this many characters wide.
SHARED_MINIMUM = 18


class RecordTable(QTableView):
    """Columns with a width in their spec keep it, and the others share what is left; in a narrow
    window the fixed ones give way first (down to their titles), so names stay readable."""

    def __init__(self, model: RecordTableModel, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.proxy = HistorySortProxy(self)
        self.proxy.setSourceModel(model)
        self.setModel(self.proxy)
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the core's order until asked
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in every other field
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(34)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        character = self.fontMetrics().averageCharWidth()
        bold = QFont(header.font())
        bold.setWeight(QFont.Weight.DemiBold)  # as the style sheet draws headers
        title_width = QFontMetrics(bold).horizontalAdvance
        self._shared_minimum = SHARED_MINIMUM * character
        self._fixed: dict[int, tuple[int, int]] = {}  # column -> (width wanted, narrowest: its title)
        for column, spec in enumerate(model.columns):
            if spec.width is None:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                title = title_width(spec.title) + 40  # the title and the sort arrow
                self._fixed[column] = (max(spec.width * character + 24, title), title)
                header.resizeSection(column, self._fixed[column][0])

    def resizeEvent(self, event: QResizeEvent) -> None:
        wanted = sum(width for width, _title in self._fixed.values())
        shared = self.proxy.columnCount() - len(self._fixed)
        room = event.size().width() - 24 - shared * self._shared_minimum  # 24: frame and scroll bar
        scale = 1.0 if not wanted or room >= wanted else max(0.0, room / wanted)
        for column, (width, title) in self._fixed.items():
            self.horizontalHeader().resizeSection(column, max(title, int(width * scale)))
        super().resizeEvent(event)
