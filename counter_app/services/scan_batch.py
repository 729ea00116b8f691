"""One dossier's papers while the clerk scans them, before each becomes its row's PDF/A.

:class:`ScanSession` is what the scanning view shows: it takes pages from the scanner or from
files (on a worker thread, cancellable, telling its progress page by page), cleans and encodes
each one, keeps them per checklist row in the clerk's order, and saves a row through
:class:`ScanService`. The scanner reaches it as a factory from the composition root (services
may not import the devices). Plain Python, no Qt: the view runs these calls through its
TaskRunner and only draws what the session holds.

Each page keeps what the scanner gave (as a high-quality JPEG, or PNG for black-and-white, to
hold a 30-page dossier in memory on an office PC) so that a turn or a different encoding is
redone from the original, never from an already reduced copy.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from PIL import Image

from counter_app.domain.scanner import (
    CancelCheck,
    ColourMode,
    LoadedPage,
    PageLoader,
    Scanner,
    ScanRequest,
    Source,
)
from counter_app.domain.staff import StaffMember
from counter_app.imaging.scan_pages import PageEncoding as PageEncoding  # the view offers its choices
from counter_app.imaging.scan_pages import ProcessedPage, process_page
from counter_app.services.scanning import AttachedScan, ComponentScan, ReuseOffer, ScanService

THUMBNAIL_PX = 180
_ORIGINAL_QUALITY = 95


@dataclass(frozen=True)
class DraftPage:
    original: bytes  # JPEG or PNG of the page as scanned
    dpi: int
    source: str  # "feeder, page 3", "ho-so.pdf, page 2": shown under the thumbnail
    turns: int = 0  # quarter turns clockwise the clerk asked for
    encoding: PageEncoding | None = None  # None: the automatic choice
    processed: ProcessedPage | None = None
    thumbnail: bytes = b""  # PNG

    @property
    def blank(self) -> bool:
        return bool(self.processed and self.processed.blank)


def _keep(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    if image.mode == "1":
        image.save(buffer, format="PNG")
    else:
        image.convert("RGB" if image.mode not in ("L", "RGB") else image.mode).save(
            buffer, format="JPEG", quality=_ORIGINAL_QUALITY
        )
    return buffer.getvalue()


def prepare_page(
    image: Image.Image,
    dpi: int,
    source: str,
    *,
    turns: int = 0,
    encoding: PageEncoding | None = None,
) -> DraftPage:
    """Keep the original, then clean, encode and make a thumbnail (a fraction of a second)."""
    return _processed(DraftPage(_keep(image), dpi, source, turns % 4, encoding))


def _processed(page: DraftPage) -> DraftPage:
    opened = Image.open(io.BytesIO(page.original))
    opened.load()
    image: Image.Image = opened
    if page.turns:
        image = image.rotate(-90 * page.turns, expand=True)
    done = process_page(image, page.dpi, encoding=page.encoding)
    thumb = image.copy()
    thumb.thumbnail((THUMBNAIL_PX, THUMBNAIL_PX))
    buffer = io.BytesIO()
    thumb.convert("RGB").save(buffer, format="PNG")
    return replace(page, processed=done, thumbnail=buffer.getvalue())


def turned(page: DraftPage, quarter_turns: int) -> DraftPage:
    return _processed(replace(page, turns=(page.turns + quarter_turns) % 4))


def encoded(page: DraftPage, encoding: PageEncoding | None) -> DraftPage:
    return _processed(replace(page, encoding=encoding))


@dataclass
class ScanBatch:
    """The ordered pages of one row. The PDF gets exactly these pages, one image each."""

    pages: list[DraftPage] = field(default_factory=list)

    def add(self, pages: list[DraftPage], at: int | None = None) -> None:
        where = len(self.pages) if at is None else max(0, min(at, len(self.pages)))
        self.pages[where:where] = pages

    def move(self, index: int, to: int) -> None:
        page = self.pages.pop(index)
        self.pages.insert(max(0, min(to, len(self.pages))), page)

    def remove(self, index: int) -> DraftPage:
        return self.pages.pop(index)

    def replace(self, index: int, page: DraftPage) -> None:
        self.pages[index] = page

    def take(self, indexes: list[int]) -> list[DraftPage]:
        """Remove and return the pages at ``indexes`` in page order (to move them to another row)."""
        chosen = sorted(set(indexes))
        taken = [self.pages[i] for i in chosen]
        for i in reversed(chosen):
            del self.pages[i]
        return taken

    @property
    def blank_pages(self) -> list[int]:
        return [i for i, page in enumerate(self.pages) if page.blank]

    def processed(self) -> list[ProcessedPage]:
        out = [page.processed for page in self.pages if page.processed is not None]
        if len(out) != len(self.pages):
            raise ValueError("a page is still being processed")
        return out


class Feed(StrEnum):
    """Where the clerk puts the papers."""

    FEEDER = "feeder"
    DUPLEX = "duplex"  # the feeder, both sides of each sheet
    FLATBED = "flatbed"


def scan_request(feed: Feed, dpi: int, colour: ColourMode | None, *, single: bool = False) -> ScanRequest:
    """The request for the clerk's choices. ``colour`` None is the automatic choice: the page comes
    in colour and is encoded as it needs. ``single``: one page again, from the glass."""
    return ScanRequest(
        Source.FLATBED if single or feed is Feed.FLATBED else Source.FEEDER,
        dpi,
        colour or ColourMode.COLOUR,
        duplex=feed is Feed.DUPLEX and not single,
    )


def page_encoding(colour: ColourMode | None) -> PageEncoding | None:
    """Grey or black and white asked of the scanner is stored so; colour means the automatic choice."""
    if colour is ColourMode.GREY:
        return PageEncoding.GREY
    if colour is ColourMode.BLACK_WHITE:
        return PageEncoding.BLACK_WHITE
    return None


@dataclass(frozen=True)
class PagesIn:
    """A running batch's progress, told after each page: the row it fills and what it holds now."""

    position: int
    added: int  # by this batch so far
    in_row: int


@dataclass(frozen=True)
class BatchDone:
    position: int
    added: int
    blank_pages: tuple[int, ...]  # of the whole row, from 0: most likely the back of a sheet


@dataclass(frozen=True)
class DossierPapers:
    """What the scanning view lists: the dossier's code, its checklist rows, earlier digitised copies."""

    code: str
    rows: list[ComponentScan]
    offers: dict[int, list[ReuseOffer]]


Progress = Callable[[PagesIn], None]


def _number(n: int) -> str:
    return str(n)


def _never() -> bool:
    return False


def _ignore(_progress: PagesIn) -> None:
    return None


class ScanSession:
    """One dossier's pages not saved yet, per checklist row, and every action on them.

    Called from the view's thread and its workers at once: a lock guards the rows, and the slow
    part of each call (the scanner, processing a page, building the PDF) runs outside it. Pages
    are immutable; an edit replaces a page only if it is still the one the edit started from.
    """

    def __init__(
        self,
        scans: ScanService,
        actor: StaffMember,
        dossier_id: int,
        *,
        open_scanner: Callable[[], Scanner],
        load_pages: PageLoader,
    ) -> None:
        self.scans = scans
        self.actor = actor
        self.dossier_id = dossier_id
        self._open_scanner = open_scanner
        self._load_pages = load_pages
        self._lock = threading.Lock()
        self._rows: dict[int, ScanBatch] = {}

    # --- the dossier (worker) -------------------------------------------------------------------

    def load(self) -> DossierPapers:
        code, rows = self.scans.rows(self.dossier_id)
        return DossierPapers(code, rows, self.scans.reuse_offers(self.dossier_id))

    # --- taking pages in (worker) ---------------------------------------------------------------

    def scan(
        self,
        position: int,
        request: ScanRequest,
        *,
        replace_at: int | None = None,
        page_label: Callable[[int], str] = _number,
        cancelled: CancelCheck = _never,
        on_progress: Progress = _ignore,
    ) -> BatchDone:
        """One batch from the scanner into row ``position``, each page processed as it arrives.

        ``replace_at``: the first page takes that page's place (one page scanned again). When the
        scanner stops half-way its ScannerError goes up, and the pages it gave stay in the row.
        """
        encoding = page_encoding(request.colour)
        arrival = _Arrival(self, position, replace_at, on_progress)
        scanner = self._open_scanner()

        def on_page(image: Image.Image) -> None:
            label = page_label(arrival.added + 1)
            arrival.take(prepare_page(image, request.dpi, label, encoding=encoding))

        scanner.scan(request, on_page=on_page, cancelled=cancelled)
        return self._done(position, arrival.added)

    def import_files(
        self,
        position: int,
        files: Sequence[Path],
        *,
        dpi: int,
        colour: ColourMode | None = None,
        cancelled: CancelCheck = _never,
        on_progress: Progress = _ignore,
    ) -> BatchDone:
        """The pages of ``files`` into row ``position``; a file that cannot be read is refused
        (DomainError naming it) before any of its pages comes in."""
        encoding = page_encoding(colour)
        arrival = _Arrival(self, position, None, on_progress)
        for path in files:
            if cancelled():
                break
            # Not handed ``cancelled``: a file cut short would be refused as having no pages.
            loaded: Sequence[LoadedPage] = self._load_pages(path, dpi=dpi)
            for page in loaded:
                if cancelled():
                    return self._done(position, arrival.added)
                arrival.take(prepare_page(page.image, page.dpi, page.source, encoding=encoding))
        return self._done(position, arrival.added)

    def _receive(self, position: int, page: DraftPage, replace_at: int | None) -> int:
        with self._lock:
            row = self._rows.setdefault(position, ScanBatch())
            if replace_at is not None and replace_at < len(row.pages):
                row.replace(replace_at, page)
            else:
                row.add([page])
            return len(row.pages)

    def _done(self, position: int, added: int) -> BatchDone:
        return BatchDone(position, added, tuple(self.blank_pages(position)))

    # --- the pages (any thread) -----------------------------------------------------------------

    def pages(self, position: int) -> list[DraftPage]:
        with self._lock:
            row = self._rows.get(position)
            return list(row.pages) if row else []

    def batch(self, position: int) -> ScanBatch:
        """A copy of the row's pages: edits go through the session."""
        return ScanBatch(self.pages(position))

    def page_count(self, position: int) -> int:
        return len(self.pages(position))

    def blank_pages(self, position: int) -> list[int]:
        return self.batch(position).blank_pages

    def unsaved_pages(self) -> int:
        with self._lock:
            return sum(len(row.pages) for row in self._rows.values())

    def move(self, position: int, index: int, to: int) -> None:
        with self._lock:
            row = self._rows.get(position)
            if row is not None and 0 <= index < len(row.pages):
                row.move(index, to)

    def reorder(self, position: int, order: Sequence[int]) -> bool:
        """Put the row's pages in ``order`` (the old index of each); refused unless it names each once."""
        with self._lock:
            row = self._rows.get(position)
            if row is None or sorted(order) != list(range(len(row.pages))):
                return False
            row.pages = [row.pages[i] for i in order]
            return True

    def remove(self, position: int, indexes: Sequence[int]) -> list[DraftPage]:
        with self._lock:
            row = self._rows.get(position)
            if row is None:
                return []
            return row.take([i for i in indexes if 0 <= i < len(row.pages)])

    def move_to_row(self, position: int, indexes: Sequence[int], to_position: int) -> None:
        """Pages that belong to another paper of the checklist go to the end of its row."""
        if to_position == position:
            return
        with self._lock:
            row = self._rows.get(position)
            if row is None:
                return
            taken = row.take([i for i in indexes if 0 <= i < len(row.pages)])
            self._rows.setdefault(to_position, ScanBatch()).add(taken)

    # --- redoing pages from their originals (worker) --------------------------------------------

    def turn(self, position: int, indexes: Sequence[int], quarter_turns: int) -> None:
        self._rework(position, indexes, lambda page: turned(page, quarter_turns))

    def encode(self, position: int, indexes: Sequence[int], encoding: PageEncoding | None) -> None:
        self._rework(position, indexes, lambda page: encoded(page, encoding))

    def _rework(
        self, position: int, indexes: Sequence[int], change: Callable[[DraftPage], DraftPage]
    ) -> None:
        with self._lock:
            row = self._rows.get(position)
            originals = [(i, row.pages[i]) for i in indexes if row is not None and 0 <= i < len(row.pages)]
        changed = [(i, before, change(before)) for i, before in originals]
        with self._lock:
            row = self._rows.get(position)
            for i, before, after in changed:
                if row is not None and i < len(row.pages) and row.pages[i] is before:  # not edited meanwhile
                    row.replace(i, after)

    # --- saving (worker) ------------------------------------------------------------------------

    def save(self, position: int) -> AttachedScan:
        """The row's pages, in the clerk's order, become its PDF/A; they leave the session once saved."""
        pages = self.pages(position)
        if not pages:
            raise ValueError("no page to save")
        attached = self.scans.attach(self.actor, self.dossier_id, position, ScanBatch(pages).processed())
        with self._lock:
            row = self._rows.get(position)
            if row is not None:
                row.pages = [p for p in row.pages if not any(p is saved for saved in pages)]
                if not row.pages:
                    del self._rows[position]
        return attached

    def reuse(self, position: int, component_id: int) -> AttachedScan:
        """The citizen's earlier digitised copy instead of a scan; pages scanned for the row are dropped."""
        attached = self.scans.reuse(self.actor, self.dossier_id, position, component_id)
        with self._lock:
            self._rows.pop(position, None)
        return attached

    def detach(self, position: int) -> None:
        self.scans.detach(self.actor, self.dossier_id, position)

    def saved_file(self, position: int) -> tuple[bytes, str]:
        return self.scans.saved_file(self.dossier_id, position)


class _Arrival:
    """The pages of one running batch as they reach their row."""

    def __init__(
        self, session: ScanSession, position: int, replace_at: int | None, on_progress: Progress
    ) -> None:
        self.session = session
        self.position = position
        self.replace_at = replace_at  # only the first page replaces; the others follow it
        self.on_progress = on_progress
        self.added = 0

    def take(self, page: DraftPage) -> None:
        in_row = self.session._receive(self.position, page, self.replace_at)
        self.replace_at = None
        self.added += 1
        self.on_progress(PagesIn(self.position, self.added, in_row))
