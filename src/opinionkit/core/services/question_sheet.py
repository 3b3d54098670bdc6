"""The printable question sheet: a checklist per doctor with room to write the answers.

Built as HTML for the renderer; one section per doctor, each starting on a new page.
Answers already written down are printed in place of the blank lines.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from sqlite_utils import Database

from opinionkit.core.domain import Provider
from opinionkit.core.domain.questions import AnswerState, QuestionRow
from opinionkit.core.services import appointments, cases, people, providers, questions

_UNTICKED, _TICKED = "\u2610", "\u2611"
_BLANK_LINE = '<p style="color:#9a9a9a; margin:6px 0 0 0">' + "_" * 86 + "</p>"


def questions_html(db: Database, case_id: int, provider_id: int | None = None) -> str:
    """The case's questions as a checklist for each doctor (only ``provider_id``'s when given)."""
    case = cases.get(db, case_id)
    rows = questions.question_rows(db, case_id)
    doctors: list[Provider | None]
    if provider_id is not None:
        doctors = [providers.get(db, provider_id)]
    else:
        doctors = list(questions.doctors(db, case_id)) or [None]
    heading = (
        f"<p><b>{escape(people.get(db, case.person_id).name)}</b> · {escape(case.title)}</p>"
        + (f"<p>Diagnosis as given: {escape(case.diagnosis)}</p>" if case.diagnosis else "")
        + (f"<p>Treatment recommended: {escape(case.treatment_recommended)}</p>"
           if case.treatment_recommended else "")
    )
    sections = [_section(db, case_id, doctor, rows, heading, first=index == 0) for index, doctor in enumerate(doctors)]
    return "<html><body>" + "".join(sections) + "</body></html>"


def title(db: Database, case_id: int, provider_id: int | None = None) -> str:
    """The sheet's title, for the PDF."""
    if provider_id is not None:
        return f"Questions for {providers.get(db, provider_id).name}"
    return f"Questions: {cases.get(db, case_id).title}"


def footer_text(db: Database, case_id: int) -> str:
    """Who every page is about: the person's name and date of birth."""
    person = people.get(db, cases.get(db, case_id).person_id)
    return f"{person.name}, born {person.date_of_birth}" if person.date_of_birth else person.name


def _section(
    db: Database, case_id: int, doctor: Provider | None, rows: list[QuestionRow], heading: str, *, first: bool,
) -> str:
    style = "" if first else ' style="page-break-before: always"'
    name = doctor.name if doctor else "Doctor: " + "_" * 30
    lines = [f"<h2{style}>Questions for {escape(name)}</h2>", heading]
    if doctor is not None:
        lines.append(_visit_line(db, case_id, doctor))
    mine = [r for r in rows if r.question.for_provider_id in (None, doctor.id if doctor else None)]
    if not mine:
        lines.append("<p>No questions yet. Add the starter questions or your own, then print again.</p>")
        return "\n".join(lines)
    lines.append('<table width="100%" cellpadding="4" cellspacing="0">')
    for number, row in enumerate(mine, 1):
        answer = row.answers.get(doctor.id or 0) if doctor else None
        tick = _TICKED if answer else _UNTICKED
        body = f"<b>{number}.</b> {escape(row.question.text)}"
        if answer is not None and answer.state is AnswerState.ANSWERED:
            body += (f'<br><i>Answer ({escape(_short_date(answer.on_date))}):</i> '
                     f"{escape(answer.answer).replace(chr(10), '<br>')}")
        else:
            body += _BLANK_LINE * 2
        lines.append(f'<tr><td width="28" valign="top" style="font-size:15pt">{tick}</td>'
                     f'<td valign="top">{body}</td></tr>')
    lines.append("</table>")
    lines.append("<p><i>Before you leave: ask for the recommendation in writing, with its pros and cons.</i></p>")
    return "\n".join(lines)


def _visit_line(db: Database, case_id: int, doctor: Provider) -> str:
    where = escape(", ".join(p for p in (doctor.specialty, doctor.institution) if p))
    visit = next((a for a in appointments.upcoming(db, case_id) if a.provider_id == doctor.id), None)
    if visit is not None:
        at = visit.place or visit.link
        where += (f"<br>Appointment: {visit.start:%A} {_short_date(visit.day.isoformat())} at {visit.start:%H:%M}"
                  + (f", {escape(at)}" if at else ""))
    return f"<p>{where}</p>" if where else ""


def _short_date(iso: str | None) -> str:
    if not iso:
        return ""
    day = dt.date.fromisoformat(iso)
    return f"{day:%B} {day.day}, {day.year}"
