"""Editing a document's details: title, kind, date of service, holder, and the record items it answers."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QListWidgetItem, QWidget
from sqlite_utils import Database

from opinionkit.core.domain.documents import Document
from opinionkit.core.domain.records import RecordKind
from opinionkit.core.services import cases, library, record_items
from opinionkit.ui.details import label
from opinionkit.ui.dialogs.form_dialog import FormDialog
from opinionkit.ui.library.document_model import kind_text, media_label, text_status
from opinionkit.ui.records.holder_choice import HolderChoice


def _tr(text: str) -> str:
    return QCoreApplication.translate("library", text)


class DocumentDialog(FormDialog):
    """``case_id`` is the case whose record items are offered for linking (else all of the person's)."""

    def __init__(self, db: Database, document: Document, case_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(_tr("Document details"), parent)
        self.setObjectName("documentDialog")
        self._db = db
        self._document = document

        count = document.page_count
        pages = (_tr("pages unknown") if count is None else _tr("1 page") if count == 1
                 else _tr("{count} pages").format(count=count))
        about = _tr("{file} · {kind} · {pages} · {text}").format(
            file=document.filename, kind=media_label(document.media_type), pages=pages, text=text_status(document))
        self.forms[0].addRow(label(about, "muted"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(_tr("Required, for example “MRI report, lower back”"))
        self.add_row(_tr("&Title"), self.title, "title")
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.kind.addItem("", "")
        for kind in RecordKind:
            self.kind.addItem(kind_text(kind.value), kind.value)
        self.kind.lineEdit().setPlaceholderText(_tr("Choose, or type your own"))
        self.add_row(_tr("&Kind"), self.kind, "kind")
        self.service_date = QLineEdit()
        self.service_date.setPlaceholderText(_tr("YYYY-MM-DD, the day of the visit, test or scan"))
        self.add_row(_tr("&Date of service"), self.service_date, "service_date")
        self.holder = HolderChoice(db)
        self.add_row(_tr("&Held by"), self.holder, "holder_id", focus_widget=self.holder.combo)

        self.items = QListWidget()
        self.items.setObjectName("linkedItems")
        self.items.setMinimumHeight(340)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.items.setStyleSheet(
            "QListWidget#linkedItems { background: #ffffff; border: 1px solid #c3ccd6; border-radius: 6px; }"
            "QListWidget#linkedItems::item { padding: 4px 6px; }")
        self._linked = set(library.linked_item_ids(db, document.id or 0))
        for item_id, text in self._offered_items(case_id or document.case_id):
            entry = QListWidgetItem(text)
            entry.setToolTip(text)
            entry.setData(Qt.ItemDataRole.UserRole, item_id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if item_id in self._linked else Qt.CheckState.Unchecked)
            self.items.addItem(entry)
        if self.items.count():
            self.add_row(_tr("&Record items it answers"), self.items, "item_ids")
        else:
            self.items.hide()
            self.forms[0].addRow(_tr("Record items"), label(
                _tr("This case lists no record items yet: add them in the Records tracker."), "empty-value"))

        self._fill(document)
        self.resize(720, 620)

    def _offered_items(self, case_id: int | None) -> list[tuple[int, str]]:
        if case_id is not None:
            return [(item.id or 0, item.label) for item in record_items.list_for_case(self._db, case_id)]
        found = []
        for case in cases.list_all(self._db, self._document.person_id):
            found += [(item.id or 0, f"{case.title}: {item.label}")
                      for item in record_items.list_for_case(self._db, case.id or 0)]
        return found

    def _fill(self, document: Document) -> None:
        self.title.setText(document.title)
        index = self.kind.findData(document.kind)
        if index >= 0:
            self.kind.setCurrentIndex(index)
        else:
            self.kind.setEditText(document.kind)
        self.service_date.setText(document.service_date or "")
        self.holder.set_value(document.holder_id)

    def checked_item_ids(self) -> set[int]:
        return {self.items.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.items.count())
                if self.items.item(row).checkState() == Qt.CheckState.Checked}

    def _kind_value(self) -> str:
        text = self.kind.currentText().strip()
        index = self.kind.findText(text, Qt.MatchFlag.MatchFixedString)
        return self.kind.itemData(index) if index >= 0 else text

    def save(self) -> Document:
        saved = library.update_metadata(self._db, replace(
            self._document, title=self.title.text(), kind=self._kind_value(),
            service_date=self.service_date.text().strip() or None, holder_id=self.holder.value(),
        ))
        wanted = self.checked_item_ids()
        library.link_items(self._db, saved.id or 0, wanted - self._linked)
        library.unlink_items(self._db, saved.id or 0, self._linked - wanted)
        return saved
