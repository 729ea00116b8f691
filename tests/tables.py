"""Reading a table as the person sees it: through the view's model, the text each cell shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView


def row_count(view: QTableView) -> int:
    return view.model().rowCount()


def cell(view: QTableView, row: int, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> str:
    """The cell's text (or its tooltip, with ``role``); "" for an empty cell."""
    value = view.model().index(row, column).data(role)
    return "" if value is None else str(value)


def column_texts(view: QTableView, column: int = 0) -> list[str]:
    return [cell(view, row, column) for row in range(row_count(view))]


def row_with(view: QTableView, text: str, column: int = 0) -> int:
    """The first row whose cell in ``column`` starts with ``text``; -1 when there is none."""
    return next((row for row, shown in enumerate(column_texts(view, column)) if shown.startswith(text)), -1)
