"""The opinions of a case: each doctor's diagnosis, recommendation, reasoning and letter."""

from __future__ import annotations

from sqlite_utils import Database

from opinionkit.core.compare import Comparison, compare_letters
from opinionkit.core.dates import clean_date
from opinionkit.core.domain import Basis, HowGiven, Opinion
from opinionkit.core.errors import InvalidInput
from opinionkit.core.services import cases, library, providers, trash, validation
from opinionkit.core.storage import rows

TABLE = "opinions"
KIND = "opinion"
_TEXT_FIELDS = (
    "specialty", "diagnosis", "recommended_treatment", "alternatives", "reasoning", "basis_detail", "benefits",
    "risks", "urgency", "further_tests", "cost_coverage", "financial_interest",
)


def validate(db: Database, opinion: Opinion) -> Opinion:
    validation.strip_texts(opinion, *_TEXT_FIELDS)
    opinion.letter_text = (opinion.letter_text or "").strip()
    validation.one_of(opinion, "how_given", "How the opinion was given", HowGiven)
    validation.one_of(opinion, "basis", "The basis", Basis)
    opinion.given_on = clean_date(opinion.given_on, "given_on", "The date of the opinion")
    case = cases.get(db, opinion.case_id)  # NotFound for an unknown case
    if opinion.provider_id is not None and not db.execute(
        "SELECT 1 FROM providers WHERE id = ?", [opinion.provider_id]
    ).fetchone():
        raise InvalidInput("provider_id", f"No provider with id {opinion.provider_id} is in the directory.")
    if opinion.letter_document_id is not None:
        document = library.get(db, opinion.letter_document_id)
        if document.person_id != case.person_id:
            raise InvalidInput("letter_document_id", "The letter must be one of this person's documents.")
    if opinion.provider_id is None and not (opinion.specialty or opinion.recommended_treatment or opinion.letter_text):
        raise InvalidInput("provider_id", "Say whose opinion this is (the doctor or the specialty) or what it "
                                          "recommends, then save.")
    return opinion


def save(db: Database, opinion: Opinion) -> Opinion:
    validate(db, opinion)
    with db.atomic():
        if opinion.id is None:
            opinion.id = rows.insert(db, TABLE, opinion)
        else:
            rows.update(db, TABLE, opinion, KIND)
    return opinion


def get(db: Database, opinion_id: int) -> Opinion:
    return rows.get(db, TABLE, Opinion, opinion_id, KIND)


def list_for_case(db: Database, case_id: int) -> list[Opinion]:
    """A case's opinions, oldest first (undated ones last)."""
    cases.get(db, case_id)
    return rows.select(db, TABLE, Opinion, "case_id = ?", [case_id], order_by="given_on IS NULL, given_on, id")


def delete(db: Database, opinion_id: int) -> int:
    """Move an opinion to the trash; returns the trash entry id."""
    return trash.move_to_trash(db, TABLE, opinion_id, KIND, label(db, get(db, opinion_id)))


def label(db: Database, opinion: Opinion) -> str:
    """"Opinion of Dr. Priya Nandakumar (2026-11-24)": who gave it, and when."""
    who = providers.get(db, opinion.provider_id).name if opinion.provider_id is not None else ""
    who = who or opinion.specialty or "an unnamed doctor"
    return f"Opinion of {who}" + (f" ({opinion.given_on})" if opinion.given_on else "")


def letter_from_document(db: Database, document_id: int) -> str:
    """The text of a letter kept in the library, its pages one after another."""
    document = library.get(db, document_id)
    if document.locked:
        raise InvalidInput("letter_document_id", f"“{document.title}” is locked with a password. Unlock it in "
                                                 "the library first, or type or paste the text of the letter.")
    text = "\n\n".join(page for page in library.page_texts(db, document_id) if page.strip())
    if not text.strip():
        raise InvalidInput("letter_document_id", f"“{document.title}” has no text (a scan or a photo of a page). "
                                                 "Type or paste the text of the letter instead.")
    return text


def compare(db: Database, first_id: int, second_id: int) -> Comparison:
    """The letters of two opinions side by side (the first is letter A)."""
    return compare_letters(get(db, first_id).letter_text, get(db, second_id).letter_text)
