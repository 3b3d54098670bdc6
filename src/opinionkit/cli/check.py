"""`opinionkit check` and `opinionkit trash`: is the data sound, and what was deleted."""

from __future__ import annotations

import argparse
import dataclasses

from opinionkit.cli.context import Context, print_json
from opinionkit.cli.table import print_table
from opinionkit.core.safety import check
from opinionkit.core.services import trash


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check", help="check the database and every stored document; list any problem",
        description="Check that the database is sound, every stored document is present and unchanged "
                    "(by its SHA-256), and nothing is left over. Exits non-zero when a problem is found.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of sentences")
    parser.set_defaults(run=run_check)

    parser = subparsers.add_parser(
        "trash", help="list what was deleted; put one entry back, or empty the trash",
        description="Deleted people, cases, record items, documents and opinions wait in the trash "
                    "until it is emptied. Emptying also deletes stored files nothing refers to any more.",
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--restore", metavar="ID", type=int, help="put back the trash entry with this id")
    action.add_argument("--empty", action="store_true", help="delete everything in the trash for good")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(run=run_trash)


def run_check(args: argparse.Namespace, ctx: Context) -> int:
    report = check.run(ctx.data_dir)
    if args.json:
        print_json({"ok": report.ok, "people": report.people, "documents": report.documents,
                    "problems": [dataclasses.asdict(p) for p in report.problems]})
    else:
        print(report.summary())
        for problem in report.problems:
            print(f"- {problem}")
    return 0 if report.ok else 1


def run_trash(args: argparse.Namespace, ctx: Context) -> int:
    if args.restore is not None:
        entry = trash.restore(ctx.db, args.restore)
        if args.json:
            print_json(dataclasses.asdict(entry))
        else:
            print(f"Put back {entry.kind} “{entry.label}”.")
        return 0
    if args.empty:
        count = trash.empty(ctx.db, data_dir=ctx.data_dir)
        if args.json:
            print_json({"emptied": count})
        else:
            print(f"The trash is empty ({count} {'entry' if count == 1 else 'entries'} deleted for good).")
        return 0
    entries = trash.list_entries(ctx.db)
    if args.json:
        print_json([dataclasses.asdict(e) for e in entries])
        return 0
    print_table(["ID", "KIND", "WHAT", "DELETED"], [[e.id, e.kind, e.label, e.deleted_at] for e in entries],
                empty="The trash is empty.")
    return 0

