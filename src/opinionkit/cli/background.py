"""`opinionkit summary`: a person's health summary as a PDF, or as a FHIR patient summary (JSON)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from opinionkit.cli.context import Context
from opinionkit.core.errors import OpinionKitError, OutputExists
from opinionkit.core.services import fhir_export, health_summary, people
from opinionkit.core.storage.files import write_atomic


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "summary", help="write a person's health summary as a PDF (-o) and/or a FHIR patient summary (--fhir)",
        description="Write the health background of one person (medications, allergies, conditions, "
                    "procedures, immunisations, family and social history) as a PDF to print or send, "
                    "and/or as an HL7 FHIR R4 International Patient Summary (JSON) for a clinic's system. "
                    "An existing file is kept unless --force is given.",
    )
    parser.add_argument(
        "--person", metavar="ID", type=int, required=True, help="id of the person (see `opinionkit people`)",
    )
    parser.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, help="write the PDF summary here")
    parser.add_argument("--fhir", metavar="FILE.json", type=Path, help="write the FHIR R4 patient summary here")
    parser.add_argument("--force", action="store_true", help="replace files that already exist")
    parser.set_defaults(run=run_summary)


def run_summary(args: argparse.Namespace, ctx: Context) -> int:
    if args.output is None and args.fhir is None:
        raise OpinionKitError(
            "Say where to write the summary: -o FILE.pdf for a PDF, --fhir FILE.json for FHIR, or both.",
        )
    targets = [path for path in (args.output, args.fhir) if path is not None]
    for path in targets:
        if path.exists() and not args.force:
            raise OutputExists(path)
    person = people.get(ctx.db, args.person)  # an unknown id stops here, before anything is written
    if args.output is not None:
        from opinionkit import render  # Qt is loaded only when a PDF is wanted

        html = health_summary.build_html(ctx.db, person.id or 0)
        pdf = render.html_to_pdf(
            html, title=health_summary.title(person),
            footer=render.page_footer(health_summary.footer_label(person)),
        )
        write_atomic(args.output, pdf, overwrite=args.force)
        print(f"Wrote the health summary of {person.name} to {args.output}")
    if args.fhir is not None:
        bundle = fhir_export.build_bundle(ctx.db, person.id or 0)
        text = json.dumps(bundle, ensure_ascii=False, indent=2) + "\n"
        write_atomic(args.fhir, text.encode("utf-8"), overwrite=args.force)
        print(f"Wrote the FHIR patient summary of {person.name} to {args.fhir}")
    return 0
