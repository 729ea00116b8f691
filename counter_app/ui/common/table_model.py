"""A read-only Qt model over a list of plain rows (the dataclasses the services return).

A window says once how a row reads in each column (:class:`Column`) and then only hands the
model new rows; the view (a QTableView) draws, selects and scrolls. No cell is filled by hand,
and the row a person picked is the row object itself, not a value hidden in a cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QTableView

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole  # the row object behind a cell, for code that holds only an index


@dataclass(frozen=True)
class Column(Generic[Row]):
    """One column: its header and how a row reads in it."""

    header: str
    text: Callable[[Row], str]
    alignment: Qt.AlignmentFlag | None = None
    tooltip: Callable[[Row], str] | None = None  # a long text cut at the window's edge is read here


class RowModel(QAbstractTableModel, Generic[Row]):
    """Rows of plain data shown in columns; ``background``/``foreground`` colour a whole row
    (a hex colour from ui/theme.py, or None for the usual colour)."""

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        *,
        background: Callable[[Row], str | None] | None = None,
        foreground: Callable[[Row], str | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Row] = []
        self._background = background
        self._foreground = foreground
        self._brushes: dict[str, QBrush] = {}

    # --- what the window uses ------------------------------------------------------------------

    @property
    def rows(self) -> list[Row]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show these rows instead (a reset: the view's selection is cleared; reselect if needed)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Row | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def text(self, row: int, column: int) -> str:
        """What the cell shows."""
        return self.columns[column].text(self._rows[row])

    # --- the Qt side ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.alignment is not None:
            return int(column.alignment)
        if role == Qt.ItemDataRole.BackgroundRole and self._background is not None:
            return self._brush(self._background(row))
        if role == Qt.ItemDataRole.ForegroundRole and self._foreground is not None:
            return self._brush(self._foreground(row))
        if role == ROW_ROLE:
            return row
        return None

    def _brush(self, colour: str | None) -> QBrush | None:
        if colour is None:
            return None
        brush = self._brushes.get(colour)
        if brush is None:
            brush = self._brushes[colour] = QBrush(QColor(colour))
        return brush


def table_view(
    model: RowModel[Any],
    *,
    rows: bool = True,
    single: bool = False,
    name: str = "",
) -> QTableView:
    """A read-only view of ``model``: whole rows selected (``rows``), one at a time (``single``)."""
    view = QTableView()
    if name:
        view.setObjectName(name)
    view.setModel(model)
    if model.parent() is None:
        model.setParent(view)  # the model lives as long as its view
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if rows:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return view


def current_row(view: QTableView, model: RowModel[Row]) -> Row | None:
    """The row with the keyboard focus (the one last clicked), if any."""
    index = view.currentIndex()
    return model.row(index.row()) if index.isValid() else None


def selected_row(view: QTableView, model: RowModel[Row]) -> Row | None:
    """The first selected row, if any."""
    selection = view.selectionModel()
    chosen = selection.selectedIndexes() if selection is not None else []
    return model.row(min(i.row() for i in chosen)) if chosen else None


def select_row(view: QTableView, model: RowModel[Row], wanted: Callable[[Row], bool]) -> bool:
    """Select the first row for which ``wanted`` holds; False when there is none."""
    for index, row in enumerate(model.rows):
        if wanted(row):
            view.selectRow(index)
            return True
    return False
