"""The foundation commands: load the demo, list people and cases, save screenshots."""

from __future__ import annotations

import argparse
import dataclasses
import os
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from opinionkit.cli.context import Context, print_json
from opinionkit.cli.table import print_table
from opinionkit.core.services import cases, demo, people


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo", help="load the invented demo person, case and providers (running it again changes nothing)",
        description="Load one clearly invented person with a realistic case and the doctors, lab and "
                    "imaging centre involved, so every screen has something to show.",
    )
    parser.set_defaults(run=run_demo)

    parser = subparsers.add_parser("people", help="list the people whose care you manage")
    _add_json_flag(parser)
    parser.set_defaults(run=run_people)

    parser = subparsers.add_parser("cases", help="list the second-opinion cases")
    parser.add_argument("--person", metavar="ID", type=_person_id, help="only the cases of the person with this id")
    _add_json_flag(parser)
    parser.set_defaults(run=run_cases)

    parser = subparsers.add_parser(
        "screenshots", help="save a PNG of each main screen (1280x800, no display needed) into DIR",
        description="Save a PNG of each main screen, showing the invented demo data, into DIR. "
                    "They are made in a fresh temporary data folder: your own data is neither shown "
                    "nor changed.",
    )
    parser.add_argument("dir", metavar="DIR", type=Path, help="folder for the PNG files (created if missing)")
    parser.set_defaults(run=run_screenshots)


def run_demo(args: argparse.Namespace, ctx: Context) -> int:
    before = _row_count(ctx.db)
    loaded = demo.load(ctx.db)
    added = _row_count(ctx.db) - before
    person = people.get(ctx.db, loaded.person_id)
    case = cases.get(ctx.db, loaded.case_id)
    print(f"Demo data in {ctx.data_dir}:")
    print(f"  person:    {person.name} (id {person.id})")
    print(f"  case:      {case.title} (id {case.id})")
    print(f"  providers: {', '.join(loaded.provider_ids)}")
    print("Added it now." if added else "It was already there: nothing changed.")
    return 0


def run_people(args: argparse.Namespace, ctx: Context) -> int:
    found = people.list_all(ctx.db)
    if args.json:
        print_json([_as_json(person) for person in found])
        return 0
    print_table(
        ["ID", "NAME", "BORN", "PHONE", "INSURANCE"],
        [[p.id, p.name, p.date_of_birth, p.phone, p.insurance_plan] for p in found],
        empty="No people yet. Add one in the window, or run `opinionkit demo` to see an example.",
    )
    return 0


def run_cases(args: argparse.Namespace, ctx: Context) -> int:
    found = cases.list_all(ctx.db, args.person)
    if args.json:
        print_json([_as_json(case) for case in found])
        return 0
    names = {p.id: p.name for p in people.list_all(ctx.db)}
    print_table(
        ["ID", "PERSON", "STATUS", "DEADLINE", "TITLE"],
        [[c.id, names.get(c.person_id, c.person_id), c.status, c.decision_deadline, c.title] for c in found],
        empty="No cases yet.",
    )
    return 0


def run_screenshots(args: argparse.Namespace, ctx: Context) -> int:
    # Offscreen renders the same pixels as a real window, and needs no display.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from opinionkit.ui.qt_messages import offscreen_notices_dropped
    from opinionkit.ui.screenshots import save_screenshots

    with offscreen_notices_dropped():
        saved = save_screenshots(args.dir)  # in a temporary data folder, never the one in use
    for path in saved:
        print(path)
    return 0


def _as_json(item: Any) -> dict[str, Any]:
    return {"id": item.id, **dataclasses.asdict(item)}  # id first, where a reader looks for it


def _add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON (every field) instead of a table")


def _person_id(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"a person id is a whole number, like 1 (see `opinionkit people`), not {text!r}"
        ) from None


def _row_count(db: Database) -> int:
    return sum(db.table(name).count for name in db.table_names())
