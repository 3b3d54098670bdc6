"""Adding or changing an appointment: when, with whom, where, records due, what to bring; notes after the
visit, documents of the case and recordings attached.

Records are due three working days before unless the person picks another day:
the field follows the date until it is changed by hand. A date in the past and
a time that overlaps another of the person's appointments are allowed, and said
above the form as they are entered.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime, Qt
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QTimeEdit,
    QVBoxLayout, QWidget,
)
from sqlite_utils import Database

from opinionkit.core import dates
from opinionkit.core.domain.appointments import Appointment, AppointmentKind
from opinionkit.core.errors import InvalidInput
from opinionkit.core.services import appointments, cases, library, providers
from opinionkit.ui.details import label
from opinionkit.ui.dialogs.form_dialog import FormDialog, text_area
from opinionkit.ui.dialogs.provider_choice import ProviderChoice
from opinionkit.ui.records.labels import short_date
from opinionkit.ui.visit.labels import appointment_kind_label, day_text, when_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_ROLE = Qt.ItemDataRole.UserRole + 2
#: The lengths offered; a stored length not among them is added when the form opens.
LENGTHS = (15, 20, 30, 45, 60, 90, 120, 180, 240)
#: The time field in the look of the other fields (style.qss styles line edits, combo and date boxes),
#: with its arrow buttons folded away: a styled border leaves them undrawn. Up and Down still step the time.
TIME_STYLE = """
QTimeEdit { background: #ffffff; border: 1px solid #c3ccd6; border-radius: 6px; padding: 5px 7px; }
QTimeEdit:focus { border: 2px solid #2b6a8a; padding: 4px 6px; }
QTimeEdit::up-button, QTimeEdit::down-button { width: 0px; border: none; }
"""
RECORDING_FILTER = "*.m4a *.mp3 *.wav *.aac *.ogg *.opus *.flac *.mp4 *.mov *.webm"


def _tr(text: str) -> str:
    return QCoreApplication.translate("visit", text)


def _date_edit() -> QDateEdit:
    field = QDateEdit()
    field.setCalendarPopup(True)
    field.setDisplayFormat("ddd d MMMM yyyy")
    field.setMinimumWidth(190)
    return field


class AppointmentDialog(FormDialog):
    def __init__(self, db: Database, case_id: int, appointment_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        stored = appointments.get(db, appointment_id) if appointment_id is not None else None
        super().__init__(_tr("Appointment") if stored else _tr("New appointment"), parent, columns=2)
        self.setObjectName("appointmentDialog")
        self._db = db
        self._case_id = case_id
        self._stored = stored
        person_id = cases.get(db, case_id).person_id
        self._others = [a for case in cases.list_all(db, person_id)
                        for a in appointments.list_for_case(db, case.id or 0) if a.id != appointment_id]
        self._removed_recordings: list[int] = []
        self._setting_due = False

        self.warning = label("", "warning")
        self.warning.setObjectName("appointmentWarning")
        self.warning.setAccessibleName(_tr("Warning"))
        self.warning.hide()
        self.layout().insertWidget(1, self.warning)
        self._build_visit_column()
        self._build_after_column()
        self._fill(stored)
        self.date.dateChanged.connect(self._date_moved)
        for signal in (self.date.dateChanged, self.time.timeChanged, self.length.currentIndexChanged):
            signal.connect(self._show_warnings)
        self.due.dateChanged.connect(self._due_edited)
        self._show_warnings()
        self.resize(1000, 600)

    # Building --------------------------------------------------------------------------------

    def _build_visit_column(self) -> None:
        self.add_heading(_tr("The appointment"))
        self.date, self.time = _date_edit(), QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        self.time.setStyleSheet(TIME_STYLE)
        self.time.lineEdit().setTextMargins(7, 0, 0, 0)  # the style sheet's padding does not reach the text
        self.time.setToolTip(_tr("Type the time, or change it with the Up and Down keys"))
        self.time.setAccessibleName(_tr("Time"))
        self.time.setMinimumWidth(90)
        when = QWidget()
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.date, 1)
        row.addWidget(self.time)
        self.add_row(_tr("&Date and time"), when, "starts_at", focus_widget=self.date)
        self.length = QComboBox()
        for minutes in LENGTHS:
            self.length.addItem(_tr("{minutes} minutes").format(minutes=minutes), minutes)
        self.add_row(_tr("&Length"), self.length, "duration_minutes")
        self.doctor = ProviderChoice(self._db)
        self.add_row(_tr("D&octor"), self.doctor, "provider_id", focus_widget=self.doctor.combo)
        self.kind = QComboBox()
        for kind in AppointmentKind:
            self.kind.addItem(appointment_kind_label(kind), kind.value)
        self.add_row(_tr("&Kind"), self.kind, "kind")
        self.place = QLineEdit()
        self.place.setPlaceholderText(_tr("The address, building and floor, or a phone number"))
        self.add_row(_tr("&Place"), self.place, "place")
        self.link = QLineEdit()
        self.link.setPlaceholderText(_tr("https://… for a video call or a remote review"))
        self.add_row(_tr("Lin&k"), self.link, "link")
        self.due = _date_edit()
        self.due.setToolTip(_tr("When the office should have your records: three working days before, "
                                "unless you choose another day"))
        self.due_note = label("", "muted", wrap=False)
        due_row = QWidget()
        row = QHBoxLayout(due_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        row.addWidget(self.due)
        row.addWidget(self.due_note, 1)
        self.add_row(_tr("&Records due by"), due_row, "records_due_by", focus_widget=self.due)
        self.bring = text_area(3, _tr("ID and insurance card, the imaging disc, your medication list, the questions"))
        self.add_row(_tr("What to &bring"), self.bring, "what_to_bring")

    def _build_after_column(self) -> None:
        self.add_heading(_tr("After the visit"), column=1)
        self.notes = text_area(5, _tr("What the doctor said and recommended, while you remember it"))
        self.add_row(_tr("&Notes"), self.notes, "notes_after", column=1)
        self.documents = QListWidget()
        self.documents.setObjectName("appointmentDocuments")
        self.documents.setMinimumHeight(90)
        self.documents.setMaximumHeight(150)
        self.documents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.documents.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.documents.setToolTip(_tr("Tick the documents of this case that belong to this visit"))
        for document in library.list_for_case(self._db, self._case_id):
            when = short_date(document.service_date)
            item = QListWidgetItem(f"{document.title} · {when}" if when else document.title)
            item.setData(ID_ROLE, document.id)
            item.setToolTip(item.text())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.documents.addItem(item)
        if self.documents.count():
            self.add_row(_tr("Doc&uments"), self.documents, "document_id", column=1)
        else:
            self.forms[1].addRow(_tr("Documents"), label(_tr("This case has no documents yet."), "empty-value"))
        self.recordings = QListWidget()
        self.recordings.setObjectName("appointmentRecordings")
        self.recordings.setMaximumHeight(84)
        self.recordings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recordings.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.add_recording_button = QPushButton(_tr("Add recording…"))
        self.add_recording_button.setAutoDefault(False)
        self.add_recording_button.setToolTip(_tr("Attach a recording of the visit; the file stays where it is"))
        self.add_recording_button.clicked.connect(self.choose_recording)
        self.remove_recording_button = QPushButton(_tr("Remove"))
        self.remove_recording_button.setAutoDefault(False)
        self.remove_recording_button.clicked.connect(self.remove_recording)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        box.addWidget(self.recordings)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_recording_button)
        buttons.addWidget(self.remove_recording_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.add_row(_tr("Recor&dings"), holder, "recordings", column=1, focus_widget=self.recordings)

    def _fill(self, stored: Appointment | None) -> None:
        if stored is None:
            start = dt.datetime.combine(dates.today() + dt.timedelta(days=14), dt.time(9, 0))
            visit = Appointment(case_id=self._case_id, starts_at=start.strftime("%Y-%m-%dT%H:%M"))
            doctor = cases.get(self._db, self._case_id).second_opinion_doctor_id
            visit.provider_id = doctor
        else:
            visit = stored
        self.date.setDate(QDate(visit.day))
        self.time.setTime(QTime(visit.start.hour, visit.start.minute))
        if self.length.findData(visit.duration_minutes) < 0:
            self.length.addItem(_tr("{minutes} minutes").format(minutes=visit.duration_minutes), visit.duration_minutes)
        self.length.setCurrentIndex(self.length.findData(visit.duration_minutes))
        self.doctor.set_value(visit.provider_id)
        self.kind.setCurrentIndex(max(0, self.kind.findData(AppointmentKind(visit.kind).value)))
        self.place.setText(visit.place)
        self.link.setText(visit.link)
        self.bring.setPlainText(visit.what_to_bring)
        self.notes.setPlainText(visit.notes_after)
        default = appointments.default_records_due_by(visit.starts_at)
        self._set_due(visit.records_due_by or default)
        self._due_follows_date = (visit.records_due_by or default) == default
        if stored is not None:
            attached = {d.id for d in appointments.documents(self._db, stored.id or 0)}
            for number in range(self.documents.count()):
                item = self.documents.item(number)
                if item.data(ID_ROLE) in attached:
                    item.setCheckState(Qt.CheckState.Checked)
            for recording in appointments.recordings(self._db, stored.id or 0):
                self._add_recording_item(recording.title, recording.path, recording.id)
        self._update_due_note()

    # Records due, and warnings ---------------------------------------------------------------

    def starts_at(self) -> str:
        return QDateTime(self.date.date(), self.time.time()).toString("yyyy-MM-ddTHH:mm")

    def _set_due(self, iso: str) -> None:
        self._setting_due = True
        try:
            self.due.setDate(QDate.fromString(iso, "yyyy-MM-dd"))
        finally:
            self._setting_due = False

    def _date_moved(self) -> None:
        if self._due_follows_date:
            self._set_due(appointments.default_records_due_by(self.starts_at()))
        self._update_due_note()

    def _due_edited(self) -> None:
        if not self._setting_due:
            self._due_follows_date = self.due.date().toString("yyyy-MM-dd") == \
                appointments.default_records_due_by(self.starts_at())
        self._update_due_note()

    def _update_due_note(self) -> None:
        self.due_note.setText(_tr("three working days before") if self._due_follows_date else _tr("chosen by you"))

    def warnings(self) -> list[str]:
        """What is worth a second look in the form as it is now: a past date, an overlap."""
        start = dt.datetime.fromisoformat(self.starts_at())
        end = start + dt.timedelta(minutes=self.length.currentData())
        found = []
        if start.date() < dates.today():
            found.append(_tr("This date is in the past ({day}). That is fine for a visit written down afterwards.")
                         .format(day=day_text(start.date())))
        for other in self._others:
            if other.start < end and start < other.end:
                who = providers.get(self._db, other.provider_id).name if other.provider_id is not None else ""
                found.append(_tr("It overlaps the {kind} appointment {who}on {when}. Both are kept: check the times.")
                             .format(kind=appointment_kind_label(other.kind).lower(),
                                     who=_tr("with {name} ").format(name=who) if who else "", when=when_text(other)))
        return found

    def _show_warnings(self) -> None:
        found = self.warnings()
        self.warning.setText("\n".join(f"⚠ {text}" for text in found))
        self.warning.setVisible(bool(found))

    # Recordings ------------------------------------------------------------------------------

    def choose_recording(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _tr("Attach a recording"), "",
            _tr("Recordings ({patterns});;All files (*)").format(patterns=RECORDING_FILTER))
        if chosen:
            self._add_recording_item(Path(chosen).name, chosen, None)

    def _add_recording_item(self, title: str, path: str, ident: int | None) -> None:
        item = QListWidgetItem(title)
        item.setToolTip(path)
        item.setData(ID_ROLE, ident)
        item.setData(PATH_ROLE, path)
        self.recordings.addItem(item)
        self.recordings.setCurrentItem(item)

    def remove_recording(self) -> None:
        item = self.recordings.currentItem()
        if item is None:
            return
        if item.data(ID_ROLE) is not None:
            self._removed_recordings.append(item.data(ID_ROLE))
        self.recordings.takeItem(self.recordings.row(item))

    # Saving ----------------------------------------------------------------------------------

    def save(self) -> Appointment:
        new_paths = [self.recordings.item(n).data(PATH_ROLE) for n in range(self.recordings.count())
                     if self.recordings.item(n).data(ID_ROLE) is None]
        for path in new_paths:
            if not Path(path).is_file():
                raise InvalidInput("recordings", _tr("{path} is not a file that can be found. Remove it and add "
                                                     "the recording again.").format(path=path))
        visit = Appointment(
            case_id=self._case_id, starts_at=self.starts_at(), kind=AppointmentKind(self.kind.currentData()),
            provider_id=self.doctor.value(), duration_minutes=self.length.currentData(), place=self.place.text(),
            link=self.link.text(), records_due_by=self.due.date().toString("yyyy-MM-dd"),
            what_to_bring=self.bring.toPlainText(), notes_after=self.notes.toPlainText(),
            id=self._stored.id if self._stored else None,
        )
        with self._db.atomic():  # the appointment and its attachments, or nothing
            saved = appointments.save(self._db, visit)
            self._save_documents(saved.id or 0)
            for ident in self._removed_recordings:
                appointments.remove_recording(self._db, ident)
            for path in new_paths:
                appointments.add_recording(self._db, saved.id or 0, path)
        return saved

    def _save_documents(self, appointment_id: int) -> None:
        attached = {d.id for d in appointments.documents(self._db, appointment_id)}
        for number in range(self.documents.count()):
            item = self.documents.item(number)
            ident, ticked = item.data(ID_ROLE), item.checkState() == Qt.CheckState.Checked
            if ticked and ident not in attached:
                appointments.attach_document(self._db, appointment_id, ident)
            elif not ticked and ident in attached:
                appointments.detach_document(self._db, appointment_id, ident)
