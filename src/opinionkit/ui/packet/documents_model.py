"""The packet's documents in their order, as a list model that moves rows by drag and drop or by keys.

A drag inside the list carries row numbers under a private MIME type; the drop
moves the rows itself with ``moveRows`` and reports no drop to the view, so the
view does not remove the dragged rows afterwards. ``moved`` says the order
changed, so that the page can save the plan.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel, QByteArray, QCoreApplication, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal,
)

from opinionkit.core.domain.documents import Document
from opinionkit.core.packet.plan import document_date
from opinionkit.ui.labels import friendly_date

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MIME_TYPE = "application/x-opinionkit-packet-rows"

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("packet", text)


def pages_label(document: Document) -> str:
    if document.media_type.is_image:
        return _tr("1 page (image)")
    if document.page_count is None:
        return _tr("pages unknown")
    return _tr("1 page") if document.page_count == 1 else _tr("{count} pages").format(count=document.page_count)


class PacketDocumentsModel(QAbstractListModel):
    moved = Signal()  # the rows are in a new order

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.documents: list[Document] = []

    def set_documents(self, documents: Sequence[Document]) -> None:
        self.beginResetModel()
        self.documents = list(documents)
        self.endResetModel()

    def ids(self) -> list[int]:
        return [d.id or 0 for d in self.documents]

    def document_at(self, row: int) -> Document:
        return self.documents[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.documents)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.documents):
            return None
        document = self.documents[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr("{number}. {title}\n{date}   ·   {pages}").format(
                number=index.row() + 1, title=document.title, date=friendly_date(document_date(document)),
                pages=pages_label(document))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _tr("{number}: {title}, {date}, {pages}").format(
                number=index.row() + 1, title=document.title, date=friendly_date(document_date(document)),
                pages=pages_label(document))
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tr("{title}\nFile: {file}\nDrag, or press Ctrl+Up / Ctrl+Down, to move it.").format(
                title=document.title, file=document.filename)
        if role == ROW_ID_ROLE:
            return document.id
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows, never on one
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    # Moving ----------------------------------------------------------------------------------

    def moveRows(self, source_parent: AnyIndex, source_row: int, count: int,
                 destination_parent: AnyIndex, destination_child: int) -> bool:
        if source_parent.isValid() or destination_parent.isValid() or count < 1:
            return False
        if source_row < 0 or source_row + count > len(self.documents):
            return False
        if not 0 <= destination_child <= len(self.documents):
            return False
        if source_row <= destination_child <= source_row + count:
            return False  # onto itself: nothing moves (and beginMoveRows would refuse)
        if not self.beginMoveRows(QModelIndex(), source_row, source_row + count - 1, QModelIndex(), destination_child):
            return False
        taken = self.documents[source_row:source_row + count]
        del self.documents[source_row:source_row + count]
        at = destination_child - count if destination_child > source_row else destination_child
        self.documents[at:at] = taken
        self.endMoveRows()
        # The running numbers in every row's text changed too.
        self.dataChanged.emit(self.index(0), self.index(len(self.documents) - 1))
        self.moved.emit()
        return True

    def move_by(self, row: int, step: int) -> int | None:
        """Move one row up (-1) or down (+1); its new row, or None at either end."""
        target = row + step
        if not 0 <= row < len(self.documents) or not 0 <= target < len(self.documents):
            return None
        self.moveRows(QModelIndex(), row, 1, QModelIndex(), target + 1 if step > 0 else target)
        return target

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(MIME_TYPE, QByteArray(",".join(map(str, rows)).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: AnyIndex) -> bool:
        return data.hasFormat(MIME_TYPE) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: AnyIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        text = bytes(data.data(MIME_TYPE).data()).decode()
        rows = [int(part) for part in text.split(",") if part]
        if not rows:
            return False
        destination = len(self.documents) if row < 0 else row
        if parent.isValid():  # dropped on a row: in front of it
            destination = parent.row()
        self.beginResetModel()  # several rows, perhaps not together: one reset is simplest and exact
        moving = [self.documents[r] for r in rows]
        before = sum(1 for r in rows if r < destination)
        rest = [d for i, d in enumerate(self.documents) if i not in set(rows)]
        rest[destination - before:destination - before] = moving
        changed = rest != self.documents
        self.documents = rest
        self.endResetModel()
        if changed:
            self.moved.emit()
        return False  # moved here already: the view must not remove the dragged rows
