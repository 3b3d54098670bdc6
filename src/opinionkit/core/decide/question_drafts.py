"""Questions for each doctor, drafted from where their opinions differ.

When one doctor recommends something the other advises against, each is
asked about the other's reasons; when both give a different amount, each is
asked why theirs; when only one suggests a test or a treatment, the other is
asked whether it would help. A diagnosis or a timing that differs, and any
row the person marked "differ", get a question too. The drafts are plain
dataclasses the person edits before ``add_drafts`` puts them on the case's
question list, each marked with the doctor it is for.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from opinionkit.core.compare import Stance, TermKind, quantities
from opinionkit.core.decide import grid as grids
from opinionkit.core.decide.grid import Grid, GridTerm, RowState
from opinionkit.core.domain import Opinion, Question, QuestionSource, Verdict
from opinionkit.core.services import providers, questions

_QUOTE_LIMIT = 160
_TREATMENTS = (TermKind.MEDICATION, TermKind.PROCEDURE)
_TREATMENT_ROWS = ("recommended_treatment", "alternatives")


@dataclass
class Draft:
    """A question for one doctor, with why it was drafted; ``text`` is the person's to change."""

    text: str
    opinion_id: int
    for_provider_id: int | None  # None when the opinion names no doctor: then it is for every doctor
    row_key: str
    reason: str


def draft(db: Database, case_id: int, opinion_ids: Sequence[int] | None = None) -> list[Draft]:
    """Draft questions from the grid of these opinions (none when there are fewer than two)."""
    found = grids.grid(db, case_id, opinion_ids)
    if not found.comparable:
        return []
    names = [_who(db, o) for o in found.opinions]
    drafts = list(_from_terms(found, names)) + list(_from_rows(found, names))
    return _unique(drafts)


def add_drafts(db: Database, case_id: int, drafts: Iterable[Draft]) -> list[Question]:
    """Add the drafts to the case's questions, each for its doctor; blank ones and those already
    on the list are skipped. All are added or, on an error, none."""
    existing = {(q.for_provider_id, _normal(q.text)) for q in questions.list_for_case(db, case_id)}
    added = []
    with db.atomic():
        for item in drafts:
            key = (item.for_provider_id, _normal(item.text))
            if not key[1] or key in existing:
                continue
            added.append(questions.add_question(db, case_id, item.text, for_provider_id=item.for_provider_id,
                                                source=QuestionSource.COMPARISON))
            existing.add(key)
    return added


def _from_terms(found: Grid, names: list[str]) -> Iterable[Draft]:
    for term in found.terms:
        for i, j in itertools.permutations(range(len(found.opinions)), 2):
            yield from _term_drafts(found, names, term, i, j)


def _term_drafts(found: Grid, names: list[str], term: GridTerm, i: int, j: int) -> Iterable[Draft]:
    """Questions for doctor ``j`` (and, on a clash, doctor ``i``) about what ``i`` says of ``term``."""
    mine, theirs = term.stances[i], term.stances[j]
    me, them = found.opinions[i], found.opinions[j]
    if mine is Stance.RECOMMENDED and theirs is Stance.ADVISED_AGAINST:
        reason = f"{names[i]} recommends {term.term}; {names[j]} advises against it."
        yield _draft(me, term, reason,
                     f"{names[j]} advises against {term.term} for me, and you recommend it. What makes you "
                     f"recommend it, and what do you make of {_possessive(names[j])} reasons?")
        yield _draft(them, term, reason,
                     f"{names[i]} recommends {term.term} for me, and you advise against it. What are your reasons, "
                     f"and what would have to change for you to think it right for me?")
    elif (mine is theirs is Stance.RECOMMENDED and i < j and term.values[i] and term.values[j]
          and not quantities.same_amount(term.values[i], term.values[j])):
        reason = f"{names[i]} suggests {term.term} at {term.values[i]}; {names[j]} at {term.values[j]}."
        for me_, mine_value, other, other_value in ((me, term.values[i], names[j], term.values[j]),
                                                    (them, term.values[j], names[i], term.values[i])):
            yield _draft(me_, term, reason,
                         f"You suggest {term.term} at {mine_value}, and {other} suggests {other_value}. "
                         f"Why this amount for me, and what would make you change it?")
    elif theirs in (None, Stance.MENTIONED) and (
        mine is Stance.RECOMMENDED or (mine is Stance.MENTIONED and theirs is None and term.kind is TermKind.TEST)
    ):
        missing = "recommend" if theirs is Stance.MENTIONED else "mention"
        if term.kind is TermKind.TEST:
            verb = "suggests" if mine is Stance.RECOMMENDED else "mentions"
            yield _draft(them, term, f"Only {names[i]} {verb} {term.term}.",
                         f"{names[i]} {verb} a test you did not {missing}: {term.term}. Would it help in my "
                         f"case, and could its result change what you advise?")
        elif term.kind in _TREATMENTS and term.row_key in _TREATMENT_ROWS:
            yield _draft(them, term, f"{names[i]} recommends {term.term}; {names[j]} does not.",
                         f"{names[i]} recommends this for me: {term.term}. Is it a good choice in my case, and how "
                         f"does it compare with what you suggest?")


def _from_rows(found: Grid, names: list[str]) -> Iterable[Draft]:
    """A diagnosis or timing that differs, and rows marked "differ" that no term question covers."""
    covered = {t.row_key for t in found.terms if not t.agrees}
    for row in found.rows:
        marked = row.verdict is Verdict.DIFFER
        if row.verdict is Verdict.AGREE or row.state is not RowState.DIFFERS and not marked:
            continue
        if row.key not in ("diagnosis", "urgency") and (not marked or row.key in covered):
            continue
        for i, j in itertools.permutations(range(len(found.opinions)), 2):
            if not row.texts[j] or not row.texts[i]:
                continue
            other = _quote(row.texts[j])
            if row.key == "diagnosis":
                text = (f"{names[j]} describes my condition as {other}. Do you agree, and what makes you see "
                        f"it the way you do?")
            elif row.key == "urgency":
                text = (f"{names[j]} sees the timing as {other}. How long can I safely take to decide, and "
                        f"what would make it more urgent?")
            else:
                text = f"On {_topic(row.key)}, {names[j]} says {other}. How do you see it, and why?"
            yield Draft(_capital(text), found.opinions[i].id or 0, found.opinions[i].provider_id, row.key,
                        _capital(f"{names[i]} and {names[j]} differ on {_topic(row.key)}."))


def _draft(opinion: Opinion, term: GridTerm, reason: str, text: str) -> Draft:
    return Draft(_capital(text), opinion.id or 0, opinion.provider_id, term.row_key, _capital(reason))


def _who(db: Database, opinion: Opinion) -> str:
    if opinion.provider_id is not None:
        return providers.get(db, opinion.provider_id).name
    if opinion.specialty:
        return f"the {opinion.specialty.lower()} doctor"
    return "the other doctor"


def _topic(row_key: str) -> str:
    return "what the advice rests on" if row_key == "basis" else "the " + grids.ROW_LABELS[row_key].lower()


def _capital(text: str) -> str:
    """Names like "the other doctor" may open a sentence."""
    return text[:1].upper() + text[1:]


def _possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def _quote(text: str) -> str:
    text = " ".join(text.split()).rstrip(".")
    if len(text) > _QUOTE_LIMIT:
        text = text[:_QUOTE_LIMIT].rsplit(" ", 1)[0] + "…"
    return f"“{text}”"


def _unique(drafts: list[Draft]) -> list[Draft]:
    seen: set[tuple[int | None, str]] = set()
    kept = []
    for item in drafts:
        key = (item.opinion_id, _normal(item.text))
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def _normal(text: str) -> str:
    return " ".join((text or "").casefold().split())
