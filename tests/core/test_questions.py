"""Questions of a case: starters, the person's own, order, trash, answers per doctor, the printed sheet."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from opinionkit.core import dates
from opinionkit.core.domain import Appointment, AppointmentKind, Case, Person, Provider
from opinionkit.core.domain.questions import AnswerState, QuestionSource
from opinionkit.core.errors import InvalidInput, NotFound
from opinionkit.core.services import appointments, cases, people, providers, question_sheet, questions, trash

TODAY = dt.date(2026, 3, 20)


@pytest.fixture
def setup(db, monkeypatch):
    monkeypatch.setattr(dates, "today", lambda: TODAY)
    person = people.save(db, Person(name="Ines Test", date_of_birth="1970-05-02"))
    first = providers.save(db, Provider(name="Dr. First", institution="North Clinic"))
    second = providers.save(db, Provider(name="Dr. Second", institution="South Hospital"))
    case = cases.save(db, Case(person_id=person.id, title="Knee surgery?", diagnosis="Torn meniscus",
                               recommending_doctor_id=first.id, second_opinion_doctor_id=second.id))
    return SimpleNamespace(db=db, case=case, first=first, second=second)


def texts(db, case_id):
    return [q.text for q in questions.list_for_case(db, case_id)]


def test_starter_questions_are_added_once_and_edited_ones_are_not_added_again(setup):
    db, case = setup.db, setup.case
    added = questions.add_starter_questions(db, case.id)
    assert len(added) == len(questions.STARTER_QUESTIONS) == 8
    assert all(q.source is QuestionSource.STARTER for q in added)
    assert [q.position for q in added] == list(range(1, 9))
    edited = added[0]
    edited.text = "Are you sure it is a torn meniscus?"
    questions.update(db, edited)
    questions.move_to_trash(db, added[1].id)
    again = questions.add_starter_questions(db, case.id)
    assert [q.starter_key for q in again] == [added[1].starter_key]  # only the one removed comes back
    assert "Are you sure it is a torn meniscus?" in texts(db, case.id)
    assert questions.add_starter_questions(db, case.id) == []


def test_starter_questions_cover_the_guides_topics(setup):
    keys = {key for key, _ in questions.STARTER_QUESTIONS}
    assert keys == {"diagnosis", "options", "benefits", "downsides", "how_many", "less_invasive", "your_choice",
                    "another_test"}


def test_add_question_appends_and_checks_its_fields(setup):
    db, case = setup.db, setup.case
    one = questions.add_question(db, case.id, "  How long is   the recovery?  ")
    two = questions.add_question(db, case.id, "What did the scan show?", for_provider_id=setup.second.id,
                                 source="comparison")
    assert one.text == "How long is the recovery?" and one.source is QuestionSource.USER
    assert (one.position, two.position) == (1, 2) and two.source is QuestionSource.COMPARISON
    with pytest.raises(InvalidInput) as empty:
        questions.add_question(db, case.id, "   ")
    assert empty.value.field == "text"
    with pytest.raises(InvalidInput) as same:
        questions.add_question(db, case.id, "how long is the RECOVERY?")
    assert same.value.field == "text" and "already on the list" in str(same.value)
    # the same words for one doctor only are a different question
    questions.add_question(db, case.id, "How long is the recovery?", for_provider_id=setup.first.id)
    with pytest.raises(InvalidInput) as unknown:
        questions.add_question(db, case.id, "Anything else?", for_provider_id=999)
    assert unknown.value.field == "for_provider_id"
    with pytest.raises(InvalidInput) as source:
        questions.add_question(db, case.id, "Anything else?", source="rumour")
    assert source.value.field == "source"
    with pytest.raises(NotFound):
        questions.add_question(db, 999, "Anything?")


def test_update_keeps_position_and_source(setup):
    db, case = setup.db, setup.case
    questions.add_question(db, case.id, "First?")
    second = questions.add_question(db, case.id, "Second?", source=QuestionSource.COMPARISON)
    second.text, second.position, second.source = "Second, reworded?", 1, QuestionSource.USER
    questions.update(db, second)
    stored = questions.get(db, second.id)
    assert (stored.text, stored.position, stored.source) == ("Second, reworded?", 2, QuestionSource.COMPARISON)


def test_move_and_set_order(setup):
    db, case = setup.db, setup.case
    a, b, c = (questions.add_question(db, case.id, t) for t in ("A?", "B?", "C?"))
    assert [q.text for q in questions.move(db, c.id, -1)] == ["A?", "C?", "B?"]
    assert [q.text for q in questions.move(db, a.id, -5)] == ["A?", "C?", "B?"]  # stops at the top
    assert [q.text for q in questions.move(db, a.id, +1)] == ["C?", "A?", "B?"]
    assert [q.text for q in questions.set_order(db, case.id, [b.id, c.id, a.id])] == ["B?", "C?", "A?"]
    for wrong in ([b.id, c.id], [b.id, c.id, a.id, a.id], [b.id, c.id, 999]):
        with pytest.raises(InvalidInput) as error:
            questions.set_order(db, case.id, wrong)
        assert error.value.field == "question_ids"


def test_answers_per_doctor(setup):
    db, case, first, second = setup.db, setup.case, setup.first, setup.second
    question = questions.add_question(db, case.id, "Do you agree with the diagnosis?")
    asked = questions.mark_asked(db, question.id, first.id, "2026-03-10")
    assert asked.state is AnswerState.ASKED and asked.on_date == "2026-03-10"
    answered = questions.record_answer(db, question.id, first.id, "  Yes, clearly.  ")
    assert answered.id == asked.id and answered.state is AnswerState.ANSWERED
    assert (answered.answer, answered.on_date) == ("Yes, clearly.", TODAY.isoformat())
    questions.mark_asked(db, question.id, second.id)
    (row,) = questions.question_rows(db, case.id)
    assert row.answered_by(first.id) and not row.answered_by(second.id)
    assert row.answers[second.id].state is AnswerState.ASKED
    # marking asked again keeps the answer written down
    assert questions.mark_asked(db, question.id, first.id).answer == "Yes, clearly."
    questions.clear_answer(db, question.id, second.id)
    assert [a.provider_id for a in questions.answers(db, question.id)] == [first.id]


def test_answer_input_is_checked(setup):
    db, case, first, second = setup.db, setup.case, setup.first, setup.second
    question = questions.add_question(db, case.id, "Only for the first doctor?", for_provider_id=first.id)
    with pytest.raises(InvalidInput) as other:
        questions.mark_asked(db, question.id, second.id)
    assert other.value.field == "provider_id" and "Dr. First only" in str(other.value)
    with pytest.raises(InvalidInput) as empty:
        questions.record_answer(db, question.id, first.id, "  ")
    assert empty.value.field == "answer"
    with pytest.raises(InvalidInput) as future:
        questions.mark_asked(db, question.id, first.id, TODAY + dt.timedelta(days=1))
    assert future.value.field == "on_date"
    with pytest.raises(InvalidInput) as bad_date:
        questions.mark_asked(db, question.id, first.id, "20.03.2026")
    assert bad_date.value.field == "on_date"
    with pytest.raises(InvalidInput) as unknown:
        questions.mark_asked(db, question.id, 999)
    assert unknown.value.field == "provider_id"
    assert questions.answers(db, question.id) == []


def test_trash_takes_a_question_with_its_answers_and_restore_brings_them_back(setup):
    db, case, first = setup.db, setup.case, setup.first
    keep = questions.add_question(db, case.id, "Keep?")
    gone = questions.add_question(db, case.id, "Remove?")
    questions.record_answer(db, gone.id, first.id, "An answer")
    entry = questions.move_to_trash(db, gone.id)
    assert texts(db, case.id) == ["Keep?"] and db["question_answers"].count == 0
    trash.restore(db, entry)
    assert texts(db, case.id) == ["Keep?", "Remove?"]
    assert questions.answers(db, gone.id)[0].answer == "An answer"
    assert keep.id != gone.id


def test_deleting_a_doctor_takes_their_answers_and_unties_their_questions(setup):
    db, case, first = setup.db, setup.case, setup.first
    general = questions.add_question(db, case.id, "General?")
    own = questions.add_question(db, case.id, "For the first doctor?", for_provider_id=first.id)
    questions.record_answer(db, general.id, first.id, "Yes")
    entry = trash.move_to_trash(db, "providers", first.id, "provider", first.name)
    assert questions.answers(db, general.id) == []
    assert questions.get(db, own.id).for_provider_id is None
    trash.restore(db, entry)
    assert questions.answers(db, general.id)[0].answer == "Yes"
    assert questions.get(db, own.id).for_provider_id == first.id


def test_doctors_are_the_case_doctors_then_the_appointments(setup):
    db, case = setup.db, setup.case
    third = providers.save(db, Provider(name="Dr. Third"))
    appointments.save(db, Appointment(case_id=case.id, starts_at="2026-04-01 09:00", provider_id=third.id,
                                      kind=AppointmentKind.REMOTE_REVIEW))
    assert [d.name for d in questions.doctors(db, case.id)] == ["Dr. First", "Dr. Second", "Dr. Third"]


def test_the_sheet_has_a_checklist_per_doctor_with_answers_and_room_to_write(setup):
    db, case, first, second = setup.db, setup.case, setup.first, setup.second
    questions.add_starter_questions(db, case.id)
    mine = questions.add_question(db, case.id, "Is <surgery> & rest both fine?", for_provider_id=second.id)
    starter = questions.list_for_case(db, case.id)[0]
    questions.record_answer(db, starter.id, first.id, "Yes, the MRI is clear.")
    appointments.save(db, Appointment(case_id=case.id, starts_at="2026-03-27 10:30", provider_id=second.id,
                                      place="South Hospital, room 4"))
    html = question_sheet.questions_html(db, case.id)
    assert html.count("<h2") == 2 and "Questions for Dr. First" in html and "Questions for Dr. Second" in html
    assert "page-break-before" in html  # each doctor on a page of their own
    assert "Yes, the MRI is clear." in html and "\u2611" in html and "\u2610" in html
    assert "Is &lt;surgery&gt; &amp; rest both fine?" in html and "<surgery>" not in html
    assert "Torn meniscus" in html and "Ines Test" in html
    assert "March 27, 2026 at 10:30, South Hospital, room 4" in html
    only_first = question_sheet.questions_html(db, case.id, first.id)
    assert "Dr. Second" not in only_first and mine.text not in only_first
    assert question_sheet.title(db, case.id, second.id) == "Questions for Dr. Second"
    assert question_sheet.footer_text(db, case.id) == "Ines Test, born 1970-05-02"


def test_the_sheet_without_doctors_or_questions_still_prints(db):
    person = people.save(db, Person(name="Solo Test"))
    case = cases.save(db, Case(person_id=person.id, title="Question"))
    html = question_sheet.questions_html(db, case.id)
    assert "Doctor: ___" in html and "No questions yet" in html
