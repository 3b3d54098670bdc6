"""Making a case's packet: check the files, lay out the front matter, merge, stamp, write; the zip too.

The order inside the PDF: cover sheet, contents, health summary, questions and
goals, records index (the three optional), then every document. The cover,
contents and index print page numbers, which depend on their own length: they
are laid out again until the numbers stop moving (twice, as a rule).

``build`` reports ``progress(fraction, message)`` and asks ``cancelled()``
between steps; Cancelled leaves nothing behind. The PDF (and the zip) are
written under hidden names beside the targets and take their names only when
both are complete. Call it on a worker thread with a Database opened in that
thread; the renderer must be safe to use there (see opinionkit.render).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from sqlite_utils import Database

from opinionkit.core.dates import today
from opinionkit.core.domain import Person, Provider
from opinionkit.core.domain.documents import Document
from opinionkit.core.errors import Cancelled, InvalidInput, OutputExists
from opinionkit.core.packet import front_matter, manifest, plan as plans, sources
from opinionkit.core.packet.assemble import DamagedPart, Info, Part, assemble
from opinionkit.core.packet.front_matter import ContentsLine, Cover, NotIncluded
from opinionkit.core.packet.output import PendingFile
from opinionkit.core.packet.plan import PacketPlan
from opinionkit.core.packet.renderer import Renderer
from opinionkit.core.packet.sources import FileProblem, LeftOut, PacketProblem, Source
from opinionkit.core.services import cases, fhir_export, health_summary, people, providers, questions, tracker

#: Called with (fraction done from 0 to 1, what is happening) at each step.
Progress = Callable[[float, str], None]
#: Asked between steps; True stops the build with Cancelled.
CancelCheck = Callable[[], bool]

GROUP = "Documents"
_MAX_LAYOUTS = 6


@dataclass
class Included:
    """A document in the packet: its running number and where its pages are (page numbers from 1)."""

    document: Document
    number: int
    first_page: int
    pages: int


@dataclass
class BuildResult:
    path: Path
    pages: int
    front_pages: int
    included: list[Included]
    left_out: list[LeftOut]
    sections: list[ContentsLine] = field(default_factory=list)
    zip_path: Path | None = None


def check_files(db: Database, data_dir: Path, plan: PacketPlan) -> list[FileProblem]:
    """The plan's documents whose files are missing or changed (reads each file once)."""
    found = (sources.read_checked(data_dir, d) for d in plans.documents(db, plan))
    return [problem for problem in found if isinstance(problem, FileProblem)]


def build(
    db: Database, data_dir: Path, plan: PacketPlan, renderer: Renderer, output: Path, *,
    zip_path: Path | None = None, overwrite: bool = False, leave_out: Iterable[int] = (),
    progress: Progress | None = None, cancelled: CancelCheck | None = None,
) -> BuildResult:
    """Write the packet PDF to ``output`` (and the packet folder to ``zip_path``); see the module notes.

    Raises OutputExists (before any work) for a file already there without
    ``overwrite``, PacketProblem when documents' files are missing or changed
    and not in ``leave_out``, Cancelled when ``cancelled()`` says so.
    """
    output = Path(output)
    for target in (output, zip_path):
        if target is not None and not overwrite and Path(target).exists():
            raise OutputExists(target)
        if target is not None and not Path(target).parent.is_dir():
            raise InvalidInput("output", f"The folder {Path(target).parent} does not exist. "
                                         "Choose a folder that does, or create it first.")
    step = _Steps(progress, cancelled)
    facts = _Facts.load(db, plan)
    documents = plans.documents(db, plan)
    fixed: list[_Section] | None = None
    damaged: set[int] = set()
    while True:
        ready, left_out = _opened(data_dir, documents, set(leave_out), damaged, step)
        if fixed is None:
            step(0.35, "Laying out the cover, contents and summary pages")
            fixed = _fixed_sections(db, plan, facts, renderer)
        parts, lines = _front_matter(db, plan, facts, renderer, fixed, ready, left_out, step)
        try:
            writer = assemble(
                parts, footer_left=health_summary.footer_label(facts.person), renderer=renderer,
                info=facts.info(), step=lambda done: step(0.5 + 0.3 * done, "Putting the pages together"),
            )
            break
        except DamagedPart as error:  # found only while copying: leave it out, read and lay out again
            index = error.index - (len(parts) - len(ready))
            if index < 0:  # the app's own pages: not the person's file, so not theirs to leave out
                raise
            damaged.add(ready[index].document.id or 0)

    total = len(writer.pages)
    front_pages = total - sum(s.pages for s in ready)
    included, first = [], front_pages + 1
    for number, source in enumerate(ready, 1):
        included.append(Included(source.document, number, first, source.pages))
        first += source.pages
    with PendingFile(output, overwrite=overwrite) as pdf:
        step(0.8, "Writing the PDF")
        writer.write(pdf.file)
        del writer
        if zip_path is None:
            step(0.99, "Finishing")
            pdf.commit()
        else:
            with PendingFile(Path(zip_path), overwrite=overwrite) as folder:
                step(0.9, "Writing the packet folder")
                originals = [manifest.Original(i.document, i.number, i.pages, plans.document_date(i.document),
                                               facts.holder(i.document)) for i in included]
                manifest.write_zip(folder.file, manifest.folder_name(Path(zip_path)), output.name, pdf.file, total,
                                   facts.prepared_on, data_dir, originals,
                                   fhir_export.build_bundle(db, facts.person.id or 0),
                                   check=lambda: step(0.95, "Writing the packet folder"))
                step(0.99, "Finishing")
                pdf.commit()
                folder.commit()
    step.finished()
    return BuildResult(output, total, front_pages, included, left_out,
                       [line for line in lines if line.number is None], Path(zip_path) if zip_path else None)


class _Steps:
    """Reports progress (never backwards, even when a damaged file makes the build start over) and cancels."""

    def __init__(self, progress: Progress | None, cancelled: CancelCheck | None) -> None:
        self.progress, self.cancelled = progress, cancelled
        self.done = 0.0

    def __call__(self, fraction: float, message: str) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled("Making the packet")
        self.done = max(self.done, min(1.0, fraction))
        if self.progress is not None:
            self.progress(self.done, message)

    def finished(self) -> None:
        """The files are in place: too late to cancel."""
        if self.progress is not None:
            self.progress(1.0, "Done")


@dataclass
class _Facts:
    person: Person
    cover: Cover
    holders: dict[int, Provider]
    prepared_on: str

    @classmethod
    def load(cls, db: Database, plan: PacketPlan) -> _Facts:
        case = cases.get(db, plan.case_id)
        person = people.get(db, case.person_id)
        directory = {p.id or 0: p for p in providers.list_all(db)}
        prepared_on = today().isoformat()
        recipient, recommending = directory.get(plan.recipient_id or 0), directory.get(case.recommending_doctor_id or 0)
        cover = Cover(person, case, recipient, recommending,
                      plan.sender, prepared_on)
        return cls(person, cover, directory, prepared_on)

    def holder(self, document: Document) -> str:
        found = self.holders.get(document.holder_id or 0)
        return found.name if found else ""

    def info(self) -> Info:
        name = self.cover.person.name
        return Info(title=f"Medical records of {name} for a second opinion",
                    author=self.cover.sender or name, subject=self.cover.case.title)


def _opened(
    data_dir: Path, documents: Sequence[Document], leave_out: set[int], damaged: set[int], step: _Steps,
) -> tuple[list[Source], list[LeftOut]]:
    """Each document opened, or left out with its reason; PacketProblem for files missing or changed."""
    ready: list[Source] = []
    left_out: list[LeftOut] = []
    problems: list[FileProblem] = []
    for index, document in enumerate(documents):
        step(0.35 * index / max(1, len(documents)), f"Reading “{document.title}”")
        content = sources.read_checked(data_dir, document)
        if document.id in leave_out:
            reason = content.reason if isinstance(content, FileProblem) else "left out by the sender"
            left_out.append(LeftOut(document, reason))
        elif isinstance(content, FileProblem):
            problems.append(content)
        elif document.id in damaged:
            left_out.append(LeftOut(document, "the PDF is damaged and cannot be read"))
        elif not problems:  # once one file is wrong the packet will not be made: only check the rest
            opened = sources.open_source(document, content)
            if isinstance(opened, Source):
                ready.append(opened)
            else:
                left_out.append(opened)
    if problems:
        raise PacketProblem(problems)
    return ready, left_out


@dataclass
class _Section:
    title: str
    pdf: bytes

    def __post_init__(self) -> None:
        self.pages = _page_count(self.pdf)


def _page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _fixed_sections(db: Database, plan: PacketPlan, facts: _Facts, renderer: Renderer) -> list[_Section]:
    """The sections whose content does not depend on page numbers: summary, questions and goals."""
    found = []
    if plan.include_summary:
        html = health_summary.build_html(db, facts.person.id or 0, today())
        found.append(_Section("Health summary", renderer.html_to_pdf(html, "Health summary")))
    if plan.include_questions:
        html = front_matter.questions_html(facts.cover.case, questions.list_for_case(db, plan.case_id),
                                           facts.cover.recipient)
        found.append(_Section("Questions and goals", renderer.html_to_pdf(html, "Questions and goals")))
    return found


def _front_matter(
    db: Database, plan: PacketPlan, facts: _Facts, renderer: Renderer, fixed: list[_Section],
    ready: list[Source], left_out: list[LeftOut], step: _Steps,
) -> tuple[list[Part], list[ContentsLine]]:
    """The packet's parts with page numbers that hold: cover, contents and index laid out until stable."""
    rows = tracker.tracker_rows(db, plan.case_id) if plan.include_index else []
    links = _links(db, [s.document.id or 0 for s in ready])
    not_included = [NotIncluded(o.document.title, plans.document_date(o.document), o.reason) for o in left_out]
    counts = {"Cover sheet": 1, "Contents": 1, "Records index": 1}
    for _ in range(_MAX_LAYOUTS):
        step(0.4, "Numbering the pages")
        titles = ["Cover sheet", "Contents", *(s.title for s in fixed)]
        titles += ["Records index"] if plan.include_index else []
        sizes = {**{s.title: s.pages for s in fixed}, **counts}
        lines, page = [], 1
        for title in titles:
            lines.append(ContentsLine(title, page, sizes[title]))
            page += sizes[title]
        for number, source in enumerate(ready, 1):
            lines.append(ContentsLine(source.document.title, page, source.pages, number,
                                      plans.document_date(source.document), facts.holder(source.document)))
            page += source.pages
        starts = {line.number: line.first_page for line in lines if line.number is not None}
        cover = front_matter.cover_html(facts.cover, page - 1, len(ready), contents_page=lines[1].first_page)
        rendered = {
            "Cover sheet": renderer.html_to_pdf(cover, "Cover sheet"),
            "Contents": renderer.html_to_pdf(front_matter.contents_html(lines), "Contents"),
        }
        if plan.include_index:
            pages_by_item: dict[int, list[int]] = {}
            for number, source in enumerate(ready, 1):
                for item in links.get(source.document.id or 0, []):
                    pages_by_item.setdefault(item, []).append(starts[number])
            rendered["Records index"] = renderer.html_to_pdf(
                front_matter.index_html(rows, pages_by_item, not_included), "Records index")
        measured = {title: _page_count(pdf) for title, pdf in rendered.items()}
        if all(measured[t] == counts[t] for t in measured):
            break
        counts.update(measured)
    pdfs = {**{s.title: s.pdf for s in fixed}, **rendered}
    parts = [Part(title, PdfReader(io.BytesIO(pdfs[title]))) for title in titles]
    for number, source in enumerate(ready, 1):  # the readers move to the parts, which let them go once copied
        parts.append(Part(f"{number:02d} {source.document.title}", source.reader, GROUP))
        source.reader = None
    return parts, lines


def _links(db: Database, document_ids: list[int]) -> dict[int, list[int]]:
    """The record items each document answers."""
    found: dict[int, list[int]] = {}
    if not document_ids:
        return found
    marks = ",".join("?" * len(document_ids))
    for document_id, item_id in db.execute(
        f"SELECT document_id, item_id FROM document_items WHERE document_id IN ({marks}) ORDER BY item_id",
        document_ids,
    ):
        found.setdefault(document_id, []).append(item_id)
    return found

