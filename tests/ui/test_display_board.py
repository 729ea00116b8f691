"""The display board follows calls made on any PC, highlights the newest, and keeps going on errors."""

from counter_app.services.queue import CallView
from counter_app.ui.display.window import DisplayWindow


def test_a_call_on_another_pc_reaches_the_board(qtbot, context):
    clerk = context.staff.find("canbo")
    context.queue.issue("A")
    context.queue.call_next(clerk, 1)  # before the board starts: shown, but not announced again
    board = DisplayWindow(context)
    qtbot.addWidget(board)
    with qtbot.waitSignal(board.board_shown, timeout=10_000):
        pass
    assert board.board.tiles[1].number.text() == "A001" and not board.empty.isVisibleTo(board)

    context.queue.issue("C")
    announced: list[CallView] = []
    board.called.connect(announced.append)
    context.queue.call_next(clerk, 3)  # "another PC": the same database, not this window
    qtbot.waitUntil(lambda: len(announced) == 1, timeout=3_000)  # within the half-second poll
    assert announced[0].label == "C001" and announced[0].counter_number == 3
    qtbot.waitUntil(lambda: board.board.tiles[3].number.text() == "C001", timeout=3_000)
    assert board.board.banner.text() == "Mời số C001 đến quầy 3"
    assert board.board.tiles[3].styleSheet().startswith("background: #ffd54f")  # stands out
    assert board.board.recent_text()[0] == "C001  →  QUẦY 3"


def test_an_empty_day_invites_people_to_the_kiosk(qtbot, context):
    board = DisplayWindow(context)
    qtbot.addWidget(board)
    with qtbot.waitSignal(board.board_shown, timeout=10_000):
        pass
    assert board.empty.isVisibleTo(board) and board.empty.text().startswith("Chưa có số nào được gọi.")


def test_an_unreachable_database_leaves_the_board_showing_and_it_recovers(
    qtbot, context, caplog, monkeypatch
):
    clerk = context.staff.find("canbo")
    context.queue.issue("A")
    context.queue.call_next(clerk, 1)
    board = DisplayWindow(context)
    qtbot.addWidget(board)
    with qtbot.waitSignal(board.board_shown, timeout=10_000):
        pass

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
    from counter_app.devices.audio import Announcer
    from counter_app.paths import resources_dir

    spoken: list[str] = []
    announcer = Announcer(
        resources_dir() / "sounds" / "vi", context.settings.voice.wording, voice=spoken.append
    )
    clerk = context.staff.find("canbo")
    context.queue.issue("A")
    context.queue.call_next(clerk, 1)  # before the board started: not read again
    board = DisplayWindow(context, announcer=announcer)
    qtbot.addWidget(board)
    with qtbot.waitSignal(board.board_shown, timeout=10_000):
        pass
    context.queue.issue("C")
    context.queue.call_next(clerk, 3)
    context.queue.recall(clerk, 3, context.queue.current(3).id)  # the clerk presses "call again"
    qtbot.waitUntil(lambda: len(spoken) == 2, timeout=5_000)
    assert spoken == ["Mời công dân có số thứ tự xê không không một đến quầy số ba"] * 2
