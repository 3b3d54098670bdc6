"""`opinionkit compare A B`: two doctors' letters sentence by sentence, and their key terms."""

from __future__ import annotations

import argparse
from pathlib import Path

from opinionkit.cli.context import Context, print_json
from opinionkit.cli.table import print_table
from opinionkit.core.compare import Change, Comparison, KeyTerm, SentencePair, compare_letters
from opinionkit.core.compare.letter_files import read_letter
from opinionkit.core.compare.page import comparison_html
from opinionkit.core.errors import OutputExists
from opinionkit.core.storage.files import write_atomic


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "compare", help="compare two doctors' letters: where they agree, differ, and what only one says",
        description="Pair each sentence of letter A with its counterpart in letter B by meaning, wherever it "
                    "stands; mark the words that differ; list the medications, procedures, tests, diagnoses "
                    "and amounts each letter names, with the value it gives and whether it recommends them, "
                    "advises against them or only mentions them. A and B are .txt or .pdf files.",
    )
    parser.add_argument("a", metavar="A", type=Path, help="the first letter (.txt or .pdf)")
    parser.add_argument("b", metavar="B", type=Path, help="the second letter (.txt or .pdf)")
    parser.add_argument("--json", action="store_true", help="print the sentence pairs and key terms as JSON")
    parser.add_argument("--html", metavar="FILE", type=Path,
                        help="also write the letters side by side, differences marked, as a web page")
    parser.add_argument("--force", action="store_true", help="replace the --html FILE if it already exists")
    parser.set_defaults(run=run_compare)


def run_compare(args: argparse.Namespace, ctx: Context) -> int:
    if args.html is not None and args.html.exists() and not args.force:
        raise OutputExists(args.html)  # before any work; write_atomic checks again
    a_text, b_text = read_letter(args.a), read_letter(args.b)
    comparison = compare_letters(a_text, b_text)
    if args.html is not None:
        page = comparison_html(comparison, a_label=args.a.name, b_label=args.b.name,
                               title=f"{args.a.name} and {args.b.name} compared")
        write_atomic(args.html, page.encode("utf-8"), overwrite=args.force)
    if args.json:
        print_json(comparison.to_json())
        return 0
    _print_summary(comparison, args.a.name, args.b.name)
    if args.html is not None:
        print(f"\nThe side-by-side page: {args.html}")
    return 0


def _print_summary(comparison: Comparison, a_name: str, b_name: str) -> None:
    print(f"Letter A: {a_name}, {len(comparison.a_sentences)} sentences. "
          f"Letter B: {b_name}, {len(comparison.b_sentences)} sentences.")
    print(comparison.summary())
    if comparison.empty or comparison.identical:
        return
    print("\nKey terms")
    print_table(["TERM", "KIND", "LETTER A", "LETTER B", ""],
                [[t.term, t.kind.value, _said(t, "a"), _said(t, "b"), "" if t.agrees else "differs"]
                 for t in comparison.terms], empty="No medications, procedures, tests or diagnoses found.")
    changed = [p for p in comparison.pairs if p.state == "changed"]
    if changed:
        print("\nWorded differently ([-only in A-] {+only in B+})")
        for pair in changed:
            print(f"  {_marked(pair)}")
    for state, heading in (("only in A", "Only in letter A"), ("only in B", "Only in letter B")):
        alone = [p.a if state == "only in A" else p.b for p in comparison.pairs if p.state == state]
        if alone:
            print(f"\n{heading}")
            for sentence in alone:
                print(f"  - {sentence}")


def _said(term: KeyTerm, letter: str) -> str:
    present, stance, value = ((term.in_a, term.stance_a, term.a_value) if letter == "a"
                              else (term.in_b, term.stance_b, term.b_value))
    if not present or stance is None:
        return "-"
    return f"{stance.value}: {value}" if value else stance.value


def _marked(pair: SentencePair) -> str:
    marks = {Change.EQUAL: "{}", Change.DELETE: "[-{}-]", Change.INSERT: "{{+{}+}}"}
    return "".join(marks[span.change].format(span.text) for span in pair.diff)
