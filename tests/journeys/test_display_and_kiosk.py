"""Journeys: a number called at another counter reaches the board and the voice; staff leave the kiosk by PIN.

Two PCs are two contexts on one home folder (one SQLite file), as in tests/soak_day.py: the
kiosk and the board on the first, counter 2 on the second. Citizens and clerks only touch and
click; the board is only looked at and listened to.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from counter_app.app import AppContext, build_context
from counter_app.devices.audio import Announcer
from counter_app.paths import resources_dir
from counter_app.services.queue import BoardState
from counter_app.settings import Settings
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.display.window import DisplayWindow
from counter_app.ui.kiosk.window import HOME, PIN, KioskWindow
from counter_app.ui.launcher import counter_parts, display_parts, kiosk_parts
from tests.journeys.counter_steps import choose_in_popup, take_ticket
from tests.journeys.helpers import shot, wait_until


@pytest.fixture
def second_pc(context: AppContext) -> Iterator[AppContext]:
    """Counter 2's PC: its own settings, the same database."""
    settings = Settings()
    settings.counter_number = 2
    settings.voice.enabled = False
    other = build_context(context.paths, settings, demo=True)
    yield other
    other.close()


def _kiosk(qtbot, context: AppContext) -> KioskWindow:
    kiosk = KioskWindow(kiosk_parts(context))
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    return kiosk


def test_a_call_at_counter_two_is_shown_and_read_out_on_the_board(qtbot, context, second_pc):
    spoken: list[str] = []
    announcer = Announcer(
        resources_dir() / "sounds" / "vi", context.settings.voice.wording, voice=spoken.append
    )
    board = DisplayWindow(display_parts(context, announcer))
    qtbot.addWidget(board)
    board.resize(1920, 1080)
    board.show()
    kiosk = _kiosk(qtbot, context)
    counter = CounterWindow(counter_parts(second_pc))
    qtbot.addWidget(counter)
    counter.set_actor(second_pc.staff.find("canbo"))  # signed in: the sign-in has its own journey
    counter.show()
    panel = counter.queue
    shown: list[BoardState] = []
    board.board_shown.connect(shown.append)
    cards = board.board.area_cards
    texts = board.board.texts

    def waiting(code: str) -> str:
        return cards[code].count.text() if code in cards else ""

    # Three citizens at the kiosk: two for civil status (A), one for land (B).
    assert [take_ticket(kiosk, code) for code in ("A", "A", "B")] == ["A001", "A002", "B001"]
    wait_until(lambda: waiting("A") == texts.area_waiting.replace("%1", "2"), 10_000, "A's count")
    assert waiting("B") == texts.area_waiting.replace("%1", "1")
    assert board.empty.isVisibleTo(board)  # nobody called yet: people are invited to wait

    # Counter 2 (areas A and B) calls the next number.
    wait_until(panel.next_button.isEnabled, 10_000, "the counter to be ready")
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: panel.current.text() == "A001", 10_000, "counter 2 to call A001")
    tiles = board.board.tiles
    wait_until(lambda: 2 in tiles and tiles[2].number.text() == "A001", 5_000, "the board's tile")
    assert board.board.banner.isVisibleTo(board) and board.board.banner.text() == "Mời số A001 đến quầy 2"
    assert board.board.recent_text() == ["A001  →  QUẦY 2"]
    assert tiles[1].number.text() == "—" and tiles[3].number.text() == "—"
    wait_until(lambda: len(spoken) == 1, 5_000, "the call to be read out")
    assert spoken == ["Mời công dân có số thứ tự a không không một đến quầy số hai"]
    wait_until(lambda: waiting("A") == texts.area_waiting.replace("%1", "1"), 10_000, "A001 off the wait")

    # The citizen does not come up: "call again". Read out again, still one line.
    qtbot.mouseClick(panel.recall_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: len(spoken) == 2, 10_000, "the second reading")
    assert spoken[1] == spoken[0]
    recall = board.last_call_id
    assert recall is not None
    wait_until(lambda: bool(shown) and shown[-1].last_call_id >= recall, 10_000, "the board after it")
    assert board.board.recent_text() == ["A001  →  QUẦY 2"]

    # The dossier is about land: the clerk transfers the ticket to area B from the panel's menu.
    choose_in_popup("Đất đai, xây dựng")
    qtbot.mouseClick(panel.transfer_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: panel.current.text() == "—", 10_000, "the transfer")
    moved = "A001  →  " + texts.waiting_in_area.replace("%1", "B")
    wait_until(lambda: board.board.recent_text() == [moved], 10_000, "the new destination on the board")
    assert tiles[2].number.text() == "—"
    want = {c: texts.area_waiting.replace("%1", n) for c, n in zip("ABCD", "1200", strict=True)}
    wait_until(lambda: {c: waiting(c) for c in "ABCD"} == want, 10_000, "the counts per area")
    assert len(spoken) == 2  # a transfer is not a call: nothing read out

    # Counter 2 calls again: A001 keeps its place, ahead of B001 issued later.
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: tiles[2].number.text() == "A001", 10_000, "A001 called in area B")
    wait_until(lambda: board.board.recent_text() == ["A001  →  QUẦY 2"], 10_000, "an ordinary line")
    wait_until(lambda: len(spoken) == 3, 10_000, "the third reading")
    kiosk.locked = False  # the test's own tidying; staff leave the kiosk by PIN in the next journey
    for window in (counter, kiosk, board):
        window.close()


def test_staff_leave_the_kiosk_with_five_taps_and_the_pin(qtbot, context, modals):
    assert context.settings.kiosk.exit_pin_hash == ""  # a new kiosk: the PIN is 0000
    kiosk = _kiosk(qtbot, context)
    pad = kiosk.pin_pad

    # A touchscreen's quick taps: Qt makes every second one a double-click, not a press.
    taps = [qtbot.mouseClick, qtbot.mouseDClick, qtbot.mouseClick, qtbot.mouseDClick]
    for tap in taps:
        tap(kiosk.clock, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentIndex() == HOME  # four taps: a citizen touching the clock
    qtbot.mouseClick(kiosk.clock, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentIndex() == PIN and pad.isVisible()

    def tap_digits(digits: str) -> None:
        for digit in digits:
            qtbot.mouseClick(pad.digit_buttons[digit], Qt.MouseButton.LeftButton)

    tap_digits("1234")
    assert pad.dots.text() == "●●●●"
    qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    assert pad.message.text() != "" and pad.dots.text() == "" and kiosk.isVisible()  # "Wrong PIN."

    tap_digits("99")
    qtbot.mouseClick(pad.clear_button, Qt.MouseButton.LeftButton)  # "Xóa"
    assert (pad.pin, pad.dots.text(), pad.message.text()) == ("", "", "")
    assert QApplication.activeModalWidget() is None and modals.seen == []  # no "Unexpected error"

    tap_digits("0000")
    qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: not kiosk.isVisible(), 5_000, "the kiosk to close")


def test_an_elderly_citizen_takes_a_priority_number(qtbot, context):
    """She touches PRIORITY, says she is over 60, touches her area and gets a number that goes first."""
    from sqlalchemy import select

    from counter_app.domain.queue import PriorityGroup
    from counter_app.storage import models

    kiosk = KioskWindow(kiosk_parts(context))
    qtbot.addWidget(kiosk)
    kiosk.show()
    wait_until(lambda: bool(kiosk.area_buttons), 10_000, "the kiosk's areas")
    QTest.mouseClick(kiosk.priority_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(kiosk.group_buttons[PriorityGroup.ELDERLY], Qt.MouseButton.LeftButton)
    # One pair of brackets: the group's own ("từ 60 tuổi"), not nested in another.
    assert kiosk.title.text() == "Số ưu tiên – Người cao tuổi (từ 60 tuổi). Chạm vào lĩnh vực cần làm."
    label = take_ticket(kiosk, "A")
    with context.db.read() as session:
        group = session.scalar(select(models.Ticket.priority_group).where(models.Ticket.label == label))
    assert group == PriorityGroup.ELDERLY.value


def test_a_kiosk_without_a_printer_says_to_remember_the_number(qtbot, context):
    assert not context.desk.printer.configured  # no printer chosen for this kiosk
    kiosk = KioskWindow(kiosk_parts(context))
    qtbot.addWidget(kiosk)
    kiosk.resize(1080, 1920)  # the kiosk's portrait screen
    kiosk.show()
    wait_until(lambda: bool(kiosk.area_buttons), 10_000, "the kiosk's areas")
    area = next(b for b in kiosk.area_buttons if b.text().split()[0] == "A")
    QTest.mouseClick(area, Qt.MouseButton.LeftButton)
    wait_until(lambda: kiosk.shown_ticket is not None, 10_000, "the ticket")
    label = kiosk.ticket_number.text()
    wait_until(lambda: label in kiosk.print_problem.text(), 10_000, "what to do without paper")
    assert kiosk.print_problem.text() == f"Máy này không in phiếu giấy. Xin ông/bà nhớ số của mình: {label}."
    assert (
        kiosk.print_problem.font().pointSize() >= 20 or "font-size: 24pt" in kiosk.print_problem.styleSheet()
    )
    # Without paper, the number on the screen is all the citizen takes away: it stays at least
    # 45 s (an elderly citizen copies it down), and the big “Xong” goes back sooner.
    assert kiosk._ticket_timer.remainingTime() > 45_000
    shot(kiosk, "hk2-4")
    done = kiosk.done_button
    assert done.isVisibleTo(kiosk) and done.text() == "Xong"
    assert done.font().pointSize() >= 24 and done.minimumHeight() >= 120
    QTest.mouseClick(done, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentIndex() == HOME
