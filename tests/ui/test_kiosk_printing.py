"""Paper tickets at the kiosk: printed as an image, and a printer problem never loses a ticket."""

import socket

from escpos.printer import Dummy

from counter_app.devices.printer import TicketPrinter
from counter_app.settings import PrinterKind, PrinterSettings
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.kiosk.window import TICKET, KioskWindow
from counter_app.ui.launcher import counter_parts, kiosk_parts


def _kiosk(qtbot, context) -> KioskWindow:
    kiosk = KioskWindow(kiosk_parts(context))
    qtbot.addWidget(kiosk)
    qtbot.waitUntil(lambda: kiosk.areas_list.count() >= 4, timeout=10_000)
    return kiosk


def test_the_ticket_prints_as_an_image_and_is_marked_printed(qtbot, context):
    dummy = Dummy()
    context.desk.printer = TicketPrinter(PrinterSettings(width_dots=384), connect=lambda: dummy)
    kiosk = _kiosk(qtbot, context)
    with qtbot.waitSignal(kiosk.print_finished, timeout=10_000) as printed:
        kiosk.take_ticket("A")
    assert printed.args == [True] and not kiosk.reprint_button.isVisibleTo(kiosk)
    assert b"\x1dv0" in dummy.output and dummy.output.index(b"\x1dv0") > 0
    assert int.from_bytes(dummy.output[dummy.output.index(b"\x1dv0") + 4 :][:2], "little") == 384 // 8
    assert context.queue.printer_problem() is None
    assert kiosk._ticket_timer.remainingTime() <= 21_000  # paper in hand: the next person's turn soon


def _refusing_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = int(probe.getsockname()[1])
    probe.close()
    return port


def test_a_printer_that_is_off_loses_no_ticket_and_everyone_is_told(qtbot, context):
    settings = PrinterSettings(kind=PrinterKind.NETWORK, target=f"127.0.0.1:{_refusing_port()}")
    context.desk.printer = TicketPrinter(settings)
    kiosk = _kiosk(qtbot, context)
    with qtbot.waitSignal(kiosk.print_finished, timeout=15_000) as printed:
        kiosk.take_ticket("A")
    assert printed.args == [False]
    assert kiosk.pages.currentIndex() == TICKET and kiosk.ticket_number.text() == "A001"  # issued anyway
    assert kiosk.print_problem.text().startswith("Chưa in được vé. Xin ông/bà nhớ số A001")
    assert kiosk.reprint_button.isVisibleTo(kiosk)
    assert kiosk._ticket_timer.remainingTime() > 45_000  # no paper: time to remember the number
    assert context.queue.counter_queue(1).waiting == 1  # the ticket is in the queue

    counter = CounterWindow(counter_parts(context))  # another PC: the clerk's status bar turns red
    qtbot.addWidget(counter)
    with qtbot.waitSignal(counter.queue.printer_problem, timeout=10_000):
        counter.set_actor(context.staff.find("canbo"))
    assert counter.printer_status.text() == "Máy lấy số: 1 vé chưa in được"
    assert counter.printer_status.property("status") == "error"
    assert "không phản hồi" in counter.printer_status.toolTip()

    dummy = Dummy()  # the printer is switched back on
    context.desk.printer = TicketPrinter(PrinterSettings(), connect=lambda: dummy)
    with qtbot.waitSignal(kiosk.print_finished, timeout=10_000) as again:
        kiosk.reprint_button.click()
    assert again.args == [True] and b"\x1dv0" in dummy.output
    with qtbot.waitSignal(counter.queue.printer_problem, timeout=10_000):
        counter.queue.refresh()
    assert counter.printer_status.property("status") != "error"
