"""The health summary: one person's background as HTML that prints well, for any appointment.

The core builds the HTML; the window and the command line turn it into a PDF
with ``opinionkit.render.html_to_pdf(html, title=title(person),
footer=render.page_footer(footer_label(person)))``, which adds "Page X of N".
The markup keeps to what Qt's rich text understands (tables with ``thead``,
which repeats on every page, and simple inline styles).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from html import escape

from sqlite_utils import Database

from opinionkit.core.dates import today
from opinionkit.core.domain import Person
from opinionkit.core.domain.background import Medication
from opinionkit.core.services import background
from opinionkit.core.services.background import Background

HEADINGS = (
    "Identity and insurance", "Medications (active)", "Allergies", "Conditions", "Procedures",
    "Immunisations", "Family history", "Social history",
)
_NONE = "None recorded."
_DATE_HEADERS = {"Since", "Started", "Stopped", "When", "Date"}

_STYLE = """
body { font-family: 'DejaVu Sans'; font-size: 10pt; color: #111; }
h1 { font-size: 17pt; margin-bottom: 2px; }
h2 { font-size: 12.5pt; margin-top: 14px; margin-bottom: 4px; border-bottom: 1px solid #888; }
h3 { font-size: 10.5pt; margin-top: 8px; margin-bottom: 3px; }
th { background-color: #e8e8e8; text-align: left; font-weight: bold; }
td, th { padding: 3px; vertical-align: top; }
.meta { color: #444; font-size: 9pt; }
.note { color: #333; font-size: 8.5pt; font-style: italic; }
"""


def title(person: Person) -> str:
    return f"Health summary: {person.name}"


def footer_label(person: Person) -> str:
    """The left part of every page's footer: who the summary is about."""
    return f"{person.name} · born {person.date_of_birth}" if person.date_of_birth else person.name


def build_html(db: Database, person_id: int, printed_on: dt.date | None = None) -> str:
    """The summary of the person with ``person_id`` as a complete HTML page."""
    return render_html(background.load_all(db, person_id), printed_on)


def render_html(found: Background, printed_on: dt.date | None = None) -> str:
    printed = (printed_on or today()).isoformat()
    person = found.person
    parts = [
        f"<html><head><meta charset='utf-8'><title>{_e(title(person))}</title><style>{_STYLE}</style></head><body>",
        f"<h1>Health summary</h1><p class='meta'><b>{_e(person.name)}</b>"
        f"{' · born ' + _e(person.date_of_birth) if person.date_of_birth else ''} · printed {printed}<br>"
        "Kept by the patient or their family; please check it with them at the visit.</p>",
        _identity(person, printed),
        _medications(found, printed),
        _section("Allergies", [("Substance", 22), ("Kind", 13), ("Reaction", 22), ("Severity", 11), ("Notes", 32)], [
            [a.substance, a.kind.value, a.reaction, a.severity.value, _lines(a.notes)] for a in found.allergies
        ]),
        _section("Conditions", [("Condition", 36), ("Since", 12), ("Status", 10), ("Notes", 42)], [
            [c.name, c.since, c.status.value, _lines(c.notes)] for c in found.conditions
        ]),
        _section("Procedures", [("Procedure", 27), ("When", 12), ("Kind", 11), ("Where", 17), ("By whom", 14),
                                ("Notes", 19)], [
            [p.name, p.performed_on, p.kind.value, p.location, found.performer(p), _lines(p.notes)]
            for p in found.procedures
        ]),
        _section("Immunisations", [("Vaccine", 50), ("Date", 14), ("Notes", 36)], [
            [i.vaccine, i.given_on, _lines(i.notes)] for i in found.immunisations
        ]),
        _section("Family history", [("Relative", 15), ("Condition", 25), ("Age at onset", 11),
                                    ("Living or deceased", 13), ("Notes", 36)], [
            [f.relative, f.condition, f.age_at_onset, f.vital_status.value, _lines(f.notes)]
            for f in found.family_history
        ]),
        _social(found),
        "</body></html>",
    ]
    return "\n".join(parts)


def _identity(person: Person, printed: str) -> str:
    born = person.date_of_birth or ""
    if born:
        age = _age(born, printed)
        born = f"{born} (age {age})" if age is not None else born
    pairs = [
        ("Name", person.name), ("Date of birth", born), ("Sex", person.sex), ("Phone", person.phone),
        ("Email", person.email), ("Address", person.address), ("Emergency contact", person.emergency_contact),
        ("Insurance plan", person.insurance_plan), ("Member ID", person.member_id),
        ("Insurer phone", person.insurer_phone),
    ]
    cells = "".join(
        f"<tr><th width='28%'>{_e(label)}</th><td>{_e(value)}</td></tr>" for label, value in pairs if value
    )
    return f"<h2>Identity and insurance</h2>{_table_tag()}{cells}</table>"


def _medications(found: Background, printed: str) -> str:
    active = found.active_medications(printed)
    stopped = found.stopped_medications(printed)
    columns = [("Medication", 22), ("How taken", 20), ("Kind", 12), ("Reason", 16), ("Prescriber", 16), ("Since", 14)]
    html = _section("Medications (active)", columns, [
        [_with_note(_medication_name(m), m.notes), _how_taken(m), m.category.value, m.reason,
         found.prescriber(m), m.start]
        for m in active
    ])
    if stopped:
        columns = [("Medication", 26), ("Reason", 20), ("Started", 13), ("Stopped", 13), ("Notes", 28)]
        html += _table("Stopped medications", columns, [
            [_medication_name(m), m.reason, m.start, m.stop or "date not known", _lines(m.notes)] for m in stopped
        ], level=3)
    return html


def _social(found: Background) -> str:
    social = found.social_history
    if social is None or social.is_empty():
        return f"<h2>Social history</h2><p>{_NONE}</p>"
    pairs = [("Tobacco", social.tobacco), ("Alcohol", social.alcohol), ("Occupation", social.occupation)]
    cells = "".join(f"<tr><th width='28%'>{label}</th><td>{_e(value)}</td></tr>" for label, value in pairs if value)
    if social.notes:
        cells += f"<tr><th>Notes</th><td>{_lines(social.notes)}</td></tr>"
    return f"<h2>Social history</h2>{_table_tag()}{cells}</table>"


def _section(heading: str, columns: Sequence[tuple[str, int]], body: list[list[object]]) -> str:
    if not body:
        return f"<h2>{_e(heading)}</h2><p>{_NONE}</p>"
    return _table(heading, columns, body)


def _table(heading: str, columns: Sequence[tuple[str, int]], body: Iterable[Sequence[object]], level: int = 2) -> str:
    """A table under a heading; each column is (header, width in percent of the page)."""
    head = "".join(f"<th width='{width}%'>{_e(h)}</th>" for h, width in columns)
    # Dates kept on one line: Qt would otherwise break them at a hyphen in a narrow column.
    cell_tags = ["<td style='white-space: nowrap;'>" if h in _DATE_HEADERS else "<td>" for h, _ in columns]
    rows = "".join(
        "<tr>" + "".join(f"{tag}{_cell(v)}</td>" for tag, v in zip(cell_tags, row)) + "</tr>" for row in body
    )
    return f"<h{level}>{_e(heading)}</h{level}>{_table_tag()}<thead><tr>{head}</tr></thead>{rows}</table>"


def _table_tag() -> str:
    return ("<table width='100%' border='1' cellspacing='0' cellpadding='4' "
            "style='border-collapse: collapse; border-color: #999; border-style: solid;'>")


class _Markup(str):
    """Text already escaped and marked up, to be placed in a cell as it is."""


def _cell(value: object) -> str:
    if isinstance(value, _Markup):
        return str(value)
    return _e("" if value is None else str(value))


def _e(text: object) -> str:
    return escape(str(text or ""), quote=True)


def _lines(text: str) -> _Markup:
    return _Markup("<br>".join(_e(line) for line in text.splitlines()))


def _with_note(name: str, notes: str) -> _Markup:
    if not notes:
        return _Markup(_e(name))
    return _Markup(f"{_e(name)}<br><span class='note'>{_lines(notes)}</span>")


def _medication_name(m: Medication) -> str:
    return " ".join(part for part in (m.name, m.strength, m.form) if part)


def _how_taken(m: Medication) -> str:
    parts = [m.dose, m.route, m.frequency]
    if m.as_needed:
        parts.append("as needed")
    return ", ".join(part for part in parts if part)


def _age(born: str, on: str) -> int | None:
    try:
        birth, day = dt.date.fromisoformat(born), dt.date.fromisoformat(on)
    except ValueError:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
