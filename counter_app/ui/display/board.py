"""The board itself: a tile per counter, the latest calls, who waits in each area, a banner for a new call.

Every part is a fixed share of the screen and every text fits its share (see fit.py): the same
picture fills a 1920×1080 TV and a small window, and nothing is ever cut off.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.queue import AreaWaiting, BoardState, CallView, RecentTicket
from counter_app.ui.display.fit import FitLabel
from counter_app.ui.theme import BOARD_GREY, BOARD_MOVED, BOARD_NAVY, BOARD_TEXT, BOARD_TILE, BOARD_YELLOW

RECENT_SHOWN = 8
HIGHLIGHT_MS = 8_000  # a new call stands out long enough to be noticed from the back of the room
# Shares of the board's height and width: the tiles get the most, the banner enough for one line
# read from the back of the room, the areas one or two rows of cards.
HEADING, BODY, AREA_ROW = 12, 56, 13
TILES, SIDE = 68, 32
AREAS_PER_ROW = 4


@dataclass(frozen=True)
class BoardTexts:
    """The board's words, translated by the window (their context in the translations)."""

    heading: str  # NOW SERVING
    counter: str  # "Counter %1": a tile's title and where a call sends the citizen
    latest_calls: str
    empty: str
    waiting_at_counter: str  # "Counter %1 (waiting)": transferred to one counter
    waiting_in_area: str  # "Area %1 (waiting)": transferred to a service area
    area: str  # "Area %1 – %2"
    area_waiting: str  # "%1 waiting"


def _fill_share(widget: QWidget) -> None:
    """Take the space the layout's stretch gives, whatever the contents would like."""
    widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)


def _card_style(name: str, background: str, colour: str) -> str:
    # By object name: a bare "background" would also paint every label inside the card.
    return (
        f"QWidget#{name} {{ background: {background}; border-radius: 16px; }}"
        f" QLabel {{ color: {colour}; background: transparent; }}"
    )


class CounterTile(QWidget):
    """A counter's title and the number it serves; yellow while its call is the newest."""

    def __init__(
        self,
        counter: int,
        title: str,
        titles: list[FitLabel],
        numbers: list[FitLabel],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("counterTile")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        _fill_share(self)
        self.counter = counter
        self.highlighted: bool | None = None
        self.title = FitLabel(title, fill=0.8, group=titles)
        self.number = FitLabel("—", bold=True, fill=0.92, group=numbers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(0)
        layout.addWidget(self.title, 3)
        layout.addWidget(self.number, 7)
        self.show_number(None, new=False)

    def show_number(self, label: str | None, new: bool) -> None:
        self.number.setText(label or "—")
        if new != self.highlighted:  # a new style sheet re-polishes the tile: only when it changes
            self.highlighted = new
            self.setStyleSheet(
                _card_style(
                    "counterTile", BOARD_YELLOW if new else BOARD_TILE, BOARD_NAVY if new else BOARD_TEXT
                )
            )
            self.title.setStyleSheet(f"color: {BOARD_NAVY if new else BOARD_GREY};")


class AreaCard(QWidget):
    """One service area: its name, and how many people wait for it now."""

    def __init__(self, counts: list[FitLabel], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("areaCard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_card_style("areaCard", BOARD_TILE, BOARD_TEXT))
        _fill_share(self)
        # Each name as large as its card allows: one long name must not shrink every other.
        self.name = FitLabel(fill=0.92, max_lines=2)
        self.name.setStyleSheet(f"color: {BOARD_GREY};")
        self.count = FitLabel(bold=True, fill=0.9, group=counts)
        self.count.setStyleSheet(f"color: {BOARD_YELLOW};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 2, 10, 2)
        layout.setSpacing(0)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.count, 1)


class Board(QWidget):
    """The banner on top; tiles on the left and the latest calls on the right; the areas below."""

    def __init__(self, texts: BoardTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _fill_share(self)
        self.texts = texts
        self.tiles: dict[int, CounterTile] = {}
        self.area_cards: dict[str, AreaCard] = {}
        self.new_counter: int | None = None
        self._tile_titles: list[FitLabel] = []
        self._tile_numbers: list[FitLabel] = []
        self._area_counts: list[FitLabel] = []

        # The banner takes the heading's place, so the tiles do not jump when a call comes.
        self.heading = QStackedWidget()
        _fill_share(self.heading)
        self.title = FitLabel(texts.heading, bold=True, fill=0.75)
        self.title.setStyleSheet(f"color: {BOARD_YELLOW};")
        self.banner = FitLabel(bold=True, fill=0.8)
        self.banner.setStyleSheet(f"color: {BOARD_NAVY}; background: {BOARD_YELLOW}; border-radius: 12px;")
        self.heading.addWidget(self.title)
        self.heading.addWidget(self.banner)

        self.grid = QGridLayout()
        self.grid.setSpacing(20)
        tiles = QWidget()
        _fill_share(tiles)
        tiles.setLayout(self.grid)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.recent_title = FitLabel(
            texts.latest_calls, bold=True, fill=0.8, align=Qt.AlignmentFlag.AlignLeft
        )
        self.recent_title.setStyleSheet(f"color: {BOARD_YELLOW};")
        lines: list[FitLabel] = []
        self.recent_lines = [
            FitLabel(fill=0.85, align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, group=lines)
            for _ in range(RECENT_SHOWN)
        ]
        side = QWidget()
        _fill_share(side)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(self.recent_title, 12)
        for line in self.recent_lines:
            side_layout.addWidget(line, 10)
        self.calls = QWidget()
        calls_layout = QHBoxLayout(self.calls)
        calls_layout.setContentsMargins(0, 0, 0, 0)
        calls_layout.setSpacing(30)
        calls_layout.addWidget(tiles, TILES)
        calls_layout.addWidget(side, SIDE)
        self.empty = FitLabel(texts.empty, fill=0.8)
        self.empty.setStyleSheet(f"color: {BOARD_GREY};")
        self.body = QStackedWidget()
        _fill_share(self.body)
        self.body.addWidget(self.calls)
        self.body.addWidget(self.empty)

        self.areas_grid = QGridLayout()
        self.areas_grid.setContentsMargins(0, 0, 0, 0)
        self.areas_grid.setSpacing(16)
        self.areas_box = QWidget()
        _fill_share(self.areas_box)
        self.areas_box.setLayout(self.areas_grid)

        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(30, 6, 30, 12)
        self.layout_.setSpacing(14)
        self.layout_.addWidget(self.heading, HEADING)
        self.layout_.addWidget(self.body, BODY)
        self.layout_.addWidget(self.areas_box, AREA_ROW)
        self._calm = QTimer(self)
        self._calm.setSingleShot(True)
        self._calm.setInterval(HIGHLIGHT_MS)
        self._calm.timeout.connect(self._end_highlight)
        self._state: BoardState | None = None
        self.closed_text: str | None = None  # the office is closed for the day: said instead of the calls

    # --- what is shown -------------------------------------------------------------------------

    def show_state(self, state: BoardState) -> None:
        self._state = state
        nothing = not state.serving and not state.recent
        self.body.setCurrentWidget(self.empty if nothing or self.closed_text else self.calls)
        if sorted(self.tiles) != state.counters:
            self._build_tiles(state.counters)
        for number, tile in self.tiles.items():
            tile.show_number(state.serving.get(number), new=number == self.new_counter)
        shown = state.recent[:RECENT_SHOWN]
        for i, label in enumerate(self.recent_lines):
            line = shown[i] if i < len(shown) else None
            label.setText(self.recent_line(line) if line is not None else "")
            colour = BOARD_MOVED if line is not None and line.transferred else BOARD_TEXT
            if i == 0 and self.new_counter is not None and line is not None and not line.transferred:
                colour = BOARD_YELLOW  # the call just made, as on its tile
            if label.property("colour") != colour:
                label.setProperty("colour", colour)
                label.setStyleSheet(f"color: {colour};")
        self._show_areas(state.areas)

    def show_closed(self, heading: str | None, text: str = "") -> None:
        """The office is closed for the day (``heading``, and ``text`` when it opens): said in place
        of “now serving” and the calls; None when it is open (or opens again later today)."""
        self.closed_text = text if heading else None
        self.title.setText(heading or self.texts.heading)
        self.empty.setText(text if heading else self.texts.empty)
        if self._state is not None:
            self.show_state(self._state)
        elif heading:
            self.body.setCurrentWidget(self.empty)

    def recent_text(self) -> list[str]:
        return [label.text() for label in self.recent_lines if label.text()]

    def area_text(self) -> dict[str, str]:
        """Each area's card as one line, "Area A – name: 5 waiting", keyed by the area's code."""
        return {
            code: f"{card.name.plain_text()}: {card.count.plain_text()}"
            for code, card in self.area_cards.items()
        }

    def recent_line(self, line: RecentTicket) -> str:
        """What a citizen reads for their ticket in the latest calls: one line per ticket.

        Called, or called again: "A005 → QUẦY 2", the counter of its latest call; "call again"
        moves the line up, it does not add one. Transferred since that call, the ticket waits
        again, and the counter that called it would send the citizen to the wrong place: the
        line shows where it waits now, marked as waiting so that nobody walks up to a counter
        that has not called them yet.

        - To one counter: "A005 → QUẦY 2 (chờ gọi)": that counter will call it.
        - To a service area: "A005 → KHU VỰC B (chờ gọi)": a counter of that area will call it;
          the area's card counts it among those waiting.

        When it is called there, that is an ordinary call: banner, voice, tile, and this line
        shows the new counter.
        """
        if line.waiting_for_counter is not None:
            where = self.texts.waiting_at_counter.replace("%1", str(line.waiting_for_counter))
        elif line.waiting_for_area is not None:
            where = self.texts.waiting_in_area.replace("%1", line.waiting_for_area)
        else:
            where = self.texts.counter.replace("%1", str(line.counter_number))
        return f"{line.label}  →  {where}"

    def highlight(self, call: CallView, text: str) -> None:
        self.new_counter = call.counter_number
        self.banner.setText(text)
        self.heading.setCurrentWidget(self.banner)
        if self._state is not None:
            self.show_state(self._state)
        self._calm.start()

    def _end_highlight(self) -> None:
        self.new_counter = None
        self.heading.setCurrentWidget(self.title)
        if self._state is not None:
            self.show_state(self._state)

    # --- building ------------------------------------------------------------------------------

    def _build_tiles(self, counters: list[int]) -> None:
        for tile in self.tiles.values():
            self.grid.removeWidget(tile)
            for group, label in ((self._tile_titles, tile.title), (self._tile_numbers, tile.number)):
                group.remove(label)
            tile.deleteLater()
        self.tiles.clear()
        columns = 2 if len(counters) <= 4 else 3 if len(counters) <= 9 else 4
        rows = math.ceil(len(counters) / columns)
        for i, number in enumerate(counters):
            tile = CounterTile(
                number, self.texts.counter.replace("%1", str(number)), self._tile_titles, self._tile_numbers
            )
            self.tiles[number] = tile
            self.grid.addWidget(tile, i // columns, i % columns)
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 1 if row < rows else 0)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def _show_areas(self, areas: list[AreaWaiting]) -> None:
        if [a.code for a in areas] != list(self.area_cards):
            self._build_areas([a.code for a in areas])
        for area in areas:
            card = self.area_cards[area.code]
            card.name.setText(self.texts.area.replace("%1", area.code).replace("%2", area.name))
            card.count.setText(self.texts.area_waiting.replace("%1", str(area.waiting)))

    def _build_areas(self, codes: list[str]) -> None:
        for card in self.area_cards.values():
            self.areas_grid.removeWidget(card)
            self._area_counts.remove(card.count)
            card.deleteLater()
        self.area_cards.clear()
        rows = max(1, math.ceil(len(codes) / AREAS_PER_ROW))
        columns = math.ceil(len(codes) / rows) if codes else 1
        for i, code in enumerate(codes):
            card = AreaCard(self._area_counts)
            self.area_cards[code] = card
            self.areas_grid.addWidget(card, i // columns, i % columns)
        for column in range(self.areas_grid.columnCount()):
            self.areas_grid.setColumnStretch(column, 1 if column < columns else 0)
        self.areas_box.setVisible(bool(codes))
        self.layout_.setStretchFactor(self.areas_box, AREA_ROW * rows)
