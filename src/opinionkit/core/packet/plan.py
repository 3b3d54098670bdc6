"""What goes into a case's packet, in what order: the recipient, the documents, the optional sections.

By default every document of the case goes in (imported for it or linked to one
of its record items), oldest date of service first, for the case's
second-opinion doctor. ``since`` keeps only documents dated on or after it
(undated ones count from the day they were imported). The person can add any
of their other documents, take documents out and put them in another order;
the plan they save is kept per case. A document imported after the plan was
saved still goes in (at the end, in date order) unless the person took it out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from sqlite_utils import Database

from opinionkit.core.dates import clean_date
from opinionkit.core.domain.documents import Document
from opinionkit.core.errors import InvalidInput
from opinionkit.core.services import cases, library
from opinionkit.core.storage import rows

TABLE = "packet_plans"
KIND = "packet plan"


@dataclass
class PacketPlan:
    """One case's packet; ``document_ids`` None means "every document, by date"."""

    case_id: int
    recipient_id: int | None = None
    #: Who sends the packet, as it is printed on the cover ("Ada Lindqvist, daughter"); empty: the person.
    sender: str = ""
    since: str | None = None
    document_ids: list[int] | None = None
    left_out_ids: list[int] = field(default_factory=list)
    include_summary: bool = True
    include_questions: bool = True
    include_index: bool = True
    id: int | None = None

    def __post_init__(self) -> None:
        # SQLite hands flags back as 0/1.
        self.include_summary = bool(self.include_summary)
        self.include_questions = bool(self.include_questions)
        self.include_index = bool(self.include_index)


def default(db: Database, case_id: int, since: str | None = None) -> PacketPlan:
    """Every document of the case by date, for the case's second-opinion doctor."""
    case = cases.get(db, case_id)
    plan = PacketPlan(case_id=case_id, recipient_id=case.second_opinion_doctor_id, since=since)
    return _validated(db, plan)


def load(db: Database, case_id: int) -> PacketPlan:
    """The plan the person saved for the case, else the default one."""
    found = rows.select(db, TABLE, PacketPlan, "case_id = ?", [case_id])
    return found[0] if found else default(db, case_id)


def save(db: Database, plan: PacketPlan) -> PacketPlan:
    """Keep the plan for its case (one per case); returns it checked, with its id."""
    plan = _validated(db, replace(plan))
    with db.atomic():
        existing = db.execute(f"SELECT id FROM {TABLE} WHERE case_id = ?", [plan.case_id]).fetchone()
        plan.id = existing[0] if existing else None
        if plan.id is None:
            plan.id = rows.insert(db, TABLE, plan)
        else:
            rows.update(db, TABLE, plan, KIND)
    return plan


def forget(db: Database, case_id: int) -> None:
    """Drop the saved plan: the case's packet goes back to the default."""
    with db.atomic():
        db.execute(f"DELETE FROM {TABLE} WHERE case_id = ?", [case_id])


def documents(db: Database, plan: PacketPlan) -> list[Document]:
    """The documents that go in, in their packet order."""
    case = cases.get(db, plan.case_id)
    left_out = set(plan.left_out_ids)
    by_date = [d for d in _by_date(library.list_for_case(db, plan.case_id))
               if d.id not in left_out and (not plan.since or _date(d) >= plan.since)]
    if plan.document_ids is None:
        return by_date
    mine = {d.id: d for d in library.list_for_person(db, case.person_id)}
    chosen = [mine[i] for i in dict.fromkeys(plan.document_ids) if i in mine and i not in left_out]
    placed = {d.id for d in chosen}
    return chosen + [d for d in by_date if d.id not in placed]


def available(db: Database, plan: PacketPlan) -> list[Document]:
    """Every document of the case's person, oldest first: what the person may add."""
    return _by_date(library.list_for_person(db, cases.get(db, plan.case_id).person_id))


def add(db: Database, plan: PacketPlan, document_ids: Iterable[int]) -> PacketPlan:
    """The plan with these documents put in, at the end (the person's documents only)."""
    wanted = list(dict.fromkeys(document_ids))
    _check_documents(db, plan.case_id, wanted, "document_ids")
    current = [d.id or 0 for d in documents(db, plan)]
    return replace(plan, document_ids=current + [i for i in wanted if i not in current],
                   left_out_ids=[i for i in plan.left_out_ids if i not in wanted])


def remove(db: Database, plan: PacketPlan, document_ids: Iterable[int]) -> PacketPlan:
    """The plan with these documents taken out (they stay out until added again)."""
    unwanted = set(document_ids)
    current = [d.id or 0 for d in documents(db, plan)]
    return replace(plan, document_ids=[i for i in current if i not in unwanted],
                   left_out_ids=sorted(set(plan.left_out_ids) | unwanted))


def reorder(db: Database, plan: PacketPlan, document_ids: Sequence[int]) -> PacketPlan:
    """The plan with its documents in this order, which must name each chosen document once."""
    current = [d.id for d in documents(db, plan)]
    if len(document_ids) != len(set(document_ids)) or set(document_ids) != set(current):
        raise InvalidInput("document_ids", "The new order must list every document of the packet exactly once. "
                                           "Reload the list and try again.")
    return replace(plan, document_ids=list(document_ids))


def document_date(document: Document) -> str:
    """The date a document is sorted and filtered by: its date of service, else the day it was imported."""
    return _date(document)


def _validated(db: Database, plan: PacketPlan) -> PacketPlan:
    cases.get(db, plan.case_id)  # NotFound for an unknown case
    plan.since = clean_date(plan.since, "since", "The “since” date")
    plan.sender = " ".join((plan.sender or "").split())
    if plan.recipient_id is not None and not db.execute(
        "SELECT 1 FROM providers WHERE id = ?", [plan.recipient_id]
    ).fetchone():
        raise InvalidInput("recipient_id", f"No provider with id {plan.recipient_id} is in the directory.")
    if plan.document_ids is not None:
        plan.document_ids = list(dict.fromkeys(plan.document_ids))
        _check_documents(db, plan.case_id, plan.document_ids, "document_ids")
    plan.left_out_ids = sorted(set(plan.left_out_ids))
    return plan


def _check_documents(db: Database, case_id: int, document_ids: Sequence[int], field_name: str) -> None:
    person_id = cases.get(db, case_id).person_id
    for ident in document_ids:
        row = db.execute("SELECT person_id FROM documents WHERE id = ?", [ident]).fetchone()
        if row is None:
            raise InvalidInput(field_name, f"No document with id {ident} was found. Reload the list and try again.")
        if row[0] != person_id:
            raise InvalidInput(field_name, f"Document {ident} belongs to another person: "
                                           "only this person's documents can go into the packet.")


def _by_date(found: Iterable[Document]) -> list[Document]:
    return sorted(found, key=lambda d: (_date(d), d.id or 0))


def _date(document: Document) -> str:
    return document.service_date or document.imported_at[:10]
