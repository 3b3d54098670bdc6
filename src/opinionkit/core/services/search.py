"""One search box over a person's documents (every page, and titles) and record items.

Whatever is typed is a valid query. The text is cut into words here and each
word becomes a quoted FTS5 prefix term (``"l4-l5"*``), so FTS5 never sees an
operator, a column filter or an unbalanced quote: ``L4-L5``, ``3+4=7``,
``NEAR`` and ``"`` are all just words to find. A word that FTS5 splits in two
(``L4-L5``) must match as adjacent words; text in double quotes is one phrase.
Every term must match (AND); the last part of each term matches as a prefix,
unless it is a single letter or digit ("vitamin D", "type 2").

Hits are ranked by bm25 (lower is better); a word on more than 5,000 pages
(of the person searched, or of everyone) is ranked among its 5,000 most
recently imported pages, which keeps every search fast. Snippets are HTML:
the text is escaped and each matched word is wrapped in ``<b>…</b>``; "…"
marks a cut.
"""

from __future__ import annotations

import html
import re
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from sqlite_utils import Database

_MAX_TERMS = 16
_RANK_WINDOW = 5_000
_SNIPPET_TOKENS = 14
_START, _END = "\x02", "\x03"  # never in indexed text: extraction drops control characters
_TERMS = re.compile(r'"([^"]*)"|(\S+)')
_WORD_PARTS = re.compile(r"[^\W_]+")


class HitKind(StrEnum):
    PAGE = "page"
    DOCUMENT = "document"
    RECORD_ITEM = "record item"


@dataclass(frozen=True)
class Hit:
    """One place the words were found: a page of a document, a document's title, or a record item."""

    kind: HitKind
    title: str
    snippet: str
    rank: float  # bm25: lower is better
    person_id: int
    case_id: int | None = None
    document_id: int | None = None
    page: int | None = None  # counted from 1; 1 for a title hit
    item_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "kind": self.kind.value}


def match_expression(query: str) -> str | None:
    """A safe FTS5 MATCH expression for what a person typed, or None when it holds no word."""
    terms = []
    for phrase, word in _TERMS.findall(query):
        text = phrase or word
        parts = _WORD_PARTS.findall(text)
        if not parts:
            continue
        # A last part of one letter or digit ("vitamin D", "type 2") is meant as it is, not as a prefix.
        prefix = "*" if len(parts[-1]) > 1 else ""
        terms.append('"' + text.replace('"', '""') + '"' + prefix)
        if len(terms) == _MAX_TERMS:
            break
    return " ".join(terms) or None


def search(db: Database, query: str, person_id: int | None = None, limit: int = 50) -> list[Hit]:
    """The best ``limit`` hits for ``query``, of one person or of everyone."""
    expression = match_expression(query)
    if expression is None or limit <= 0:
        return []
    hits = _pages(db, expression, person_id, limit)
    with_pages = {h.document_id for h in hits}
    hits += [h for h in _titles(db, expression, person_id, limit) if h.document_id not in with_pages]
    if db["record_items_search"].exists():
        hits += _record_items(db, expression, person_id, limit)
    hits.sort(key=lambda h: h.rank)
    return hits[:limit]


def _pages(db: Database, expression: str, person_id: int | None, limit: int) -> list[Hit]:
    # The person is a column of the index, so a person's search ranks only their own pages.
    match = f"text : ({expression})"
    if person_id is not None:
        match += f' AND person_id : "{int(person_id)}"'
    # A word found on a great many pages ranks slowly and says little about any of them:
    # then only its newest _RANK_WINDOW matches are ranked.
    cutoff = db.execute(
        "SELECT rowid FROM document_pages_fts WHERE document_pages_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        [match, _RANK_WINDOW - 1],
    ).fetchone()
    window = "AND rowid >= ?" if cutoff else ""
    # Rank inside the index first and look up only the rows kept.
    found = db.execute(
        f"""
        SELECT r.rowid, r.score, p.document_id, p.page, d.title, d.person_id, d.case_id
        FROM (
            SELECT rowid, bm25(document_pages_fts, 1.0, 0.0) AS score FROM document_pages_fts
            WHERE document_pages_fts MATCH ? {window} ORDER BY score LIMIT ?
        ) r
        JOIN document_pages p ON p.id = r.rowid
        JOIN documents d ON d.id = p.document_id
        ORDER BY r.score
        """,
        [match, *cutoff, limit] if cutoff else [match, limit],
    ).fetchall()
    if not found:
        return []
    # Snippets only for the rows kept, in one pass over their rowid range: "rowid IN (...)" alone
    # would make FTS5 seek once per row, slowly when a word is on many pages (hence the "+").
    kept = [row[0] for row in found]
    snippets = dict(db.execute(
        f"SELECT rowid, snippet(document_pages_fts, 0, ?, ?, '…', ?) FROM document_pages_fts "
        f"WHERE document_pages_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN ({','.join('?' * len(kept))})",
        [_START, _END, _SNIPPET_TOKENS, match, min(kept), max(kept), *kept],
    ).fetchall())
    return [
        Hit(kind=HitKind.PAGE, title=title, snippet=_html(snippets.get(rowid, "")), rank=score,
            person_id=owner, case_id=case_id, document_id=document_id, page=page)
        for rowid, score, document_id, page, title, owner, case_id in found
    ]


def _titles(db: Database, expression: str, person_id: int | None, limit: int) -> list[Hit]:
    person = "AND d.person_id = ?" if person_id is not None else ""
    found = db.execute(
        f"""
        SELECT d.id, d.title, d.person_id, d.case_id, bm25(documents_fts, 4.0, 2.0, 1.0) AS score,
               highlight(documents_fts, 0, ?, ?)
        FROM documents_fts f JOIN documents d ON d.id = f.rowid
        WHERE documents_fts MATCH ? {person}
        ORDER BY score LIMIT ?
        """,
        [_START, _END, expression, *([person_id] if person_id is not None else []), limit],
    ).fetchall()
    return [
        Hit(kind=HitKind.DOCUMENT, title=title, snippet=_html(marked), rank=score, person_id=owner,
            case_id=case_id, document_id=document_id, page=1)
        for document_id, title, owner, case_id, score, marked in found
    ]


def _record_items(db: Database, expression: str, person_id: int | None, limit: int) -> list[Hit]:
    person = "AND c.person_id = ?" if person_id is not None else ""
    found = db.execute(
        f"""
        SELECT i.id, i.case_id, c.person_id, i.kind, i.description, s.rank,
               snippet(record_items_search, -1, ?, ?, '…', ?)
        FROM record_items_search s
        JOIN record_items i ON i.id = s.rowid
        JOIN cases c ON c.id = i.case_id
        WHERE record_items_search MATCH ? {person}
        ORDER BY s.rank LIMIT ?
        """,
        [_START, _END, _SNIPPET_TOKENS, expression, *([person_id] if person_id is not None else []), limit],
    ).fetchall()
    return [
        Hit(kind=HitKind.RECORD_ITEM, title=description or kind.capitalize(), snippet=_html(marked),
            rank=rank, person_id=owner, case_id=case_id, item_id=item_id)
        for item_id, case_id, owner, kind, description, rank, marked in found
    ]


def _html(marked: str) -> str:
    return html.escape(marked, quote=False).replace(_START, "<b>").replace(_END, "</b>")
