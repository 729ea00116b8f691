"""The display board: follows calls made on any PC, fills its screen, never cuts a text, never asks anything.

Texts are found by what the data puts in them (ticket numbers, area names, counts) or through the
board's own templates, so the tests hold whether or not a new string is translated yet.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from counter_app.devices.audio import Announcer
from counter_app.domain.queue import ServiceArea
from counter_app.paths import resources_dir
from counter_app.services.queue import BoardState, CallView
from counter_app.ui.display.marquee import START_X, Marquee
from counter_app.ui.display.window import DisplayWindow
from counter_app.ui.launcher import display_parts, show_window
from counter_app.ui.theme import BOARD_YELLOW

YELLOW = QColor(BOARD_YELLOW)  # a new call's tile


def _board(qtbot, context, **kwargs) -> DisplayWindow:
    board = DisplayWindow(display_parts(context, kwargs.get("announcer")))
    qtbot.addWidget(board)
    with qtbot.waitSignal(board.board_shown, timeout=10_000):
        pass
    return board


def _shown(qtbot, board: DisplayWindow) -> BoardState:
    """The next picture the board reads from the database (every call, or every 3 s)."""
    with qtbot.waitSignal(board.board_shown, timeout=10_000) as shown:
        board.refresh()
    state = shown.args[0]
    assert isinstance(state, BoardState)
    return state


def cut_off(window: QWidget) -> list[str]:
    """Each visible text of ``window`` that its box or the screen cuts, described.

    A label paints inside its own rectangle: a line wider than its box loses its end, and a mark
    that rises above the top (the upper of Ầ's two) or a tail below the bottom is cut there.
    """
    problems: list[str] = []
    for label in window.findChildren(QLabel):
        if not label.isVisibleTo(window) or not label.text():
            continue
        name = repr(label.text())
        where = QRect(label.mapTo(window, QPoint(0, 0)), label.size())
        if not window.rect().contains(where):
            problems.append(f"{name} at {where} is off the {window.width()}×{window.height()} screen")
        box = label.contentsRect()
        metrics = QFontMetrics(label.font())
        lines = label.text().split("\n")
        if max(metrics.horizontalAdvance(line) for line in lines) > box.width():
            problems.append(f"{name} is wider than its box ({box.width()} px)")
        block = metrics.lineSpacing() * (len(lines) - 1) + metrics.height()
        first_baseline = box.top() + (box.height() - block) / 2 + metrics.ascent()
        ink_top = first_baseline + min(metrics.tightBoundingRect(line).top() for line in lines)
        last_baseline = first_baseline + metrics.lineSpacing() * (len(lines) - 1)
        ink_bottom = last_baseline + max(metrics.tightBoundingRect(line).bottom() for line in lines)
        if ink_top < 0 or ink_bottom > label.height():
            problems.append(f"{name}: ink {ink_top:.0f}..{ink_bottom:.0f} outside 0..{label.height()}")
    return problems


def _pixel_size(label: QLabel) -> int:
    return label.font().pixelSize()


def _a_busy_morning(context) -> None:
    """Six counters, a long area name, calls, a recall and a transfer: a lot to fit on one screen."""
    clerk = context.staff.find("canbo")
    queue = context.queue
    queue.save_area(None, ServiceArea("E", "Chứng thực bản sao, chữ ký, hợp đồng, giao dịch", 5))
    for number, codes in ((4, ["A", "E"]), (5, ["B", "E"]), (6, ["C", "D"])):
        queue.set_counter(None, number, codes)
    for code in "AAAABBBCCDDEEEE":
        queue.issue(code)
    for counter in range(1, 7):
        queue.call_next(clerk, counter)
    queue.recall(clerk, 2, queue.current(2).id)
    queue.transfer(clerk, queue.current(1).id, service_code="B")


def test_a_call_on_another_pc_reaches_the_board(qtbot, context):
    clerk = context.staff.find("canbo")
    context.queue.issue("A")
    context.queue.call_next(clerk, 1)  # before the board starts: shown, but not announced again
    board = _board(qtbot, context)
    assert board.board.tiles[1].number.text() == "A001" and not board.empty.isVisibleTo(board)

    context.queue.issue("C")
    announced: list[CallView] = []
    board.called.connect(announced.append)
    context.queue.call_next(clerk, 3)  # "another PC": the same database, not this window
    qtbot.waitUntil(lambda: len(announced) == 1, timeout=3_000)  # within the half-second poll
    assert announced[0].label == "C001" and announced[0].counter_number == 3
    qtbot.waitUntil(lambda: board.board.tiles[3].number.text() == "C001", timeout=3_000)
    assert board.board.banner.text() == "Mời số C001 đến quầy 3" and board.board.banner.isVisibleTo(board)
    tile = board.board.tiles[3]
    assert tile.grab().toImage().pixelColor(8, tile.height() // 2) == YELLOW  # it stands out
    assert board.board.recent_text()[0] == "C001  →  QUẦY 3"


def test_an_empty_day_invites_people_to_the_kiosk(qtbot, context):
    board = _board(qtbot, context)
    assert board.empty.isVisibleTo(board) and board.empty.text().startswith("Chưa có số nào được gọi.")
    # Nobody has been called yet, but people are already waiting: the areas are on the board.
    assert set(board.board.area_cards) == {"A", "B", "C", "D"}


def test_the_board_fills_a_full_hd_tv_and_works_in_a_window(qtbot, context):
    _a_busy_morning(context)
    board = DisplayWindow(display_parts(context, None))
    qtbot.addWidget(board)
    # What the launcher does with display.full_screen: the whole screen, whatever its size ...
    context.settings.display.full_screen = True
    show_window(board, context.paths, "display", context.settings.display.full_screen)
    qtbot.waitUntil(lambda: board.isFullScreen() and bool(board.board.tiles), timeout=10_000)
    screen = board.screen().geometry()
    qtbot.waitUntil(lambda: board.size() == screen.size(), timeout=5_000)
    assert cut_off(board) == []
    # ... or an ordinary window that fits the screen it opens on.
    board.close()
    board = DisplayWindow(display_parts(context, None))
    qtbot.addWidget(board)
    context.settings.display.full_screen = False
    show_window(board, context.paths, "display", context.settings.display.full_screen)
    qtbot.waitUntil(lambda: board.isVisible() and not board.isFullScreen(), timeout=5_000)
    assert board.width() <= screen.width() and board.height() <= screen.height()

    for width, height in ((1920, 1080), (1366, 768), (1280, 720), (1024, 768), (800, 600), (640, 360)):
        board.resize(width, height)
        _shown(qtbot, board)
        qtbot.waitUntil(lambda: board.size().width() == width, timeout=5_000)  # noqa: B023
        central = board.centralWidget()
        assert central is not None and central.geometry() == board.rect()  # filled, edge to edge
        assert cut_off(board) == [], (width, height)
        assert board.notice.geometry().bottom() == board.height() - 1  # the notice at the very bottom

    board.resize(1920, 1080)
    _shown(qtbot, board)
    assert len(board.board.tiles) == 6 and len(board.board.area_cards) == 5
    # Read from the back of a waiting room: the numbers are the largest thing on the screen.
    assert min(_pixel_size(t.number) for t in board.board.tiles.values()) >= 100
    assert min(_pixel_size(line) for line in board.board.recent_lines) >= 32
    assert min(_pixel_size(card.count) for card in board.board.area_cards.values()) >= 28
    assert _pixel_size(board.board.title) >= 60
    assert cut_off(board) == []
    # On the TV every text is whole: none had to give way to "…" (only a tiny window does that).
    assert [label.text() for label in board.findChildren(QLabel) if "…" in label.text()] == []


def test_a_recalled_number_is_listed_once_with_its_latest_call(qtbot, context):
    clerk = context.staff.find("canbo")
    for code in ("A", "A"):
        context.queue.issue(code)
    first = context.queue.call_next(clerk, 1)
    context.queue.call_next(clerk, 2)
    board = _board(qtbot, context)
    assert board.board.recent_text() == ["A002  →  QUẦY 2", "A001  →  QUẦY 1"]
    for _ in range(2):
        context.queue.recall(clerk, 1, first.id)  # "call again", twice
    qtbot.waitUntil(lambda: board.board.recent_text()[0].startswith("A001"), timeout=5_000)
    assert board.board.recent_text() == ["A001  →  QUẦY 1", "A002  →  QUẦY 2"]


def test_a_transferred_ticket_shows_where_it_waits_now(qtbot, context):
    clerk = context.staff.find("canbo")
    context.queue.issue("A")
    ticket = context.queue.call_next(clerk, 1)
    board = _board(qtbot, context)
    texts = board.board.texts

    context.queue.transfer(clerk, ticket.id, service_code="B")  # to land matters
    _shown(qtbot, board)
    assert board.board.recent_text() == ["A001  →  " + texts.waiting_in_area.replace("%1", "B")]
    assert board.board.tiles[1].number.text() == "—"  # counter 1 no longer serves it
    assert board.board.area_cards["B"].count.text() == texts.area_waiting.replace("%1", "1")

    context.queue.transfer(clerk, ticket.id, counter_number=2)
    _shown(qtbot, board)
    assert board.board.recent_text() == ["A001  →  " + texts.waiting_at_counter.replace("%1", "2")]

    context.queue.call_next(clerk, 2)  # counter 2 calls it: an ordinary call again
    qtbot.waitUntil(lambda: board.board.tiles[2].number.text() == "A001", timeout=5_000)
    assert board.board.recent_text() == ["A001  →  QUẦY 2"]
    assert board.board.banner.text() == "Mời số A001 đến quầy 2"


def test_each_area_shows_how_many_wait_and_follows_the_kiosk(qtbot, context):
    for code in ("A", "A", "B", "D"):
        context.queue.issue(code)
    board = _board(qtbot, context)
    texts = board.board.texts
    cards = board.board.area_cards
    assert list(cards) == ["A", "B", "C", "D"]  # the kiosk's order
    assert cards["A"].name.plain_text() == texts.area.replace("%1", "A").replace("%2", "Hộ tịch, chứng thực")
    counts = {code: card.count.text() for code, card in cards.items()}
    assert counts == {c: texts.area_waiting.replace("%1", n) for c, n in zip("ABCD", "2101", strict=True)}
    assert board.board.area_text()["A"] == f"{cards['A'].name.plain_text()}: {cards['A'].count.text()}"

    context.queue.issue("C")  # the kiosk on another PC: no call, so the next full read shows it
    context.queue.call_next(context.staff.find("canbo"), 1)  # and counter 1 takes an A
    want = {c: texts.area_waiting.replace("%1", n) for c, n in zip("ABCD", "1111", strict=True)}
    qtbot.waitUntil(lambda: {c: k.count.text() for c, k in cards.items()} == want, timeout=5_000)


def test_no_dialog_ever_opens_on_the_board(qtbot, context, caplog, modals, monkeypatch):
    clerk = context.staff.find("canbo")
    context.queue.issue("A")
    context.queue.call_next(clerk, 1)
    board = _board(qtbot, context)

    def broken_drawing(_state: BoardState) -> None:
        raise KeyError("a bug in drawing the board")

    reads: list[int] = []

    def broken_reading(*_args, **_kwargs):
        reads.append(1)
        raise ValueError("a bug in reading the queue")

    with caplog.at_level(logging.WARNING):
        with monkeypatch.context() as patch:
            patch.setattr(board.board, "show_state", broken_drawing)
            board.refresh()
            qtbot.waitUntil(lambda: "a bug in drawing" in caplog.text, timeout=5_000)
        monkeypatch.setattr(context.queue, "board", broken_reading)
        qtbot.waitUntil(lambda: "a bug in reading" in caplog.text, timeout=5_000)
    # Logged with the traceback for whoever supports the office; nobody asked to click anything
    # (the ``modals`` fixture fails the test on any dialog that opens).
    bugs = [r for r in caplog.records if r.levelno == logging.ERROR and r.exc_info is not None]
    assert {str(r.exc_info[1]) for r in bugs if r.exc_info} >= {
        "'a bug in drawing the board'",
        "a bug in reading the queue",
    }
    assert QApplication.activeModalWidget() is None and modals.seen == []
    assert board.board.tiles[1].number.text() == "A001"  # the last picture stays
    # Twice a second all day would bury the log: the same failure is written once a minute.
    qtbot.waitUntil(lambda: len(reads) >= 3, timeout=15_000)
    assert sum("a bug in reading" in r.getMessage() for r in caplog.records) == 1


def test_an_unreachable_database_leaves_the_board_showing_and_it_recovers(
    qtbot, context, caplog, monkeypatch
):
    clerk = context.staff.find("canbo")
    context.queue.issue("A")
    context.queue.call_next(clerk, 1)
    board = _board(qtbot, context)

    def unreachable(*_args, **_kwargs):
        raise OSError("the server PC is off")

    monkeypatch.setattr(context.queue, "calls_since", unreachable)
    monkeypatch.setattr(context.queue, "board", unreachable)
    qtbot.waitUntil(lambda: "could not read the queue" in caplog.text, timeout=5_000)
    assert board.board.tiles[1].number.text() == "A001"  # the last picture stays; no dialog opened
    monkeypatch.undo()
    context.queue.issue("A")
    context.queue.call_next(clerk, 2)
    qtbot.waitUntil(lambda: board.board.tiles[2].number.text() == "A002", timeout=5_000)


def test_each_new_call_is_read_aloud_once_in_order(qtbot, context):
    spoken: list[str] = []
    announcer = Announcer(
        resources_dir() / "sounds" / "vi", context.settings.voice.wording, voice=spoken.append
    )
    clerk = context.staff.find("canbo")
    context.queue.issue("A")
    context.queue.call_next(clerk, 1)  # before the board started: not read again
    board = _board(qtbot, context, announcer=announcer)
    context.queue.issue("C")
    context.queue.call_next(clerk, 3)
    context.queue.recall(clerk, 3, context.queue.current(3).id)  # the clerk presses "call again"
    qtbot.waitUntil(lambda: len(spoken) == 2, timeout=5_000)
    assert spoken == ["Mời công dân có số thứ tự xê không không một đến quầy số ba"] * 2
    qtbot.waitUntil(lambda: board.board.recent_text()[0] == "C001  →  QUẦY 3", timeout=5_000)
    assert len(board.board.recent_text()) == 2  # read twice, listed once


# --- the scrolling notice ------------------------------------------------------------------------


def _ticker(qtbot, text: str, width: int = 800, height: int = 60) -> Marquee:
    notice = Marquee(text)
    qtbot.addWidget(notice)
    notice._timer.stop()  # the test moves it, pixel by pixel where it matters
    notice.resize(width, height)
    notice.show()
    qtbot.waitExposed(notice)
    return notice


def _yellow_columns(notice: Marquee) -> list[int]:
    """The x of every pixel column where some letter is drawn."""
    image = notice.grab().toImage()
    return [
        x
        for x in range(image.width())
        if any(image.pixelColor(x, y).red() > 128 for y in range(0, image.height(), 2))
    ]


def test_a_long_notice_scrolls_through_whole_and_comes_back_without_overlap(qtbot):
    sentence = "Từ ngày 01/12/2026, Ủy ban nhân dân xã tiếp nhận hồ sơ khai sinh, kết hôn trực tuyến. "
    text = sentence * 80  # longer than 100 000 pixels: the old notice stopped drawing there
    notice = _ticker(qtbot, "Thông báo:\n" + text)
    assert "\n" not in notice.text()  # one line: a second one would sit on the first
    metrics = QFontMetrics(notice.font())
    assert notice.text_width() > 100_000
    assert metrics.height() <= notice.height()
    assert (
        -metrics.tightBoundingRect("Ầ").top() <= metrics.ascent() + (notice.height() - metrics.height()) / 2
    )
    assert notice.position() == START_X  # its first words are readable at once

    start, width = notice.position(), notice.text_width()
    notice.advance(start + width * 0.97 - notice.width())  # near the end of a very long line
    columns = _yellow_columns(notice)
    assert columns and columns[0] < 40 and columns[-1] > notice.width() - 40  # letters across the band

    notice.advance(notice.position() + width - 5)  # the last letter's last pixels are leaving
    assert notice.position() + width > 0 and _yellow_columns(notice)
    notice.advance(10)  # gone: the next pass starts at the right edge, after the last one left
    assert notice.position() == notice.width() and _yellow_columns(notice) == []
    notice.advance(notice.width() // 2)
    columns = _yellow_columns(notice)
    assert columns and columns[0] >= notice.width() // 2 - 2  # one copy, entering from the right


def test_a_short_notice_moves_on_its_own(qtbot):
    notice = Marquee("Giờ làm việc: 07:30–11:30")
    qtbot.addWidget(notice)
    notice.resize(600, 50)
    notice.show()
    start = notice.position()
    qtbot.waitUntil(lambda: notice.position() < start - 20, timeout=5_000)
    notice.set_text("Thông báo mới")
    assert notice.text() == "Thông báo mới" and notice.position() == START_X


def test_a_slow_database_does_not_pile_up_reads(qtbot, context, monkeypatch):
    """Reads slower than the half-second poll: the board waits for each instead of queueing more."""
    import threading
    import time

    real_board = context.queue.board
    running, most = [0], [0]
    lock = threading.Lock()

    def slow_board(*args, **kwargs):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(1.2)
        with lock:
            running[0] -= 1
        return real_board(*args, **kwargs)

    monkeypatch.setattr(context.queue, "board", slow_board)
    board = _board(qtbot, context)
    qtbot.wait(4_000)
    assert most[0] == 1
    board.close()
