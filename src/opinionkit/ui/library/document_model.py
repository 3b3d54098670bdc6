"""A person's or a case's documents as a table model over the library's lists."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle
from sqlite_utils import Database

from opinionkit.core.domain.documents import Document, MediaType
from opinionkit.core.domain.records import RecordKind
from opinionkit.core.services import library, providers
from opinionkit.ui.labels import friendly_date
from opinionkit.ui.records.labels import kind_label

TITLE, KIND, SERVICE_DATE, HOLDER, PAGES, TEXT = range(6)
COLUMN_COUNT = 6
#: The document's id, for any cell of its row.
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: What the column sorts by: ISO dates and page counts sort as they should, not as shown.
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("library", text)


def _header(column: int) -> str:
    return [_tr("Title"), _tr("Kind"), _tr("Date of service"), _tr("Holder"), _tr("Pages"), _tr("Text")][column]


def kind_text(kind: str) -> str:
    """The record kind in the window's words; a kind the person typed stays as typed."""
    try:
        return kind_label(RecordKind(kind))
    except ValueError:
        return kind


def text_status(document: Document) -> str:
    """Whether the document's words can be searched, and if not, why."""
    if document.locked:
        return _tr("Locked: password")
    if document.has_text:
        return _tr("Searchable")
    if document.media_type.is_image:
        return _tr("No text (image)")
    return _tr("No text (scan)")


def text_explanation(document: Document) -> str:
    if document.locked:
        return _tr("This PDF was imported without its password, so its words cannot be searched and it "
                   "cannot be shown. Use Unlock… and give the password.")
    if document.has_text:
        return _tr("Every page's words can be found with the search box (Ctrl+F).")
    if document.media_type.is_image:
        return _tr("A picture holds no text to search; give it a clear title so it can be found.")
    return _tr("The pages are pictures (a scan), so their words cannot be searched; give it a clear title.")


def media_label(media_type: MediaType) -> str:
    return {
        MediaType.PDF: _tr("PDF"), MediaType.JPEG: _tr("JPEG image"), MediaType.PNG: _tr("PNG image"),
        MediaType.TIFF: _tr("TIFF image"),
    }[MediaType(media_type)]


def pages_text(document: Document) -> str:
    return str(document.page_count) if document.page_count is not None else "–"


class DocumentTableModel(QAbstractTableModel):
    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._rows: list[Document] = []
        self._holders: dict[int, str] = {}
        self._icons: dict[str, QIcon] = {}
        self.case_id: int | None = None
        self.person_id: int | None = None

    def load_case(self, case_id: int) -> None:
        self.case_id, self.person_id = case_id, None
        self.reload()

    def load_person(self, person_id: int) -> None:
        self.case_id, self.person_id = None, person_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._holders = {p.id or 0: p.name for p in providers.list_all(self._db)}
        if self.case_id is not None:
            self._rows = library.list_for_case(self._db, self.case_id)
        elif self.person_id is not None:
            self._rows = library.list_for_person(self._db, self.person_id)
        else:
            self._rows = []
        self.endResetModel()

    @property
    def documents(self) -> list[Document]:
        return list(self._rows)

    def document_at(self, row: int) -> Document:
        return self._rows[row]

    def row_of(self, document_id: int) -> int | None:
        return next((row for row, d in enumerate(self._rows) if d.id == document_id), None)

    # Qt's model interface ----------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        document, column = self._rows[index.row()], index.column()
        if role == ROW_ID_ROLE:
            return document.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(document, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == TITLE:
                return _tr("{title}\nFile: {name}").format(title=document.title, name=document.filename)
            if column == TEXT:
                return text_explanation(document)
            if column == PAGES and document.page_count is None:
                return _tr("Not known until the PDF is unlocked")
            return self._text(document, column) or None
        if role == Qt.ItemDataRole.DecorationRole and column == TEXT:
            return self._icon(document)
        if role == SORT_ROLE:
            if column == SERVICE_DATE:
                return document.service_date or document.imported_at[:10]
            if column == PAGES:
                return document.page_count if document.page_count is not None else -1
            return self._text(document, column).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PAGES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _header(section)
        if role == Qt.ItemDataRole.TextAlignmentRole and section == PAGES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, document: Document, column: int) -> str:
        if column == TITLE:
            return document.title
        if column == KIND:
            return kind_text(document.kind)
        if column == SERVICE_DATE:
            return friendly_date(document.service_date)
        if column == HOLDER:
            return self._holders.get(document.holder_id or 0, "")
        if column == PAGES:
            return pages_text(document)
        return text_status(document)

    def _icon(self, document: Document) -> QIcon | None:
        """An icon beside the words for a document whose text cannot be searched: never colour alone."""
        if document.has_text and not document.locked:
            return None
        key = "locked" if document.locked else "no text"
        if key not in self._icons:
            pixmap = (QStyle.StandardPixmap.SP_MessageBoxWarning if document.locked
                      else QStyle.StandardPixmap.SP_MessageBoxInformation)
            self._icons[key] = QApplication.style().standardIcon(pixmap)
        return self._icons[key]
