"""Adding or changing an opinion: who gave it and how, what it advises and why, and the letter itself.

The form scrolls on the left; the letter sits beside it in a large box, so the
fields can be filled in while reading it. The letter is typed, pasted, or
taken from a PDF among the case's documents.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)
from sqlite_utils import Database

from opinionkit.core.domain import Basis, HowGiven, Opinion
from opinionkit.core.errors import InvalidInput, NotFound
from opinionkit.core.services import library, opinions, providers
from opinionkit.ui.details import label
from opinionkit.ui.dialogs.form_dialog import FormDialog, text_area
from opinionkit.ui.dialogs.provider_choice import ProviderChoice
from opinionkit.ui.opinions.document_choice import DocumentChoice, letter_candidates
from opinionkit.ui.opinions.labels import basis_label, how_given_label

DATE_HINT = "YYYY-MM-DD"


def _tr(text: str) -> str:
    return QCoreApplication.translate("opinions", text)


def _combo(values: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    for text, value in values:
        combo.addItem(text, value)
    combo.setMinimumContentsLength(14)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def _line(placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setPlaceholderText(placeholder)
    return field


class OpinionDialog(FormDialog):
    def __init__(self, db: Database, case_id: int, opinion_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        stored = opinions.get(db, opinion_id) if opinion_id is not None else None
        super().__init__(_tr("Opinion") if stored else _tr("New opinion"), parent)
        self.setObjectName("opinionDialog")
        self._db = db
        self._case_id = case_id
        self._opinion = stored or Opinion(case_id=case_id)
        self._letter_document_id = self._opinion.letter_document_id
        self._filled_specialty = ""  # the specialty last filled in from the directory
        self._build_who()
        self._build_advice()
        self._build_weighing()
        self._place_beside_form(self._build_letter())
        self._fill(self._opinion)
        self.resize(1180, 720)

    # Building --------------------------------------------------------------------------------

    def _build_who(self) -> None:
        self.add_heading(_tr("Who and when"))
        self.doctor = ProviderChoice(self._db)
        self.doctor.combo.currentIndexChanged.connect(lambda _index: self._fill_specialty())
        self.add_row(_tr("&Doctor"), self.doctor, "provider_id", focus_widget=self.doctor.combo)
        self.specialty = self.add_row(_tr("S&pecialty"), _line(_tr("Filled in from the directory")), "specialty")
        self.given_on = _line(DATE_HINT)
        self.given_on.setMaxLength(10)
        self.given_on.setToolTip(_tr("The day of the visit, or of the letter, as YYYY-MM-DD"))
        self.add_row(_tr("D&ate"), self.given_on, "given_on")
        self.how_given = _combo([(how_given_label(value), value.value) for value in HowGiven])
        self.add_row(_tr("&How given"), self.how_given, "how_given")

    def _build_advice(self) -> None:
        self.add_heading(_tr("What the doctor advises"))
        self.diagnosis = self.add_row(_tr("Dia&gnosis"), text_area(2), "diagnosis")
        self.treatment = self.add_row(_tr("&Recommended treatment"), text_area(3), "recommended_treatment")
        self.alternatives = self.add_row(_tr("A&lternatives mentioned"), text_area(2), "alternatives")
        self.reasoning = self.add_row(_tr("Reas&oning"), text_area(3), "reasoning")
        order = sorted(Basis, key=lambda value: value is not Basis.NOT_STATED)  # the default first
        self.basis = _combo([(basis_label(value), value.value) for value in order])
        self.basis.setToolTip(_tr("What the recommendation rests on, as the doctor said it"))
        self.add_row(_tr("&Basis"), self.basis, "basis")
        self.basis_detail = self.add_row(
            _tr("Basis d&etail"), _line(_tr("For example “about 200 patients a year”, “the 2024 guideline”")),
            "basis_detail")

    def _build_weighing(self) -> None:
        self.add_heading(_tr("Weighing it up"))
        self.benefits = self.add_row(_tr("Expected be&nefits"), text_area(2), "benefits")
        self.risks = self.add_row(_tr("Ris&ks and downsides"), text_area(2), "risks")
        self.urgency = self.add_row(_tr("&Urgency, time to decide"),
                                    _line(_tr("For example “decide within two months”")), "urgency")
        self.further_tests = self.add_row(_tr("&Further tests suggested"), text_area(2), "further_tests")
        self.cost_coverage = self.add_row(_tr("&Cost and coverage"), text_area(2), "cost_coverage")
        self.financial_interest = self.add_row(
            _tr("F&inancial interest"), _line(_tr("For example “would perform the operation”, “none stated”")),
            "financial_interest")

    def _build_letter(self) -> QWidget:
        self.letter = QPlainTextEdit()
        self.letter.setObjectName("letterText")
        self.letter.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.letter.setPlaceholderText(_tr(
            "Type or paste the doctor's letter here, or take it from a PDF among this case's documents."))
        self.letter.setAccessibleName(_tr("The written letter"))
        heading = QLabel(_tr("The &written letter"))
        heading.setProperty("role", "card-title")
        heading.setBuddy(self.letter)
        hint = label(_tr("OpinionKit compares the letters sentence by sentence: paste the whole letter, "
                         "as the doctor wrote it."), "muted")
        self.take_button = QPushButton(_tr("&Take from a document…"))
        self.take_button.setAutoDefault(False)
        self.take_button.clicked.connect(self.choose_document)
        self.source = label("", "muted")
        self.source.setObjectName("letterSource")
        for field in ("letter_text", "letter_document_id"):
            self._fields[field] = self.letter
        self._clear_when_edited(self.letter)
        self._offer_documents()

        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.take_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.source, 1)
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 2, 0, 0)
        column.setSpacing(8)
        column.addWidget(heading)
        column.addWidget(hint)
        column.addWidget(self.letter, 1)
        column.addLayout(row)
        return panel

    def _place_beside_form(self, panel: QWidget) -> None:
        layout = self.layout()
        position = layout.indexOf(self.scroll)
        layout.removeWidget(self.scroll)
        row = QHBoxLayout()
        row.setSpacing(28)
        row.addWidget(self.scroll, 11)
        row.addWidget(panel, 10)
        layout.insertLayout(position, row, 1)

    def _offer_documents(self) -> None:
        self._documents = letter_candidates(library.list_for_case(self._db, self._case_id))
        self.take_button.setEnabled(bool(self._documents))
        self.take_button.setToolTip(
            _tr("Read the text of a PDF among this case's documents into the letter box") if self._documents
            else _tr("No PDF among this case's documents yet: import the letter under Documents first"))

    # The letter from a document --------------------------------------------------------------

    def choose_document(self) -> None:
        if not self._documents:
            return
        dialog = DocumentChoice(self._documents, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.take_letter_from(dialog.chosen_id()))
        dialog.open()

    def take_letter_from(self, document_id: int | None) -> None:
        """Put the document's text in the letter box, or say why it has none."""
        if document_id is None:
            return
        self._clear_problem()
        try:
            text = opinions.letter_from_document(self._db, document_id)
        except (InvalidInput, NotFound) as error:
            self.point_at("letter_text", str(error))
            return
        # Replaced through the cursor, not setPlainText: Ctrl+Z in the box brings back what was there.
        cursor = self.letter.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        self.letter.moveCursor(QTextCursor.MoveOperation.Start)
        self._letter_document_id = document_id
        self._show_source()
        self.letter.setFocus()

    def _show_source(self) -> None:
        title = next((d.title for d in self._documents if d.id == self._letter_document_id), "")
        if not title and self._letter_document_id is not None:
            try:
                title = library.get(self._db, self._letter_document_id).title
            except NotFound:
                title = ""
        self.source.setText(_tr("Taken from “{title}”").format(title=title) if title else "")

    # Values ----------------------------------------------------------------------------------

    def _fill_specialty(self) -> None:
        """The chosen doctor's specialty, unless one was typed in by hand."""
        provider_id = self.doctor.value()
        specialty = providers.get(self._db, provider_id).specialty if provider_id is not None else ""
        if not self.specialty.text().strip() or self.specialty.text() == self._filled_specialty:
            self.specialty.setText(specialty)
        self._filled_specialty = specialty

    def _fill(self, opinion: Opinion) -> None:
        self.doctor.reload(opinion.provider_id)
        self.specialty.setText(opinion.specialty)
        self._filled_specialty = ""
        if opinion.provider_id is not None and not opinion.specialty:
            self._fill_specialty()
        self.given_on.setText(opinion.given_on or "")
        self.how_given.setCurrentIndex(max(0, self.how_given.findData(HowGiven(opinion.how_given).value)))
        self.diagnosis.setPlainText(opinion.diagnosis)
        self.treatment.setPlainText(opinion.recommended_treatment)
        self.alternatives.setPlainText(opinion.alternatives)
        self.reasoning.setPlainText(opinion.reasoning)
        self.basis.setCurrentIndex(max(0, self.basis.findData(Basis(opinion.basis).value)))
        self.basis_detail.setText(opinion.basis_detail)
        self.benefits.setPlainText(opinion.benefits)
        self.risks.setPlainText(opinion.risks)
        self.urgency.setText(opinion.urgency)
        self.further_tests.setPlainText(opinion.further_tests)
        self.cost_coverage.setPlainText(opinion.cost_coverage)
        self.financial_interest.setText(opinion.financial_interest)
        self.letter.setPlainText(opinion.letter_text)
        self._show_source()

    def _draft(self) -> Opinion:
        letter = self.letter.toPlainText()
        return replace(
            self._opinion,
            provider_id=self.doctor.value(),
            specialty=self.specialty.text(),
            given_on=self.given_on.text().strip() or None,
            how_given=HowGiven(self.how_given.currentData()),
            diagnosis=self.diagnosis.toPlainText(),
            recommended_treatment=self.treatment.toPlainText(),
            alternatives=self.alternatives.toPlainText(),
            reasoning=self.reasoning.toPlainText(),
            basis=Basis(self.basis.currentData()),
            basis_detail=self.basis_detail.text(),
            benefits=self.benefits.toPlainText(),
            risks=self.risks.toPlainText(),
            urgency=self.urgency.text(),
            further_tests=self.further_tests.toPlainText(),
            cost_coverage=self.cost_coverage.toPlainText(),
            financial_interest=self.financial_interest.text(),
            letter_text=letter,
            letter_document_id=self._letter_document_id if letter.strip() else None,
        )

    def save(self) -> Opinion:
        return opinions.save(self._db, self._draft())
