"""Two letters side by side and their key terms: shows any ``Comparison``.

The pairs are one table, so the two letters line up row by row and scroll
together; Up and Down move through the pairs. Choosing a key term selects and
scrolls to the sentences that name it and highlights the term in them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from opinionkit.core.compare import Comparison, KeyTerm
from opinionkit.ui.details import label
from opinionkit.ui.opinions.pair_model import LETTER_A, LETTER_B, OWN_WORDS, DifferencesFilter, PairTableModel
from opinionkit.ui.opinions.pair_table import PairTable
from opinionkit.ui.opinions.terms_model import (
    AGREEMENT, IN_A, IN_B, KIND, TERM, TERM_ROLE, TermFilter, TermTableModel,
)
from opinionkit.ui.style import repolish, set_role

TERM_ROW_HEIGHT = 30


def _tr(text: str) -> str:
    return QCoreApplication.translate("opinions", text)


def comparison_message(comparison: Comparison) -> str:
    """What to say above the letters when they are empty or the same; "" otherwise."""
    if not comparison.a_sentences and not comparison.b_sentences:
        return _tr("Both letters are empty. Open each opinion and type or paste its letter to compare them.")
    if not comparison.a_sentences:
        return _tr("Letter A is empty. Open its opinion and type or paste the letter to compare them.")
    if not comparison.b_sentences:
        return _tr("Letter B is empty. Open its opinion and type or paste the letter to compare them.")
    if comparison.identical:
        return _tr("No differences: the two letters say the same, word for word.")
    return ""


def _sentences(count: int) -> str:
    if count == 0:
        return _tr("no sentence")
    return _tr("1 sentence") if count == 1 else _tr("{count} sentences").format(count=count)


def comparison_summary(comparison: Comparison) -> str:
    counts = comparison.counts()
    return _tr("{same} sentences the same · {changed} worded differently · {only_a} only in A · "
               "{only_b} only in B").format(
        same=counts["same"], changed=counts["changed"], only_a=counts["only in A"], only_b=counts["only in B"])


class ComparisonView(QWidget):
    term_chosen = Signal(object)  # the KeyTerm chosen, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.pairs = PairTableModel(self)
        self.pair_filter = DifferencesFilter(self)
        self.pair_filter.setSourceModel(self.pairs)
        self.terms = TermTableModel(self)
        self.term_filter = TermFilter(self)
        self.term_filter.setSourceModel(self.terms)

        self.summary = label("", "muted")
        self.summary.setObjectName("comparisonSummary")
        self.summary.setAccessibleName(_tr("How the letters compare"))
        self.only_differences = QCheckBox(_tr("Show only &differences"))
        self.only_differences.setToolTip(_tr("Hide the sentences and terms both letters say alike"))
        self.only_differences.toggled.connect(self.show_only_differences)
        self.message = label("", "warning")
        self.message.setObjectName("comparisonMessage")
        self.message.setAccessibleName(_tr("About these letters"))
        self.message.hide()
        self.table = PairTable(self.pair_filter)
        self.legend = self._build_legend()
        self.term_title = label(_tr("Key terms"), "card-title", wrap=False)
        self.term_hint = label(_tr("Choose a term to see the sentences that name it."), "muted")
        self.term_hint.setObjectName("termHint")
        self.term_table = self._build_term_table()

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.summary, 1)
        top.addWidget(self.legend, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(8)
        top.addWidget(self.only_differences, 0, Qt.AlignmentFlag.AlignTop)
        terms = QWidget()
        terms_box = QVBoxLayout(terms)
        terms_box.setContentsMargins(0, 6, 0, 0)
        terms_box.setSpacing(6)
        heading = QHBoxLayout()
        heading.setSpacing(12)
        heading.addWidget(self.term_title)
        heading.addWidget(self.term_hint, 1)
        terms_box.addLayout(heading)
        terms_box.addWidget(self.term_table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("comparisonSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(terms)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 360])  # the letters get the larger share; the proportion is what counts

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.only_differences, self.table)
        self.setTabOrder(self.table, self.term_table)

    # Building --------------------------------------------------------------------------------

    def _build_legend(self) -> QLabel:
        legend = QLabel(_tr('Words only in <span style="{a}">&nbsp;letter A&nbsp;</span> or '
                            '<span style="{b}">&nbsp;letter B&nbsp;</span>').format(a=OWN_WORDS["a"], b=OWN_WORDS["b"]))
        legend.setTextFormat(Qt.TextFormat.RichText)
        explained = _tr("Words only one letter has are bold, underlined and tinted in that letter's colour. "
                        "A hatched cell: nothing in that letter matches the sentence beside it.")
        legend.setToolTip(explained)
        legend.setAccessibleName(_tr("How differences are marked"))
        legend.setAccessibleDescription(explained)
        return set_role(legend, "muted")

    def _build_term_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("keyTerms")
        table.setAccessibleName(_tr("Key terms"))
        table.setAccessibleDescription(_tr(
            "Medications, procedures, tests, diagnoses and amounts, with what each letter says of them. "
            "Choosing one selects the sentences that name it."))
        table.setModel(self.term_filter)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(TERM_ROW_HEIGHT)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        bold = QFont(table.font())
        bold.setWeight(QFont.Weight.DemiBold)  # the terms are drawn in it
        for column, metrics, sample in ((TERM, QFontMetrics(bold), "epidural steroid injection"),
                                        (KIND, table.fontMetrics(), "Medication"),
                                        (AGREEMENT, table.fontMetrics(), "Different amount")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + (48 if column == AGREEMENT else 28))
        for column in (IN_A, IN_B):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._term_changed(current))
        table.clicked.connect(self._term_changed)
        return table

    # Showing ---------------------------------------------------------------------------------

    def show_comparison(self, comparison: Comparison | None, a_label: str = "", b_label: str = "") -> None:
        """Show ``comparison`` (None: nothing), its letters headed by the two labels."""
        self.comparison = comparison
        self.pairs.set_comparison(comparison, a_label, b_label)
        self.terms.set_terms(comparison.terms if comparison is not None else [])
        message = comparison_message(comparison) if comparison is not None else ""
        self.message.setText(message)
        self.message.setVisible(bool(message))
        set_role(self.message, "chip" if comparison is not None and comparison.identical else "warning")
        repolish(self.message)
        self.summary.setText(comparison_summary(comparison) if comparison is not None and comparison.pairs else "")
        self._show_term_count()
        self.term_hint.setText(_tr("Choose a term to see the sentences that name it.") if self.terms.rowCount()
                               else _tr("Neither letter names a medication, procedure, test or diagnosis."))
        if self.pair_filter.rowCount():
            self.table.scrollToTop()

    def _show_term_count(self) -> None:
        total, shown = self.terms.rowCount(), self.term_filter.rowCount()
        if not total:
            self.term_title.setText(_tr("Key terms"))
        elif shown < total:
            self.term_title.setText(_tr("Key terms ({shown} of {total})").format(shown=shown, total=total))
        else:
            self.term_title.setText(_tr("Key terms ({count})").format(count=total))

    def show_only_differences(self, on: bool) -> None:
        if self.only_differences.isChecked() != on:
            self.only_differences.setChecked(on)  # comes back here through toggled
            return
        self.pair_filter.set_only_differences(on)
        self.term_filter.set_only_differences(on)
        self._show_term_count()
        self._term_changed(self.term_table.currentIndex())

    # Key terms -------------------------------------------------------------------------------

    def choose_term(self, name: str) -> list[int]:
        """Choose the term called ``name`` as a click would; returns the pair rows now selected."""
        row = self.terms.row_of(name)
        index = self.term_filter.mapFromSource(self.terms.index(row, TERM)) if row is not None else QModelIndex()
        self.term_table.setCurrentIndex(index)
        return self.selected_pair_rows()

    def selected_pair_rows(self) -> list[int]:
        """The selected pairs, as rows of ``pairs`` (the unfiltered model)."""
        rows = {self.pair_filter.mapToSource(index).row() for index in self.table.selectionModel().selectedRows()}
        return sorted(rows)

    def _term_changed(self, index: QModelIndex) -> None:
        term: KeyTerm | None = index.data(TERM_ROLE) if index.isValid() else None
        rows = self.pairs.mark_term(term)
        shown = [self.pair_filter.mapFromSource(self.pairs.index(row, LETTER_A)) for row in rows]
        shown = [i for i in shown if i.isValid()]
        selection = QItemSelection()
        for proxy_index in shown:
            selection.select(proxy_index, proxy_index.siblingAtColumn(LETTER_B))
        self.table.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        if shown:
            self.table.selectionModel().setCurrentIndex(shown[0], QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(shown[0], QAbstractItemView.ScrollHint.PositionAtTop)
        self.term_hint.setText(self._term_note(term, len(rows), len(shown)))
        self.term_chosen.emit(term)

    @staticmethod
    def _term_note(term: KeyTerm | None, found: int, shown: int) -> str:
        if term is None:
            return _tr("Choose a term to see the sentences that name it.")
        if found and not shown:
            return _tr("“{term}”: its sentences are alike in both letters, so “Show only differences” "
                       "hides them.").format(term=term.term)
        return _tr("“{term}”: {a} in letter A, {b} in letter B, selected above.").format(
            term=term.term, a=_sentences(len(term.a_sentences)), b=_sentences(len(term.b_sentences)))
