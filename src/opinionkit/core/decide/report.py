"""The printable comparison, for family or a third doctor: the grid, the key terms, the questions, the guide.

Built as HTML for the renderer, meant for landscape pages. Long texts wrap in
their cells; nothing is cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from sqlite_utils import Database

from opinionkit.core.decide import grid as grids
from opinionkit.core.decide import guide as guides
from opinionkit.core.decide.grid import Grid
from opinionkit.core.domain import Consideration, DecisionGuide
from opinionkit.core.services import cases, people, providers, questions

_CELL = 'valign="top" style="border:1px solid #b8b8b8; padding:4px"'
_HEAD = 'valign="top" style="border:1px solid #b8b8b8; padding:4px; background:#eef1f5"'


def comparison_report_html(db: Database, case_id: int, opinion_ids: Sequence[int] | None = None) -> str:
    """The whole printable comparison of a case as one HTML page."""
    case = cases.get(db, case_id)
    found = grids.grid(db, case_id, opinion_ids)
    guide = guides.load(db, case_id)
    parts = [
        f"<h1>Comparing the opinions: {escape(case.title)}</h1>",
        f"<p><b>{escape(people.get(db, case.person_id).name)}</b>"
        + (f" · Diagnosis as first given: {escape(case.diagnosis)}" if case.diagnosis else "") + "</p>",
        _grid(found), _terms(found), _questions(db, case_id), _guide(db, guide),
        '<p style="color:#555555"><i>The decision guide follows the structure of the Ottawa Personal Decision '
        f"Guide: {escape(guides.CITATION)}</i></p>",
    ]
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def title(db: Database, case_id: int) -> str:
    return f"Comparison: {cases.get(db, case_id).title}"


def footer_text(db: Database, case_id: int) -> str:
    person = people.get(db, cases.get(db, case_id).person_id)
    return f"{person.name}, born {person.date_of_birth}" if person.date_of_birth else person.name


def _grid(found: Grid) -> str:
    lines = ["<h2>Side by side</h2>"]
    if found.message:
        lines.append(f"<p><b>{escape(found.message)}</b></p>")
    if not found.opinions:
        return "\n".join(lines)
    share = 64 // len(found.columns)
    head = "".join(f'<th width="{share}%" {_HEAD}>{escape(c)}</th>' for c in found.columns)
    lines.append(f'<table width="100%" cellspacing="0"><tr><th width="16%" {_HEAD}>Topic</th>{head}'
                 f'<th width="18%" {_HEAD}>Your verdict</th></tr>')
    for row in found.rows:
        mark = " ≠" if row.differs else ""
        label = f"<b>{escape(row.label)}{mark}</b><br><i>{escape(row.state_text(found.columns))}</i>"
        cells = "".join(f"<td {_CELL}>{_paragraphs(t) or '<i>not addressed</i>'}</td>" for t in row.texts)
        verdict = escape(row.verdict.value.capitalize()) if row.verdict else "<i>not set</i>"
        if row.note:
            verdict += f"<br>{_paragraphs(row.note)}"
        if row.terms:
            verdict += "<br><small>Key terms: " + escape(", ".join(t.term for t in row.terms)) + "</small>"
        lines.append(f"<tr><td {_CELL}>{label}</td>{cells}<td {_CELL}>{verdict}</td></tr>")
    lines.append("</table>")
    return "\n".join(lines)


def _terms(found: Grid) -> str:
    if not found.comparable:
        return ""
    lines = ["<h2>Key terms in the letters</h2>"]
    if not found.terms:
        lines.append("<p>The letters name no medications, procedures, tests or diagnoses to set side by side "
                     "(a letter may be missing: add its text to the opinion).</p>")
        return "\n".join(lines)
    head = "".join(f"<th {_HEAD}>{escape(c)}</th>" for c in found.columns)
    lines.append(f'<table width="100%" cellspacing="0"><tr><th {_HEAD}>Term</th><th {_HEAD}>Kind</th>{head}'
                 f"<th {_HEAD}>Topic</th></tr>")
    for term in found.terms:
        said = "".join(f"<td {_CELL}>{escape(term.said(n))}</td>" for n in range(len(found.columns)))
        name = escape(term.term) + ("" if term.agrees else " <b>≠</b>")
        lines.append(f"<tr><td {_CELL}>{name}</td><td {_CELL}>{escape(term.kind.value)}</td>{said}"
                     f"<td {_CELL}>{escape(grids.ROW_LABELS[term.row_key])}</td></tr>")
    lines.append("</table>")
    return "\n".join(lines)


def _questions(db: Database, case_id: int) -> str:
    found = questions.question_rows(db, case_id)
    lines = ["<h2>Questions</h2>"]
    if not found:
        return lines[0] + "<p>No questions on the list yet.</p>"
    lines.append("<ol>")
    for row in found:
        ident = row.question.for_provider_id
        who = "every doctor" if ident is None else providers.get(db, ident).name
        answers = "".join(
            f"<br><i>{escape(providers.get(db, a.provider_id).name)}:</i> {escape(a.answer)}"
            for a in row.answers.values() if a.answer)
        lines.append(f"<li>{escape(row.question.text)} <small>(for {escape(who)})</small>{answers}</li>")
    lines.append("</ol>")
    return "\n".join(lines)


def _guide(db: Database, guide: DecisionGuide) -> str:
    lines = ['<h2 style="page-break-before: always">Decision guide</h2>',
             f"<p><b>The decision:</b> {escape(guide.decision)}</p>",
             f"<p><b>Time to decide:</b> {escape(guide.timing) or 'not written down'}"
             + (f" · deadline {escape(guide.deadline)}" if guide.deadline else "") + "</p>"]
    revisit = guides.revisit_message(db, guide)
    if revisit:
        lines.append(f"<p><b>{escape(revisit)}</b></p>")
    lines.append("<h3>Goals, and how much each matters (0 to 5)</h3>")
    lines.append(_list([f"{escape(g.goal)}: {_weight(g.weight)}" for g in guide.goals], "No goals on the case yet."))
    lines.append("<h3>Options</h3>")
    for option in guide.options:
        lines.append(f"<p><b>{escape(option.label)}</b></p>")
        lines.append('<table width="100%" cellspacing="0"><tr>'
                     f'<th width="50%" {_HEAD}>Benefits (how much each matters)</th>'
                     f'<th width="50%" {_HEAD}>Risks (how much each matters)</th></tr><tr>'
                     f"<td {_CELL}>{_considerations(option.benefits)}</td>"
                     f"<td {_CELL}>{_considerations(option.risks)}</td></tr></table>")
    if guide.leaning:
        lines.append(f"<p><b>Leaning towards:</b> {escape(guide.leaning)}</p>")
    lines.append("<h3>Others involved</h3>")
    lines.append(_list([f"{escape(p.name)} would prefer: {escape(p.prefers) or 'not said'}"
                        + (" (presses for it)" if p.presses else " (does not press)") for p in guide.others],
                       "Nobody else written down."))
    lines.append("<h3>Checks</h3>")
    answers = {True: "Yes", False: "No", None: "Not answered"}
    lines.append(_list([f"{escape(question)} <b>{answers[guide.sure.get(check)]}</b>"
                        + (f"<br><i>{escape(note)}</i>" if guide.sure.get(check) is False else "")
                        for check, (question, note) in guides.SURE_CHECKS.items()],
                       ""))
    if guide.decided:
        lines.append(f"<h3>Decision recorded on {escape(guide.decided_on or '')}</h3>"
                     f"<p>{_paragraphs(guide.decided_decision)}</p>"
                     + (f"<p><i>Why:</i> {_paragraphs(guide.decided_reason)}</p>" if guide.decided_reason else ""))
    else:
        lines.append("<p><i>No decision recorded yet.</i></p>")
    return "\n".join(lines)


def _considerations(items: list[Consideration]) -> str:
    if not items:
        return "<i>none written down</i>"
    return "<br>".join(f"• {escape(i.text)} ({_weight(i.weight)})" for i in items)


def _weight(weight: int | None) -> str:
    return "not weighed" if weight is None else f"{weight} of 5"


def _list(items: list[str], empty: str) -> str:
    if not items:
        return f"<p>{escape(empty)}</p>" if empty else ""
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _paragraphs(text: str) -> str:
    return escape(text).replace("\n", "<br>")
