"""The row of choices above the tracker: status, kind, holder, and only the late or unconfirmed items."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from opinionkit.core.domain.records import RecordKind, Step, TrackerRow
from opinionkit.ui.details import label
from opinionkit.ui.records.labels import kind_label, step_label
from opinionkit.ui.records.tracker_filter import NO_HOLDER, TrackerFilter


def _tr(text: str) -> str:
    return QCoreApplication.translate("records", text)


def _choice(name: str, width: int) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setMinimumContentsLength(width)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = _choice(_tr("Show status"), 10)
        self.status.addItem(_tr("Any status"), None)
        for step in Step:
            self.status.addItem(step_label(step), step.value)
        self.kind = _choice(_tr("Show kind"), 14)
        self.holder = _choice(_tr("Show holder"), 16)
        self.overdue = QCheckBox(_tr("&Overdue only"))
        self.overdue.setToolTip(_tr("Requests past their due date that have not arrived"))
        self.unconfirmed = QCheckBox(_tr("&Shipment unconfirmed"))
        self.unconfirmed.setToolTip(_tr("Sent to the second office, but nobody there has confirmed receipt"))
        for combo in (self.status, self.kind, self.holder):
            combo.currentIndexChanged.connect(self.changed)
        for box in (self.overdue, self.unconfirmed):
            box.toggled.connect(self.changed)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(label(_tr("Show"), "muted", wrap=False))
        for combo in (self.status, self.kind, self.holder):
            row.addWidget(combo)
        row.addSpacing(10)
        row.addWidget(self.overdue)
        row.addSpacing(4)
        row.addWidget(self.unconfirmed)
        row.addStretch(1)

    def offer(self, rows: Sequence[TrackerRow]) -> None:
        """List the kinds and holders the case has, keeping what was chosen if it is still there."""
        kinds = sorted({row.kind for row in rows}, key=kind_label)
        holders = sorted({(r.holder_id, r.holder_name) for r in rows if r.holder_id}, key=lambda h: h[1].casefold())
        with QSignalBlocker(self.kind), QSignalBlocker(self.holder):
            kept_kind, kept_holder = self.kind.currentData(), self.holder.currentData()
            self.kind.clear()
            self.kind.addItem(_tr("Any kind"), None)
            for kind in kinds:
                self.kind.addItem(kind_label(kind), kind.value)
            self.holder.clear()
            self.holder.addItem(_tr("Any holder"), None)
            for holder_id, name in holders:
                self.holder.addItem(name, holder_id)
            if any(row.holder_id is None for row in rows):
                self.holder.addItem(_tr("No holder chosen"), NO_HOLDER)
            self.kind.setCurrentIndex(max(0, self.kind.findData(kept_kind)))
            self.holder.setCurrentIndex(max(0, self.holder.findData(kept_holder)))

    def apply_to(self, proxy: TrackerFilter) -> None:
        status, kind = self.status.currentData(), self.kind.currentData()
        proxy.set_filters(
            status=Step(status) if status else None, kind=RecordKind(kind) if kind else None,
            holder_id=self.holder.currentData(), overdue_only=self.overdue.isChecked(),
            unconfirmed_only=self.unconfirmed.isChecked(),
        )
