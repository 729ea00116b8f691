"""Fonts and colours. The bundled DejaVu Sans covers every Vietnamese letter on any PC."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from counter_app.paths import resources_dir

log = logging.getLogger(__name__)
FAMILY = "DejaVu Sans"

# Colours chosen for contrast on cheap screens and for elderly eyes.
NAVY = "#0b3d91"
RED = "#c62828"
GREEN = "#2e7d32"
AMBER = "#b26a00"
PAPER = "#f5f7fb"

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
