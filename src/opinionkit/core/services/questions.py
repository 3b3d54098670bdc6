"""The questions of a case: starter questions, the person's own, and those the comparison adds.

Every capability adds to the same list through ``add_question``. Each question is
marked asked, then answered, separately for each doctor, with the answer and its date.
Removing a question goes through the trash, with its answers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlite_utils import Database

from opinionkit.core import dates
from opinionkit.core.domain import Provider
from opinionkit.core.domain.questions import AnswerState, Question, QuestionAnswer, QuestionRow, QuestionSource
from opinionkit.core.errors import InvalidInput, NotFound
from opinionkit.core.services import cases, providers, trash, validation
from opinionkit.core.storage import rows

TABLE = "case_questions"
ANSWERS = "question_answers"
KIND = "question"
_ORDER = "position, id"
_MAX_LENGTH = 2000

#: The starter questions, in our own words: (key, text). The key lets them be offered again
#: without adding twice any the person kept, even edited.
STARTER_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("diagnosis", "Do you agree with the diagnosis? How sure are you, and what makes you sure?"),
    ("options", "What are all the treatment options for me, including waiting and watching?"),
    ("benefits", "What good can I expect from the treatment you recommend, and how soon?"),
    ("downsides", "What are the risks and downsides: side effects, recovery time, what could go wrong?"),
    ("how_many", "Out of 100 patients like me, how many are helped by it, and how many are not?"),
    ("less_invasive", "Is there a less invasive way to try first? What would we lose by trying it?"),
    ("your_choice", "If you were in my place, or it were someone in your family, what would you do, and why?"),
    ("another_test", "Would another test or scan change the plan? Which one, and is it worth doing?"),
)


def add_question(
    db: Database, case_id: int, text: str, for_provider_id: int | None = None,
    source: QuestionSource | str = QuestionSource.USER, *, starter_key: str | None = None,
) -> Question:
    """Add a question at the end of the case's list; ``for_provider_id`` None means every doctor.

    The same question (ignoring case and spacing) for the same doctor is refused.
    """
    question = Question(
        case_id=case_id, text=text, for_provider_id=for_provider_id,
        source=source, starter_key=starter_key,  # type: ignore[arg-type]  # a string is checked below
    )
    _validate(db, question)
    with db.atomic():
        question.position = _next_position(db, case_id)
        question.id = rows.insert(db, TABLE, question)
    return question


def add_starter_questions(db: Database, case_id: int) -> list[Question]:
    """Add the starter questions the case does not have yet; returns those added."""
    cases.get(db, case_id)
    present = {r[0] for r in db.execute(
        f"SELECT starter_key FROM {TABLE} WHERE case_id = ? AND starter_key IS NOT NULL", [case_id])}
    texts = {_normal(q.text) for q in list_for_case(db, case_id) if q.for_provider_id is None}
    added = []
    with db.atomic():
        for key, text in STARTER_QUESTIONS:
            if key not in present and _normal(text) not in texts:
                added.append(add_question(db, case_id, text, source=QuestionSource.STARTER, starter_key=key))
    return added


def get(db: Database, question_id: int) -> Question:
    return rows.get(db, TABLE, Question, question_id, KIND)


def list_for_case(db: Database, case_id: int) -> list[Question]:
    """The case's questions in the person's order."""
    return rows.select(db, TABLE, Question, "case_id = ?", [case_id], order_by=_ORDER)


def question_rows(db: Database, case_id: int) -> list[QuestionRow]:
    """Each question with its answers by doctor, in the person's order (two queries in all)."""
    cases.get(db, case_id)
    found = [QuestionRow(q) for q in list_for_case(db, case_id)]
    by_id = {row.question.id: row for row in found}
    for answer in rows.select(
        db, ANSWERS, QuestionAnswer,
        f"question_id IN (SELECT id FROM {TABLE} WHERE case_id = ?)", [case_id],
    ):
        by_id[answer.question_id].answers[answer.provider_id] = answer
    return found


def update(db: Database, question: Question) -> Question:
    """Save a changed text or doctor; the position and source stay as stored."""
    stored = get(db, question.id or 0)
    if question.case_id != stored.case_id:
        raise InvalidInput("case_id", "A question stays in its case: add it to the other case instead.")
    question.position, question.source, question.starter_key = stored.position, stored.source, stored.starter_key
    _validate(db, question)
    with db.atomic():
        rows.update(db, TABLE, question, KIND)
    return question


def move(db: Database, question_id: int, offset: int) -> list[Question]:
    """Move a question ``offset`` places (-1 up, +1 down), stopping at either end; returns the new order."""
    question = get(db, question_id)
    ordered = [q.id or 0 for q in list_for_case(db, question.case_id)]
    index = ordered.index(question_id)
    ordered.insert(max(0, min(len(ordered) - 1, index + offset)), ordered.pop(index))
    return set_order(db, question.case_id, ordered)


def set_order(db: Database, case_id: int, question_ids: Sequence[int]) -> list[Question]:
    """Put the case's questions in the order given, which must name each of them once."""
    current = {q.id for q in list_for_case(db, case_id)}
    if len(question_ids) != len(set(question_ids)) or set(question_ids) != current:
        raise InvalidInput(
            "question_ids", "The new order must list every question of the case exactly once. Reload and try again."
        )
    with db.atomic():
        for position, ident in enumerate(question_ids, 1):
            db[TABLE].update(ident, {"position": position})
    return list_for_case(db, case_id)


def move_to_trash(db: Database, question_id: int) -> int:
    """Remove a question and its answers, restorable from the trash; returns the entry id."""
    question = get(db, question_id)
    return trash.move_to_trash(db, TABLE, question_id, KIND, _short(question.text))


def mark_asked(
    db: Database, question_id: int, provider_id: int, on_date: dt.date | str | None = None,
) -> QuestionAnswer:
    """Note that the doctor was asked (today unless ``on_date``); an answer already written is kept."""
    question, day = _check_answer(db, question_id, provider_id, on_date)
    existing = _answer(db, question_id, provider_id)
    answer = QuestionAnswer(
        question_id=question.id or 0, provider_id=provider_id, state=AnswerState.ASKED,
        answer=existing.answer if existing else "", on_date=day, id=existing.id if existing else None,
    )
    return _save_answer(db, answer)


def record_answer(
    db: Database, question_id: int, provider_id: int, answer: str, on_date: dt.date | str | None = None,
) -> QuestionAnswer:
    """Write down the doctor's answer (dated today unless ``on_date``)."""
    question, day = _check_answer(db, question_id, provider_id, on_date)
    text = (answer or "").strip()
    if not text:
        raise InvalidInput("answer", "Write the doctor's answer, even in a few words, or mark the question asked.")
    existing = _answer(db, question_id, provider_id)
    made = QuestionAnswer(question_id=question.id or 0, provider_id=provider_id, state=AnswerState.ANSWERED,
                          answer=text, on_date=day, id=existing.id if existing else None)
    return _save_answer(db, made)


def clear_answer(db: Database, question_id: int, provider_id: int) -> None:
    """Back to "not asked" for this doctor (the answer, if any, is dropped)."""
    get(db, question_id)
    with db.atomic():
        db.execute(f"DELETE FROM {ANSWERS} WHERE question_id = ? AND provider_id = ?", [question_id, provider_id])


def answers(db: Database, question_id: int) -> list[QuestionAnswer]:
    return rows.select(db, ANSWERS, QuestionAnswer, "question_id = ?", [question_id])


def doctors(db: Database, case_id: int) -> list[Provider]:
    """Whom the questions are for: the recommending and second-opinion doctors, then anyone the case's
    appointments, questions or answers name, in that order, each once."""
    case = cases.get(db, case_id)
    idents: list[int] = [i for i in (case.recommending_doctor_id, case.second_opinion_doctor_id) if i]
    for sql in (
        "SELECT provider_id FROM appointments WHERE case_id = ? AND provider_id IS NOT NULL ORDER BY starts_at",
        f"SELECT for_provider_id FROM {TABLE} WHERE case_id = ? AND for_provider_id IS NOT NULL ORDER BY {_ORDER}",
        f"SELECT a.provider_id FROM {ANSWERS} a JOIN {TABLE} q ON q.id = a.question_id WHERE q.case_id = ? "
        "ORDER BY a.id",
    ):
        idents += [r[0] for r in db.execute(sql, [case_id])]
    return [providers.get(db, ident) for ident in dict.fromkeys(idents)]


def _validate(db: Database, question: Question) -> None:
    if not db.execute("SELECT 1 FROM cases WHERE id = ?", [question.case_id]).fetchone():
        raise NotFound("case", question.case_id)
    validation.required_text(question, "text", "The question")
    question.text = " ".join(question.text.split())
    if len(question.text) > _MAX_LENGTH:
        raise InvalidInput("text", f"The question is very long: keep it under {_MAX_LENGTH} characters.")
    validation.one_of(question, "source", "The source of the question", QuestionSource)
    if question.for_provider_id is not None:
        _check_provider(db, question.for_provider_id, "for_provider_id")
    same = [
        q for q in list_for_case(db, question.case_id)
        if q.id != question.id and q.for_provider_id == question.for_provider_id
        and _normal(q.text) == _normal(question.text)
    ]
    if same:
        raise InvalidInput("text", f"This question is already on the list (question {same[0].position}).")


def _check_answer(
    db: Database, question_id: int, provider_id: int, on_date: dt.date | str | None,
) -> tuple[Question, str]:
    question = get(db, question_id)
    doctor = _check_provider(db, provider_id, "provider_id")
    if question.for_provider_id is not None and question.for_provider_id != provider_id:
        intended = providers.get(db, question.for_provider_id)
        raise InvalidInput(
            "provider_id", f"This question is for {intended.name} only, not for {doctor.name}. "
            "Change whom it is for first, or add it again for the other doctor.",
        )
    day = dates.parse_date(on_date, "on_date", "The date it was asked") or dates.today()
    if day > dates.today():
        raise InvalidInput("on_date", "The date is in the future: mark the question once it has been asked.")
    return question, day.isoformat()


def _check_provider(db: Database, provider_id: int, field: str) -> Provider:
    try:
        return providers.get(db, provider_id)
    except NotFound:
        raise InvalidInput(field, f"No provider with id {provider_id} is in the directory.") from None


def _answer(db: Database, question_id: int, provider_id: int) -> QuestionAnswer | None:
    found = rows.select(db, ANSWERS, QuestionAnswer, "question_id = ? AND provider_id = ?", [question_id, provider_id])
    return found[0] if found else None


def _save_answer(db: Database, answer: QuestionAnswer) -> QuestionAnswer:
    with db.atomic():
        if answer.id is None:
            answer.id = rows.insert(db, ANSWERS, answer)
        else:
            rows.update(db, ANSWERS, answer, "answer")
    return answer


def _next_position(db: Database, case_id: int) -> int:
    return int(db.execute(f"SELECT COALESCE(MAX(position), 0) + 1 FROM {TABLE} WHERE case_id = ?",
                          [case_id]).fetchone()[0])


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
