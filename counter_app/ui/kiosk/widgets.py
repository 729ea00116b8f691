"""Touch widgets for the kiosk: buttons a finger can hit and text readable from a step away."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

from counter_app.ui.theme import (
    KIOSK_NAVY_PRESSED,
    KIOSK_RED,
    KIOSK_RED_PRESSED,
    KIOSK_SECONDARY,
    NAVY,
    NAVY_DISABLED,
    ON_NAVY_DISABLED,
)

# The priority button in red, so it is never mistaken for a service.
STYLE = f"""
QPushButton {{ background: {NAVY}; color: white; border-radius: 14px; padding: 18px; text-align: left; }}
QPushButton:pressed {{ background: {KIOSK_NAVY_PRESSED}; }}
QPushButton#back, QPushButton#secondary, QPushButton#codeErase {{
    background: {KIOSK_SECONDARY}; text-align: center; }}
QPushButton#priority, QPushButton#codeSearch {{ background: {KIOSK_RED}; text-align: center; }}
QPushButton#priority:pressed, QPushButton#codeSearch:pressed {{ background: {KIOSK_RED_PRESSED}; }}
QPushButton#takeNumber {{ text-align: center; }}
QPushButton:disabled, QPushButton#priority:disabled {{
    background: {NAVY_DISABLED}; color: {ON_NAVY_DISABLED}; }}
"""


def _make_big(button: QPushButton, point_size: int, height: int, name: str) -> QFont:
    """A finger's button: large bold words, tall, never taking the keyboard focus; its font."""
    font = QFont(button.font())
    font.setPointSize(point_size)
    font.setBold(True)
    button.setFont(font)
    button.setMinimumHeight(height)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if name:
        button.setObjectName(name)
    return font


def big_button(text: str, point_size: int = 26, height: int = 130, name: str = "") -> QPushButton:
    button = QPushButton(text)
    _make_big(button, point_size, height, name)
    return button


class WrapButton(QPushButton):
    """A big button whose words wrap onto as many lines as they need.

    A QPushButton draws its text on one line: a long procedure name ran off the screen's edge
    and the list scrolled sideways. Here a word-wrapped label draws the words, the button only
    its background; ``text()`` keeps the whole text (for tests and accessibility).
    """

    MARGIN_X, MARGIN_Y = 24, 16

    def __init__(self, text: str, point_size: int = 26, height: int = 130, name: str = "") -> None:
        super().__init__(text)
        font = _make_big(self, point_size, height, name)
        self.words = QLabel(text, self)
        self.words.setObjectName("wrapText")
        self.words.setFont(font)
        self.words.setWordWrap(True)
        self.words.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.words.setStyleSheet("color: white; background: transparent;")
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the button takes the touch
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        words = self.words.heightForWidth(max(1, width - 2 * self.MARGIN_X))
        return max(self.minimumHeight(), words + 2 * self.MARGIN_Y)

    def sizeHint(self) -> QSize:
        width = 600  # any: the list gives the button its width, the height follows
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        # The longest word, not the whole line: never wider than the screen.
        widest = max((self.words.fontMetrics().horizontalAdvance(w) for w in self.text().split()), default=0)
        return QSize(widest + 2 * self.MARGIN_X, self.minimumHeight())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.words.setGeometry(
            self.rect().adjusted(self.MARGIN_X, self.MARGIN_Y, -self.MARGIN_X, -self.MARGIN_Y)
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""  # the label draws the words, wrapped
        QStylePainter(self).drawControl(QStyle.ControlElement.CE_PushButton, option)


def scroll(content: QWidget) -> QScrollArea:
    """A finger-draggable area: elderly citizens drag rather than look for a scroll bar."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # texts wrap instead
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    return area
