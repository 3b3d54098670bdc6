"""Record items and their timeline: steps, undo, routes, due dates, extensions, follow-ups, trash."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from opinionkit.core import dates
from opinionkit.core.domain import Case, Person, Provider, ProviderKind
from opinionkit.core.domain.records import RecordForm, RecordItem, RecordKind, RequestMethod, Route, Step
from opinionkit.core.errors import InvalidInput, NotFound
from opinionkit.core.services import cases, people, providers, record_items, timeline, tracker, trash

TODAY = dt.date(2026, 3, 20)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setattr(dates, "today", lambda: TODAY)


@pytest.fixture
def setup(db):
    person = people.save(db, Person(name="Ines Test", date_of_birth="1958-06-01"))
    lab = providers.save(db, Provider(name="Lab One", kind=ProviderKind.LAB, phone="555-0101", fax="555-0102"))
    case = cases.save(db, Case(person_id=person.id, title="Knee surgery?"))
    return SimpleNamespace(person=person, lab=lab, case=case)


def new_item(db, setup, **fields) -> RecordItem:
    fields.setdefault("kind", RecordKind.LAB_RESULTS)
    fields.setdefault("holder_id", setup.lab.id)
    return record_items.create(db, RecordItem(case_id=setup.case.id, **fields), needed_on="2026-02-01")


def status(db, item) -> Step:
    return timeline.current_step(db, item.id)


# ---- items -----------------------------------------------------------------


def test_item_round_trip_starts_with_needed(db, setup):
    item = new_item(db, setup, description="  Blood count  ", period_text="last 12 months",
                    original_or_report=RecordForm.REPORT, request_method=RequestMethod.FAX)
    again = record_items.get(db, item.id)
    assert again.description == "Blood count"
    assert again.request_method is RequestMethod.FAX
    assert [(s.step, s.on_date) for s in timeline.steps(db, item.id)] == [(Step.NEEDED, "2026-02-01")]
    assert [i.id for i in record_items.list_for_case(db, setup.case.id)] == [item.id]


def test_item_created_without_a_date_is_needed_today(db, setup):
    item = record_items.create(db, RecordItem(case_id=setup.case.id))
    assert timeline.active_dates(db, item.id) == {Step.NEEDED: TODAY.isoformat()}


@pytest.mark.parametrize(("fields", "field"), [
    ({"kind": "x-ray vision"}, "kind"),
    ({"original_or_report": "both"}, "original_or_report"),
    ({"route": "by pigeon"}, "route"),
    ({"request_method": "telegram"}, "request_method"),
    ({"holder_id": 999}, "holder_id"),
    ({"period_from": "2026-02-30"}, "period_from"),
    ({"period_from": "2026-02-01", "period_to": "2026-01-01"}, "period_to"),
    ({"due_date": "soon"}, "due_date"),
    ({"shipped_on": "2026-03-10", "confirmed_on": "2026-03-01"}, "confirmed_on"),
    ({"extension_days": 31, "extension_reason": "Busy", "due_date": "2026-04-01"}, "extension_days"),
    ({"extension_days": 5, "due_date": "2026-04-01"}, "extension_reason"),
])
def test_bad_fields_are_refused_by_name_and_nothing_is_written(db, setup, fields, field):
    with pytest.raises(InvalidInput) as error:
        new_item(db, setup, **fields)
    assert error.value.field == field
    assert db["record_items"].count == 0 and db["record_steps"].count == 0


def test_unknown_case_is_not_found(db, setup):
    with pytest.raises(NotFound):
        record_items.create(db, RecordItem(case_id=999))


def test_future_needed_date_is_refused(db, setup):
    with pytest.raises(InvalidInput) as error:
        record_items.create(db, RecordItem(case_id=setup.case.id), needed_on="2026-03-21")
    assert error.value.field == "on_date"
    assert db["record_items"].count == 0


def test_an_item_stays_in_its_case(db, setup):
    other = cases.save(db, Case(person_id=setup.person.id, title="Other"))
    item = new_item(db, setup)
    item.case_id = other.id
    with pytest.raises(InvalidInput) as error:
        record_items.update(db, item)
    assert error.value.field == "case_id"


def test_label_and_period_fall_back_sensibly():
    item = RecordItem(case_id=1, kind=RecordKind.PATHOLOGY_SLIDES, period_from="2025-01-01", period_to="2025-06-30")
    assert item.label == "Pathology slides or blocks"
    assert item.period == "2025-01-01 to 2025-06-30"
    assert RecordItem(case_id=1, period_text="last 12 months", period_from="2025-01-01").period == "last 12 months"


# ---- timeline --------------------------------------------------------------


def test_advance_walks_every_step_to_me_and_stops_at_confirmed(db, setup):
    item = new_item(db, setup)
    walked = [timeline.advance(db, item.id, f"2026-03-0{day}").step for day in (1, 2, 3, 4)]
    assert walked == [Step.REQUESTED, Step.RECEIVED, Step.SENT, Step.CONFIRMED]
    assert status(db, item) is Step.CONFIRMED
    with pytest.raises(InvalidInput) as error:
        timeline.advance(db, item.id)
    assert error.value.field == "step"


def test_advance_defaults_to_today(db, setup):
    item = new_item(db, setup)
    assert timeline.advance(db, item.id).on_date == TODAY.isoformat()


def test_direct_route_skips_received(db, setup):
    item = new_item(db, setup, route=Route.DIRECT)
    timeline.advance(db, item.id, "2026-03-01")
    with pytest.raises(InvalidInput) as error:
        timeline.record_step(db, item.id, Step.RECEIVED, "2026-03-02")
    assert error.value.field == "step"
    assert timeline.advance(db, item.id, "2026-03-05").step is Step.SENT
    assert timeline.next_step(Route.DIRECT, Step.REQUESTED) is Step.SENT
    assert timeline.next_step(Route.VIA_ME, Step.REQUESTED) is Step.RECEIVED
    assert timeline.next_step(Route.DIRECT, Step.CONFIRMED) is None


def test_a_specific_later_step_may_be_recorded_but_never_an_earlier_one(db, setup):
    item = new_item(db, setup)
    timeline.record_step(db, item.id, "received", "2026-03-01", note="Had it at home already")
    assert status(db, item) is Step.RECEIVED
    for step in (Step.REQUESTED, Step.RECEIVED, Step.NEEDED):
        with pytest.raises(InvalidInput) as error:
            timeline.record_step(db, item.id, step, "2026-03-02")
        assert error.value.field == "step"
    with pytest.raises(InvalidInput) as error:
        timeline.record_step(db, item.id, "lost", "2026-03-02")
    assert error.value.field == "step"


def test_step_dates_must_be_in_order_and_not_in_the_future(db, setup):
    item = new_item(db, setup)
    with pytest.raises(InvalidInput) as error:
        timeline.advance(db, item.id, "2026-01-15")  # before "needed" on 2026-02-01
    assert error.value.field == "on_date"
    with pytest.raises(InvalidInput) as error:
        timeline.advance(db, item.id, "2026-03-21")
    assert error.value.field == "on_date"
    with pytest.raises(InvalidInput) as error:
        timeline.advance(db, item.id, "21/03/2026")
    assert error.value.field == "on_date"
    assert [s.step for s in timeline.steps(db, item.id)] == [Step.NEEDED]


def test_undo_marks_the_latest_step_and_keeps_the_history(db, setup):
    item = new_item(db, setup)
    timeline.advance(db, item.id, "2026-03-01")
    timeline.advance(db, item.id, "2026-03-05")
    undone = timeline.undo_last_step(db, item.id)
    assert undone.step is Step.RECEIVED and undone.undone_at
    assert status(db, item) is Step.REQUESTED
    timeline.advance(db, item.id, "2026-03-07")
    history = [(s.step, s.on_date, s.undone_at is not None) for s in timeline.steps(db, item.id)]
    assert history == [
        (Step.NEEDED, "2026-02-01", False), (Step.REQUESTED, "2026-03-01", False),
        (Step.RECEIVED, "2026-03-05", True), (Step.RECEIVED, "2026-03-07", False),
    ]
    assert db["record_steps"].count == 4  # nothing deleted


def test_needed_cannot_be_undone(db, setup):
    item = new_item(db, setup)
    with pytest.raises(InvalidInput) as error:
        timeline.undo_last_step(db, item.id)
    assert error.value.field == "step"


def test_route_cannot_turn_direct_after_the_person_received_the_item(db, setup):
    item = new_item(db, setup)
    timeline.record_step(db, item.id, Step.RECEIVED, "2026-03-01")
    item = record_items.get(db, item.id)
    item.route = Route.DIRECT
    with pytest.raises(InvalidInput) as error:
        record_items.update(db, item)
    assert error.value.field == "route"
    timeline.undo_last_step(db, item.id)
    record_items.update(db, item)
    assert timeline.advance(db, item.id, "2026-03-02").step is Step.REQUESTED


# ---- due dates and extensions ------------------------------------------------


def test_request_sets_the_due_date_30_days_later(db, setup):
    item = new_item(db, setup)
    timeline.advance(db, item.id, "2026-03-01")
    assert record_items.get(db, item.id).due_date == "2026-03-31"


def test_a_due_date_chosen_by_the_person_is_kept(db, setup):
    item = new_item(db, setup, due_date="2026-03-10")
    timeline.advance(db, item.id, "2026-03-01")
    assert record_items.get(db, item.id).due_date == "2026-03-10"


def test_due_date_before_the_request_is_refused(db, setup):
    item = new_item(db, setup, due_date="2026-02-20")
    with pytest.raises(InvalidInput) as error:
        timeline.advance(db, item.id, "2026-03-01")
    assert error.value.field == "due_date"
    assert status(db, item) is Step.NEEDED

    item = record_items.get(db, item.id)
    item.due_date = None
    record_items.update(db, item)
    timeline.advance(db, item.id, "2026-03-01")
    item = record_items.get(db, item.id)
    item.due_date = "2026-02-28"
    with pytest.raises(InvalidInput) as error:
        record_items.update(db, item)
    assert error.value.field == "due_date"
    item.due_date = "2026-04-15"  # editable otherwise
    assert record_items.update(db, item).due_date == "2026-04-15"


def test_undoing_the_request_clears_the_default_due_date(db, setup):
    item = new_item(db, setup)
    timeline.advance(db, item.id, "2026-03-01")
    timeline.undo_last_step(db, item.id)
    assert record_items.get(db, item.id).due_date is None
    timeline.advance(db, item.id, "2026-03-05")
    assert record_items.get(db, item.id).due_date == "2026-04-04"


def test_undoing_the_request_keeps_a_due_date_the_person_chose(db, setup):
    item = new_item(db, setup, due_date="2026-03-15")
    timeline.advance(db, item.id, "2026-03-01")
    timeline.undo_last_step(db, item.id)
    assert record_items.get(db, item.id).due_date == "2026-03-15"


def test_one_extension_of_up_to_30_days_with_a_reason(db, setup):
    item = new_item(db, setup)
    timeline.advance(db, item.id, "2026-03-01")
    with pytest.raises(InvalidInput) as error:
        record_items.extend_due_date(db, item.id, 31, "Archive off site")
    assert error.value.field == "extension_days"
    with pytest.raises(InvalidInput) as error:
        record_items.extend_due_date(db, item.id, 0, "Archive off site")
    assert error.value.field == "extension_days"
    with pytest.raises(InvalidInput) as error:
        record_items.extend_due_date(db, item.id, 10, "  ")
    assert error.value.field == "extension_reason"

    extended = record_items.extend_due_date(db, item.id, 30, " Archive off site ")
    assert (extended.due_date, extended.extension_days, extended.extension_reason) == (
        "2026-04-30", 30, "Archive off site")
    with pytest.raises(InvalidInput) as error:
        record_items.extend_due_date(db, item.id, 5, "Again")
    assert error.value.field == "extension_days"
    assert record_items.get(db, item.id).due_date == "2026-04-30"


def test_extension_needs_a_due_date_and_can_be_taken_back(db, setup):
    item = new_item(db, setup)
    with pytest.raises(InvalidInput) as error:
        record_items.extend_due_date(db, item.id, 10, "Busy")
    assert error.value.field == "due_date"
    timeline.advance(db, item.id, "2026-03-01")
    record_items.extend_due_date(db, item.id, 10, "Busy")
    back = record_items.cancel_extension(db, item.id)
    assert (back.due_date, back.extension_days, back.extension_reason) == ("2026-03-31", 0, "")
    with pytest.raises(InvalidInput):
        record_items.cancel_extension(db, item.id)


def test_editing_an_item_does_not_touch_its_extension(db, setup):
    item = new_item(db, setup)
    timeline.advance(db, item.id, "2026-03-01")
    record_items.extend_due_date(db, item.id, 14, "Short staffed")
    edited = record_items.get(db, item.id)
    edited.extension_days, edited.extension_reason, edited.notes = 0, "", "Call Tuesdays"
    record_items.update(db, edited)
    again = record_items.get(db, item.id)
    assert (again.extension_days, again.extension_reason, again.notes) == (14, "Short staffed", "Call Tuesdays")


# ---- shipment and confirmation ------------------------------------------------


def test_sent_and_confirmed_fill_their_dates_unless_typed_and_undo_clears_them(db, setup):
    item = new_item(db, setup, route=Route.DIRECT)
    timeline.advance(db, item.id, "2026-03-01")
    timeline.advance(db, item.id, "2026-03-08")
    assert record_items.get(db, item.id).shipped_on == "2026-03-08"
    timeline.advance(db, item.id, "2026-03-12")
    assert record_items.get(db, item.id).confirmed_on == "2026-03-12"
    timeline.undo_last_step(db, item.id)
    timeline.undo_last_step(db, item.id)
    again = record_items.get(db, item.id)
    assert (again.shipped_on, again.confirmed_on) == (None, None)

    again.shipped_on = "2026-03-07"  # the carrier's date, typed by the person
    record_items.update(db, again)
    timeline.advance(db, item.id, "2026-03-08")
    assert record_items.get(db, item.id).shipped_on == "2026-03-07"
    timeline.undo_last_step(db, item.id)
    assert record_items.get(db, item.id).shipped_on == "2026-03-07"


def test_overdue_and_unconfirmed_rules():
    item = RecordItem(case_id=1, due_date="2026-03-19")
    assert tracker.is_overdue(item, Step.REQUESTED, TODAY)
    assert tracker.is_overdue(item, Step.NEEDED, TODAY)
    assert not tracker.is_overdue(item, Step.RECEIVED, TODAY)
    assert not tracker.is_overdue(item, Step.SENT, TODAY)
    assert not tracker.is_overdue(RecordItem(case_id=1, due_date="2026-03-20"), Step.REQUESTED, TODAY)
    assert not tracker.is_overdue(RecordItem(case_id=1), Step.REQUESTED, TODAY)
    assert tracker.shipment_unconfirmed(Step.SENT)
    assert not tracker.shipment_unconfirmed(Step.CONFIRMED)
    assert not tracker.shipment_unconfirmed(Step.RECEIVED)


# ---- follow-ups -----------------------------------------------------------------


def test_followups_are_logged_in_date_order(db, setup):
    item = new_item(db, setup)
    record_items.add_followup(db, item.id, "Promised by Friday", who="Denise", on_date="2026-03-10")
    record_items.add_followup(db, item.id, "Left a voicemail", on_date="2026-03-05")
    today_one = record_items.add_followup(db, item.id, " Sent today ", who=" Front desk ")
    assert (today_one.on_date, today_one.who, today_one.said) == ("2026-03-20", "Front desk", "Sent today")
    assert [f.said for f in record_items.followups(db, item.id)] == [
        "Left a voicemail", "Promised by Friday", "Sent today"]


def test_followup_needs_what_was_said_and_a_past_date(db, setup):
    item = new_item(db, setup)
    with pytest.raises(InvalidInput) as error:
        record_items.add_followup(db, item.id, "   ")
    assert error.value.field == "said"
    with pytest.raises(InvalidInput) as error:
        record_items.add_followup(db, item.id, "Will call", on_date="2026-03-21")
    assert error.value.field == "on_date"
    with pytest.raises(NotFound):
        record_items.add_followup(db, 999, "Hello")
    assert db["record_followups"].count == 0


# ---- trash ---------------------------------------------------------------------------


def test_trashing_an_item_takes_its_timeline_and_followups_and_restore_brings_them_back(db, setup):
    item = new_item(db, setup)
    timeline.advance(db, item.id, "2026-03-01")
    timeline.advance(db, item.id, "2026-03-02")
    timeline.undo_last_step(db, item.id)
    record_items.add_followup(db, item.id, "Chased", on_date="2026-03-03")
    before = [(s.id, s.step, s.on_date, s.undone_at) for s in timeline.steps(db, item.id)]

    entry = record_items.move_to_trash(db, item.id)
    assert db["record_items"].count == db["record_steps"].count == db["record_followups"].count == 0
    assert trash.get(db, entry).label == "Lab results"
    with pytest.raises(NotFound):
        record_items.get(db, item.id)

    trash.restore(db, entry)
    assert [(s.id, s.step, s.on_date, s.undone_at) for s in timeline.steps(db, item.id)] == before
    assert status(db, item) is Step.REQUESTED
    assert [f.said for f in record_items.followups(db, item.id)] == ["Chased"]


def test_trashing_the_holder_unlinks_items_and_restore_relinks(db, setup):
    item = new_item(db, setup)
    entry = trash.move_to_trash(db, "providers", setup.lab.id, "provider", setup.lab.name)
    assert record_items.get(db, item.id).holder_id is None
    trash.restore(db, entry)
    assert record_items.get(db, item.id).holder_id == setup.lab.id


def test_trashing_a_case_takes_its_items(db, setup):
    item = new_item(db, setup)
    timeline.advance(db, item.id, "2026-03-01")
    entry = trash.move_to_trash(db, "cases", setup.case.id, "case", setup.case.title)
    assert db["record_items"].count == db["record_steps"].count == 0
    trash.restore(db, entry)
    assert status(db, item) is Step.REQUESTED
