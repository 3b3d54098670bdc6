"""The provider directory: a sortable, filterable table with the selected entry's details below."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from opinionkit.ui.details import Card, FieldGrid, PageHeader
from opinionkit.ui.provider_model import (
    EMAIL, FAX, INSTITUTION, KIND, NAME, PHONE, ROW_ID_ROLE, SPECIALTY, ProviderTableModel,
)
from opinionkit.ui.style import set_role


def _tr(text: str) -> str:
    return QCoreApplication.translate("providers_page", text)


class ProvidersPage(QWidget):
    add_requested = Signal()
    edit_requested = Signal()
    delete_requested = Signal()

    def __init__(self, model: ProviderTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.setAccessibleName(_tr("Provider directory"))
        self.model = model

        header = PageHeader()
        header.title.setText(_tr("Provider directory"))
        header.subtitle.setText(_tr(
            "Doctors, clinics, labs, imaging centres, hospitals and insurers, shared by everyone you look after."
        ))
        self.add_button = header.add_button(QPushButton(_tr("Add provider…")))
        self.edit_button = header.add_button(QPushButton(_tr("Edit…")))
        self.delete_button = header.add_button(set_role(QPushButton(_tr("Delete…")), "danger"))
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(self.edit_requested)
        self.delete_button.clicked.connect(self.delete_requested)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_tr("Find by name, kind, specialty or institution"))
        self.filter.setAccessibleName(_tr("Find a provider"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMinimumWidth(380)

        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = QTableView()
        self.table.setObjectName("providerTable")
        self.table.setAccessibleName(_tr("Providers"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)
        header_view = self.table.horizontalHeader()
        header_view.setHighlightSections(False)
        header_view.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Names and places share the width; kinds and numbers keep theirs, so nothing scrolls sideways.
        for column in (NAME, SPECIALTY, INSTITUTION):
            header_view.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (KIND, PHONE, FAX):
            header_view.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnHidden(EMAIL, True)  # shown in the details below the table
        self.table.doubleClicked.connect(self.edit_requested)
        self.table.selectionModel().currentRowChanged.connect(self._show_selected)
        model.modelReset.connect(self._show_selected)

        self.details = FieldGrid()
        self.details_card = Card(_tr("Selected provider"))
        self.details_card.body.addWidget(self.details)

        search_row = QHBoxLayout()
        search_row.addWidget(self.filter)
        search_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 26, 32, 24)
        layout.setSpacing(16)
        layout.addWidget(header)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details_card)
        self._show_selected()

    def selected_provider_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), index.parent()):
            return None
        return index.data(ROW_ID_ROLE)

    def select_provider(self, provider_id: int | None) -> None:
        if provider_id is None:
            return
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, NAME)
            if index.data(ROW_ID_ROLE) == provider_id:
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                self.table.scrollTo(index)
                return

    def _show_selected(self, *_: object) -> None:
        provider_id = self.selected_provider_id()
        row = None if provider_id is None else self.model.row_of(provider_id)
        has_row = row is not None
        self.edit_button.setEnabled(has_row)
        self.delete_button.setEnabled(has_row)
        if row is None:
            self.details_card.title.setText(_tr("Selected provider"))
            self.details.set_rows([(_tr("Nothing selected"), _tr("Choose a row above to see its address and notes."))])
            return
        provider = self.model.provider_at(row)
        self.details_card.title.setText(provider.name)
        self.details.set_rows([
            (_tr("Address"), provider.address),
            (_tr("Email"), provider.email),
            (_tr("Portal"), provider.portal),
            (_tr("Notes"), provider.notes),
        ])
