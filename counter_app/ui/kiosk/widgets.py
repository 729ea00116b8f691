"""Touch widgets for the kiosk: buttons a finger can hit and text readable from a step away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QPushButton, QScrollArea, QScroller, QWidget

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


def big_button(text: str, point_size: int = 26, height: int = 130, name: str = "") -> QPushButton:
    button = QPushButton(text)
    font = QFont(button.font())
    font.setPointSize(point_size)
    font.setBold(True)
    button.setFont(font)
    button.setMinimumHeight(height)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if name:
        button.setObjectName(name)
    return button


def scroll(content: QWidget) -> QScrollArea:
    """A finger-draggable area: elderly citizens drag rather than look for a scroll bar."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    return area
