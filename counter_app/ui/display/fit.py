"""Text that takes the largest font its box allows: the board is read from across a room, never cut off.

The board's parts are fixed shares of the screen (the same picture on a 1080p TV and in a small
window); each text then fits its box. Sizes are in pixels, not points: the layout is measured in
the window's logical pixels, and a PC that reports 120 dpi would otherwise grow every text by a
quarter, past its box.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MIN_PX = 6
SECOND_LINE_GAIN = 1.2


def ink_height(metrics: QFontMetrics, lines: Sequence[str]) -> int:
    """Height the lines need, centred in their box, with every mark inside it.

    Vietnamese stacks two marks on some capitals (Ầ, Ễ): in many fonts the upper one rises above
    the font's ascent. A label centres its lines by the ascent and descent alone, so what rises
    above is given the same room at the top (and, centred, at the bottom).
    """
    top = max((-metrics.tightBoundingRect(line).top() for line in lines if line), default=0)
    bottom = max((metrics.tightBoundingRect(line).bottom() for line in lines if line), default=0)
    overflow = max(top - metrics.ascent(), bottom - metrics.descent(), 0)
    return metrics.lineSpacing() * (len(lines) - 1) + metrics.height() + 2 * overflow


def _fits(font: QFont, lines: Sequence[str], width: int, height: int) -> bool:
    metrics = QFontMetrics(font)
    if ink_height(metrics, lines) > height:
        return False
    return width < 0 or max(metrics.horizontalAdvance(line) for line in lines) <= width


def fitting_pixel_size(font: QFont, text: str, width: int, height: int) -> int | None:
    """The largest pixel size at which ``text`` (lines split at "\\n") fits ``width`` × ``height``.

    ``width`` below zero means no limit (a scrolling notice). None when even ``MIN_PX`` is too big.
    """
    lines = text.split("\n")
    probe = QFont(font)

    def fits(px: int) -> bool:
        probe.setPixelSize(px)
        return _fits(probe, lines, width, height)

    low, high = MIN_PX, max(MIN_PX, height)
    if not fits(low):
        return None
    while low < high:  # the largest size that fits, in a few steps
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    return low


def two_lines(font: QFont, text: str) -> str | None:
    """``text`` broken at the space that makes its two lines most even; None for a single word."""
    words = text.split(" ")
    if len(words) < 2:
        return None
    metrics = QFontMetrics(font)
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    first, second = min(
        splits, key=lambda s: max(metrics.horizontalAdvance(s[0]), metrics.horizontalAdvance(s[1]))
    )
    return f"{first}\n{second}"


class FitLabel(QLabel):
    """A label whose font grows or shrinks to fill its box; the layout gives the box, not the text.

    Labels of one ``group`` (the lines of a list, the numbers of the tiles) share the size that
    fits them all, so a list does not look ragged. With ``max_lines`` 2 a long name may take a
    second line when that lets it be larger; a text too long for its box even at the smallest
    size ends in "…" rather than in half a letter.
    """

    def __init__(
        self,
        text: str = "",
        *,
        bold: bool = False,
        fill: float = 0.9,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
        group: list[FitLabel] | None = None,
        max_lines: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.fill = fill  # share of the box the text may take: the rest is air around it
        self.group = group
        self.max_lines = max_lines
        self._source = ""
        self._cache: tuple[tuple[str, int, int, str], int | None] | None = None
        if group is not None:
            group.append(self)
        font = QFont(self.font())
        font.setBold(bold)
        self.setFont(font)
        self.setAlignment(align)
        # The box comes from the layout's stretch factors alone; a hint from the text would let a
        # long text push the others off the screen.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(1, 1)
        self.setText(text)

    def setText(self, text: str) -> None:
        if text == self._source:
            return
        self._source = text
        super().setText(text)
        self.refit()

    def plain_text(self) -> str:
        """The text as given, whatever lines it is shown on."""
        return self._source

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit()

    def _box(self) -> tuple[int, int]:
        box = self.contentsRect()
        return int(box.width() * self.fill), int(box.height() * self.fill)

    def _layouts(self) -> list[str]:
        """The ways to show the text, fewest lines first."""
        broken = two_lines(self.font(), self._source) if self.max_lines >= 2 else None
        return [self._source] + ([broken] if broken else [])

    def own_size(self) -> int | None:
        """The pixel size this label's text needs alone; None when it shows nothing."""
        if not self._source:
            return None
        width, height = self._box()
        key = (self._source, width, height, self.font().key())
        if self._cache is None or self._cache[0] != key:
            sizes = [fitting_pixel_size(self.font(), text, width, height) or 0 for text in self._layouts()]
            best = sizes[0]
            # A second line only for a clear gain: names broken for a pixel or two look ragged.
            if len(sizes) > 1 and sizes[1] > best * SECOND_LINE_GAIN:
                best = sizes[1]
            self._cache = (key, max(best, MIN_PX))
        return self._cache[1]

    def refit(self) -> None:
        members = self.group if self.group is not None else [self]
        sizes = [size for size in (m.own_size() for m in members) if size is not None]
        if sizes:
            px = min(sizes)
            for member in members:
                member._show_at(px)

    def _show_at(self, px: int) -> None:
        font = QFont(self.font())
        font.setPixelSize(px)
        if self.font().pixelSize() != px:
            self.setFont(font)
        if not self._source:
            return
        width, height = self._box()
        shown = next((t for t in self._layouts() if _fits(font, t.split("\n"), width, height)), None)
        if shown is None:  # not even at the smallest size: the end gives way, not half a letter
            shown = QFontMetrics(font).elidedText(self._source, Qt.TextElideMode.ElideRight, width)
        if shown != self.text():
            super().setText(shown)
