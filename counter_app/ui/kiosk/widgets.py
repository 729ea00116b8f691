"""Touch widgets for the kiosk: buttons a finger can hit and text readable from a step away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QPushButton, QScrollArea, QScroller, QWidget

NAVY = "#0b3d91"
PRIORITY = "#b3261e"  # a different colour, so the priority button is never mistaken for a service
STYLE = f"""
QPushButton {{ background: {NAVY}; color: white; border-radius: 14px; padding: 18px; text-align: left; }}
QPushButton:pressed {{ background: #072a66; }}
QPushButton#back, QPushButton#secondary {{ background: #5f6b7a; text-align: center; }}
QPushButton#priority {{ background: {PRIORITY}; text-align: center; }}
QPushButton#priority:pressed {{ background: #7f1a15; }}
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
