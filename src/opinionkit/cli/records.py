"""The record tracker on the command line: list a case's items, move one a step, print a request letter."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from opinionkit.cli.context import Context, print_json
from opinionkit.cli.table import print_table
from opinionkit.core.domain.records import RecordKind, Step, TrackerRow
from opinionkit.core.errors import InvalidInput, OutputExists
from opinionkit.core.services import request_letter, timeline, tracker
from opinionkit.core.storage.files import write_atomic


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "records", help="list the record items of a case with their status; move one to its next step",
        description="List every record, scan and slide of a case with its holder, status, due date and "
                    "flags, or move one item along its timeline.",
    )
    parser.add_argument("--case", metavar="ID", type=_whole("case"), help="the case whose items to list")
    parser.add_argument("--status", choices=[s.value for s in Step], action="append",
                        help="only items at this step (repeat for several)")
    parser.add_argument("--kind", choices=[k.value for k in RecordKind], action="append",
                        help="only items of this kind (repeat for several)")
    parser.add_argument("--holder", metavar="ID", type=_whole("provider"), help="only items held by this provider")
    parser.add_argument("--overdue", action="store_true", help="only requests past their due date")
    parser.add_argument("--unconfirmed", action="store_true",
                        help="only shipments sent but not yet confirmed by the second office")
    parser.add_argument("--json", action="store_true", help="print JSON (every field) instead of a table")
    parser.set_defaults(run=run_list)

    steps = parser.add_subparsers(title="actions", metavar="ACTION")
    advance = steps.add_parser("advance", help="move an item to its next step (dated today unless --date)")
    advance.add_argument("item", metavar="ITEM_ID", type=_whole("record item"))
    advance.add_argument("--date", metavar="YYYY-MM-DD", help="the day the step happened (default: today)")
    advance.add_argument("--note", default="", help="a short note kept with the step")
    advance.set_defaults(run=run_advance)
    undo = steps.add_parser("undo", help="undo an item's latest step (it stays in the history, marked undone)")
    undo.add_argument("item", metavar="ITEM_ID", type=_whole("record item"))
    undo.set_defaults(run=run_undo)

    parser = subparsers.add_parser(
        "letter", help="print a PDF letter asking one holder for a case's records",
        description="Write a request letter to one holder for the chosen items of a case (by default every "
                    "item still waiting on that holder), ready to sign and send.",
    )
    parser.add_argument("--case", metavar="ID", type=_whole("case"), required=True, help="the case")
    parser.add_argument("--holder", metavar="ID", type=_whole("provider"), required=True,
                        help="the provider who holds the records")
    parser.add_argument("--items", metavar="ID,ID", type=_id_list,
                        help="the record items to ask for, comma-separated (default: all still waiting)")
    parser.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, required=True, help="where to write the PDF")
    parser.add_argument("--force", action="store_true", help="replace FILE.pdf if it already exists")
    parser.set_defaults(run=run_letter)


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    if args.case is None:
        raise InvalidInput("case", "Say which case with --case ID (see `opinionkit cases`).")
    found = tracker.tracker_rows(
        ctx.db, args.case, statuses=args.status, kinds=args.kind, holder_id=args.holder,
        overdue_only=args.overdue, unconfirmed_only=args.unconfirmed,
    )
    if args.json:
        print_json([_as_json(row) for row in found])
        return 0
    print_table(
        ["ID", "STATUS", "ITEM", "HOLDER", "PHONE", "FAX", "DUE", "FLAG"],
        [[r.id, r.status, r.label, r.holder_name, r.holder_phone, r.holder_fax, r.due_date, _flag(r)]
         for r in found],
        empty="No record items match." if _filtered(args) else "This case lists no record items yet.",
    )
    if found and not _filtered(args):
        print(tracker.format_summary(tracker.summarize(found)))
    return 0


def run_advance(args: argparse.Namespace, ctx: Context) -> int:
    step = timeline.advance(ctx.db, args.item, args.date, args.note)
    row = tracker.tracker_row(ctx.db, args.item)
    print(f"{row.label}: {step.step} on {step.on_date}.")
    return 0


def run_undo(args: argparse.Namespace, ctx: Context) -> int:
    undone = timeline.undo_last_step(ctx.db, args.item)
    row = tracker.tracker_row(ctx.db, args.item)
    print(f"{row.label}: “{undone.step}” of {undone.on_date} undone; it is {row.status} again.")
    return 0


def run_letter(args: argparse.Namespace, ctx: Context) -> int:
    if args.output.exists() and not args.force:
        raise OutputExists(args.output)  # before any work; write_atomic checks again
    item_ids = request_letter.chosen_item_ids(ctx.db, args.case, args.holder, args.items)
    html = request_letter.build_html(ctx.db, args.case, args.holder, item_ids)
    from opinionkit.render import html_to_pdf, page_footer  # Qt is loaded only for commands that print

    pdf = html_to_pdf(html, title=request_letter.title(ctx.db, args.holder),
                      footer=page_footer(request_letter.footer_text(ctx.db, args.case)))
    write_atomic(args.output, pdf, overwrite=args.force)
    document = request_letter.keep_as_document(
        ctx.db, ctx.data_dir, args.case, args.holder, item_ids, pdf, args.output.name)
    print(args.output)
    print(f"Kept with the case's documents as “{document.title}” (document {document.id}).")
    return 0


def _flag(row: TrackerRow) -> str:
    if row.overdue:
        return "OVERDUE"
    if row.shipment_unconfirmed:
        return "NOT CONFIRMED"
    return ""


def _filtered(args: argparse.Namespace) -> bool:
    return bool(args.status or args.kind or args.holder is not None or args.overdue or args.unconfirmed)


def _as_json(row: TrackerRow) -> dict[str, Any]:
    return dataclasses.asdict(row)


def _whole(kind: str) -> Any:
    def parse(text: str) -> int:
        try:
            return int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"a {kind} id is a whole number, like 1, not {text!r}") from None
    return parse


def _id_list(text: str) -> list[int]:
    try:
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"item ids are whole numbers separated by commas, like 3,4, not {text!r}") from None
