"""One PDF from the packet's parts: pages copied as they are, nothing active carried over, a footer on each.

Only pages are copied, never a source's catalog, so its document scripts
(/OpenAction, /Names /JavaScript), embedded files, forms, outline and
metadata stay behind. On the pages themselves, page actions (/AA) go, links
stay only as web links or links within their own document, notes and
highlights stay without actions, filled-in form fields are drawn into the page
(flattened) and every other annotation (file attachments, sounds, movies,
3D...) is dropped.

The footer is one page of the renderer's overlay per packet page, drawn as a
Form XObject from a small stream appended to the page's contents; the page's
own content is wrapped in q ... Q first, since Qt-made pages leave the
coordinate system flipped. Page sizes and rotation are kept: the footer is
turned with the page so it sits at the foot of the page as it is shown.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    Fit,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

from opinionkit.core.packet.renderer import FooterLine, Renderer

#: Page keys never copied: page actions everywhere; annotations (filtered separately), beads, thumbnails.
_DROPPED_KEYS = ("/AA", 1, "/Annots", 1, "/B", 1, "/Thumb", 1, "/PieceInfo")
#: Annotations that only mark up the page; kept without their actions.
_MARKUP = frozenset({
    "/Text", "/FreeText", "/Line", "/Square", "/Circle", "/Polygon", "/PolyLine", "/Highlight",
    "/Underline", "/Squiggly", "/StrikeOut", "/Stamp", "/Caret", "/Ink",
})
_MARKUP_DROPPED = ("/AA", "/A", "/P", "/Popup", "/Parent", "/IRT", "/RT", "/StructParent")
_HIDDEN, _NO_VIEW = 2, 32  # annotation flags
_FOOTER = "/OKFooter"


@dataclass
class Part:
    """A section or a document: its pages, and its bookmark (under ``group`` when given)."""

    title: str
    reader: PdfReader | None  # None once its pages were copied
    group: str | None = None


@dataclass
class Info:
    title: str
    author: str
    subject: str = ""


class DamagedPart(Exception):
    """Copying the pages of ``parts[index]`` failed: the file is damaged past what pypdf repairs."""

    def __init__(self, index: int) -> None:
        super().__init__(f"part {index} is damaged")
        self.index = index


@dataclass
class _Extra:
    """What a page gets drawn after its own content: flattened form fields."""

    operators: list[bytes] = field(default_factory=list)
    xobjects: dict[str, IndirectObject] = field(default_factory=dict)


def assemble(
    parts: Sequence[Part], *, footer_left: str, renderer: Renderer, info: Info,
    step: Callable[[float], None] | None = None,
) -> PdfWriter:
    """Every page of every part, in order; ``step(fraction)`` after each part (it may raise Cancelled).

    Each part's reader is let go once its pages are copied, so that the files'
    bytes do not stay in memory beside their copies.
    """
    writer = PdfWriter()
    extras: list[_Extra] = []
    starts = []
    for index, part in enumerate(parts):
        starts.append(len(writer.pages))
        reader, part.reader = part.reader, None
        if reader is None:
            raise ValueError(f"the pages of {part.title} were already copied")
        try:
            extras += _copy_pages(writer, reader)
        except Exception as error:  # noqa: BLE001 - a broken object deep in a file can fail any way
            raise DamagedPart(index) from error
        if step is not None:
            step((index + 1) / len(parts))
    total = len(writer.pages)
    shapes = [_shape(page) for page in writer.pages]
    overlay = renderer.footer_overlay(
        [FooterLine(footer_left, f"Page {number} of {total}") for number in range(1, total + 1)],
        [(shape.width, shape.height) for shape in shapes],
    )
    _stamp(writer, PdfReader(io.BytesIO(overlay)), shapes, extras)
    _outline(writer, parts, starts, shapes)
    writer.add_metadata({"/Title": info.title, "/Author": info.author, "/Subject": info.subject,
                         "/Creator": "OpinionKit", "/Producer": "OpinionKit"})
    writer.page_mode = "/UseOutlines"
    return writer


@dataclass(frozen=True)
class _Shape:
    """A page's visible box (crop box) and rotation; width and height as shown."""

    left: float
    bottom: float
    right: float
    top: float
    rotation: int

    @property
    def width(self) -> float:
        return (self.top - self.bottom) if self.rotation in (90, 270) else (self.right - self.left)

    @property
    def height(self) -> float:
        return (self.right - self.left) if self.rotation in (90, 270) else (self.top - self.bottom)

    def shown_to_page(self) -> tuple[float, ...]:
        """The matrix from "as shown" coordinates (origin at the shown bottom left) to the page's own."""
        x0, y0, x1, y1 = self.left, self.bottom, self.right, self.top
        return {0: (1, 0, 0, 1, x0, y0), 90: (0, 1, -1, 0, x1, y0),
                180: (-1, 0, 0, -1, x1, y1), 270: (0, -1, 1, 0, x0, y1)}[self.rotation]

    def shown_top_left(self) -> tuple[float, float]:
        """The page point shown at the top left, where a bookmark should scroll to."""
        return {0: (self.left, self.top), 90: (self.left, self.bottom),
                180: (self.right, self.bottom), 270: (self.right, self.top)}[self.rotation]


def _shape(page: PageObject) -> _Shape:
    box = page.cropbox
    left, right = sorted((float(box.left), float(box.right)))
    bottom, top = sorted((float(box.bottom), float(box.top)))
    rotation = int(page.rotation) % 360
    return _Shape(left, bottom, right, top, rotation if rotation in (0, 90, 180, 270) else 0)


def _copy_pages(writer: PdfWriter, reader: PdfReader) -> list[_Extra]:
    pairs = [(page, writer.add_page(page, excluded_keys=_DROPPED_KEYS)) for page in reader.pages]
    copied = {page.indirect_reference.idnum: new for page, new in pairs if page.indirect_reference}
    extras = []
    for page, new in pairs:
        extra, kept = _Extra(), ArrayObject()
        for annotation in _annotations(page):
            try:
                _keep_annotation(writer, reader, annotation, new, copied, extra, kept)
            except (TypeError, ValueError, KeyError, AttributeError):
                continue  # a malformed annotation is not worth the document: it alone stays behind
        if kept:
            new[NameObject("/Annots")] = kept
        extras.append(extra)
    return extras


def _keep_annotation(
    writer: PdfWriter, reader: PdfReader, annotation: DictionaryObject, page: PageObject,
    copied: dict[int, PageObject], extra: _Extra, kept: ArrayObject,
) -> None:
    subtype = annotation.get("/Subtype")
    if subtype == "/Link":
        link = _link(annotation, reader, copied)
        if link is not None:
            kept.append(writer._add_object(link))
    elif subtype == "/Widget":
        _flatten(writer, annotation, extra)
    elif subtype in _MARKUP:
        markup = annotation.clone(writer, force_duplicate=True, ignore_fields=_MARKUP_DROPPED)
        markup[NameObject("/P")] = page.indirect_reference
        kept.append(_reference(writer, markup))


def _annotations(page: PageObject) -> list[DictionaryObject]:
    found = page.get("/Annots")
    found = found.get_object() if found is not None else None
    if not isinstance(found, list):
        return []
    return [a for a in (item.get_object() for item in found) if isinstance(a, DictionaryObject)]


def _link(annotation: DictionaryObject, reader: PdfReader,
          copied: dict[int, PageObject]) -> DictionaryObject | None:
    """A web link, or a link to a page of the same document remade to point at its copy; else None."""
    rect = annotation.get("/Rect")
    if not isinstance(rect, list) or len(rect) != 4:
        return None
    link = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
        NameObject("/Rect"): ArrayObject(FloatObject(float(v)) for v in rect),
        NameObject("/Border"): ArrayObject([NumberObject(0), NumberObject(0), NumberObject(0)]),
    })
    action = annotation.get("/A")
    action = action.get_object() if action is not None else None
    destination = annotation.get("/Dest")
    if isinstance(action, DictionaryObject):
        kind = action.get("/S")
        if kind == "/URI" and isinstance(action.get("/URI"), (str, bytes)):
            uri = action["/URI"]
            link[NameObject("/A")] = DictionaryObject({
                NameObject("/S"): NameObject("/URI"),
                NameObject("/URI"): uri if not isinstance(uri, str) else TextStringObject(uri),
            })
            return link
        if kind != "/GoTo":
            return None
        destination = action.get("/D")
    target = _target_page(destination, reader, copied)
    if target is None:
        return None
    link[NameObject("/Dest")] = ArrayObject([target, NameObject("/XYZ"), *_nulls(3)])
    return link


def _target_page(destination: object, reader: PdfReader, copied: dict[int, PageObject]) -> IndirectObject | None:
    destination = destination.get_object() if isinstance(destination, IndirectObject) else destination
    if isinstance(destination, str):  # a named destination
        named = reader.named_destinations.get(str(destination))
        page = named.page if named is not None else None
    elif isinstance(destination, list) and destination:
        page = destination[0]
    else:
        return None
    if not isinstance(page, IndirectObject) or page.idnum not in copied:
        return None
    return copied[page.idnum].indirect_reference


def _nulls(count: int) -> list[NullObject]:
    return [NullObject() for _ in range(count)]


def _flatten(writer: PdfWriter, widget: DictionaryObject, extra: _Extra) -> None:
    """Draw a form field's appearance into the page, as printing it would."""
    flags = int(widget.get("/F", 0) or 0)
    appearance = widget.get("/AP")
    appearance = appearance.get_object() if appearance is not None else None
    if flags & (_HIDDEN | _NO_VIEW) or not isinstance(appearance, DictionaryObject):
        return
    normal = appearance.get("/N")
    normal = normal.get_object() if normal is not None else None
    if isinstance(normal, DictionaryObject) and not isinstance(normal, StreamObject):
        state = normal.get(widget.get("/AS", "/Off"))
        normal = state.get_object() if state is not None else None
    rect = widget.get("/Rect")
    if not isinstance(normal, StreamObject) or not isinstance(rect, list) or len(rect) != 4:
        return
    placed = _placement(normal, [float(v) for v in rect])
    if placed is None:
        return
    form = normal.clone(writer, ignore_fields=("/AA",))
    name = f"/OpinionKitField{len(extra.xobjects) + 1}"
    extra.xobjects[name] = _reference(writer, form)
    extra.operators.append(b"q %s cm %s Do Q\n" % (_numbers(placed), name.encode()))


def _placement(form: StreamObject, rect: list[float]) -> tuple[float, ...] | None:
    """The matrix that puts a form's box (through its own /Matrix) onto the annotation's rectangle."""
    box = [float(v) for v in form.get("/BBox", [0, 0, 0, 0])]
    a, b, c, d, e, f = [float(v) for v in form.get("/Matrix", [1, 0, 0, 1, 0, 0])]
    corners = [(a * x + c * y + e, b * x + d * y + f) for x in (box[0], box[2]) for y in (box[1], box[3])]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    x0, y0, x1, y1 = min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), max(rect[1], rect[3])
    if width <= 0 or height <= 0 or x1 <= x0 or y1 <= y0:
        return None
    sx, sy = (x1 - x0) / width, (y1 - y0) / height
    return (sx, 0, 0, sy, x0 - min(xs) * sx, y0 - min(ys) * sy)


def _stamp(writer: PdfWriter, overlay: PdfReader, shapes: list[_Shape], extras: list[_Extra]) -> None:
    opening = writer._add_object(_stream(b"q\n"))
    shared: dict[str, PdfObject] = {}  # the overlay's pages share fonts and states: one resources dict for all
    for page, footer, shape, extra in zip(writer.pages, overlay.pages, shapes, extras, strict=True):
        resources = page.get("/Resources")
        resources = DictionaryObject(resources.get_object()) if resources is not None else DictionaryObject()
        xobjects = resources.get("/XObject")
        xobjects = DictionaryObject(xobjects.get_object()) if xobjects is not None else DictionaryObject()
        for name, form in extra.xobjects.items():
            xobjects[NameObject(name)] = form
        xobjects[NameObject(_FOOTER)] = _footer_form(writer, footer, shared)
        resources[NameObject("/XObject")] = xobjects
        page[NameObject("/Resources")] = resources
        contents = page.get("/Contents")
        if isinstance(contents, IndirectObject) and isinstance(contents.get_object(), list):
            contents = contents.get_object()
        original = list(contents) if isinstance(contents, list) else ([contents] if contents is not None else [])
        matrix = shape.shown_to_page()
        place = b"" if matrix == (1, 0, 0, 1, 0, 0) else b"%s cm " % _numbers(matrix)
        closing = b"\nQ\n" + b"".join(extra.operators) + b"q %s%s Do Q\n" % (place, _FOOTER.encode())
        page[NameObject("/Contents")] = ArrayObject([opening, *original, writer._add_object(_stream(closing))])


def _footer_form(writer: PdfWriter, footer: PageObject, shared: dict[str, PdfObject]) -> IndirectObject:
    """The overlay page as a Form XObject: its (compressed) content stream kept, its resources shared."""
    box = footer.mediabox
    content = footer.get("/Contents")
    content = content.get_object() if content is not None else None
    if isinstance(content, StreamObject):
        form = content.clone(writer, force_duplicate=True)
    else:  # several streams: join them
        form = _stream(footer.get_contents().get_data() if content is not None else b"").flate_encode()
    form.update({
        NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject(FloatObject(float(v)) for v in (box.left, box.bottom, box.right, box.top)),
    })
    resources = footer.get("/Resources")
    if resources is not None:
        resources = resources.get_object()
        key = _signature(resources)
        if key not in shared:
            copied = resources.clone(writer)
            shared[key] = _reference(writer, copied)
        form[NameObject("/Resources")] = shared[key]
    return _reference(writer, form)


def _signature(value: object) -> str:
    """The shape of a direct object, with references by number: equal for two copies that share everything."""
    if isinstance(value, IndirectObject):
        return f"{value.idnum} R"
    if isinstance(value, DictionaryObject):
        return "<<" + " ".join(f"{key} {_signature(value.raw_get(key))}" for key in sorted(value)) + ">>"
    if isinstance(value, list):
        return "[" + " ".join(_signature(item) for item in value) + "]"
    return repr(value)


def _outline(writer: PdfWriter, parts: Sequence[Part], starts: list[int], shapes: list[_Shape]) -> None:
    groups: dict[str, IndirectObject] = {}
    for part, start in zip(parts, starts, strict=True):
        if start >= len(writer.pages):
            continue
        left, top = shapes[start].shown_top_left()
        fit = Fit.xyz(left=left, top=top, zoom=0)
        parent = None
        if part.group:
            if part.group not in groups:
                groups[part.group] = writer.add_outline_item(title=part.group, page_number=start, fit=fit)
            parent = groups[part.group]
        writer.add_outline_item(title=part.title, page_number=start, parent=parent, fit=fit)


def _reference(writer: PdfWriter, obj: PdfObject) -> IndirectObject:
    """The object's reference in the writer, adding it when it is a direct (unnumbered) copy."""
    return getattr(obj, "indirect_reference", None) or writer._add_object(obj)


def _stream(data: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream


def _numbers(values: Sequence[float]) -> bytes:
    return " ".join(f"{v:.4f}".rstrip("0").rstrip(".") if v != int(v) else str(int(v)) for v in values).encode()
