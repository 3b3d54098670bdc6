"""A comparison as one self-contained HTML page: the letters side by side, then the key terms.

Every piece of letter text is escaped; the page needs no file, font or script
beside it, so it can be saved, mailed to a relative or printed as it is.
"""

from __future__ import annotations

from html import escape

from opinionkit.core.compare.report import Comparison, SentencePair
from opinionkit.core.compare.terms import KeyTerm
from opinionkit.core.compare.worddiff import Change

_STYLE = """
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; margin: 1.5em; color: #1d2329; }
h1 { font-size: 1.4em; margin-bottom: 0.2em; }
p.summary { margin-top: 0; color: #414b55; }
table { border-collapse: collapse; width: 100%; margin-bottom: 2em; }
th, td { border: 1px solid #c9d1d9; padding: 0.35em 0.5em; vertical-align: top; text-align: left; }
th { background: #eef2f6; }
td.letter { width: 46%; }
td.score { width: 8%; text-align: right; color: #55606b; font-variant-numeric: tabular-nums; }
td.gap { background: #f6f7f8; color: #8a949e; font-style: italic; }
tr.same td.letter { color: #55606b; }
del { background: #fde2e1; color: #8e1c17; text-decoration: line-through; }
ins { background: #ddf4e4; color: #145c2c; text-decoration: none; font-weight: bold; }
td.differs { background: #fff6d8; }
.legend { font-size: 0.9em; color: #55606b; }
"""

_GAP = "not in this letter"


def comparison_html(comparison: Comparison, a_label: str = "Letter A", b_label: str = "Letter B",
                    title: str = "Two letters compared") -> str:
    a, b = escape(a_label), escape(b_label)
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="summary">{escape(comparison.summary())}</p>',
        '<p class="legend"><del>Struck through</del>: only in the left letter. '
        "<ins>Bold</ins>: only in the right letter. A grey cell: nothing in that letter matches.</p>",
    ]
    if comparison.pairs:
        parts.append(f'<h2>The letters side by side</h2><table><thead><tr><th>{a}</th><th>{b}</th>'
                     '<th title="Share of words in common">Alike</th></tr></thead><tbody>')
        parts += [_pair_row(pair) for pair in comparison.pairs]
        parts.append("</tbody></table>")
    if comparison.terms:
        parts.append(f"<h2>Key terms</h2><table><thead><tr><th>Term</th><th>Kind</th><th>{a}</th><th>{b}</th>"
                     "</tr></thead><tbody>")
        parts += [_term_row(term) for term in comparison.terms]
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _pair_row(pair: SentencePair) -> str:
    if pair.a is None:
        cells = f'<td class="letter gap">{_GAP}</td><td class="letter">{escape(pair.b or "")}</td>'
    elif pair.b is None:
        cells = f'<td class="letter">{escape(pair.a)}</td><td class="letter gap">{_GAP}</td>'
    else:
        cells = f'<td class="letter">{_marked(pair, "a")}</td><td class="letter">{_marked(pair, "b")}</td>'
    score = f"{round(pair.similarity * 100)}%" if pair.a is not None and pair.b is not None else ""
    state = pair.state.replace(" ", "-")
    return f'<tr class="{state}">{cells}<td class="score">{score}</td></tr>'


def _marked(pair: SentencePair, letter: str) -> str:
    own, tag = (Change.DELETE, "del") if letter == "a" else (Change.INSERT, "ins")
    html = []
    for span in pair.diff:
        if span.change is Change.EQUAL:
            html.append(escape(span.text))
        elif span.change is own:
            html.append(f"<{tag}>{escape(span.text)}</{tag}>")
    return "".join(html)


def _term_row(term: KeyTerm) -> str:
    differs = "" if term.agrees else ' class="differs"'
    return (f"<tr><td>{escape(term.term)}</td><td>{escape(term.kind.value)}</td>"
            f"<td{differs}>{_said(term.in_a, term.stance_a, term.a_value)}</td>"
            f"<td{differs}>{_said(term.in_b, term.stance_b, term.b_value)}</td></tr>")


def _said(present: bool, stance: object, value: str | None) -> str:
    if not present:
        return '<span class="legend">not mentioned</span>'
    text = escape(str(getattr(stance, "value", stance)))
    return f"{text}: <b>{escape(value)}</b>" if value else text
