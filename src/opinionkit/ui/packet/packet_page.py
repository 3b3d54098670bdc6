"""The "Records packet" section: who it goes to, what goes in and in what order, and "Build packet…".

Every change is saved at once as the case's packet plan (core/packet/plan.py),
so the packet reads the same when made again later, from here or from the
command line. The documents move by drag and drop or by Ctrl+Up / Ctrl+Down.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QListView, QPushButton,
    QVBoxLayout, QWidget,
)

from opinionkit.core.domain import Case
from opinionkit.core.errors import OpinionKitError
from opinionkit.core.packet import plan as plans
from opinionkit.core.packet.build import BuildResult
from opinionkit.core.packet.plan import PacketPlan
from opinionkit.core.services import people, providers
from opinionkit.ui.details import Card, label
from opinionkit.ui.dialogs.deadline_edit import OptionalDateEdit
from opinionkit.ui.errors import show_error
from opinionkit.ui.packet.builder import PacketBuilder
from opinionkit.ui.packet.document_picker import DocumentPicker
from opinionkit.ui.packet.documents_model import PacketDocumentsModel

if TYPE_CHECKING:
    from opinionkit.ui.sections import SectionHost

#: How far back the "since" date starts when first ticked: the last 12 months.
SINCE_DAYS_BACK = -365


def _tr(text: str) -> str:
    return QCoreApplication.translate("packet", text)


class PacketSection(QWidget):
    def __init__(self, host: SectionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.case: Case | None = None
        self.plan: PacketPlan | None = None
        self._filling = False
        self.builder: PacketBuilder | None = None
        self.last_result: BuildResult | None = None
        self.model = PacketDocumentsModel(self)
        self.model.moved.connect(self._save_order)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 16, 0, 8)
        layout.setSpacing(18)
        layout.addWidget(self._build_settings(), 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._build_documents(), 1)

    # Building the page -----------------------------------------------------------------------

    def _build_settings(self) -> Card:
        card = Card(_tr("Who it goes to"))
        card.setFixedWidth(400)
        self.recipient = QComboBox()
        # Long names and institutions would otherwise widen the card and squeeze the labels.
        self.recipient.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.recipient.setMinimumContentsLength(16)
        self.recipient.setAccessibleName(_tr("Recipient"))
        self.recipient.setToolTip(_tr("The second-opinion office the packet is for, from the directory"))
        self.recipient.currentIndexChanged.connect(self._settings_changed)
        self.sender = QLineEdit()
        self.sender.setAccessibleName(_tr("Sender"))
        self.sender.setToolTip(_tr("Who sends the packet, as the cover prints it; empty: the person"))
        self.sender.editingFinished.connect(self._settings_changed)
        self.since = OptionalDateEdit(_tr("Only documents since"), default_days_ahead=SINCE_DAYS_BACK)
        self.since.enabled.setAccessibleName(_tr("Only documents since a date"))
        self.since.date.setAccessibleName(_tr("Since"))
        self.since.changed.connect(self._settings_changed)
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_tr("&Recipient:"), self.recipient)
        form.addRow(_tr("S&ender:"), self.sender)
        form.addRow(self.since)
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and item.widget() is not None:
                item.widget().setBuddy(form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget())
        card.body.addLayout(form)

        card.body.addWidget(label(_tr("Sections before the documents"), "field-label"))
        self.include_summary = QCheckBox(_tr("Health summary"))
        self.include_questions = QCheckBox(_tr("Questions and goals"))
        self.include_index = QCheckBox(_tr("Records index (every record item and where it is)"))
        for box in (self.include_summary, self.include_questions, self.include_index):
            box.setAccessibleName(box.text())
            box.toggled.connect(self._settings_changed)
            card.body.addWidget(box)
        card.body.addWidget(label(_tr("The cover sheet and the contents always come first."), "muted"))

        self.with_zip = QCheckBox(_tr("Also make the packet folder (.zip)"))
        self.with_zip.setAccessibleName(self.with_zip.text())
        self.with_zip.setToolTip(_tr("A zip with the PDF, the original files, a manifest and the FHIR health summary"))
        self.build_button = QPushButton(_tr("&Build packet…"))
        self.build_button.setObjectName("buildPacketButton")
        self.build_button.setAccessibleName(_tr("Build packet"))
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.build_packet)
        card.body.addSpacing(6)
        card.body.addWidget(self.with_zip)
        row = QHBoxLayout()
        row.addWidget(self.build_button)
        row.addStretch(1)
        card.body.addLayout(row)
        return card

    def _build_documents(self) -> Card:
        card = Card(_tr("Documents, in the order they go in"))
        self.summary = label("", "muted")
        self.summary.setAccessibleName(_tr("Pages in the packet"))
        self.list = QListView()
        self.list.setObjectName("packetDocuments")
        self.list.setAccessibleName(_tr("Documents in the packet"))
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setDragEnabled(True)
        self.list.setAcceptDrops(True)
        self.list.setDropIndicatorShown(True)
        self.list.setSpacing(3)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumHeight(260)
        self.list.installEventFilter(self)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())

        self.add_button = QPushButton(_tr("&Add documents…"))
        self.add_button.clicked.connect(self.add_documents)
        self.remove_button = QPushButton(_tr("&Take out"))
        self.remove_button.setToolTip(_tr("Leave the chosen document out of the packet (Delete)"))
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button = QPushButton(_tr("Move &up"))
        self.up_button.setToolTip(_tr("Ctrl+Up"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(_tr("Move &down"))
        self.down_button.setToolTip(_tr("Ctrl+Down"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.reset_button = QPushButton(_tr("Back to &default"))
        self.reset_button.setToolTip(_tr("Every document of the case, oldest first, for the case's second-opinion doctor"))
        self.reset_button.clicked.connect(self.reset_plan)
        buttons = QVBoxLayout()
        buttons.setSpacing(8)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.reset_button.setAccessibleName(_tr("Back to default"))
        buttons.addWidget(self.reset_button)
        beside = QHBoxLayout()
        beside.setSpacing(12)
        beside.addWidget(self.list, 1)
        beside.addLayout(buttons)

        card.body.addWidget(label(_tr("Drag a document, or press Ctrl+Up / Ctrl+Down, to change the order."),
                                  "muted"))
        card.body.addLayout(beside, 1)
        card.body.addWidget(self.summary)
        card.setSizePolicy(card.sizePolicy().horizontalPolicy(), card.sizePolicy().Policy.Expanding)
        return card

    # Showing a case --------------------------------------------------------------------------

    def show_case(self, case: Case) -> None:
        self.case = case
        db = self._host.db
        self.plan = plans.load(db, case.id or 0)
        self._filling = True
        try:
            self.recipient.clear()
            self.recipient.addItem(_tr("No recipient chosen"), None)
            for provider in providers.list_all(db):
                where = provider.institution or provider.specialty
                self.recipient.addItem(f"{provider.name} — {where}" if where else provider.name, provider.id)
            self.recipient.setCurrentIndex(max(0, self.recipient.findData(self.plan.recipient_id)))
            self.sender.setText(self.plan.sender)
            self.sender.setPlaceholderText(people.get(db, case.person_id).name)
            self.since.set_value(self.plan.since)
            self.include_summary.setChecked(self.plan.include_summary)
            self.include_questions.setChecked(self.plan.include_questions)
            self.include_index.setChecked(self.plan.include_index)
        finally:
            self._filling = False
        self._show_documents()

    def _show_documents(self, current_id: int | None = None) -> None:
        assert self.plan is not None
        documents = plans.documents(self._host.db, self.plan)
        self.model.set_documents(documents)
        pages = sum(1 if d.media_type.is_image else (d.page_count or 0) for d in documents)
        unknown = sum(1 for d in documents if not d.media_type.is_image and d.page_count is None)
        text = (_tr("1 document") if len(documents) == 1
                else _tr("{count} documents").format(count=len(documents)))
        text += _tr(", about {pages} pages, after the cover, contents and summaries.").format(pages=pages)
        if unknown:
            text += " " + _tr("Pages of locked PDFs are not counted.")
        self.summary.setText(text if documents else _tr(
            "No documents: the packet will have the cover, contents and summaries only."))
        if current_id in self.model.ids():
            self._select(self.model.ids().index(current_id))
        self._update_buttons()

    def _select(self, row: int) -> None:
        self.list.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _update_buttons(self) -> None:
        row = self.list.currentIndex().row() if self.list.currentIndex().isValid() else -1
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.model.rowCount() - 1)
        self.build_button.setEnabled(self.plan is not None and self.builder is None)

    # Changes, saved at once ------------------------------------------------------------------

    def _save(self, plan: PacketPlan, current_id: int | None = None) -> bool:
        try:
            self.plan = plans.save(self._host.db, plan)
        except OpinionKitError as error:
            show_error(self.window(), error)
            return False
        self._show_documents(current_id)
        return True

    def _settings_changed(self) -> None:
        if self._filling or self.plan is None:
            return
        changed = replace(
            self.plan, recipient_id=self.recipient.currentData(), sender=self.sender.text(), since=self.since.value(),
            include_summary=self.include_summary.isChecked(), include_questions=self.include_questions.isChecked(),
            include_index=self.include_index.isChecked())
        if changed != self.plan:
            self._save(changed, self._current_id())

    def _current_id(self) -> int | None:
        index = self.list.currentIndex()
        return self.model.document_at(index.row()).id if index.isValid() else None

    def _save_order(self) -> None:
        if self.plan is not None:
            self._save(plans.reorder(self._host.db, self.plan, self.model.ids()), self._current_id())

    def move_current(self, step: int) -> None:
        index = self.list.currentIndex()
        if index.isValid() and self.model.move_by(index.row(), step) is not None:
            self.list.setFocus()

    def remove_current(self) -> None:
        ident = self._current_id()
        if ident is None or self.plan is None:
            return
        row = self.list.currentIndex().row()
        if self._save(plans.remove(self._host.db, self.plan, [ident])) and self.model.rowCount():
            self._select(min(row, self.model.rowCount() - 1))

    def add_documents(self) -> None:
        if self.plan is None:
            return
        placed = set(self.model.ids())
        picker = DocumentPicker([d for d in plans.available(self._host.db, self.plan) if d.id not in placed], self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.accepted.connect(lambda: self._add(picker.chosen_ids()))
        self.picker = picker
        picker.open()

    def _add(self, ids: list[int]) -> None:
        if ids and self.plan is not None:
            self._save(plans.add(self._host.db, self.plan, ids), ids[0])

    def reset_plan(self) -> None:
        if self.case is None:
            return
        plans.forget(self._host.db, self.case.id or 0)
        self.show_case(self.case)

    # Keys on the list ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            key_event: QKeyEvent = event  # type: ignore[assignment]
            ctrl = key_event.modifiers() & Qt.KeyboardModifier.ControlModifier
            moving = ctrl and key_event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
            taking_out = key_event.key() == Qt.Key.Key_Delete and not key_event.modifiers()
            if event.type() == QEvent.Type.ShortcutOverride:
                if moving or taking_out:
                    event.accept()  # these keys act on the list here, not on the window's shortcuts
                    return True
            elif moving:
                self.move_current(-1 if key_event.key() == Qt.Key.Key_Up else 1)
                return True
            elif taking_out:
                self.remove_current()
                return True
        return super().eventFilter(watched, event)

    # Building --------------------------------------------------------------------------------

    def build_packet(self) -> None:
        if self.plan is None or self.case is None or self.builder is not None:
            return
        self._settings_changed()  # a sender still being typed counts
        name = _tr("Records packet - {title}").format(title=self.case.title).replace("/", "-")
        builder = PacketBuilder(self.window(), self._host.data_dir, self.plan, name)
        builder.finished.connect(self._built)
        self.builder = builder
        self._update_buttons()
        if not builder.start(self.with_zip.isChecked()):
            self._built(None)

    def _built(self, result: BuildResult | None) -> None:
        self.builder = None
        if result is not None:
            self.last_result = result
        self._update_buttons()
