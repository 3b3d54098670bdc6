"""Two opinions' letters side by side: choose letter A and letter B, compare off the GUI thread, save the page.

The comparison starts by itself when the choice changes and runs on the thread
pool; a bar shows its progress with Cancel beside it. The last comparison stays
on screen until the new one is ready.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)
from sqlite_utils import Database

from opinionkit.core.compare import Comparison
from opinionkit.core.domain import Opinion
from opinionkit.core.errors import Cancelled, NotFound, OpinionKitError
from opinionkit.ui.details import Card, label
from opinionkit.ui.errors import show_error
from opinionkit.ui.opinions.compare_task import CompareTask, compare_opinions
from opinionkit.ui.opinions.comparison_view import ComparisonView
from opinionkit.ui.opinions.labels import doctor_name
from opinionkit.ui.opinions.page_export import choose_page_path, write_page
from opinionkit.ui.style import set_role


def _tr(text: str) -> str:
    return QCoreApplication.translate("opinions", text)


def _chooser(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setMinimumContentsLength(12)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


class LettersPanel(QWidget):
    compared = Signal(object)  # the Comparison now shown
    add_requested = Signal()  # "Add an opinion…" when there are fewer than two

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._opinions: list[Opinion] = []
        self._names: dict[int, str] = {}
        self._dated: set[str] = set()  # names of doctors with more than one opinion here
        self._stale = False
        self.task: CompareTask | None = None  # the latest comparison started
        self.shown_ids: tuple[int, int] | None = None  # the opinions whose comparison is on screen
        # What the comparison on screen (or running) was made of: the same again is not compared again.
        self._shown_key: tuple[object, ...] | None = None
        self._running_key: tuple[object, ...] | None = None

        self.letter_a = _chooser(_tr("Letter A"))
        self.letter_b = _chooser(_tr("Letter B"))
        for combo in (self.letter_a, self.letter_b):
            combo.currentIndexChanged.connect(lambda _index: self.compare())
        self.swap_button = QPushButton(_tr("S&wap"))
        self.swap_button.setToolTip(_tr("Put letter B on the left and letter A on the right"))
        self.swap_button.clicked.connect(self.swap)
        self.view = ComparisonView()
        self._build_states()
        self.content = QWidget()
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addLayout(self._build_choosers())
        column.addWidget(self.view, 1)
        self.empty_card = self._build_empty_state()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.content)
        self.pages.addWidget(self.empty_card)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        chain = [self.letter_a, self.swap_button, self.letter_b, self.save_button, self.cancel_button,
                 self.again_button, self.view.only_differences, self.view.table, self.view.term_table]
        for before, after in zip(chain, chain[1:]):
            self.setTabOrder(before, after)

    # Building --------------------------------------------------------------------------------

    def _build_choosers(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        for text, combo in ((_tr("Letter &A"), self.letter_a), (_tr("Letter &B"), self.letter_b)):
            name = QLabel(text)
            name.setBuddy(combo)
            row.addWidget(name)
            row.addWidget(combo, 1)
            if combo is self.letter_a:
                row.addWidget(self.swap_button)
                row.addSpacing(8)
        row.addSpacing(16)
        row.addWidget(self.state_pages)
        return row

    def _build_states(self) -> None:
        """Where the Save button stands: the progress bar and Cancel while comparing, Compare again when stopped."""
        self.save_button = QPushButton(_tr("&Save side-by-side page…"))
        self.save_button.setToolTip(_tr("Save both letters side by side, differences marked, with the key terms, "
                                        "as a web page to print or share"))
        self.save_button.clicked.connect(self.save_page)
        self.progress = QProgressBar()
        self.progress.setObjectName("compareProgress")
        self.progress.setAccessibleName(_tr("Comparing the letters"))
        self.progress.setFormat(_tr("Comparing…"))
        self.progress.setMinimumWidth(110)
        self.cancel_button = QPushButton(_tr("Cancel"))
        self.cancel_button.setToolTip(_tr("Stop comparing these letters"))
        self.cancel_button.clicked.connect(self.cancel)
        self.again_button = set_role(QPushButton(_tr("Compare again")), "primary")
        self.again_button.setToolTip(_tr("The comparison was stopped; run it again"))
        self.again_button.clicked.connect(self.compare)
        busy = QWidget()
        busy_row = QHBoxLayout(busy)
        busy_row.setContentsMargins(0, 0, 0, 0)
        busy_row.setSpacing(8)
        busy_row.addWidget(self.progress, 1)
        busy_row.addWidget(self.cancel_button)
        self.busy = busy
        self.state_pages = QStackedWidget()
        for page in (self.save_button, busy, self.again_button):
            self.state_pages.addWidget(page)

    def _build_empty_state(self) -> QWidget:
        card = Card(_tr("Two letters side by side"))
        card.body.addWidget(label(_tr(
            "Once two doctors' opinions are here with their letters, they are shown side by side: the "
            "sentences paired by meaning, the words that differ marked, and the medications, treatments, "
            "tests and amounts each letter names."), "field-value"))
        self.empty_note = label("", "muted")
        card.body.addWidget(self.empty_note)
        self.add_button = set_role(QPushButton(_tr("Add an opinion…")), "primary")
        self.add_button.clicked.connect(self.add_requested)
        card.body.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        card.setMaximumWidth(680)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 8, 0, 0)
        box.addWidget(card)
        box.addStretch(1)
        return holder

    # Choosing --------------------------------------------------------------------------------

    def set_opinions(self, opinions: list[Opinion], provider_names: dict[int, str]) -> None:
        """Offer ``opinions`` as letters A and B, keeping the choice where it still stands (else the first two)."""
        keep = (self.letter_a.currentData(), self.letter_b.currentData())
        self._opinions = list(opinions)
        self._names = {o.id: doctor_name(o, provider_names) for o in opinions if o.id is not None}
        self._dated = {name for name in self._names.values() if list(self._names.values()).count(name) > 1}
        ids = [o.id for o in self._opinions]
        first = keep[0] if keep[0] in ids else (ids[0] if ids else None)
        second = keep[1] if keep[1] in ids and keep[1] != first else next((i for i in ids if i != first), None)
        for combo, chosen in ((self.letter_a, first), (self.letter_b, second)):
            combo.blockSignals(True)
            combo.clear()
            for opinion in self._opinions:
                combo.addItem(self._choice_text(opinion), opinion.id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        enough = len(self._opinions) >= 2
        self.pages.setCurrentWidget(self.content if enough else self.empty_card)
        self.empty_note.setText(_tr("This case has one opinion so far: add the second to compare them.")
                                if len(self._opinions) == 1 else _tr("This case has no opinions yet."))
        if not enough:
            self._forget_task()
            self.view.show_comparison(None)
            self.shown_ids = self._shown_key = None
            return
        wanted = self._wanted()
        self._stale = wanted != (self._running_key if self.task is not None else self._shown_key)
        if self._stale and self.isVisible():
            self.compare()

    def _choice_text(self, opinion: Opinion) -> str:
        """The doctor's name; with the date when the same doctor gave two opinions."""
        name = self._names.get(opinion.id or 0, "")
        date = QDate.fromString(opinion.given_on or "", "yyyy-MM-dd")
        if name in self._dated and date.isValid():
            return f"{name} · {QLocale().toString(date, 'd MMM yyyy')}"
        return name

    def _wanted(self) -> tuple[object, ...] | None:
        """The chosen letters and names: what a comparison of the current choice is made of."""
        a_id, b_id = self.chosen_ids()
        by_id = {o.id: o for o in self._opinions}
        if a_id not in by_id or b_id not in by_id:
            return None
        return (a_id, b_id, by_id[a_id].letter_text, by_id[b_id].letter_text,
                self._names.get(a_id), self._names.get(b_id))

    def chosen_ids(self) -> tuple[int | None, int | None]:
        return self.letter_a.currentData(), self.letter_b.currentData()

    def choose(self, a_id: int, b_id: int) -> None:
        """Compare the letters of ``a_id`` (as A) and ``b_id`` (as B)."""
        for combo, chosen in ((self.letter_a, a_id), (self.letter_b, b_id)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        self.compare()

    def compare_with_another(self, opinion_id: int) -> None:
        """Put ``opinion_id``'s letter on the left, facing the one chosen for B (or the first other)."""
        a_id, b_id = self.chosen_ids()
        if a_id == opinion_id:
            return
        other = b_id if b_id not in (None, opinion_id) else next(
            (o.id for o in self._opinions if o.id != opinion_id), None)
        if other is not None:
            self.choose(opinion_id, other)

    def swap(self) -> None:
        a_id, b_id = self.chosen_ids()
        if a_id is not None and b_id is not None:
            self.choose(b_id, a_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.compare()

    # Comparing -------------------------------------------------------------------------------

    def compare(self) -> CompareTask | None:
        """Start comparing the chosen letters; the result replaces what is shown when it is ready."""
        a_id, b_id = self.chosen_ids()
        if a_id is None or b_id is None:
            return None
        self._stale = False
        self._forget_task()
        try:
            task = compare_opinions(self._db, a_id, b_id)
        except NotFound as error:
            show_error(self.window(), error)
            return None
        # Owned by the panel, not by Python references: whichever thread drops the last of those,
        # the task is deleted here, on the GUI thread, once it has reported (deleteLater below).
        task.setParent(self)
        self.task = task
        self._running_key = self._wanted()
        task.progress.connect(self._progressed)
        task.finished.connect(self._finished)
        task.failed.connect(self._failed)
        self.progress.setRange(0, 0)  # busy until the first step is reported
        self.cancel_button.setEnabled(True)
        self.state_pages.setCurrentWidget(self.busy)
        task.start()
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(_tr("Stopping…"))

    @property
    def busy_now(self) -> bool:
        return self.state_pages.currentWidget() is self.busy

    def _forget_task(self) -> None:
        """Stop the running comparison, if any: its result is no longer wanted."""
        if self.task is not None:
            self.task.cancel()
            self.task = None
        self.progress.setFormat(_tr("Comparing…"))

    def _progressed(self, done: int, total: int) -> None:
        if self.sender() is self.task and total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _reported(self) -> CompareTask | None:
        """The task that has just reported, if it is the one whose result is wanted; either way it goes."""
        task = self.sender()
        if isinstance(task, CompareTask):
            task.deleteLater()
        if task is None or task is not self.task:
            return None  # an earlier choice, overtaken by a later one
        self.task = None
        return task

    def _finished(self, comparison: Comparison) -> None:
        task = self._reported()
        if task is None:
            return
        self.state_pages.setCurrentWidget(self.save_button)
        self.shown_ids = (task.a_id or 0, task.b_id or 0)
        self._shown_key, self._running_key = self._running_key, None
        self.view.show_comparison(comparison, self._names.get(task.a_id or 0, ""), self._names.get(task.b_id or 0, ""))
        if task.a_id == task.b_id:
            self.view.message.setText(_tr("Letter A and letter B are the same opinion: choose another one for "
                                          "either side."))
            self.view.message.show()
        self.save_button.setEnabled(bool(comparison.pairs))
        self.compared.emit(comparison)

    def _failed(self, error: BaseException) -> None:
        if self._reported() is None:
            return
        self._running_key = None
        if isinstance(error, Cancelled):
            self.state_pages.setCurrentWidget(self.again_button)
            self.view.show_comparison(None)
            self.shown_ids = self._shown_key = None
            self.view.summary.setText(_tr("The comparison was stopped. Choose Compare again to see the letters."))
            return
        self.state_pages.setCurrentWidget(self.save_button)
        if isinstance(error, OpinionKitError):
            show_error(self.window(), error)
            return
        raise error  # unexpected: the window's excepthook logs it and says so once

    # Saving ----------------------------------------------------------------------------------

    def save_page(self) -> None:
        comparison = self.view.comparison
        if comparison is None or self.shown_ids is None:
            return
        a_label, b_label = (self._names.get(i, "") for i in self.shown_ids)
        path = choose_page_path(self.window(), a_label, b_label)
        if path is None:
            return
        try:
            write_page(path, comparison, a_label, b_label)
        except OpinionKitError as error:
            show_error(self.window(), error)
            return
        status_bar = getattr(self.window(), "statusBar", None)
        if callable(status_bar):
            status_bar().showMessage(_tr("Saved the letters side by side to {path}").format(path=path), 8000)
