"""Starter checklists by kind of case, and the request letter's HTML."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
from types import SimpleNamespace

import pytest
from pypdf import PdfWriter
from sqlite_utils import Database

from opinionkit.core import dates
from opinionkit.core.domain import Case, ChecklistKind, Person, Provider, ProviderKind
from opinionkit.core.domain.records import RecordForm, RecordItem, RecordKind, Route, Step
from opinionkit.core.errors import InvalidInput, NotFound
from opinionkit.core.services import (
    cases, checklists, library, people, providers, record_items, request_letter, timeline,
)
from opinionkit.core.storage.migrations import migrations

TODAY = dt.date(2026, 3, 20)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setattr(dates, "today", lambda: TODAY)


@pytest.fixture
def setup(db):
    person = people.save(db, Person(
        name="Ines <Test> & Søn", date_of_birth="1958-06-01", phone="(555) 010-2030",
        address="4 Birch Row\nMillbrook, OR 97000", insurance_plan="Harbor PPO", member_id="HP-0042",
        email="ines@mail.example",
    ))
    lab = providers.save(db, Provider(name="Northside Pathology", kind=ProviderKind.LAB,
                                      address="9 Lab Street, Millbrook", fax="555-0102"))
    clinic = providers.save(db, Provider(name="Clinic Two", kind=ProviderKind.CLINIC))
    second = providers.save(db, Provider(name="Dr. Vera Okafor", institution="Lakeside Cancer Centre",
                                         address="1 Lake Road, Lakeside", phone="555-0900", fax="555-0901"))
    case = cases.save(db, Case(person_id=person.id, title="Biopsy result", checklist_kind=ChecklistKind.CANCER,
                               second_opinion_doctor_id=second.id))
    return SimpleNamespace(person=person, lab=lab, clinic=clinic, second=second, case=case)


# ---- kind of case ------------------------------------------------------------------


def test_case_kind_defaults_to_general_and_round_trips(db, setup):
    plain = cases.save(db, Case(person_id=setup.person.id, title="Plain"))
    assert cases.get(db, plain.id).checklist_kind is ChecklistKind.GENERAL
    assert cases.get(db, setup.case.id).checklist_kind is ChecklistKind.CANCER
    with pytest.raises(InvalidInput) as error:
        cases.save(db, Case(person_id=setup.person.id, title="Odd", checklist_kind="astrology"))  # type: ignore[arg-type]
    assert error.value.field == "checklist_kind"


def test_cases_made_before_the_tracker_become_general():
    db = Database(sqlite3.connect(":memory:"))
    migrations.apply(db, stop_before="0002_record_items")
    stamp = "2026-01-01T00:00:00+00:00"
    db["people"].insert({"id": 1, "name": "Old", "created_at": stamp, "updated_at": stamp})
    db["cases"].insert({"id": 1, "person_id": 1, "title": "Old case", "created_at": stamp, "updated_at": stamp})
    migrations.apply(db)
    assert cases.get(db, 1).checklist_kind is ChecklistKind.GENERAL
    assert "record_items" in db.table_names()


# ---- starter checklists ----------------------------------------------------------------


@pytest.mark.parametrize("kind", list(ChecklistKind))
def test_every_kind_has_a_checklist_with_distinct_items(kind):
    starters = checklists.starter_items(kind)
    assert len(starters) >= 7
    keys = [(s.kind, s.description) for s in starters]
    assert len(set(keys)) == len(keys)
    assert all(s.description and s.why for s in starters)
    assert RecordKind.CLINICAL_SUMMARY in {s.kind for s in starters}


def test_checklists_fit_their_kind():
    cancer = {s.kind: s for s in checklists.starter_items(ChecklistKind.CANCER)}
    slides = cancer[RecordKind.PATHOLOGY_SLIDES]
    assert slides.original_or_report is RecordForm.ORIGINAL and slides.route is Route.DIRECT
    assert RecordKind.PATHOLOGY_REPORT in cancer
    surgery = {s.kind for s in checklists.starter_items("surgery recommended")}
    assert {RecordKind.IMAGING_DISC, RecordKind.OPERATIVE_REPORT} <= surgery
    imaging = {s.kind for s in checklists.starter_items(ChecklistKind.IMAGING)}
    assert {RecordKind.IMAGING_DISC, RecordKind.IMAGING_SHARE, RecordKind.IMAGING_FILM} <= imaging
    general = {s.kind for s in checklists.starter_items()}
    assert RecordKind.PATHOLOGY_SLIDES not in general


def test_ticked_items_are_added_once(db, setup):
    offered = checklists.missing_starter_items(db, setup.case.id)
    assert offered == checklists.starter_items(ChecklistKind.CANCER)
    chosen = [checklists.with_holder(offered[0], setup.lab.id), offered[1]]
    added = checklists.add_items(db, setup.case.id, chosen, needed_on="2026-03-01")
    assert [(i.kind, i.holder_id) for i in added] == [(offered[0].kind, setup.lab.id), (offered[1].kind, None)]
    assert added[1].original_or_report is offered[1].original_or_report
    assert timeline.active_dates(db, added[0].id) == {Step.NEEDED: "2026-03-01"}

    assert checklists.add_items(db, setup.case.id, chosen + chosen) == []
    assert len(record_items.list_for_case(db, setup.case.id)) == 2
    assert offered[0] not in checklists.missing_starter_items(db, setup.case.id)
    assert len(checklists.missing_starter_items(db, setup.case.id)) == len(offered) - 2


def test_adding_to_an_unknown_case_is_refused(db):
    with pytest.raises(NotFound):
        checklists.add_items(db, 999, checklists.starter_items())


# ---- request letter ---------------------------------------------------------------------


def letter_items(db, setup):
    slides = record_items.create(db, RecordItem(
        case_id=setup.case.id, kind=RecordKind.PATHOLOGY_SLIDES, description="Biopsy of 3 February",
        holder_id=setup.lab.id, original_or_report=RecordForm.ORIGINAL, route=Route.DIRECT,
    ), needed_on="2026-03-01")
    report = record_items.create(db, RecordItem(
        case_id=setup.case.id, kind=RecordKind.PATHOLOGY_REPORT, holder_id=setup.lab.id,
        period_from="2026-01-01", period_to="2026-03-01",
    ), needed_on="2026-03-01")
    return slides, report


def test_letter_names_the_person_items_delivery_and_the_30_day_rule(db, setup):
    slides, report = letter_items(db, setup)
    html = request_letter.build_html(db, setup.case.id, setup.lab.id, [slides.id, report.id])
    for text in (
        "Ines &lt;Test&gt; &amp; Søn", "June 1, 1958", "4 Birch Row<br>Millbrook, OR 97000", "(555) 010-2030",
        "HP-0042", "Harbor PPO", "March 20, 2026",
        "Northside Pathology", "9 Lab Street, Millbrook", "555-0102",
        "Pathology slides or blocks", "Biopsy of 3 February", "Original", "The original slides or tissue blocks",
        "Pathology report", "2026-01-01 to 2026-03-01", "Report", "preferably electronic",
        "Dr. Vera Okafor", "Lakeside Cancer Centre", "1 Lake Road, Lakeside", "Me (address above)",
        "The second office (below)", "within 30 days", "one extension of up to 30 days", "Signature:",
        "Printed name: Ines &lt;Test&gt; &amp; Søn", "personal representative",
    ):
        assert text in html, text
    assert "<Test>" not in html


def test_letter_defaults_to_the_items_still_waiting_on_that_holder(db, setup):
    slides, report = letter_items(db, setup)
    timeline.record_step(db, report.id, Step.RECEIVED, "2026-03-10")
    clinic_item = record_items.create(db, RecordItem(case_id=setup.case.id, kind=RecordKind.CLINICAL_NOTES,
                                                     holder_id=setup.clinic.id))
    assert request_letter.default_item_ids(db, setup.case.id, setup.lab.id) == [slides.id]
    html = request_letter.build_html(db, setup.case.id, setup.lab.id)
    assert "Biopsy of 3 February" in html and "Pathology report" not in html
    assert "Clinical notes" not in html
    assert clinic_item.id


def test_letter_refuses_items_of_another_holder_or_case(db, setup):
    slides, _ = letter_items(db, setup)
    other = record_items.create(db, RecordItem(case_id=setup.case.id, holder_id=setup.clinic.id))
    with pytest.raises(InvalidInput) as error:
        request_letter.build_html(db, setup.case.id, setup.lab.id, [slides.id, other.id])
    assert error.value.field == "item_ids" and "one letter per holder" in str(error.value)
    second_case = cases.save(db, Case(person_id=setup.person.id, title="Other"))
    elsewhere = record_items.create(db, RecordItem(case_id=second_case.id, holder_id=setup.lab.id))
    with pytest.raises(InvalidInput) as error:
        request_letter.build_html(db, setup.case.id, setup.lab.id, [elsewhere.id])
    assert error.value.field == "item_ids"
    with pytest.raises(NotFound):
        request_letter.build_html(db, setup.case.id, setup.lab.id, [999])
    with pytest.raises(NotFound):
        request_letter.build_html(db, setup.case.id, 999, [slides.id])


def test_letter_with_nothing_to_ask_for_says_so(db, setup):
    with pytest.raises(InvalidInput) as error:
        request_letter.build_html(db, setup.case.id, setup.clinic.id)
    assert error.value.field == "item_ids"


def test_direct_delivery_needs_the_second_opinion_doctor(db, setup):
    slides, report = letter_items(db, setup)
    case = cases.get(db, setup.case.id)
    case.second_opinion_doctor_id = None
    cases.save(db, case)
    with pytest.raises(InvalidInput) as error:
        request_letter.build_html(db, setup.case.id, setup.lab.id, [slides.id])
    assert error.value.field == "second_opinion_doctor_id"
    html = request_letter.build_html(db, setup.case.id, setup.lab.id, [report.id])  # to the person: fine
    assert "The second office" not in html


def test_the_printed_letter_is_kept_as_a_document_of_the_case_linked_to_its_items(db, setup, data_dir):
    slides, report = letter_items(db, setup)
    ids = request_letter.chosen_item_ids(db, setup.case.id, setup.lab.id, None)
    assert ids == [slides.id, report.id]
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    pdf = io.BytesIO()
    writer.write(pdf)

    document = request_letter.keep_as_document(db, data_dir, setup.case.id, setup.lab.id, ids, pdf.getvalue(),
                                               "request.pdf")
    assert (document.case_id, document.holder_id, document.kind) == (setup.case.id, setup.lab.id, "request letter")
    assert document.title == "Records request to Northside Pathology, March 20, 2026"
    assert document.service_date == "2026-03-20"
    assert library.linked_item_ids(db, document.id) == ids
    assert request_letter.footer_text(db, setup.case.id) == "Ines <Test> & Søn, born 1958-06-01"
