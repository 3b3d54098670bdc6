"""The comparison grid: one column per opinion (two or three), one row per field, in the manner of an Option Grid.

A row differs when the opinions say different things once case, spacing and
punctuation are set aside; when some leave it empty, only the others address
it. The comparison engine's key terms sit beside the rows they concern: the
row whose text names the term, else a medication or procedure beside the
recommended treatment (the alternatives when no letter takes a stance on it),
a test beside further tests, a diagnosis beside the diagnosis, and an amount
by the words of its sentence (risks, timing, cost, benefits, tests). The person's verdict and note on each
row are kept per set of opinions compared.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sqlite_utils import Database

from opinionkit.core.compare import Comparison, Stance, TermKind, compare_letters, quantities
from opinionkit.core.domain import Basis, Opinion, RowVerdict, Verdict
from opinionkit.core.errors import InvalidInput
from opinionkit.core.services import opinions as opinion_service
from opinionkit.core.services import providers
from opinionkit.core.storage import rows

TABLE = "grid_verdicts"
_NOTE_LIMIT = 4000

#: (key, label) of each row, in the order of the grid; the key is the opinion's field.
ROWS: tuple[tuple[str, str], ...] = (
    ("diagnosis", "Diagnosis"),
    ("recommended_treatment", "Recommended treatment"),
    ("alternatives", "Alternatives"),
    ("reasoning", "Reasoning"),
    ("basis", "What it rests on"),
    ("benefits", "Benefits"),
    ("risks", "Risks"),
    ("urgency", "Urgency"),
    ("further_tests", "Further tests"),
    ("cost_coverage", "Cost and coverage"),
    ("financial_interest", "Financial interest"),
    ("specialty", "Specialty"),
)
ROW_LABELS = dict(ROWS)

# Rows a term of each kind concerns, the likeliest first; a field naming the term elsewhere wins over none.
_KIND_ROWS = {
    TermKind.MEDICATION: ("recommended_treatment", "alternatives"),
    TermKind.PROCEDURE: ("recommended_treatment", "alternatives"),
    TermKind.TEST: ("further_tests",),
    TermKind.DIAGNOSIS: ("diagnosis",),
    TermKind.QUANTITY: tuple(key for key, _ in ROWS),
}
# Words of a sentence that tell which row a loose amount belongs to.
_CONTEXT_WORDS = (
    ("risks", re.compile(r"\b(risks?|complications?|side effects?|chance of harm)\b", re.I)),
    ("urgency", re.compile(r"\b(urgent|urgency|decid\w*|wait\w*|delay\w*)\b", re.I)),
    ("cost_coverage", re.compile(r"\b(costs?|covered|coverage|insurance|price|\$)", re.I)),
    ("benefits", re.compile(r"\b(benefits?|improve\w*|better|relief|walk farther)\b", re.I)),
    ("further_tests", re.compile(r"\b(tests?|scans?|x-rays?|imaging|repeat)\b", re.I)),
)


class RowState(StrEnum):
    SAME = "same"
    DIFFERS = "differs"
    NOT_ALL = "not addressed by all"
    NONE = "addressed by none"


@dataclass
class GridTerm:
    """A key term with what each opinion's letter says of it, in column order (None: not named)."""

    term: str
    kind: TermKind
    stances: list[Stance | None]
    values: list[str | None]
    row_key: str

    @property
    def agrees(self) -> bool:
        named = [s for s in self.stances if s is not None]
        return (len(named) == len(self.stances) and len(set(named)) == 1
                and all(quantities.same_amount(self.values[0], v) for v in self.values[1:]))

    def said(self, column: int) -> str:
        """"recommended: 600 mg three times daily", or "not named"."""
        stance, value = self.stances[column], self.values[column]
        if stance is None:
            return "not named"
        return f"{stance.value}: {value}" if value else stance.value


@dataclass
class GridRow:
    key: str
    label: str
    texts: list[str]  # one per column; "" where the opinion leaves it empty
    state: RowState
    terms: list[GridTerm] = field(default_factory=list)
    verdict: Verdict | None = None
    note: str = ""

    @property
    def differs(self) -> bool:
        """Worth a second look: the opinions say different things, or not all say anything."""
        return self.state in (RowState.DIFFERS, RowState.NOT_ALL)

    def state_text(self, columns: Sequence[str]) -> str:
        """The row's state in words, naming who addresses it when not all do."""
        if self.state is RowState.NOT_ALL:
            filled = [name for name, text in zip(columns, self.texts) if text]
            return f"Only {_names(filled)} address{'es' if len(filled) == 1 else ''} it"
        return {RowState.SAME: "Same", RowState.DIFFERS: "Differs", RowState.NONE: "Not addressed"}[self.state]


@dataclass
class Grid:
    """The grid of a case; ``message`` says what is missing when there are fewer than two opinions."""

    case_id: int
    opinions: list[Opinion]
    columns: list[str]  # a heading per opinion: the doctor, or the specialty
    rows: list[GridRow]
    terms: list[GridTerm]
    message: str = ""

    @property
    def opinion_ids(self) -> list[int]:
        return [o.id or 0 for o in self.opinions]

    @property
    def comparable(self) -> bool:
        return len(self.opinions) >= 2

    def row(self, key: str) -> GridRow:
        return next(r for r in self.rows if r.key == key)


def grid(db: Database, case_id: int, opinion_ids: Sequence[int] | None = None) -> Grid:
    """The grid of ``opinion_ids`` (two or three of the case's opinions; by default its first three)."""
    chosen = _chosen(db, case_id, opinion_ids)
    columns = _columns(db, chosen)
    if len(chosen) < 2:
        return Grid(case_id, chosen, columns, [_row(key, label, chosen) for key, label in ROWS], [],
                    missing_message(len(chosen)))
    terms, contexts = _terms(chosen)
    found = [_row(key, label, chosen) for key, label in ROWS]
    for term, context in zip(terms, contexts):
        term.row_key = _row_for(term, context, chosen)
        next(r for r in found if r.key == term.row_key).terms.append(term)
    for row in found:
        stored = _stored(db, case_id, chosen, row.key)
        if stored is not None:
            row.verdict, row.note = stored.verdict, stored.note
    return Grid(case_id, chosen, columns, found, terms)


def missing_message(count: int) -> str:
    """What to do when a case has fewer than two opinions to compare."""
    if count == 0:
        return ("No opinions are recorded for this case yet. Add each doctor's opinion under Opinions "
                "(Add opinion), then compare them here.")
    return ("Only one opinion is recorded, so there is nothing to compare it with yet. Once you have the "
            "second doctor's view, add it under Opinions (Add opinion), or on the command line, and the "
            "grid will set them side by side.")


def set_verdict(
    db: Database, case_id: int, opinion_ids: Sequence[int], row_key: str, verdict: Verdict | str | None,
    note: str = "",
) -> RowVerdict | None:
    """Keep the verdict and note on one row; no verdict and no note removes it (returns None)."""
    chosen = _chosen(db, case_id, opinion_ids)
    if row_key not in ROW_LABELS:
        raise InvalidInput("row_key", f"There is no row “{row_key}” in the grid. Rows: {', '.join(ROW_LABELS)}.")
    if verdict not in (None, ""):
        try:
            verdict = Verdict(verdict)
        except ValueError:
            allowed = ", ".join(v.value for v in Verdict)
            raise InvalidInput("verdict", f"The verdict must be one of: {allowed}.") from None
    note = (note or "").strip()
    if len(note) > _NOTE_LIMIT:
        raise InvalidInput("note", f"The note is very long: keep it under {_NOTE_LIMIT} characters.")
    stored = _stored(db, case_id, chosen, row_key)
    with db.atomic():
        if not verdict and not note:
            if stored is not None:
                db[TABLE].delete(stored.id)
            return None
        ids = sorted(o.id or 0 for o in chosen)
        made = RowVerdict(case_id, ids[0], ids[1], row_key, ids[2] if len(ids) > 2 else None,
                          verdict or None, note, stored.id if stored else None)  # type: ignore[arg-type]
        if made.id is None:
            made.id = rows.insert(db, TABLE, made)
        else:
            rows.update(db, TABLE, made, "verdict")
    return made


def verdicts(db: Database, case_id: int, opinion_ids: Sequence[int]) -> dict[str, RowVerdict]:
    """The verdicts kept for this set of opinions, by row key."""
    chosen = _chosen(db, case_id, opinion_ids)
    found = {}
    for key, _ in ROWS:
        stored = _stored(db, case_id, chosen, key)
        if stored is not None:
            found[key] = stored
    return found


def normal_text(text: str) -> str:
    """Text as compared: lower case, words only, single spaces."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def doctor_name(db: Database, opinion: Opinion) -> str:
    """Who gave the opinion, for headings and questions: the doctor, the specialty, or "a doctor"."""
    if opinion.provider_id is not None:
        return providers.get(db, opinion.provider_id).name
    return opinion.specialty or "a doctor"


def field_text(opinion: Opinion, key: str) -> str:
    """What the opinion says for a row; the basis with its detail ("personal experience: 400 operations")."""
    if key == "basis":
        kind = "" if opinion.basis is Basis.NOT_STATED else opinion.basis.value
        return ": ".join(part for part in (kind, opinion.basis_detail.strip()) if part)
    return str(getattr(opinion, key) or "").strip()


def _chosen(db: Database, case_id: int, opinion_ids: Sequence[int] | None) -> list[Opinion]:
    available = opinion_service.list_for_case(db, case_id)  # NotFound for an unknown case
    if opinion_ids is None:
        return available[:3]
    ids = list(opinion_ids)
    if len(available) < 2:
        raise InvalidInput("opinion_ids", missing_message(len(available)))
    if len(set(ids)) != len(ids):
        raise InvalidInput("opinion_ids", "Choose different opinions to compare, not the same one twice.")
    if not 2 <= len(ids) <= 3:
        raise InvalidInput("opinion_ids", "Choose two or three opinions of the case to compare.")
    by_id = {o.id: o for o in available}
    strangers = [i for i in ids if i not in by_id]
    if strangers:
        raise InvalidInput("opinion_ids", f"Opinion {strangers[0]} is not one of this case's opinions.")
    return [by_id[i] for i in ids]


def _columns(db: Database, chosen: list[Opinion]) -> list[str]:
    names = [doctor_name(db, o) for o in chosen]
    # Two opinions of the same doctor (or specialty) are told apart by their dates.
    return [f"{n} ({o.given_on or 'undated'})" if names.count(n) > 1 else n for n, o in zip(names, chosen)]


def _row(key: str, label: str, chosen: list[Opinion]) -> GridRow:
    texts = [field_text(o, key) for o in chosen]
    filled = [normal_text(t) for t in texts if t]
    if not filled:
        state = RowState.NONE
    elif len(filled) < len(texts):
        state = RowState.NOT_ALL
    else:
        state = RowState.SAME if len(set(filled)) == 1 else RowState.DIFFERS
    return GridRow(key, label, texts, state)


def _terms(chosen: list[Opinion]) -> tuple[list[GridTerm], list[str]]:
    """The engine's key terms for every pair of letters, merged by kind and name into one term per concept,
    each with the sentences that name it."""
    merged: dict[tuple[TermKind, str], GridTerm] = {}
    sentences: dict[tuple[TermKind, str], list[str]] = {}
    for i, j in itertools.combinations(range(len(chosen)), 2):
        comparison = _compare(chosen[i], chosen[j])
        for term in comparison.terms:
            key = (term.kind, term.term.casefold())
            found = merged.setdefault(key, GridTerm(term.term, term.kind, [None] * len(chosen),
                                                    [None] * len(chosen), ""))
            for column, stance, value in ((i, term.stance_a, term.a_value), (j, term.stance_b, term.b_value)):
                if found.stances[column] is None and stance is not None:
                    found.stances[column], found.values[column] = stance, value
            sentences.setdefault(key, []).extend(
                [comparison.a_sentences[n] for n in term.a_sentences]
                + [comparison.b_sentences[n] for n in term.b_sentences])
    return list(merged.values()), [" ".join(sentences[key]) for key in merged]


def _compare(a: Opinion, b: Opinion) -> Comparison:
    return compare_letters(a.letter_text, b.letter_text)


def _row_for(term: GridTerm, context: str, chosen: list[Opinion]) -> str:
    """The row whose field names the term (rows of its kind first), else the likeliest row for its kind."""
    preferred = _KIND_ROWS[term.kind]
    name = normal_text(term.term)
    for key in (*preferred, *(k for k, _ in ROWS if k not in preferred)):
        if name and any(f" {name} " in f" {normal_text(field_text(o, key))} " for o in chosen):
            return key
    if term.kind is TermKind.QUANTITY:
        return next((key for key, words in _CONTEXT_WORDS if words.search(context)), "recommended_treatment")
    if term.kind in (TermKind.MEDICATION, TermKind.PROCEDURE) and all(
        s in (None, Stance.MENTIONED) for s in term.stances
    ):
        return "alternatives"
    return preferred[0]


def _stored(db: Database, case_id: int, chosen: list[Opinion], row_key: str) -> RowVerdict | None:
    ids = sorted(o.id or 0 for o in chosen)
    third = ids[2] if len(ids) > 2 else None
    found = rows.select(
        db, TABLE, RowVerdict,
        "case_id = ? AND first_opinion_id = ? AND second_opinion_id = ? AND IFNULL(third_opinion_id, 0) = ? "
        "AND row_key = ?", [case_id, ids[0], ids[1], third or 0, row_key],
    )
    return found[0] if found else None


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
