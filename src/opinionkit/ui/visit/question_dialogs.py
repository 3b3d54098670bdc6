"""A question's form (its words and whom it is for), and the small form for one doctor's answer."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QButtonGroup, QComboBox, QDateEdit, QHBoxLayout, QRadioButton, QWidget
from sqlite_utils import Database

from opinionkit.core import dates
from opinionkit.core.domain import Provider
from opinionkit.core.domain.questions import AnswerState, Question, QuestionRow
from opinionkit.core.errors import InvalidInput
from opinionkit.core.services import questions
from opinionkit.ui.details import label
from opinionkit.ui.dialogs.form_dialog import FormDialog, text_area
from opinionkit.ui.dialogs.provider_choice import provider_text

NOT_ASKED, ASKED, ANSWERED = "", "asked", "answered"


def _tr(text: str) -> str:
    return QCoreApplication.translate("visit", text)


def _date_edit() -> QDateEdit:
    field = QDateEdit()
    field.setCalendarPopup(True)
    field.setDisplayFormat("d MMMM yyyy")
    field.setMaximumDate(QDate(dates.today()))  # asked and answered: never in the future
    field.setDate(QDate(dates.today()))
    field.setMinimumWidth(170)
    return field


class QuestionDialog(FormDialog):
    """Add a question, or change its words and whom it is for."""

    def __init__(self, db: Database, case_id: int, doctors: list[Provider], question: Question | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(_tr("Edit question") if question else _tr("New question"), parent)
        self.setObjectName("questionDialog")
        self._db = db
        self._question = question or Question(case_id=case_id, text="")
        self.text = text_area(4, _tr("For example “How long is the recovery before I can work again?”"))
        self.text.setPlainText(self._question.text)
        self.add_row(_tr("&Question"), self.text, "text")
        self.for_doctor = QComboBox()
        self.for_doctor.addItem(_tr("Every doctor"), None)
        for doctor in doctors:
            self.for_doctor.addItem(provider_text(doctor), doctor.id)
        self.for_doctor.setCurrentIndex(max(0, self.for_doctor.findData(self._question.for_provider_id)))
        self.add_row(_tr("&For"), self.for_doctor, "for_provider_id")
        self.resize(620, 300)

    def save(self) -> Question:
        changed = replace(self._question, text=self.text.toPlainText(), for_provider_id=self.for_doctor.currentData())
        if changed.id is None:
            return questions.add_question(self._db, changed.case_id, changed.text, changed.for_provider_id)
        return questions.update(self._db, changed)


class AnswerDialog(FormDialog):
    """Whether one doctor was asked the question, and their answer."""

    def __init__(self, db: Database, row: QuestionRow, doctors: list[Provider], provider_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(_tr("Answer"), parent)
        self.setObjectName("answerDialog")
        self._db = db
        self._row = row
        question = label(row.question.text, "card-title", selectable=True)
        question.setAccessibleName(_tr("Question"))
        self.forms[0].addRow(question)

        self.doctor = QComboBox()
        for doctor in doctors:
            if row.question.for_provider_id in (None, doctor.id):
                self.doctor.addItem(provider_text(doctor), doctor.id)
        self.doctor.setCurrentIndex(max(0, self.doctor.findData(provider_id)))
        self.add_row(_tr("&Doctor"), self.doctor, "provider_id")

        self.states = QButtonGroup(self)
        state_row = QWidget()
        buttons = QHBoxLayout(state_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(18)
        self.state_buttons: dict[str, QRadioButton] = {}
        for state, text in ((NOT_ASKED, _tr("&Not asked yet")), (ASKED, _tr("As&ked")),
                            (ANSWERED, _tr("Ans&wered"))):
            button = QRadioButton(text)
            self.states.addButton(button)
            buttons.addWidget(button)
            self.state_buttons[state] = button
        buttons.addStretch(1)
        self.add_row(_tr("Status"), state_row, focus_widget=self.state_buttons[NOT_ASKED])
        self.on_date = _date_edit()
        self.add_row(_tr("D&ate"), self.on_date, "on_date")
        self.answer = text_area(6, _tr("What the doctor said, in your own words"))
        self.add_row(_tr("A&nswer"), self.answer, "answer")

        self.doctor.currentIndexChanged.connect(self._fill)
        self.states.buttonToggled.connect(self._update_fields)
        self._fill()
        self.resize(640, 440)

    def state(self) -> str:
        return next(state for state, button in self.state_buttons.items() if button.isChecked())

    def set_state(self, state: str) -> None:
        self.state_buttons[state].setChecked(True)

    def _fill(self) -> None:
        answer = self._row.answers.get(self.doctor.currentData() or 0)
        if answer is None:
            self.set_state(NOT_ASKED)
            self.answer.clear()
            self.on_date.setDate(QDate(dates.today()))
        else:
            self.set_state(ANSWERED if answer.state is AnswerState.ANSWERED else ASKED)
            self.answer.setPlainText(answer.answer)
            if answer.on_date:
                self.on_date.setDate(QDate.fromString(answer.on_date, "yyyy-MM-dd"))
        self._update_fields()

    def _update_fields(self, *_: object) -> None:
        state = self.state()
        self.on_date.setEnabled(state != NOT_ASKED)
        self.answer.setEnabled(state == ANSWERED)
        self.answer.setReadOnly(state != ANSWERED)

    def save(self) -> str:
        question_id, provider_id = self._row.question.id or 0, self.doctor.currentData()
        if provider_id is None:
            raise InvalidInput("provider_id", _tr("Choose the doctor first: add the doctors in the case details."))
        state, day = self.state(), self.on_date.date().toString("yyyy-MM-dd")
        if state == NOT_ASKED:
            questions.clear_answer(self._db, question_id, provider_id)
        elif state == ASKED:
            questions.mark_asked(self._db, question_id, provider_id, day)
        else:
            questions.record_answer(self._db, question_id, provider_id, self.answer.toPlainText(), day)
        return state
