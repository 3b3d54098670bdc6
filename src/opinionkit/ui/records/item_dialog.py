"""Adding or changing a record item: what it is, who holds it, how it is asked for and travels.

A saved item also shows its timeline and follow-up log beside the form.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget
from sqlite_utils import Database

from opinionkit.core.domain.records import (
    MAX_EXTENSION_DAYS, RecordForm, RecordItem, RecordKind, RequestMethod, Route,
)
from opinionkit.core.services import record_items
from opinionkit.ui.details import label
from opinionkit.ui.dialogs.form_dialog import FormDialog, text_area
from opinionkit.ui.records.holder_choice import HolderChoice
from opinionkit.ui.records.item_history import ItemHistory
from opinionkit.ui.records.labels import form_label, kind_label, method_label, route_label

DATE_HINT = "YYYY-MM-DD"


def _tr(text: str) -> str:
    return QCoreApplication.translate("records", text)


def _combo(values: list[tuple[str, str | None]]) -> QComboBox:
    combo = QComboBox()
    for text, value in values:
        combo.addItem(text, value)
    # Long choices are shown whole in the open list; closed, the field keeps the column's width.
    combo.setMinimumContentsLength(14)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def _date_field(placeholder: str = DATE_HINT) -> QLineEdit:
    field = QLineEdit()
    field.setPlaceholderText(placeholder)
    field.setMaxLength(10)
    return field


class ItemDialog(FormDialog):
    def __init__(self, db: Database, case_id: int, item_id: int | None = None, parent: QWidget | None = None) -> None:
        stored = record_items.get(db, item_id) if item_id is not None else None
        super().__init__(_tr("Record item") if stored else _tr("New record item"), parent, columns=2)
        self.setObjectName("itemDialog")
        self._db = db
        self._item = stored or RecordItem(case_id=case_id)
        self._build_record_column()
        self._build_request_column()
        self.history: ItemHistory | None = None
        if stored is not None:
            self.history = ItemHistory(db, stored)
            self._place_beside_form(self.history)
        self._fill(self._item)
        self.resize(*((1200, 660) if stored else (900, 580)))

    # Building --------------------------------------------------------------------------------

    def _build_record_column(self) -> None:
        self.add_heading(_tr("The record"))
        self.kind = _combo([(kind_label(kind), kind.value) for kind in RecordKind])
        self.add_row(_tr("&Kind"), self.kind, "kind")
        self.description = QLineEdit()
        self.description.setPlaceholderText(_tr("For example “MRI of the lower back”"))
        self.add_row(_tr("&Description"), self.description, "description")
        self.holder = HolderChoice(self._db)
        self.add_row(_tr("&Held by"), self.holder, "holder_id", focus_widget=self.holder.combo)
        self.period_text = QLineEdit()
        self.period_text.setPlaceholderText(_tr("For example “last 12 months”"))
        self.add_row(_tr("&Period wanted"), self.period_text, "period_text")
        self.period_from, self.period_to = _date_field(_tr("from")), _date_field(_tr("to"))
        self.period_from.setToolTip(_tr("The first day wanted, as YYYY-MM-DD"))
        self.period_to.setToolTip(_tr("The last day wanted, as YYYY-MM-DD"))
        dates_row = QWidget()
        row = QHBoxLayout(dates_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.period_from, 1)
        row.addWidget(label("–", "muted", wrap=False))
        row.addWidget(self.period_to, 1)
        self.add_row(_tr("or &from – to"), dates_row, "period_from", focus_widget=self.period_from)
        self.period_to.setAccessibleName(_tr("Period to"))
        self._fields["period_to"] = self.period_to  # a second field on the same row
        self._clear_when_edited(self.period_to)
        self.form = _combo([(form_label(value), value.value) for value in RecordForm])
        self.add_row(_tr("&Original or report"), self.form, "original_or_report")
        self.route = _combo([(route_label(value), value.value) for value in Route])
        self.add_row(_tr("&Route"), self.route, "route")
        self.notes = self.add_row(_tr("&Notes"), text_area(3), "notes")

    def _build_request_column(self) -> None:
        self.add_heading(_tr("Request"), column=1)
        self.method = _combo([(_tr("Not chosen yet"), None),
                              *((method_label(value), value.value) for value in RequestMethod)])
        self.add_row(_tr("Request &method"), self.method, "request_method", column=1)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(_tr("Form or message number"))
        self.reference.setToolTip(_tr("A form number, a portal message, or the name of who took the request"))
        self.add_row(_tr("Referen&ce"), self.reference, "request_reference", column=1)
        self.due_date = _date_field()
        self.due_date.setToolTip(_tr("Left empty, it is set 30 days after the request when you mark it requested"))
        self.add_row(_tr("D&ue date"), self.due_date, "due_date", column=1)
        self.extension_days = QLineEdit()
        self.extension_days.setValidator(QIntValidator(0, MAX_EXTENSION_DAYS, self.extension_days))
        self.extension_days.setPlaceholderText(_tr("Days, up to {days}").format(days=MAX_EXTENSION_DAYS))
        self.extension_days.setToolTip(_tr(
            "The holder may extend the due date once, by up to {days} days; the due date moves with it").format(
            days=MAX_EXTENSION_DAYS))
        self.add_row(_tr("E&xtension"), self.extension_days, "extension_days", column=1)
        self.extension_reason = QLineEdit()
        self.extension_reason.setPlaceholderText(_tr("The reason the holder gave"))
        self.add_row(_tr("Extension r&eason"), self.extension_reason, "extension_reason", column=1)

        self.add_heading(_tr("Shipment and receipt"), column=1)
        self.carrier = QLineEdit()
        self.carrier.setPlaceholderText(_tr("For example UPS, courier, by hand"))
        self.add_row(_tr("C&arrier"), self.carrier, "carrier", column=1)
        self.tracking_number = self.add_row(_tr("&Tracking number"), QLineEdit(), "tracking_number", column=1)
        self.shipped_on = _date_field()
        self.add_row(_tr("&Shipped on"), self.shipped_on, "shipped_on", column=1)
        self.confirmed_by = QLineEdit()
        self.confirmed_by.setPlaceholderText(_tr("A name at the second office"))
        self.confirmed_by.setToolTip(_tr("Who at the second office confirmed it arrived"))
        self.add_row(_tr("Confirmed &by"), self.confirmed_by, "confirmed_by", column=1)
        self.confirmed_on = _date_field()
        self.add_row(_tr("Conf&irmed on"), self.confirmed_on, "confirmed_on", column=1)

    def _place_beside_form(self, panel: QWidget) -> None:
        """Put ``panel`` to the right of the scrolling form, above the buttons."""
        layout = self.layout()
        position = layout.indexOf(self.scroll)
        layout.removeWidget(self.scroll)
        row = QHBoxLayout()
        row.setSpacing(20)
        row.addWidget(self.scroll, 5)
        row.addWidget(panel, 2)
        layout.insertLayout(position, row, 1)

    # Values ----------------------------------------------------------------------------------

    def _fill(self, item: RecordItem) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(RecordKind(item.kind).value)))
        self.description.setText(item.description)
        self.holder.reload(item.holder_id)
        self.period_text.setText(item.period_text)
        self.period_from.setText(item.period_from or "")
        self.period_to.setText(item.period_to or "")
        self.form.setCurrentIndex(max(0, self.form.findData(RecordForm(item.original_or_report).value)))
        self.route.setCurrentIndex(max(0, self.route.findData(Route(item.route).value)))
        self.notes.setPlainText(item.notes)
        self.method.setCurrentIndex(max(0, self.method.findData(item.request_method and str(item.request_method))))
        self.reference.setText(item.request_reference)
        self.due_date.setText(item.due_date or "")
        self.extension_days.setText(str(item.extension_days) if item.extension_days else "")
        self.extension_reason.setText(item.extension_reason)
        self.carrier.setText(item.carrier)
        self.tracking_number.setText(item.tracking_number)
        self.shipped_on.setText(item.shipped_on or "")
        self.confirmed_by.setText(item.confirmed_by)
        self.confirmed_on.setText(item.confirmed_on or "")

    def _draft(self) -> RecordItem:
        def text_or_none(field: QLineEdit) -> str | None:
            return field.text().strip() or None

        return replace(
            self._item,
            kind=RecordKind(self.kind.currentData()),
            description=self.description.text(),
            holder_id=self.holder.value(),
            period_text=self.period_text.text(),
            period_from=text_or_none(self.period_from),
            period_to=text_or_none(self.period_to),
            original_or_report=RecordForm(self.form.currentData()),
            route=Route(self.route.currentData()),
            notes=self.notes.toPlainText(),
            request_method=self.method.currentData(),
            request_reference=self.reference.text(),
            due_date=text_or_none(self.due_date),
            extension_days=self._extension(),
            extension_reason=self.extension_reason.text().strip() if self._extension() else "",
            carrier=self.carrier.text(),
            tracking_number=self.tracking_number.text(),
            shipped_on=text_or_none(self.shipped_on),
            confirmed_by=self.confirmed_by.text(),
            confirmed_on=text_or_none(self.confirmed_on),
        )

    def _extension(self) -> int:
        text = self.extension_days.text().strip()
        return int(text) if text.isdigit() else 0

    def save(self) -> RecordItem:
        draft = self._draft()
        with self._db.atomic():  # the fields and the extension are saved together, or not at all
            if draft.id is None:
                return record_items.create(self._db, draft)
            # update() keeps the stored extension; a changed one is taken back and taken again.
            wanted = (draft.extension_days, draft.extension_reason)
            saved = record_items.update(self._db, draft)
            if wanted != (self._item.extension_days, self._item.extension_reason):
                if self._item.extension_days:
                    saved = record_items.cancel_extension(self._db, draft.id)
                if wanted[0]:
                    saved = record_items.extend_due_date(self._db, draft.id, *wanted)
            return saved
