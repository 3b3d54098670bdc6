"""The document library on the command line: import files, search them, list them."""

from __future__ import annotations

import argparse
import dataclasses
import html
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from opinionkit.cli.context import Context, print_json
from opinionkit.cli.table import print_table
from opinionkit.core.domain.documents import Document
from opinionkit.core.errors import InvalidInput
from opinionkit.core.services import library, search


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help="copy PDF, JPEG, PNG or TIFF files into a person's document library",
        description="Copy files into the data folder (each stored once), read the text of every page and "
                    "index it for search. Bad files are named with the reason; the good ones go in.",
    )
    parser.add_argument("files", metavar="FILE", nargs="+", type=Path, help="the files to import")
    parser.add_argument("--person", metavar="ID", type=_whole("person id"), required=True,
                        help="the person the documents belong to")
    parser.add_argument("--case", metavar="ID", type=_whole("case id"), help="make them documents of this case")
    parser.add_argument("--kind", metavar="KIND", help='what they are, e.g. "radiology report" or "lab results"')
    parser.add_argument("--title", metavar="TITLE", help="the title (default: each file's name)")
    parser.add_argument("--password", metavar="PW", help="the password of protected PDFs")
    parser.add_argument("--without-text", action="store_true",
                        help="import protected PDFs without their text when no password is given")
    parser.set_defaults(run=run_import)

    parser = subparsers.add_parser(
        "search", help="find words in documents and record items",
        description="Find words in every page of the documents and in the record items. Any text is fine; "
                    "words match by their beginning, best matches first.",
    )
    parser.add_argument("query", metavar="QUERY", nargs="+", help="the words to find")
    parser.add_argument("--person", metavar="ID", type=_whole("person id"), help="only this person's documents")
    parser.add_argument("--limit", metavar="N", type=_whole("number of hits"), default=50,
                        help="at most this many hits (default 50)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of lines")
    parser.set_defaults(run=run_search)

    parser = subparsers.add_parser("documents", help="list a person's or a case's documents")
    parser.add_argument("--person", metavar="ID", type=_whole("person id"), help="the person whose documents to list")
    parser.add_argument("--case", metavar="ID", type=_whole("case id"),
                        help="only the case's documents (imported for it or linked to its record items)")
    parser.add_argument("--json", action="store_true", help="print JSON (every field) instead of a table")
    parser.set_defaults(run=run_documents)


def run_import(args: argparse.Namespace, ctx: Context) -> int:
    report = library.import_files(
        ctx.db, ctx.data_dir, args.files, person_id=args.person, case_id=args.case, kind=args.kind,
        title=args.title, password=args.password, allow_without_text=args.without_text,
    )
    for done in report.imported:
        document = done.document
        what = "already in the library" if done.already_there else "imported"
        print(f"{what}: {done.path} -> document {document.id}, {_pages(document)}, {_text(document)}")
    for failure in report.failed:
        hint = " (add --password PW, or --without-text)" if failure.needs_password else ""
        print(f"opinionkit: cannot import {failure.path}: {failure.reason}{hint}", file=sys.stderr)
    return 0 if report.ok else 1


def run_search(args: argparse.Namespace, ctx: Context) -> int:
    hits = search.search(ctx.db, " ".join(args.query), person_id=args.person, limit=args.limit)
    if args.json:
        print_json([hit.as_dict() for hit in hits])
        return 0
    if not hits:
        print("Nothing found.")
    for hit in hits:
        where = (f"record item {hit.item_id}" if hit.item_id is not None
                 else f"document {hit.document_id}, page {hit.page}")
        print(f"{hit.title} ({where}): {_plain(hit.snippet)}")
    return 0


def run_documents(args: argparse.Namespace, ctx: Context) -> int:
    if args.case is not None:
        found = library.list_for_case(ctx.db, args.case)
        if args.person is not None:
            found = [d for d in found if d.person_id == args.person]
    elif args.person is not None:
        found = library.list_for_person(ctx.db, args.person)
    else:
        raise InvalidInput("person", "Say whose documents to list: add --person ID or --case ID.")
    if args.json:
        print_json([_as_json(ctx, document) for document in found])
        return 0
    print_table(
        ["ID", "DATE", "KIND", "PAGES", "TEXT", "TITLE"],
        [[d.id, d.service_date or d.imported_at[:10], d.kind, d.page_count, "yes" if d.has_text else "no",
          d.title] for d in found],
        empty="No documents yet. Add some with `opinionkit import FILE... --person ID`.",
    )
    return 0


def _as_json(ctx: Context, document: Document) -> dict[str, Any]:
    row = dataclasses.asdict(document)
    row.pop("password")  # stays in the database for opening the file; never printed
    return {"id": document.id, **row, "media_type": document.media_type.value,
            "path": str(library.file_path(ctx.data_dir, document)),
            "item_ids": library.linked_item_ids(ctx.db, document.id or 0)}


def _pages(document: Document) -> str:
    if document.page_count is None:
        return "pages unknown"
    return "1 page" if document.page_count == 1 else f"{document.page_count} pages"


def _text(document: Document) -> str:
    return "text indexed" if document.has_text else document.text_note


def _plain(snippet: str) -> str:
    """Terminal form of an HTML snippet: matches in [brackets]."""
    return html.unescape(re.sub(r"</?b>", lambda m: "]" if m.group(0) == "</b>" else "[", snippet))


def _whole(what: str) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = -1
        if value < 1:
            raise argparse.ArgumentTypeError(f"a {what} is a whole number like 1, not {text!r}")
        return value
    return parse
