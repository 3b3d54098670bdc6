"""The "Opinions" section: each doctor's opinion of the case, and their letters side by side.

Two tabs: the list of opinions (added, changed and deleted here, deletion
undoable with Ctrl+Z), with the chosen one shown under it; and the letters of
two of them side by side with their key terms.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QScrollArea, QStackedWidget, QTableView,
    QTabWidget, QVBoxLayout, QWidget,
)

from opinionkit.core.domain import Case, Opinion
from opinionkit.core.errors import OpinionKitError
from opinionkit.core.services import opinions
from opinionkit.ui.row_keys import RowDeleteKey
from opinionkit.ui.details import Card, label
from opinionkit.ui.errors import show_error, show_status
from opinionkit.ui.opinions.letters_panel import LettersPanel
from opinionkit.ui.opinions.opinion_model import DATE, DOCTOR, HOW_GIVEN, ROW_ID_ROLE, SPECIALTY, TREATMENT, OpinionTableModel
from opinionkit.ui.opinions.opinion_summary import OpinionSummary
from opinionkit.ui.style import set_role
from opinionkit.ui.undo import TrashCommand

if TYPE_CHECKING:
    from sqlite_utils import Database

    from opinionkit.ui.sections import SectionHost

ROW_HEIGHT = 36
#: Rows the list shows before it scrolls.
SHOWN_ROWS = 5
LIST_TAB, LETTERS_TAB = 0, 1

# One level below the page's own tabs: quiet pills, as in the health background.
_INNER_TABS = """
QTabWidget::pane { border: none; }
QTabBar::tab {
    background: transparent; color: #44525f; border: 1px solid transparent; border-radius: 12px;
    padding: 4px 11px; margin: 0px 4px 0px 0px;
}
QTabBar::tab:hover { background: #e9eef3; color: #1d2935; }
QTabBar::tab:selected { background: #d8e8f0; color: #123547; border-color: #b9d3e0; }
QTabBar::tab:focus { border-color: #2b6a8a; }
"""


def _tr(text: str) -> str:
    return QCoreApplication.translate("opinions", text)


class OpinionsSection(QWidget):
    def __init__(self, host: SectionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.case: Case | None = None
        self.model = OpinionTableModel(host.db, self)
        self.letters = LettersPanel(host.db)
        self.letters.add_requested.connect(self.add_opinion)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("opinionTabs")
        self.tabs.setAccessibleName(_tr("Opinions and letters"))
        self.tabs.setDocumentMode(True)
        self.tabs.setStyleSheet(_INNER_TABS)
        self.tabs.tabBar().setDrawBase(False)
        self.tabs.addTab(self._build_list_tab(), _tr("The opinions"))
        self.tabs.addTab(self._padded(self.letters), _tr("Letters side by side"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 8)
        layout.addWidget(self.tabs)
        self._update_buttons()

    @property
    def db(self) -> Database:
        return self._host.db

    # Building --------------------------------------------------------------------------------

    @staticmethod
    def _padded(widget: QWidget) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 10, 0, 0)
        box.addWidget(widget)
        return holder

    def _build_list_tab(self) -> QWidget:
        self.summary = label("", "card-title", wrap=False)
        self.summary.setObjectName("opinionsSummary")
        self.summary.setAccessibleName(_tr("Opinions summary"))
        self.add_button = set_role(QPushButton(_tr("Add opinion…")), "primary")
        self.add_button.setAccessibleName(_tr("Add opinion"))
        self.add_button.setToolTip(_tr("Record a doctor's opinion with their letter"))
        self.add_button.clicked.connect(self.add_opinion)
        header = QHBoxLayout()
        header.setSpacing(8)
        header.addWidget(self.summary)
        header.addStretch(1)
        header.addWidget(self.add_button)

        self.table = self._build_table()
        self.details = OpinionSummary()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        holder.setObjectName("scrollContent")
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.details)
        column.addStretch(1)  # room left over goes below the card, not between its rows
        scroll.setWidget(holder)
        self.details_scroll = scroll
        self.listing = QWidget()
        listing = QVBoxLayout(self.listing)
        listing.setContentsMargins(0, 0, 0, 0)
        listing.setSpacing(10)
        listing.addWidget(self.table)
        listing.addWidget(scroll, 1)
        self.empty_card = self._build_empty_state()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.listing)
        self.pages.addWidget(self.empty_card)

        self.edit_button = QPushButton(_tr("Open…"))
        self.edit_button.setToolTip(_tr("See and change every detail and the letter (Enter)"))
        self.edit_button.clicked.connect(self.edit_opinion)
        self.delete_button = set_role(QPushButton(_tr("Delete")), "danger")
        self.delete_button.setToolTip(_tr("Move the opinion to the trash; Ctrl+Z brings it back (Delete)"))
        self.delete_button.clicked.connect(self.delete_opinion)
        self.compare_button = QPushButton(_tr("See the letters side by side"))
        self.compare_button.setToolTip(_tr("Compare this opinion's letter with another's"))
        self.compare_button.clicked.connect(self.compare_selected)
        self.item_bar = QWidget()
        row = QHBoxLayout(self.item_bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        for button in (self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.compare_button)

        tab = QWidget()
        column = QVBoxLayout(tab)
        column.setContentsMargins(0, 12, 0, 0)
        column.setSpacing(8)
        column.addLayout(header)
        column.addWidget(self.pages, 1)
        column.addWidget(self.item_bar)
        return tab

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("opinionsTable")
        table.setAccessibleName(_tr("Opinions"))
        table.setAccessibleDescription(_tr("Enter opens the selected opinion, Delete moves it to the trash."))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = table.fontMetrics()
        for column, sample in ((DOCTOR, "Dr. Priya Nandakumar"), (SPECIALTY, "Orthopaedic spine surgery"),
                               (DATE, "30 September 2026"), (HOW_GIVEN, "Remote record review")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 28)
        header.setSectionResizeMode(TREATMENT, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(lambda _index: self.edit_opinion())
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        RowDeleteKey(table, self.delete_opinion)
        return table

    def _build_empty_state(self) -> QWidget:
        card = Card(_tr("The doctors' opinions"))
        card.body.addWidget(label(_tr(
            "Record each doctor's opinion as it comes: the diagnosis, what they recommend and why, the "
            "risks, the urgency, and their letter. With two letters here, OpinionKit shows where they "
            "agree, where they differ, and what one says that the other does not."), "field-value"))
        start = set_role(QPushButton(_tr("Add the first opinion…")), "primary")
        start.clicked.connect(self.add_opinion)
        card.body.addWidget(start, 0, Qt.AlignmentFlag.AlignLeft)
        card.setMaximumWidth(680)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 8, 0, 0)
        box.addWidget(card)
        box.addStretch(1)
        return holder

    # Showing ---------------------------------------------------------------------------------

    def show_case(self, case: Case) -> None:
        changed_case = self.case is None or self.case.id != case.id
        self.case = case
        self.model.load(case.id)
        self._after_reload(None if changed_case else self.selected_opinion_id())

    def reload(self, select: int | None = None) -> None:
        keep = select if select is not None else self.selected_opinion_id()
        self.model.reload()
        self._after_reload(keep)

    def _after_reload(self, select: int | None) -> None:
        count = self.model.rowCount()
        self.summary.setText(_tr("No opinions yet") if not count else _tr("1 opinion") if count == 1
                             else _tr("{count} opinions").format(count=count))
        self.pages.setCurrentWidget(self.listing if count else self.empty_card)
        self._fit_table(count)
        self.item_bar.setVisible(bool(count))
        self.select_opinion(select if self.model.row_of(select) is not None else
                            (self.model.opinion_at(0).id if count else None))
        self.letters.set_opinions(self.model.rows, self.model.provider_names)
        self._update_buttons()

    def _fit_table(self, count: int) -> None:
        """As tall as its rows, up to SHOWN_ROWS: the chosen opinion gets the room below."""
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + frame
                                  + ROW_HEIGHT * max(1, min(count, SHOWN_ROWS)))

    def show_letters(self) -> None:
        self.tabs.setCurrentIndex(LETTERS_TAB)

    def compare_selected(self) -> None:
        """The letters side by side, the chosen opinion's as letter A."""
        opinion_id = self.selected_opinion_id()
        self.show_letters()
        if opinion_id is not None:
            self.letters.compare_with_another(opinion_id)

    # Selection -------------------------------------------------------------------------------

    def selected_opinion_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), index.parent()):
            return None
        return index.data(ROW_ID_ROLE)

    def selected_opinion(self) -> Opinion | None:
        row = self.model.row_of(self.selected_opinion_id())
        return None if row is None else self.model.opinion_at(row)

    def select_opinion(self, opinion_id: int | None) -> None:
        row = self.model.row_of(opinion_id)
        if row is None:
            self.table.clearSelection()
            return
        index = self.model.index(row, DOCTOR)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _update_buttons(self, *_: object) -> None:
        opinion = self.selected_opinion()
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(opinion is not None)
        self.compare_button.setEnabled(self.model.rowCount() >= 2)
        self.details.setVisible(opinion is not None)
        if opinion is not None:
            self.details.show_opinion(opinion, self.model.name_of(opinion))

    # Changing --------------------------------------------------------------------------------

    def add_opinion(self) -> None:
        if self.case is not None:
            self._open(None)

    def edit_opinion(self) -> None:
        opinion_id = self.selected_opinion_id()
        if opinion_id is not None:
            self._open(opinion_id)

    def _open(self, opinion_id: int | None) -> None:
        from opinionkit.ui.opinions.opinion_dialog import OpinionDialog  # loaded when a form is first opened

        assert self.case is not None
        try:
            dialog = OpinionDialog(self.db, self.case.id or 0, opinion_id, parent=self.window())
        except OpinionKitError as error:
            show_error(self.window(), error)
            self.reload()
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.reload(select=dialog.saved.id if dialog.saved else opinion_id))
        dialog.rejected.connect(lambda: self.reload(select=opinion_id))  # a doctor may have been added from it
        dialog.open()

    def delete_opinion(self) -> None:
        opinion = self.selected_opinion()
        if opinion is None or opinion.id is None:
            return
        name = opinions.label(self.db, opinion)
        self._host.undo_stack.push(TrashCommand(
            self.db, "opinions", opinion.id, "opinion", name,
            lambda _table, opinion_id, present: self._follow(opinion_id if present else None),
            self._report,
        ))
        self._say(_tr("Moved “{opinion}” to the trash. Ctrl+Z brings it back.").format(opinion=name))

    def _follow(self, opinion_id: int | None) -> None:
        """Show the changed opinion: here, or in its own case when undo reached back to another case."""
        self.reload(select=opinion_id)
        if opinion_id is None or self.model.row_of(opinion_id) is not None:
            return
        try:
            case_id = opinions.get(self.db, opinion_id).case_id
        except OpinionKitError:
            return
        show_case = getattr(self._host.window, "show_case", None)
        if callable(show_case):
            show_case(case_id, section="opinions")
            self.select_opinion(opinion_id)

    # Keys and messages -----------------------------------------------------------------------


    def _say(self, message: str) -> None:
        show_status(self._host.window, message)

    def _report(self, error: OpinionKitError | sqlite3.DatabaseError) -> None:
        if not isinstance(error, OpinionKitError):
            error = OpinionKitError(_tr(
                "This could not be done because the opinion changed in the meantime. Nothing was changed."))
        show_error(self.window(), error)
        self.reload()
