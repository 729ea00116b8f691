"""Small widgets shared by the windows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOption,
    QWidget,
)

from counter_app.domain.calendar import VN_TZ

_offset = VN_TZ.utcoffset(None)
assert _offset is not None
VN_OFFSET_SECONDS = int(_offset.total_seconds())


class Clock(QLabel):
    """The time and date, updated every second."""

    def __init__(self, parent: QWidget | None = None, *, with_date: bool = True) -> None:
        super().__init__(parent)
        self.with_date = with_date
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(1000)
        self.refresh()

    def refresh(self) -> None:
        # Vietnam time whatever the PC's zone (no DST in Vietnam).
        now = QDateTime.currentDateTimeUtc().toOffsetFromUtc(VN_OFFSET_SECONDS)
        fmt = "HH:mm  dddd, dd/MM/yyyy" if self.with_date else "HH:mm"
        self.setText(QLocale().toString(now, fmt))


class ElidedLabel(QLabel):
    """One line that shrinks with "…" when space is short; the whole text stays in the tooltip.

    A status bar of plain labels is as wide as all its texts together: a long printer name
    or the English wording would push the window past a 1366-pixel screen.
    """

    MIN_CHARS = 6

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        width = self.fontMetrics().averageCharWidth() * self.MIN_CHARS + margins.left() + margins.right()
        return QSize(min(hint.width(), width), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)


class ClickableStatus(ElidedLabel):
    """A status bar entry that opens its details when clicked (the sync log)."""

    clicked = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def setText(self, text: str) -> None:
        QLabel.setText(self, text)  # the tooltip says more than the text: set apart

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget in ``layout`` (a list that is filled again)."""
    while layout.count():
        entry = layout.takeAt(0)
        widget = entry.widget() if entry is not None else None
        if widget is not None:
            widget.deleteLater()


class FoldingLabel(QLabel):
    """A label that takes no room while it says nothing (a crowded panel's message lines)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setVisible(bool(text))

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        super().clear()
        self.setVisible(False)


def error_label(*, fold: bool = False) -> QLabel:
    """Where a dialog says, in red and in full, why it did not accept what was typed.

    ``fold``: the line takes no room while there is nothing to say.
    """
    label = FoldingLabel() if fold else QLabel()
    label.setObjectName("error")  # coloured by the theme
    label.setWordWrap(True)
    return label


def ok_cancel(dialog: QDialog, ok_text: str, on_ok: Callable[[], object]) -> tuple[QHBoxLayout, QPushButton]:
    """The Cancel / OK row at a dialog's foot; Cancel rejects, OK is the default for Enter.

    ``on_ok`` is required: two dialogs once shipped with an OK wired to nothing.
    """
    ok = QPushButton(ok_text)
    ok.setDefault(True)
    ok.clicked.connect(lambda: on_ok())
    cancel = QPushButton(QCoreApplication.translate("Dialogs", "Cancel"))
    cancel.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(cancel)
    row.addWidget(ok)
    return row, ok
