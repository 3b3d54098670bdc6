"""Preparing the visit on the command line: the case overview, the Today list, questions, the calendar file."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Any

from opinionkit.cli.context import Context, print_json
from opinionkit.cli.table import print_table
from opinionkit.core.domain import NextStep, Overview
from opinionkit.core.domain.questions import AnswerState, QuestionRow
from opinionkit.core.errors import OutputExists
from opinionkit.core.services import (
    appointments,
    calendar_export,
    cases,
    overview,
    providers,
    question_sheet,
    questions,
    reminders,
)
from opinionkit.core.storage.files import write_atomic


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "overview", help="show a case's overview: days left, the records line, warnings and the next steps",
        description="Show what a case's first page shows: days to the decision deadline and to the next "
                    "appointment, the records line, warnings, and the next steps with whom to contact.",
    )
    parser.add_argument("--case", metavar="ID", type=_whole("case"), required=True, help="the case")
    _json_flag(parser)
    parser.set_defaults(run=run_overview)

    parser = subparsers.add_parser(
        "today", help="list what is due today or overdue, for every person and case",
        description="List the records due or overdue, records owed to an office, appointments today and "
                    "tomorrow, and decision deadlines within a week, across every open case.",
    )
    _json_flag(parser)
    parser.set_defaults(run=run_today)

    parser = subparsers.add_parser(
        "questions", help="list a case's questions and who answered them; print the question sheet",
        description="List a case's questions in order, with whether each doctor was asked or answered, "
                    "or write the printable question sheet as a PDF.",
    )
    parser.add_argument("--case", metavar="ID", type=_whole("case"), required=True, help="the case")
    parser.add_argument("--doctor", metavar="ID", type=_whole("provider"),
                        help="only this doctor's questions (and, with -o, only their sheet)")
    parser.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, help="write the question sheet as a PDF")
    parser.add_argument("--force", action="store_true", help="replace FILE.pdf if it already exists")
    _json_flag(parser)
    parser.set_defaults(run=run_questions)

    parser = subparsers.add_parser(
        "calendar", help="write a case's appointments and due dates as an iCalendar (.ics) file",
        description="Write the case's appointments, the due dates of records still awaited and the decision "
                    "deadline as an iCalendar file. Importing a newer file updates the same events.",
    )
    parser.add_argument("--case", metavar="ID", type=_whole("case"), required=True, help="the case")
    parser.add_argument("-o", "--output", metavar="FILE.ics", type=Path, required=True, help="where to write it")
    parser.add_argument("--force", action="store_true", help="replace FILE.ics if it already exists")
    parser.set_defaults(run=run_calendar)


def run_overview(args: argparse.Namespace, ctx: Context) -> int:
    found = overview.overview(ctx.db, args.case)
    if args.json:
        print_json(_plain(found))
        return 0
    case = cases.get(ctx.db, args.case)
    print(f"{case.title} (case {case.id}, {case.status})")
    print(f"Decision deadline: {_days(case.decision_deadline, found.days_to_deadline)}")
    print(f"Next appointment:  {_next_appointment(ctx, found)}")
    print(f"Records:           {found.records_line}")
    for warning in found.warnings:
        print(f"Warning: {warning}")
    if not found.steps:
        print("Next steps: none right now.")
        return 0
    print("Next steps:")
    for number, step in enumerate(found.steps, 1):
        print(f"  {number}. [{_when(step)}] {step.text}")
        for extra in (step.contact, step.missing):
            if extra:
                print(f"     {extra}")
    return 0


def run_today(args: argparse.Namespace, ctx: Context) -> int:
    found = reminders.today_list(ctx.db)
    if args.json:
        print_json([_plain(r) for r in found])
        return 0
    print_table(
        ["DATE", "PERSON", "CASE", "WHAT"],
        [[r.on.isoformat(), r.person_name, r.case_id, r.text] for r in found],
        empty="Nothing is due today.",
    )
    return 0


def run_questions(args: argparse.Namespace, ctx: Context) -> int:
    if args.output is not None:
        return _write_sheet(args, ctx)
    found = questions.question_rows(ctx.db, args.case)
    if args.doctor is not None:
        providers.get(ctx.db, args.doctor)
        found = [r for r in found if r.question.for_provider_id in (None, args.doctor)]
    if args.json:
        print_json([_question_json(row) for row in found])
        return 0
    doctors = [d for d in questions.doctors(ctx.db, args.case) if args.doctor in (None, d.id)]
    print_table(
        ["#", "ID", "QUESTION", "FOR", *(d.name.upper() for d in doctors)],
        [[number, row.question.id, row.question.text, _for(ctx, row),
          *(_state(row, d.id or 0) for d in doctors)] for number, row in enumerate(found, 1)],
        empty="No questions yet. Add the starter questions in the window, or your own.",
    )
    return 0


def run_calendar(args: argparse.Namespace, ctx: Context) -> int:
    if args.output.exists() and not args.force:
        raise OutputExists(args.output)  # before any work; write_atomic checks again
    write_atomic(args.output, calendar_export.calendar_ics(ctx.db, args.case), overwrite=args.force)
    print(args.output)
    return 0


def _write_sheet(args: argparse.Namespace, ctx: Context) -> int:
    if args.output.exists() and not args.force:
        raise OutputExists(args.output)
    html = question_sheet.questions_html(ctx.db, args.case, args.doctor)
    from opinionkit.render import html_to_pdf, page_footer  # Qt is loaded only for commands that print

    pdf = html_to_pdf(html, title=question_sheet.title(ctx.db, args.case, args.doctor),
                      footer=page_footer(question_sheet.footer_text(ctx.db, args.case)))
    write_atomic(args.output, pdf, overwrite=args.force)
    print(args.output)
    return 0


def _next_appointment(ctx: Context, found: Overview) -> str:
    if found.next_appointment_id is None:
        return "none planned"
    visit = appointments.get(ctx.db, found.next_appointment_id)
    who = f" with {providers.get(ctx.db, visit.provider_id).name}" if visit.provider_id is not None else ""
    return (f"{visit.kind.value}{who}, {visit.start:%a} {visit.day.isoformat()} at {visit.start:%H:%M} "
            f"({_in_days(found.days_to_next_appointment or 0)})")


def _days(day: str | None, days: int | None) -> str:
    return "not set" if day is None or days is None else f"{day} ({_in_days(days)})"


def _in_days(days: int) -> str:
    if days == 0:
        return "today"
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} ago"
    return f"in {days} day{'s' if days != 1 else ''}"


def _when(step: NextStep) -> str:
    return f"{step.urgency}, {step.due.isoformat()}" if step.due else str(step.urgency)


def _for(ctx: Context, row: QuestionRow) -> str:
    ident = row.question.for_provider_id
    return "every doctor" if ident is None else providers.get(ctx.db, ident).name


def _state(row: QuestionRow, provider_id: int) -> str:
    answer = row.answers.get(provider_id)
    if answer is None:
        return ""
    return "answered" if answer.state is AnswerState.ANSWERED else "asked"


def _question_json(row: QuestionRow) -> dict[str, Any]:
    return {**_plain(row.question), "answers": [_plain(a) for a in row.answers.values()]}


def _plain(value: Any) -> Any:
    """Dataclasses, dates and enums as JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if not f.name.startswith("_")}
    if isinstance(value, dict):
        return {str(_plain(k)): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON (every field) instead of text")


def _whole(kind: str) -> Any:
    def parse(text: str) -> int:
        try:
            return int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"a {kind} id is a whole number, like 1, not {text!r}") from None
    return parse
