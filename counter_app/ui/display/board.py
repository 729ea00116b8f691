"""The board itself: a tile per counter with the number it serves, the latest calls, a new call banner."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from counter_app.services.queue import BoardState, CallView

RECENT_SHOWN = 8
HIGHLIGHT_MS = 8_000  # a new call stands out long enough to be noticed from the back of the room
TILE = "background: #12306b; border-radius: 16px;"
TILE_NEW = "background: #ffd54f; border-radius: 16px;"
# Padding above capitals: Vietnamese stacks two marks on letters such as Ầ, and a label flush with
# the tile's edge cuts the upper one off ("QUẦY" would read "QUÂY").
TITLE = "font-size: 30pt; color: {colour}; background: transparent; padding-top: 14px;"


class CounterTile(QWidget):
    def __init__(self, counter: int, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(TILE)
        self.title = QLabel(title)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet(TITLE.format(colour="#cfd8dc"))
        self.number = QLabel("—")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setStyleSheet(
            "font-size: 96pt; font-weight: bold; color: white; background: transparent;"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.number, 1)
        self.counter = counter

    def show_number(self, label: str | None, new: bool) -> None:
        self.number.setText(label or "—")
        self.setStyleSheet(TILE_NEW if new else TILE)
        colour = "#0a1f44" if new else "white"
        self.title.setStyleSheet(TITLE.format(colour="#0a1f44" if new else "#cfd8dc"))
        self.number.setStyleSheet(
            f"font-size: 96pt; font-weight: bold; color: {colour}; background: transparent;"
        )


class Board(QWidget):
    """Tiles on the left, the latest calls on the right, a banner for the newest call on top."""

    def __init__(self, counter_title: str, calls_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter_title = counter_title
        self.tiles: dict[int, CounterTile] = {}
        self.new_counter: int | None = None
        self.banner = QLabel()
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet(
            "font-size: 44pt; font-weight: bold; color: #0a1f44; background: #ffd54f; padding: 14px;"
        )
        self.banner.setVisible(False)
        self.grid = QGridLayout()
        self.grid.setSpacing(24)
        self.recent_title = QLabel(calls_title)
        self.recent_title.setStyleSheet("font-size: 28pt; font-weight: bold; color: #ffd54f;")
        # One label a line, each padded like the tiles: in one multi-line label X11 clipped the upper
        # of Ầ's two marks.
        self.recent_lines: list[QLabel] = []
        side = QVBoxLayout()
        side.addWidget(self.recent_title)
        for _ in range(RECENT_SHOWN):
            line = QLabel()
            line.setStyleSheet("font-size: 30pt; color: white; padding-top: 8px;")
            self.recent_lines.append(line)
            side.addWidget(line)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(self.grid, 3)
        body.addSpacing(30)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 10, 40, 20)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        self._calm = QTimer(self)
        self._calm.setSingleShot(True)
        self._calm.setInterval(HIGHLIGHT_MS)
        self._calm.timeout.connect(self._end_highlight)
        self._state: BoardState | None = None

    def show_state(self, state: BoardState) -> None:
        self._state = state
        if sorted(self.tiles) != state.counters:
            self._build_tiles(state.counters)
        for number, tile in self.tiles.items():
            tile.show_number(state.serving.get(number), new=number == self.new_counter)
        lines = [self._call_line(call) for call in state.recent[:RECENT_SHOWN]]
        for label, text in zip(self.recent_lines, lines + [""] * RECENT_SHOWN, strict=False):
            label.setText(text)

    def recent_text(self) -> list[str]:
        return [label.text() for label in self.recent_lines if label.text()]

    def highlight(self, call: CallView, text: str) -> None:
        self.new_counter = call.counter_number
        self.banner.setText(text)
        self.banner.setVisible(True)
        if self._state is not None:
            self.show_state(self._state)
        self._calm.start()

    def _end_highlight(self) -> None:
        self.new_counter = None
        self.banner.setVisible(False)
        if self._state is not None:
            self.show_state(self._state)

    def _build_tiles(self, counters: list[int]) -> None:
        for tile in self.tiles.values():
            tile.deleteLater()
        self.tiles.clear()
        columns = 2 if len(counters) <= 4 else 3
        for i, number in enumerate(counters):
            tile = CounterTile(number, self.counter_title.replace("%1", str(number)))
            self.tiles[number] = tile
            self.grid.addWidget(tile, i // columns, i % columns)

    def _call_line(self, call: CallView) -> str:
        return f"{call.label}  →  {self.counter_title.replace('%1', str(call.counter_number))}"
