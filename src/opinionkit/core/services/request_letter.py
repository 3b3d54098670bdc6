"""The request letter to one holder for chosen items, as HTML for the renderer to print.

It identifies the person, lists each item with its period, whether the original
or a report is wanted, the format and where to deliver it (to the person, or
straight to the second office), and reminds the holder of the 30-day answer
time for a patient's access request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape
from pathlib import Path

from sqlite_utils import Database

from opinionkit.core import dates
from opinionkit.core.domain import Person, Provider
from opinionkit.core.domain.documents import Document
from opinionkit.core.domain.records import (
    ANSWER_DAYS,
    MAX_EXTENSION_DAYS,
    RecordForm,
    RecordItem,
    RecordKind,
    Route,
    Step,
)
from opinionkit.core.errors import InvalidInput
from opinionkit.core.services import cases, library, people, providers, record_items, tracker

_FORMATS = {
    RecordKind.IMAGING_DISC: "The complete study on CD or DVD in DICOM format, with a viewer",
    RecordKind.IMAGING_SHARE: "The complete study through an image-sharing link",
    RecordKind.IMAGING_FILM: "The original films, to be collected in person",
    RecordKind.PATHOLOGY_SLIDES: "The original slides or tissue blocks, with their report",
}
_REPORT_FORMAT = "A copy, preferably electronic (PDF), otherwise on paper"
_ORIGINAL_FORMAT = "The original material, not only the report"


def default_item_ids(db: Database, case_id: int, holder_id: int) -> list[int]:
    """The case's items from this holder that still wait on it (needed or requested)."""
    waiting = tracker.tracker_rows(db, case_id, holder_id=holder_id, statuses=[Step.NEEDED, Step.REQUESTED])
    return [row.id for row in waiting]


def chosen_item_ids(db: Database, case_id: int, holder_id: int, item_ids: Sequence[int] | None) -> list[int]:
    """The items a letter asks for: those chosen, else every item still waiting on the holder."""
    return list(dict.fromkeys(item_ids)) if item_ids else default_item_ids(db, case_id, holder_id)


def title(db: Database, holder_id: int, on: dt.date | None = None) -> str:
    """The letter's title, for the PDF and the case's documents."""
    return f"Records request to {providers.get(db, holder_id).name}, {_long_date(on or dates.today())}"


def footer_text(db: Database, case_id: int) -> str:
    """Who every page is about: the person's name and date of birth."""
    person = people.get(db, cases.get(db, case_id).person_id)
    return f"{person.name}, born {person.date_of_birth}" if person.date_of_birth else person.name


def keep_as_document(
    db: Database, data_dir: Path, case_id: int, holder_id: int, item_ids: Sequence[int], pdf: bytes,
    filename: str, on: dt.date | None = None,
) -> Document:
    """Keep the printed letter as a document of the case, linked to the items it asks for."""
    day = on or dates.today()
    case = cases.get(db, case_id)
    with db.atomic():
        document = library.add_bytes(
            db, data_dir, pdf, filename, person_id=case.person_id, case_id=case_id, kind="request letter",
            title=title(db, holder_id, day), holder_id=holder_id, service_date=day.isoformat(),
        )
        library.link_items(db, document.id or 0, item_ids)
    return document


def build_html(
    db: Database, case_id: int, holder_id: int, item_ids: Sequence[int] | None = None, on: dt.date | None = None,
) -> str:
    """The letter asking ``holder_id`` for ``item_ids`` (by default all items still waiting on it)."""
    case = cases.get(db, case_id)
    person = people.get(db, case.person_id)
    holder = providers.get(db, holder_id)
    items = _chosen_items(db, case_id, holder, item_ids)
    second_office = None
    if any(item.route is Route.DIRECT for item in items):
        if case.second_opinion_doctor_id is None:
            raise InvalidInput(
                "second_opinion_doctor_id",
                "Some items are to go straight to the second office, but the case has no second-opinion "
                "doctor yet. Choose one in the case first, so the letter can give their address.",
            )
        second_office = providers.get(db, case.second_opinion_doctor_id)
    day = on or dates.today()
    return "\n".join([
        "<html><body>",
        f"<p>{escape(_long_date(day))}</p>",
        _recipient(holder),
        "<p><b>Request for copies of my health records, for a second medical opinion</b></p>",
        _identity(person),
        "<p>Dear records team,</p>",
        "<p>I am asking for copies of the records listed below, which I need for a second medical "
        "opinion. Please send each item in the format and to the address given for it.</p>",
        _item_table(items),
        _delivery(person, items, second_office),
        _deadline_note(),
        f"<p>If anything is unclear, or if there is a fee, please call me first"
        f"{' at ' + escape(person.phone) if person.phone else ''}. Thank you for your help.</p>",
        _signature(person),
        "</body></html>",
    ])


def _chosen_items(db: Database, case_id: int, holder: Provider, item_ids: Sequence[int] | None) -> list[RecordItem]:
    ids = chosen_item_ids(db, case_id, holder.id or 0, item_ids)
    if not ids:
        raise InvalidInput(
            "item_ids", f"No item of this case is waiting on {holder.name}. Add items with this holder, or choose them."
        )
    items = []
    for ident in ids:
        item = record_items.get(db, ident)
        if item.case_id != case_id:
            raise InvalidInput("item_ids", f"Item {ident} (“{item.label}”) belongs to another case.")
        if item.holder_id != holder.id:
            raise InvalidInput(
                "item_ids",
                f"Item {ident} (“{item.label}”) is not held by {holder.name}: write one letter per holder.",
            )
        items.append(item)
    return items


def _long_date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _lines(*parts: str) -> str:
    """Non-empty parts, escaped, one per line (addresses keep their own line breaks)."""
    return "<br>".join(escape(p).replace("\n", "<br>") for p in parts if p and p.strip())


def _recipient(holder: Provider) -> str:
    fax = f"Fax: {holder.fax}" if holder.fax else ""
    institution = holder.institution if holder.institution != holder.name else ""
    return f"<p>Medical records<br>{_lines(holder.name, institution, holder.address, fax)}</p>"


def _identity(person: Person) -> str:
    fields = [
        ("Patient", person.name),
        ("Date of birth", _long_date(dt.date.fromisoformat(person.date_of_birth)) if person.date_of_birth else ""),
        ("Address", person.address),
        ("Phone", person.phone),
        ("Email", person.email),
        ("Insurance plan", person.insurance_plan),
        ("Member ID", person.member_id),
    ]
    body = "".join(
        f"<tr><td><b>{escape(label)}</b></td><td>{_lines(value)}</td></tr>" for label, value in fields if value
    )
    return f'<table cellpadding="3" cellspacing="0">{body}</table>'


def _format_wanted(item: RecordItem) -> str:
    if item.kind in _FORMATS:
        return _FORMATS[item.kind]
    return _ORIGINAL_FORMAT if item.original_or_report is RecordForm.ORIGINAL else _REPORT_FORMAT


def _item_table(items: list[RecordItem]) -> str:
    head = "".join(
        f"<th align=\"left\">{h}</th>"
        for h in ("#", "Record", "Period", "Original or report", "Format wanted", "Deliver to")
    )
    body = []
    for number, item in enumerate(items, 1):
        record = escape(item.kind.value.capitalize())
        if item.description:
            record += f"<br>{escape(item.description)}"
        deliver = "The second office (below)" if item.route is Route.DIRECT else "Me (address above)"
        cells = (str(number), record, escape(item.period or "All"), escape(item.original_or_report.value.capitalize()),
                 escape(_format_wanted(item)), deliver)
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return (
        '<table border="1" cellpadding="4" cellspacing="0" width="100%">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def _delivery(person: Person, items: list[RecordItem], second_office: Provider | None) -> str:
    parts = []
    if any(item.route is Route.VIA_ME for item in items):
        by_email = " (electronic copies may go to my email address above)" if person.email else ""
        parts.append(f"<p>Please send the items marked “Me” to me at the address above{by_email}.</p>")
    if second_office is not None:
        where = ", ".join(p for p in (second_office.name, second_office.institution, second_office.address) if p)
        numbers = " · ".join(
            f"{label} {number}" for label, number in (("Phone", second_office.phone), ("Fax", second_office.fax))
            if number
        )
        parts.append(
            "<p>Please send the items marked “The second office” directly to the doctor giving the "
            f"second opinion:<br><b>{_lines(where)}</b>{'<br>' + escape(numbers) if numbers else ''}<br>"
            "and tell me the date they leave, with the carrier and tracking number if shipped.</p>"
        )
    return "\n".join(parts)


def _deadline_note() -> str:
    return (
        "<p><i>Under the HIPAA Privacy Rule (45 CFR 164.524), a request by patients for their own records "
        f"is to be answered within {ANSWER_DAYS} days of receipt. If you need more time, please tell me in "
        f"writing within those {ANSWER_DAYS} days why, and by when I will have the records; one extension "
        f"of up to {MAX_EXTENSION_DAYS} days is allowed.</i></p>"
    )


def _signature(person: Person) -> str:
    line = "_" * 36
    return (
        f"<p>Signature: {line} &nbsp; Date: {'_' * 16}</p>"
        f"<p>Printed name: {escape(person.name)}</p>"
        f"<p>If signed by a personal representative, their name and relationship to the patient:<br>{line * 2}</p>"
    )
