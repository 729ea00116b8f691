"""Fonts and colours. The bundled DejaVu Sans covers every Vietnamese letter on any PC."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from counter_app.paths import resources_dir

log = logging.getLogger(__name__)
FAMILY = "DejaVu Sans"

# Every colour of the windows, here: chosen for contrast on cheap screens and for elderly eyes.
# A colour used in one place only is named after that place.
NAVY = "#0b3d91"  # the office's colour: headers, the kiosk's buttons, the "call next" button
NAVY_DISABLED = "#b8c4d9"  # a navy button that cannot be pressed now
ON_NAVY_DISABLED = "#eef1f6"  # its text
RED = "#c62828"
GREEN = "#2e7d32"
AMBER = "#b26a00"
PAPER = "#f5f7fb"
WHITE = "white"
MUTED_TEXT = "#555555"  # what a text says beside the point (the procedure sheet's notes)
INACTIVE_TEXT = "#808080"  # a locked account, an area no longer in use
PAGE_BORDER = "#999999"  # around a form's page on screen

# The clerk's counter.
RECEIVE_GREEN = "#0b6e2e"  # "Receive": the one button that saves the dossier
RECEIVE_GREEN_DISABLED = "#b9d3c1"
ON_RECEIVE_GREEN_DISABLED = "#f0f5f1"
LATE_BACKGROUND = "#fde2e1"  # a late dossier's row in the list
SCAN_SAVED_BACKGROUND = "#e8f5e9"  # the scanning view's "saved" note
SCAN_SAVED_TEXT = "#1b5e20"  # a paper saved as PDF/A
SCAN_PROBLEM_TEXT = "#b00020"  # a paper that could not be scanned or saved

# The kiosk (touch screen, read from a step away).
KIOSK_NAVY_PRESSED = "#072a66"
KIOSK_SECONDARY = "#5f6b7a"  # "Back" and the secondary buttons
KIOSK_RED = "#b3261e"  # the priority button and the kiosk's messages: never mistaken for a service
KIOSK_RED_PRESSED = "#7f1a15"
KIOSK_NOTE = "#333333"  # the small print under a ticket number

# The display board (a TV across the room): its own darker navy, the call in yellow.
BOARD_NAVY = "#0a1f44"
BOARD_TILE = "#12306b"
BOARD_YELLOW = "#ffd54f"
BOARD_GREY = "#cfd8dc"
BOARD_TEXT = WHITE
BOARD_MOVED = "#80deea"  # a transferred ticket's line: not a call, so not in a call's colours
MARQUEE_BACKGROUND = "#000000"

APP_STYLE = f"""
QMainWindow, QDialog {{ background: {PAPER}; }}
QPushButton {{ padding: 6px 14px; }}
QLabel#header {{ background: {NAVY}; color: white; padding: 8px 14px; }}
QLabel[status="ok"] {{ color: {GREEN}; }}
QLabel[status="warn"] {{ color: {AMBER}; }}
QLabel[status="error"] {{ color: {RED}; font-weight: bold; }}
QLabel#error {{ color: {RED}; }}
QStatusBar QLabel {{ padding: 0 6px; }}
"""


def load_fonts() -> str:
    """Register the bundled fonts; returns the family to use."""
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            log.warning("could not load font %s", path)
    return FAMILY


def apply_theme(app: QApplication, point_size: int = 11) -> None:
    family = load_fonts()
    app.setFont(QFont(family, point_size))
    app.setStyleSheet(APP_STYLE)


def set_status(label: object, status: str) -> None:
    """Colour a status label (ok / warn / error) through the style sheet."""
    from PySide6.QtWidgets import QWidget

    assert isinstance(label, QWidget)
    label.setProperty("status", status)
    label.style().unpolish(label)
    label.style().polish(label)
