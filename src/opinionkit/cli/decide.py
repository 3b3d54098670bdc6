"""`opinionkit compare-report`: the printable comparison of a case's opinions, for family or a third doctor."""

from __future__ import annotations

import argparse
from pathlib import Path

from opinionkit.cli.context import Context
from opinionkit.core.decide import report
from opinionkit.core.errors import OutputExists
from opinionkit.core.storage.files import write_atomic


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "compare-report", help="write the printable comparison of a case's opinions as a landscape PDF",
        description="Write the case's opinions side by side with your verdicts, the key terms of their letters "
                    "with each one's stance, the questions, and the decision guide as filled in, as a landscape "
                    "PDF to share with family or a third doctor.",
    )
    parser.add_argument("--case", metavar="ID", type=_whole, required=True, help="the case")
    parser.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, required=True, help="where to write it")
    parser.add_argument("--force", action="store_true", help="replace FILE.pdf if it already exists")
    parser.set_defaults(run=run_compare_report)


def run_compare_report(args: argparse.Namespace, ctx: Context) -> int:
    if args.output.exists() and not args.force:
        raise OutputExists(args.output)  # before any work; write_atomic checks again
    html = report.comparison_report_html(ctx.db, args.case)
    from opinionkit.render import PageSetup, html_to_pdf, page_footer  # Qt loads only for commands that print

    pdf = html_to_pdf(html, title=report.title(ctx.db, args.case), setup=PageSetup(landscape=True),
                      footer=page_footer(report.footer_text(ctx.db, args.case)))
    write_atomic(args.output, pdf, overwrite=args.force)
    print(args.output)
    return 0


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a case id is a whole number, like 1, not {text!r}") from None
