"""The comparison grid on screen: which opinions to compare, the table, and the message when one is missing.

The grid is built on a worker (its first build loads the drug dictionary),
which opens its own database from the data folder.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QStyledItemDelegate,
    QStyleOptionViewItem, QTableView, QVBoxLayout, QWidget,
)
from sqlite_utils import Database

from opinionkit.core.decide import grid as grids
from opinionkit.core.decide.grid import Grid
from opinionkit.core.domain import Case, Verdict
from opinionkit.core.errors import OpinionKitError
from opinionkit.core.services import opinions
from opinionkit.core.storage.database import open_database
from opinionkit.ui.decide.grid_model import GridModel, verdict_text
from opinionkit.ui.details import label
from opinionkit.ui.errors import show_error
from opinionkit.ui.style import set_role
from opinionkit.ui.tasks import Task

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("decide", text)


def build_grid(data_dir: Path, case_id: int, opinion_ids: Sequence[int] | None, *,
               progress: Callable[[int, int], None], cancel: threading.Event) -> Grid:
    """On the worker: the grid, read through a database of its own."""
    db = open_database(data_dir)
    try:
        return grids.grid(db, case_id, opinion_ids)
    finally:
        db.close()


class VerdictDelegate(QStyledItemDelegate):
    """A combo box of the three verdicts (and none) for the verdict column."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(_tr("Your verdict"))
        combo.addItem(_tr("(no verdict)"), "")
        for verdict in Verdict:
            combo.addItem(verdict_text(verdict), verdict.value)
        combo.activated.connect(lambda _n: self._chosen(combo))
        return combo

    def _chosen(self, combo: QComboBox) -> None:
        """A verdict picked is kept at once, and the cell is done."""
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class SafeEditsView(QTableView):
    """A table whose edits that the core refuses show the reason instead of raising into Qt."""

    def commitData(self, editor: QWidget) -> None:
        try:
            super().commitData(editor)
        except OpinionKitError as error:
            show_error(self, error)


class GridPanel(QWidget):
    """Choose two or three opinions, and see them side by side with verdicts and notes."""

    grid_ready = Signal(object)  # the Grid shown, once built
    go_to_opinions = Signal()

    def __init__(self, db: Database, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.data_dir = db, data_dir
        self.case: Case | None = None
        self.task: Task | None = None
        self.model = GridModel(db, self)

        self.choice_row = QHBoxLayout()
        self.choice_row.setSpacing(12)
        self.choice_label = QLabel(_tr("Compare:"))
        self.choices: list[QCheckBox] = []
        self.status = label("", "muted")
        self.message = label("", "warning")
        self.opinions_button = QPushButton(_tr("Go to Opinions"))
        self.opinions_button.setAccessibleName(_tr("Go to the Opinions tab to add an opinion"))
        self.opinions_button.clicked.connect(self.go_to_opinions)
        set_role(self.opinions_button, "primary")

        self.table = SafeEditsView()
        self.table.setObjectName("compareGrid")
        self.table.setAccessibleName(_tr("Comparison grid"))
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.verdicts = VerdictDelegate(self.table)
        self.model.modelReset.connect(self._fit)
        self.model.dataChanged.connect(lambda *_args: self.table.resizeRowsToContents())
        self.table.horizontalHeader().sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        choose = QHBoxLayout()
        choose.addWidget(self.choice_label)
        choose.addLayout(self.choice_row)
        choose.addStretch(1)
        layout.addLayout(choose)
        layout.addWidget(self.status)
        missing = QHBoxLayout()
        missing.addWidget(self.message, 1)
        missing.addWidget(self.opinions_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(missing)
        layout.addWidget(self.table, 1)
        self._show_message("")

    def show_case(self, case: Case) -> None:
        changed = self.case is None or self.case.id != case.id
        self.case = case
        self._fill_choices(reset=changed)
        self.reload()

    def selected_ids(self) -> list[int] | None:
        """The opinions ticked; None (the case's first three) when there are fewer than three to choose from."""
        if len(self.choices) < 3:
            return None
        ids = [box.property("opinion_id") for box in self.choices if box.isChecked()]
        return ids or None

    def reload(self) -> Task | None:
        """Build the grid again on the worker; returns the task (tests wait for it)."""
        if self.case is None:
            return None
        if self.task is not None:
            self.task.cancel()
        ids = self.selected_ids()
        if ids is not None and not 2 <= len(ids) <= 3:
            self.status.setText(_tr("Tick two or three opinions to compare."))
            return None
        self.status.setText(_tr("Setting the opinions side by side…"))
        task = Task(build_grid, self.data_dir, self.case.id, ids)
        task.finished.connect(lambda found, t=task: self._built(t, found))
        task.failed.connect(lambda error, t=task: self._failed(t, error))
        self.task = task
        return task.start()

    def _built(self, task: Task, found: Grid) -> None:
        if task is not self.task:
            return  # an older build, overtaken by a newer choice
        self.task = None
        self.status.setText("")
        self._show_message(_tr(found.message))
        self.model.load(found)
        self.table.setVisible(found.comparable)
        self.grid_ready.emit(found)

    def _failed(self, task: Task, error: Exception) -> None:
        if task is not self.task:
            return
        self.task = None
        self.status.setText(_tr("The grid could not be built."))
        if isinstance(error, OpinionKitError):
            show_error(self, error)
        else:
            raise error

    def _fill_choices(self, *, reset: bool) -> None:
        assert self.case is not None and self.case.id is not None
        found = opinions.list_for_case(self.db, self.case.id)
        before = {box.property("opinion_id"): box.isChecked() for box in self.choices}
        for box in self.choices:
            box.hide()
            box.deleteLater()
        self.choices = []
        for number, opinion in enumerate(found):
            box = QCheckBox(opinions.label(self.db, opinion))
            box.setProperty("opinion_id", opinion.id)
            box.setChecked(before.get(opinion.id, number < 3) if not reset else number < 3)
            box.setAccessibleName(_tr("Compare this opinion"))
            box.toggled.connect(lambda _on: self.reload())
            self.choice_row.addWidget(box)
            self.choices.append(box)
        several = len(found) > 2  # with two there is nothing to choose
        self.choice_label.setVisible(several)
        for box in self.choices:
            box.setVisible(several)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.opinions_button.setVisible(bool(text))
        self.status.setVisible(not text and bool(self.status.text()))

    def _fit(self) -> None:
        header = self.table.horizontalHeader()
        model = self.model
        if not model.columnCount():
            return
        self.table.setItemDelegateForColumn(model.verdict_column, self.verdicts)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        scroll_bar = self.table.style().pixelMetric(self.table.style().PixelMetric.PM_ScrollBarExtent)
        available = max(self.table.width() - scroll_bar - 4, 700)
        topic, verdict, note = 105, 115, 150
        header.resizeSection(0, topic)
        header.resizeSection(model.verdict_column, verdict)
        header.resizeSection(model.note_column, note)
        # The key terms get a third more than a doctor's column: they name both sides.
        share = int((available - topic - verdict - note) / (model.doctor_count + 1.35))
        for column in range(1, model.terms_column):
            header.resizeSection(column, share)
        header.resizeSection(model.terms_column, available - topic - verdict - note - share * model.doctor_count)
        self.table.resizeRowsToContents()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit()
