"""`opinionkit export`: a case's records packet as one PDF, and the packet folder as a zip."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

from opinionkit.cli.context import Context
from opinionkit.core.errors import OpinionKitError, OutputExists


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help="write a case's records packet: one PDF for the second-opinion office (and a zip)",
        description="Write the records packet of a case: cover sheet, contents, health summary, questions and "
                    "goals, records index, then every document of the case (oldest first), with bookmarks and "
                    "the person's name, date of birth and page number on every page. With --zip, also the packet "
                    "folder: the PDF, the original files, manifest.csv and the FHIR health summary.",
    )
    parser.add_argument("--case", metavar="ID", type=_whole("case"), required=True, help="the case")
    parser.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, required=True, help="where to write the PDF")
    parser.add_argument("--since", metavar="YYYY-MM-DD",
                        help="only documents dated on or after this day (for “the last 12 months”)")
    parser.add_argument("--zip", metavar="FILE.zip", type=Path,
                        help="also write the packet folder: the PDF, the originals, manifest.csv, FHIR JSON")
    parser.add_argument("--leave-out", metavar="ID,ID", type=_id_list, default=[],
                        help="leave these documents out (for example ones whose files are missing)")
    parser.add_argument("--force", action="store_true", help="replace FILE.pdf and FILE.zip if they exist")
    parser.set_defaults(run=run_export)


def run_export(args: argparse.Namespace, ctx: Context) -> int:
    for target in (args.output, args.zip):
        if target is not None and target.exists() and not args.force:
            raise OutputExists(target)  # before any work; build checks again
    from opinionkit.core.packet import build, plan
    from opinionkit.core.packet.sources import PacketProblem
    from opinionkit.render import PacketRenderer  # Qt is loaded only for commands that print

    for name in ("pypdf", "img2pdf"):  # their notes on odd files would only clutter the summary
        logging.getLogger(name).setLevel(logging.ERROR)
    chosen = plan.default(ctx.db, args.case, since=args.since)
    try:
        result = build.build(ctx.db, ctx.data_dir, chosen, PacketRenderer(), args.output, zip_path=args.zip,
                             overwrite=args.force, leave_out=args.leave_out)
    except PacketProblem as problem:
        ids = ",".join(str(i) for i in [*args.leave_out, *problem.document_ids])
        raise OpinionKitError(f"{problem} To make the packet without them, add --leave-out {ids}.") from None
    documents = len(result.included)
    print(f"{result.path}: {result.pages} pages, {documents} document{'' if documents == 1 else 's'} "
          f"after {result.front_pages} pages of cover, contents and summaries.")
    for left in result.left_out:
        print(f"Left out: “{left.document.title}” (document {left.document.id}): {left.reason}.")
    if result.zip_path is not None:
        print(f"{result.zip_path}: the packet, {documents} original file{'' if documents == 1 else 's'}, "
              "manifest.csv and the FHIR health summary.")
    return 0


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
        raise argparse.ArgumentTypeError(
            f"document ids are whole numbers separated by commas, like 3,4, not {text!r}") from None
