"""The ticket desk: a ticket is issued, printed and its print recorded; a printer problem loses nothing.

The printer is the real one (devices/printer.py) writing real ESC/POS bytes into python-escpos's
in-memory Dummy, or a real network printer that is off; the fakes below stand for what the
real one cannot easily be made to do.
"""

from __future__ import annotations

import socket
from datetime import datetime

import pytest
from escpos.printer import Dummy
from sqlalchemy import select

from counter_app.devices.printer import PrinterError, TicketPrinter
from counter_app.domain.calendar import VN_TZ
from counter_app.domain.queue import PriorityGroup, TicketState
from counter_app.domain.ticket_identity import parse_ticket_qr
from counter_app.domain.ticket_text import TicketText
from counter_app.services.demo import DEMO_AREAS, DEMO_COUNTERS
from counter_app.services.office import ensure_office
from counter_app.services.queue import QueueService
from counter_app.services.ticket_desk import PrintOutcome, TicketDesk, TicketPrinting, TicketWording
from counter_app.settings import OfficeSettings, PrinterKind, PrinterSettings, Settings
from counter_app.storage import models
from counter_app.sync.outbox import OutboxKind

OFFICE = "000.00.06.H56"
VIETNAMESE = {  # what the window's translator would say, for the words the desk asks it for
    "Elderly (60 and over)": "Người cao tuổi (từ 60 tuổi)",
    "The ticket printer ({target}) does not answer. Check that it is switched on, has paper "
    "and its cable is plugged in, then print the ticket again.": "Máy in vé ({target}) không phản hồi.",
}
WORDING = TicketWording(
    caption="Số thứ tự",
    issued="%1 ngày %2",
    ahead="Trước ông/bà còn 0 người",
    footer="Xin mời ông/bà ngồi chờ.",
    translate=lambda _context, text: VIETNAMESE.get(text, text),
)


class Clock:
    def __call__(self) -> datetime:
        return datetime(2026, 11, 26, 8, 15, tzinfo=VN_TZ)


class RecordingPrinter:
    """A printer that keeps what it was asked to print."""

    configured = True

    def __init__(self) -> None:
        self.printed: list[TicketText] = []

    def print_ticket(self, text: TicketText) -> None:
        self.printed.append(text)


class BrokenPrinter(RecordingPrinter):
    """A printer whose driver has a bug: not a printer problem the desk can name."""

    def print_ticket(self, text: TicketText) -> None:
        raise ZeroDivisionError("a bug")


@pytest.fixture
def queue(db) -> QueueService:
    ensure_office(db, OfficeSettings(code=OFFICE))
    service = QueueService(db, office_code=OFFICE, clock=Clock())
    for area in DEMO_AREAS:
        service.save_area(None, area)
    for number, codes in DEMO_COUNTERS.items():
        service.set_counter(None, number, codes)
    return service


def _desk(queue: QueueService, printer: TicketPrinting) -> TicketDesk:
    settings = Settings()
    settings.office.name = "Trung tâm Phục vụ hành chính công phường Ba Đình"
    return TicketDesk(queue, printer, settings, make_printer=TicketPrinter)


def _row(queue: QueueService, ticket_id: int) -> models.Ticket:
    with queue.db.read() as session:
        row = session.get(models.Ticket, ticket_id)
        assert row is not None
        session.expunge(row)
        return row


def _refusing_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = int(probe.getsockname()[1])
    probe.close()  # nothing listens there now: the connection is refused
    return port


def test_a_ticket_is_printed_as_real_escpos_bytes_and_recorded(queue):
    dummy = Dummy()
    desk = _desk(queue, TicketPrinter(PrinterSettings(width_dots=384), connect=lambda: dummy))
    issued = desk.issue("A")
    assert desk.print_ticket(issued, WORDING) is PrintOutcome.PRINTED
    data = bytes(dummy.output)
    assert data.startswith(b"\x1b@") and b"\x1dV" in data[-8:]  # reset, the picture, the cut
    assert b"\x1dv0" + bytes([0, 384 // 8, 0]) in data  # one raster image, 384 dots wide
    row = _row(queue, issued.ticket.id)
    assert row.printed_at is not None and row.print_error is None
    assert queue.printer_problem() is None


def test_the_ticket_says_what_was_issued_and_its_qr_is_the_provinces_code(queue):
    printer = RecordingPrinter()
    desk = _desk(queue, printer)
    issued = desk.issue("B", priority_group=PriorityGroup.ELDERLY)
    desk.print_ticket(issued, WORDING)
    [text] = printer.printed
    assert text == TicketText(
        office="Trung tâm Phục vụ hành chính công phường Ba Đình",
        service=issued.service_name,
        label="B001",
        caption="Số thứ tự",
        issued="08:15 ngày 26/11/2026",
        ahead="Trước ông/bà còn 0 người",
        footer="Xin mời ông/bà ngồi chờ.",
        qr="counter-app:ticket:000.00.06.H56-261126-B001",
        priority="Người cao tuổi (từ 60 tuổi)",
    )
    identity = parse_ticket_qr(text.qr)
    assert (identity.office_code, identity.day, identity.label) == (
        OFFICE,
        issued.ticket.issued_at.date(),
        "B001",
    )
    with queue.db.read() as session:  # the outbox sends the province the very same code
        streams = session.scalars(
            select(models.OutboxItem.stream).where(models.OutboxItem.kind == OutboxKind.TICKET.value)
        ).all()
    assert streams == [f"ticket:{identity.code}"]


def test_a_dead_printer_keeps_the_ticket_records_the_failure_and_says_what_to_check(queue):
    target = f"127.0.0.1:{_refusing_port()}"
    desk = _desk(queue, TicketPrinter(PrinterSettings(kind=PrinterKind.NETWORK, target=target)))
    issued = desk.issue("A")
    with pytest.raises(PrinterError) as info:
        desk.print_ticket(issued, WORDING)
    assert target in info.value.message() and "switched on" in info.value.message()
    row = _row(queue, issued.ticket.id)
    assert row.state == TicketState.WAITING.value and row.printed_at is None  # still in the queue
    assert row.print_error == f"Máy in vé ({target}) không phản hồi."  # in the window's language
    problem = queue.printer_problem()
    assert problem is not None and problem.unprinted == 1 and target in problem.message

    dummy = Dummy()  # switched back on: the same ticket, printed again
    desk.printer = TicketPrinter(PrinterSettings(), connect=lambda: dummy)
    assert desk.print_ticket(issued, WORDING) is PrintOutcome.PRINTED and dummy.output
    assert queue.printer_problem() is None


def test_without_a_printer_nothing_is_printed_nor_recorded(queue):
    desk = _desk(queue, TicketPrinter(PrinterSettings()))
    assert not desk.printer_configured
    issued = desk.issue("A")
    assert desk.print_ticket(issued, WORDING) is PrintOutcome.NO_PRINTER
    row = _row(queue, issued.ticket.id)
    assert row.printed_at is None and row.print_error is None
    assert queue.printer_problem() is None


def test_a_bug_in_the_printer_is_raised_as_it_is(queue):
    desk = _desk(queue, BrokenPrinter())
    issued = desk.issue("A")
    with pytest.raises(ZeroDivisionError):
        desk.print_ticket(issued, WORDING)
    assert _row(queue, issued.ticket.id).print_error is None  # no printer message to show anyone


def test_new_printer_settings_and_a_test_print_go_through_the_factory(queue):
    built: list[PrinterSettings] = []

    def make(settings: PrinterSettings) -> RecordingPrinter:
        built.append(settings)
        return RecordingPrinter()

    desk = TicketDesk(queue, RecordingPrinter(), Settings(), make_printer=make)
    sample = TicketText(
        "Trung tâm", "In thử", "A123", "Số thứ tự", "08:15", "ă â đ", "Sẵn sàng", "counter-app:test"
    )
    edited = PrinterSettings(kind=PrinterKind.NETWORK, target="192.0.2.10:9100")
    desk.print_test(edited, sample)
    assert built == [edited]
    with queue.db.read() as session:  # a test print is no ticket
        assert session.scalar(select(models.Ticket.id)) is None
    saved = PrinterSettings(kind=PrinterKind.USB, target="0416:5011")
    desk.use_printer(saved)
    assert built == [edited, saved]
    desk.print_ticket(desk.issue("A"), WORDING)
    assert isinstance(desk.printer, RecordingPrinter) and len(desk.printer.printed) == 1
