"""The packet's own pages as HTML: cover sheet, contents, questions and goals, records index.

Each is a complete page set for the renderer (Letter, the packet stamps the
footers). The cover, the contents and the index print page numbers, so the
build lays them out again until the numbers stop moving. The markup keeps to
what Qt's rich text understands: tables (``thead`` repeats on each page) and
simple inline styles.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from opinionkit.core.domain import Case, Person, Provider, Question, Route, Step, TrackerRow
from opinionkit.core.domain.records import RecordForm, RecordKind

_STYLE = """
body { font-family: 'DejaVu Sans'; font-size: 10pt; color: #111; }
h1 { font-size: 18pt; margin-bottom: 4px; }
h2 { font-size: 12.5pt; margin-top: 16px; margin-bottom: 4px; border-bottom: 1px solid #888; }
th { background-color: #e8e8e8; text-align: left; font-weight: bold; }
td, th { padding: 3px; vertical-align: top; }
.label { color: #444; }
.meta { color: #444; font-size: 9pt; }
.number { text-align: right; white-space: nowrap; }
"""
#: Items that never travel as a file in the packet: originals the holder ships, or shares.
_SEPARATE_KINDS = frozenset({RecordKind.PATHOLOGY_SLIDES, RecordKind.IMAGING_DISC, RecordKind.IMAGING_SHARE,
                             RecordKind.IMAGING_FILM})
_WAITING = frozenset({Step.NEEDED, Step.REQUESTED})


@dataclass(frozen=True)
class ContentsLine:
    """A section or document and the page it starts on; documents carry their number, date and holder."""

    title: str
    first_page: int
    pages: int
    number: int | None = None
    date: str = ""
    holder: str = ""


@dataclass(frozen=True)
class Cover:
    person: Person
    case: Case
    recipient: Provider | None
    recommending: Provider | None
    sender: str
    prepared_on: str


@dataclass(frozen=True)
class NotIncluded:
    title: str
    date: str
    reason: str


def cover_html(cover: Cover, total_pages: int, documents: int, contents_page: int) -> str:
    person, case = cover.person, cover.case
    to_rows = _provider_rows(cover.recipient) if cover.recipient else [("To", "The second-opinion office")]
    patient = [
        ("Name", person.name), ("Date of birth", person.date_of_birth or ""), ("Sex", person.sex),
        ("Phone", person.phone), ("Email", person.email), ("Address", person.address),
    ]
    insurance = [("Plan", person.insurance_plan), ("Member ID", person.member_id),
                 ("Insurer's phone", person.insurer_phone)]
    question = [("Case", case.title), ("Diagnosis given", case.diagnosis),
                ("Treatment recommended", case.treatment_recommended),
                ("Recommended by", _provider_line(cover.recommending)),
                ("Why a second opinion", case.reason), ("Decision needed by", case.decision_deadline or "")]
    sender = [("Sent by", cover.sender or person.name), ("Phone", person.phone), ("Email", person.email),
              ("Prepared on", cover.prepared_on)]
    noun = "document" if documents == 1 else "documents"
    return _page("Medical records for a second opinion", "".join([
        "<h1>Medical records for a second opinion</h1>",
        f"<p class='meta'>This packet has <b>{total_pages} pages</b>, this cover sheet included: "
        f"{documents} {noun} after the patient's own summary pages. The contents are on page {contents_page}. "
        "Every page shows the patient's name, date of birth and its page number.</p>",
        _facts("For", to_rows), _facts("Patient", patient), _facts("Insurance", insurance),
        _facts("The question", question), _facts("From", sender),
    ]))


def contents_html(lines: Sequence[ContentsLine]) -> str:
    sections = [line for line in lines if line.number is None]
    documents = [line for line in lines if line.number is not None]
    body = ["<h1>Contents</h1>", _table_tag(),
            "<thead><tr><th width='70%'>Section</th><th width='18%'>Pages</th>"
            "<th width='12%' class='number'>Page</th></tr></thead>"]
    body += [f"<tr><td>{_e(s.title)}</td><td>{_span(s)}</td><td class='number'>{s.first_page}</td></tr>"
             for s in sections]
    body.append("</table>")
    body.append("<h2>Documents</h2>")
    if not documents:
        body.append("<p>No documents are included.</p>")
    else:
        body += [_table_tag(),
                 "<thead><tr><th width='6%'>No.</th><th width='45%'>Document</th><th width='13%'>Date</th>"
                 "<th width='18%'>From</th><th width='10%'>Pages</th><th width='8%' class='number'>Page</th>"
                 "</tr></thead>"]
        body += [f"<tr><td>{d.number:02d}</td><td>{_e(d.title)}</td><td style='white-space: nowrap;'>"
                 f"{_e(d.date)}</td><td>{_e(d.holder)}</td><td>{_span(d)}</td>"
                 f"<td class='number'>{d.first_page}</td></tr>" for d in documents]
        body.append("</table>")
    return _page("Contents", "".join(body))


def questions_html(case: Case, questions: Sequence[Question], recipient: Provider | None) -> str:
    """The person's goals, deadline and the questions for this doctor (and those for every doctor)."""
    wanted = [q for q in questions
              if q.for_provider_id is None or (recipient is not None and q.for_provider_id == recipient.id)]
    parts = ["<h1>Questions and goals</h1>", f"<p class='meta'>{_e(case.title)}</p>", "<h2>What matters most</h2>"]
    parts.append("<ul>" + "".join(f"<li>{_e(goal)}</li>" for goal in case.goals) + "</ul>"
                 if case.goals else "<p>No goals were written down.</p>")
    if case.decision_deadline:
        parts.append(f"<p>A decision is needed by <b>{_e(case.decision_deadline)}</b>.</p>")
    if case.reason:
        parts.append(f"<h2>Why a second opinion</h2><p>{_e(case.reason)}</p>")
    parts.append("<h2>Questions</h2>")
    parts.append("<ol>" + "".join(f"<li style='margin-bottom: 4px;'>{_e(q.text)}</li>" for q in wanted) + "</ol>"
                 if wanted else "<p>No questions were written down yet.</p>")
    return _page("Questions and goals", "".join(parts))


def index_html(rows: Sequence[TrackerRow], pages_by_item: dict[int, list[int]],
               not_included: Sequence[NotIncluded]) -> str:
    """Every record item by where it is: in this packet, travelling separately, outstanding, other."""
    here, separate, waiting, other = [], [], [], []
    for row in rows:
        if row.id in pages_by_item:
            here.append(row)
        elif _travels_separately(row):
            separate.append(row)
        elif row.status in _WAITING:
            waiting.append(row)
        else:
            other.append(row)
    parts = ["<h1>Records index</h1>",
             "<p class='meta'>Every record asked for in this case, where it is, and what is still to come.</p>"]
    parts.append(_group("In this packet", [("Record", 34), ("From", 22), ("Period", 16), ("Status", 16), ("Page", 12)],
                        [[_item(r), _holder(r), r.period, _status(r), ", ".join(map(str, pages_by_item[r.id]))]
                         for r in here]))
    parts.append(_group("Sent separately", [("Record", 26), ("From", 20), ("How", 14), ("Carrier and tracking", 22),
                                            ("Status", 18)],
                        [[_item(r), _holder(r), _route(r), _shipment(r), _status(r)] for r in separate]))
    parts.append(_group("Still outstanding", [("Record", 34), ("From", 24), ("Period", 16), ("Status", 26)],
                        [[_item(r), _holder(r), r.period, _status(r)] for r in waiting]))
    if other:
        parts.append(_group("Other records", [("Record", 34), ("From", 24), ("Period", 16), ("Status", 26)],
                            [[_item(r), _holder(r), r.period, _status(r)] for r in other]))
    if not_included:
        parts.append(_group("Documents not included", [("Document", 44), ("Date", 14), ("Why", 42)],
                            [[d.title, d.date, d.reason] for d in not_included]))
    return _page("Records index", "".join(parts))


def _travels_separately(row: TrackerRow) -> bool:
    return (row.kind in _SEPARATE_KINDS or row.route is Route.DIRECT
            or row.original_or_report is RecordForm.ORIGINAL)


def _item(row: TrackerRow) -> str:
    kind = str(row.kind)
    return row.label if row.label.casefold() == kind.casefold() else f"{row.label} ({kind})"


def _holder(row: TrackerRow) -> str:
    return ", ".join(part for part in (row.holder_name, row.holder_institution) if part)


def _status(row: TrackerRow) -> str:
    text = f"{row.status} {row.step_dates.get(row.status, '')}".strip()
    if row.status in _WAITING and row.due_date:
        text += f", due {row.due_date}" + (" (overdue)" if row.overdue else "")
    return text


def _route(row: TrackerRow) -> str:
    return "straight to your office" if row.route is Route.DIRECT else "with the patient"


def _shipment(row: TrackerRow) -> str:
    parts = [row.carrier, f"tracking {row.tracking_number}" if row.tracking_number else "",
             f"sent {row.shipped_on}" if row.shipped_on else ""]
    return ", ".join(p for p in parts if p) or "not sent yet"


def _group(heading: str, columns: Sequence[tuple[str, int]], body: Iterable[Sequence[str]]) -> str:
    rows = list(body)
    if not rows:
        return f"<h2>{_e(heading)}</h2><p>None.</p>"
    head = "".join(f"<th width='{width}%'>{_e(title)}</th>" for title, width in columns)
    cells = "".join("<tr>" + "".join(f"<td>{_e(value)}</td>" for value in row) + "</tr>" for row in rows)
    return f"<h2>{_e(heading)}</h2>{_table_tag()}<thead><tr>{head}</tr></thead>{cells}</table>"


def _facts(heading: str, pairs: Sequence[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td width='30%' class='label'>{_e(label)}</td><td width='70%'>{_e(value)}</td></tr>"
                    for label, value in pairs if value)
    return f"<h2>{_e(heading)}</h2><table width='100%' cellspacing='0' cellpadding='3'>{cells}</table>"


def _provider_rows(provider: Provider) -> list[tuple[str, str]]:
    return [("Doctor or office", provider.name), ("Specialty", provider.specialty),
            ("Institution", provider.institution), ("Address", provider.address),
            ("Phone", provider.phone), ("Fax", provider.fax), ("Email", provider.email)]


def _provider_line(provider: Provider | None) -> str:
    if provider is None:
        return ""
    return ", ".join(part for part in (provider.name, provider.specialty, provider.institution) if part)


def _span(line: ContentsLine) -> str:
    return "1 page" if line.pages == 1 else f"{line.pages} pages"


def _table_tag() -> str:
    return ("<table width='100%' border='1' cellspacing='0' cellpadding='4' "
            "style='border-collapse: collapse; border-color: #999; border-style: solid;'>")


def _page(title: str, body: str) -> str:
    return (f"<html><head><meta charset='utf-8'><title>{_e(title)}</title><style>{_STYLE}</style></head>"
            f"<body>{body}</body></html>")


def _e(text: object) -> str:
    return escape(str(text or ""), quote=True)
