"""An item's history beside its form: the dated timeline (undone steps struck through) and follow-ups."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget
from sqlite_utils import Database

from opinionkit.core import dates
from opinionkit.core.domain.records import FollowUp, RecordItem
from opinionkit.core.services import record_items, timeline
from opinionkit.ui.details import label
from opinionkit.ui.dialogs.form_dialog import FormDialog, text_area
from opinionkit.ui.records.labels import next_step_label, short_date, step_label
from opinionkit.ui.style import set_role

_MUTED = "#5f6f7f"


def _tr(text: str) -> str:
    return QCoreApplication.translate("records", text)


class EntryList(QScrollArea):
    """A column of short dated entries, each a heading line and wrapped text under it."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(name)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # arrow keys scroll a long history
        content = QWidget()
        content.setObjectName("scrollContent")
        self._column = QVBoxLayout(content)
        self._column.setContentsMargins(0, 0, 6, 0)
        self._column.setSpacing(10)
        self._column.addStretch(1)
        self.setWidget(content)
        self.entries: list[QLabel] = []

    def clear(self) -> None:
        for entry in self.entries:
            entry.hide()
            entry.deleteLater()
        self.entries = []

    def add(self, heading: str, text: str = "", *, struck: bool = False, quiet: bool = False) -> QLabel:
        """Add an entry; ``heading`` and ``text`` are plain text, escaped here."""
        title = f"<b>{html.escape(heading)}</b>" if not (struck or quiet) else html.escape(heading)
        if struck:
            title = f'<s style="color:{_MUTED}">{title}</s>'
        if quiet:
            title = f'<i style="color:{_MUTED}">{title}</i>'
        body = f'<br><span style="color:{_MUTED}">{html.escape(text)}</span>' if text else ""
        entry = QLabel(title + body)
        entry.setTextFormat(Qt.TextFormat.RichText)
        entry.setWordWrap(True)
        entry.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        entry.setAccessibleName(f"{heading}. {text}".strip(" ."))
        self._column.insertWidget(len(self.entries), entry)
        self.entries.append(entry)
        return entry

    def texts(self) -> list[str]:
        return [entry.accessibleName() for entry in self.entries]


class ItemHistory(QFrame):
    """The timeline and follow-up log of one saved item; follow-ups are kept as soon as they are added."""

    followup_added = Signal()

    def __init__(self, db: Database, item: RecordItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "card")
        self.setObjectName("itemHistory")
        self._db = db
        self._item = item
        self.timeline = EntryList(_tr("Timeline"))
        self.followups = EntryList(_tr("Follow-ups"))
        self.add_followup_button = QPushButton(_tr("Add follo&w-up…"))
        self.add_followup_button.setAutoDefault(False)
        self.add_followup_button.setToolTip(_tr("Note a call or message about this item: when, with whom, what was said"))
        self.add_followup_button.clicked.connect(self.add_followup)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 16)
        layout.setSpacing(8)
        layout.addWidget(label(_tr("Timeline"), "card-title"))
        layout.addWidget(self.timeline, 5)
        layout.addSpacing(6)
        layout.addWidget(label(_tr("Follow-ups"), "card-title"))
        layout.addWidget(self.followups, 5)
        layout.addWidget(self.add_followup_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.refresh()

    def refresh(self) -> None:
        item_id = self._item.id or 0
        self.timeline.clear()
        for step in timeline.steps(self._db, item_id):
            heading = f"{step_label(step.step)} · {short_date(step.on_date)}"
            if step.undone_at:
                self.timeline.add(heading + " " + _tr("(undone)"), step.note, struck=True).setToolTip(
                    _tr("This step was undone; it stays in the history."))
            else:
                self.timeline.add(heading, step.note)
        following = timeline.next_step(self._item.route, timeline.current_step(self._db, item_id))
        self.timeline.add(_tr("Next: {step}").format(step=next_step_label(following, self._item.route))
                          if following else _tr("All steps done"), quiet=True)

        self.followups.clear()
        logged = record_items.followups(self._db, item_id)
        for followup in reversed(logged):  # newest first: the last call matters most
            who = f" · {followup.who}" if followup.who else ""
            self.followups.add(f"{short_date(followup.on_date)}{who}", followup.said)
        if not logged:
            self.followups.add(_tr("No follow-ups yet. Note each call or message chasing this item."), quiet=True)

    def add_followup(self) -> None:
        dialog = FollowUpDialog(self._db, self._item.id or 0, parent=self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._added)
        dialog.open()

    def _added(self) -> None:
        self.refresh()
        self.followup_added.emit()


class FollowUpDialog(FormDialog):
    """Log one call or message: the date (today unless changed), with whom, and what was said."""

    def __init__(self, db: Database, item_id: int, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Add follow-up"), parent)
        self.setObjectName("followUpDialog")
        self._db = db
        self._item_id = item_id
        self.on_date = QLineEdit(dates.today().isoformat())
        self.on_date.setPlaceholderText(_tr("YYYY-MM-DD"))
        self.add_row(_tr("&Date"), self.on_date, "on_date")
        self.who = QLineEdit()
        self.who.setPlaceholderText(_tr("For example “Denise, records office”"))
        self.add_row(_tr("&With whom"), self.who, "who")
        self.said = text_area(4, _tr("What was said or agreed, for example “promised by Friday”"))
        self.add_row(_tr("What was &said"), self.said, "said")
        self.resize(520, 330)

    def save(self) -> FollowUp:
        return record_items.add_followup(self._db, self._item_id, self.said.toPlainText(), self.who.text(),
                                         self.on_date.text().strip() or None)
