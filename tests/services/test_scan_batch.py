"""The clerk's work on a dossier's pages, without a window: pages from a scanner (one satisfying
the Protocol, and the eSCL test copier) or from files, progress, cancel, a jam, order, turns,
encoding, blank flags, and the save through ScanService; the settings' device listing and test page."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from counter_app.devices.escl import EsclScanner
from counter_app.devices.scan_files import ImportRefused, load_pages
from counter_app.domain.reception import CheckResult, checklist
from counter_app.domain.scanner import (
    CancelCheck,
    Capabilities,
    ColourMode,
    PageSink,
    ScannerError,
    ScanRequest,
    Source,
)
from counter_app.domain.staff import Role, StaffMember
from counter_app.imaging.scan_pages import PageEncoding
from counter_app.services.intake import ReceptionRequest
from counter_app.services.scan_batch import (
    BatchDone,
    Feed,
    PagesIn,
    ScanBatch,
    ScanSession,
    encoded,
    page_encoding,
    prepare_page,
    scan_request,
    turned,
)
from counter_app.services.scanner_setup import FoundScanner, OcrAvailability, ScannedTestPage, ScannerSetup
from counter_app.services.scanning import ScanService
from counter_app.settings import ScannerKind, ScannerSettings
from tests.devices.escl_server import Device, EsclServer, jpeg_page
from tests.imaging.sample_pages import blank_page, text_page
from tests.services.test_reception import APPLICANT


def _page(source: str, image: Image.Image | None = None):
    return prepare_page(image or text_page(dpi=100), 100, source)


def test_pages_are_processed_and_thumbnailed():
    page = _page("feeder, page 1")
    assert page.processed is not None and page.processed.encoding is PageEncoding.BLACK_WHITE
    assert page.thumbnail.startswith(b"\x89PNG") and not page.blank


def test_a_turn_is_redone_from_the_original():
    page = _page("p1")
    assert page.processed is not None
    width, height = page.processed.width, page.processed.height
    once = turned(page, 1)
    assert once.processed is not None and (once.processed.width, once.processed.height) == (height, width)
    back = turned(turned(turned(once, 1), 1), 1)
    assert back.turns == 0 and back.processed is not None and back.processed.width == width


def test_the_clerk_can_keep_a_page_in_colour():
    page = encoded(_page("p1"), PageEncoding.COLOUR)
    assert page.processed is not None and page.processed.encoding is PageEncoding.COLOUR
    assert page.processed.suggested is PageEncoding.BLACK_WHITE


def test_reorder_delete_move_and_blank_flags():
    batch = ScanBatch()
    batch.add([_page("a"), prepare_page(blank_page(dpi=100), 100, "b"), _page("c")])
    assert batch.blank_pages == [1]  # flagged, not dropped
    batch.move(2, 0)
    assert [p.source for p in batch.pages] == ["c", "a", "b"]
    taken = batch.take([2, 0])
    assert [p.source for p in taken] == ["c", "b"] and [p.source for p in batch.pages] == ["a"]
    batch.add(taken, at=0)
    batch.remove(1)
    assert [p.source for p in batch.pages] == ["c", "a"]
    assert len(batch.processed()) == 2


# --- the scan session -----------------------------------------------------------------------------


class FeederScanner:
    """A scanner as the Protocol asks: the feeder's pages one by one, and a jam after ``jam_after``."""

    name = "test feeder"

    def __init__(self, pages: list[Image.Image], *, jam_after: int | None = None) -> None:
        self.feeder = pages
        self.jam_after = jam_after
        self.requests: list[ScanRequest] = []

    def capabilities(self) -> Capabilities:
        return Capabilities(self.name, (Source.FEEDER, Source.FLATBED), (100, 200), tuple(ColourMode), True)

    def scan(
        self,
        request: ScanRequest,
        *,
        on_page: PageSink = lambda _image: None,
        cancelled: CancelCheck = lambda: False,
    ) -> list[Image.Image]:
        from counter_app.devices.scanner import StopReason, stopped

        self.requests.append(request)
        given: list[Image.Image] = []
        for image in self.feeder:
            if cancelled():
                break
            if self.jam_after is not None and len(given) == self.jam_after:
                raise stopped(StopReason.JAM, given, self.name)
            on_page(image)
            given.append(image)
        return given


CLERK = StaffMember(1, "canbo", "Nguyễn Thị Hồng Nhung", Role.CLERK)


def _session(db, tmp_path: Path, scanner: FeederScanner | None = None, actor=CLERK, dossier_id: int = 0):
    feeder = scanner or FeederScanner([])
    return ScanSession(
        ScanService(db, tmp_path / "scans"),
        actor,
        dossier_id,
        open_scanner=lambda: feeder,
        load_pages=load_pages,
    )


def test_the_clerks_choices_make_the_request_and_the_encoding():
    assert scan_request(Feed.DUPLEX, 300, None) == ScanRequest(
        Source.FEEDER, 300, ColourMode.COLOUR, duplex=True
    )
    assert scan_request(Feed.DUPLEX, 200, ColourMode.GREY, single=True) == ScanRequest(
        Source.FLATBED, 200, ColourMode.GREY
    )
    assert page_encoding(ColourMode.COLOUR) is None  # automatic: decided page by page
    assert page_encoding(ColourMode.BLACK_WHITE) is PageEncoding.BLACK_WHITE


def test_a_feeder_batch_lands_in_its_row_page_by_page(sqlite_db, tmp_path):
    scanner = FeederScanner([text_page(100), blank_page(100), text_page(100)])
    session = _session(sqlite_db, tmp_path, scanner)
    progress: list[PagesIn] = []
    done = session.scan(
        2,
        scan_request(Feed.FEEDER, 100, None),
        page_label=lambda n: f"feeder, page {n}",
        on_progress=progress.append,
    )
    assert done == BatchDone(2, 3, (1,))  # the blank page is flagged, not dropped
    assert [p.in_row for p in progress] == [1, 2, 3] and {p.position for p in progress} == {2}
    assert [p.source for p in session.pages(2)] == ["feeder, page 1", "feeder, page 2", "feeder, page 3"]
    assert all(p.processed is not None for p in session.pages(2))
    assert scanner.requests[0].source is Source.FEEDER
    assert session.page_count(0) == 0 and session.unsaved_pages() == 3


def test_a_jam_keeps_the_pages_already_in_and_a_rescan_replaces_one(sqlite_db, tmp_path):
    scanner = FeederScanner([text_page(100), text_page(100), text_page(100)], jam_after=2)
    session = _session(sqlite_db, tmp_path, scanner)
    with pytest.raises(ScannerError) as jam:
        session.scan(0, scan_request(Feed.FEEDER, 100, None))
    assert len(jam.value.pages) == 2 and session.page_count(0) == 2
    first, second = session.pages(0)
    scanner.feeder, scanner.jam_after = [blank_page(100)], None
    done = session.scan(0, scan_request(Feed.FEEDER, 100, None, single=True), replace_at=0)
    assert done.added == 1 and scanner.requests[-1].source is Source.FLATBED
    assert session.pages(0)[1] is second and session.pages(0)[0] is not first
    assert session.blank_pages(0) == [0]


def test_cancel_stops_after_the_page_in_hand(sqlite_db, tmp_path):
    session = _session(sqlite_db, tmp_path, FeederScanner([text_page(100) for _ in range(5)]))
    cancel = threading.Event()
    done = session.scan(
        0,
        scan_request(Feed.FEEDER, 100, ColourMode.GREY),
        cancelled=cancel.is_set,
        on_progress=lambda progress: cancel.set() if progress.added == 2 else None,
    )
    assert done.added == 2 and session.page_count(0) == 2
    assert all(p.encoding is PageEncoding.GREY for p in session.pages(0))  # grey asked, grey kept


def test_a_jam_on_the_escl_copier_keeps_the_pages(sqlite_db, tmp_path):
    device = Device(pages=[jpeg_page(), jpeg_page(), jpeg_page("red")], stop_after=2)
    server = EsclServer(device)
    try:
        session = ScanSession(
            ScanService(sqlite_db, tmp_path / "scans"),
            CLERK,
            0,
            open_scanner=lambda: EsclScanner(server.url),
            load_pages=load_pages,
        )
        progress: list[PagesIn] = []
        with pytest.raises(ScannerError, match="jammed"):
            session.scan(1, scan_request(Feed.FEEDER, 200, None), on_progress=progress.append)
        assert session.page_count(1) == 2 and [p.in_row for p in progress] == [1, 2]
    finally:
        server.close()


def test_files_come_in_whole_or_not_at_all(sqlite_db, tmp_path):
    session = _session(sqlite_db, tmp_path)
    picture = tmp_path / "to-khai.png"
    text_page(100).save(picture, dpi=(100, 100))
    broken = tmp_path / "hong.jpg"
    broken.write_bytes(b"\xff\xd8\xff not a picture")
    with pytest.raises(ImportRefused, match=r"hong\.jpg"):
        session.import_files(0, [picture, broken], dpi=100)
    assert session.page_count(0) == 1  # the good file before it stays
    done = session.import_files(0, [picture], dpi=100, colour=ColourMode.BLACK_WHITE)
    assert done == BatchDone(0, 1, ()) and session.pages(0)[1].source == "to-khai.png, 1"
    cancel = threading.Event()
    cancel.set()
    assert session.import_files(0, [picture], dpi=100, cancelled=cancel.is_set).added == 0


def test_pages_are_ordered_turned_moved_and_saved(db, intake, clerk, tmp_path):
    rows = [replace(r, result=CheckResult.PASS) for r in checklist(intake.catalogue.get("1.001193"))]
    record = intake.receive(clerk, ReceptionRequest("1.001193", APPLICANT, rows))
    pages = [text_page(100) for _ in range(4)]
    session = _session(db, tmp_path, FeederScanner(pages), actor=clerk, dossier_id=record.id)
    papers = session.load()
    assert papers.code == record.code and [r.position for r in papers.rows][:2] == [0, 1]
    session.scan(0, scan_request(Feed.FEEDER, 100, None), page_label=str)
    assert [p.source for p in session.pages(0)] == ["1", "2", "3", "4"]
    session.move(0, 3, 0)
    assert not session.reorder(0, [0, 1, 1, 2])  # not each page once: refused
    assert session.reorder(0, [1, 0, 2, 3])
    assert [p.source for p in session.pages(0)] == ["1", "4", "2", "3"]
    width = session.pages(0)[0].processed.width
    session.turn(0, [0], 1)
    session.encode(0, [1], PageEncoding.COLOUR)
    turned_page, coloured = session.pages(0)[:2]
    assert turned_page.processed is not None and turned_page.processed.height == width
    assert coloured.processed is not None and coloured.processed.encoding is PageEncoding.COLOUR
    session.move_to_row(0, [3], 1)  # the last sheet was the birth notice
    session.remove(0, [2])
    assert [p.source for p in session.pages(0)] == ["1", "4"] and session.page_count(1) == 1
    attached = session.save(0)
    assert attached.pages == 2 and session.page_count(0) == 0 and session.unsaved_pages() == 1
    with pikepdf.open(attached.path) as pdf:
        assert len(pdf.pages) == 2
    assert [r.pages for r in session.load().rows[:2]] == [2, 0]
    data, name = session.saved_file(0)
    assert data == attached.path.read_bytes() and name == attached.path.name
    session.detach(0)
    assert session.load().rows[0].pages == 0


def test_the_settings_list_devices_scan_a_test_page_and_ask_for_ocr():
    opened: list[ScannerSettings] = []

    def open_scanner(settings: ScannerSettings) -> FeederScanner:
        opened.append(settings)
        return FeederScanner([text_page(100)] if settings.device else [])

    setup = ScannerSetup(
        open_scanner,
        lambda kind: [("test:0", "Noname frontend-tester")] if kind is ScannerKind.SANE else [],
        lambda: OcrAvailability("", "", False),
    )
    assert setup.devices(ScannerKind.SANE) == [FoundScanner("test:0", "Noname frontend-tester")]
    assert setup.devices(ScannerKind.ESCL) == []
    page = text_page(100)
    assert setup.test_scan(ScannerSettings(ScannerKind.SANE, "test:0", 200)) == ScannedTestPage(1, *page.size)
    assert opened[0].dpi == 200
    assert setup.test_scan(ScannerSettings(ScannerKind.SANE, "", 200)).pages == 0
    assert not setup.ocr().ready
