"""The read-only table model: rows of plain data shown by columns, the chosen row is the row itself."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from counter_app.ui.common.table_model import (
    Column,
    RowModel,
    current_row,
    select_row,
    selected_row,
    table_view,
)
from counter_app.ui.theme import INACTIVE_TEXT, LATE_BACKGROUND
from tests.tables import cell, column_texts, row_count, row_with


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    active: bool


def _model() -> RowModel[Area]:
    return RowModel(
        [
            Column("Letter", lambda a: a.code, alignment=Qt.AlignmentFlag.AlignCenter),
            Column("Name", lambda a: a.name, tooltip=lambda a: f"Area {a.name}"),
        ],
        foreground=lambda a: None if a.active else INACTIVE_TEXT,
        background=lambda a: LATE_BACKGROUND if a.code == "B" else None,
    )


def test_rows_read_by_columns_with_their_colours_and_tooltips(qtbot):
    model = _model()
    view = table_view(model, single=True)
    qtbot.addWidget(view)
    model.set_rows([Area("A", "Hộ tịch", True), Area("B", "Đất đai", False)])
    assert row_count(view) == 2 and column_texts(view, 1) == ["Hộ tịch", "Đất đai"]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Letter"
    assert cell(view, 1, 1, Qt.ItemDataRole.ToolTipRole) == "Area Đất đai"
    assert cell(view, 0, 0, Qt.ItemDataRole.ToolTipRole) == ""  # no tooltip asked for
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignCenter)
    grey = model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(grey, QBrush) and grey.color() == QColor(INACTIVE_TEXT)
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    late = model.index(1, 1).data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(late, QBrush) and late.color() == QColor(LATE_BACKGROUND)
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_the_chosen_row_is_the_row_itself_and_a_new_list_forgets_it(qtbot):
    model = _model()
    view = table_view(model, single=True)
    qtbot.addWidget(view)
    areas = [Area("A", "Hộ tịch", True), Area("B", "Đất đai", True), Area("C", "Xây dựng", True)]
    model.set_rows(areas)
    assert selected_row(view, model) is None and current_row(view, model) is None
    assert select_row(view, model, lambda a: a.code == "B")
    assert selected_row(view, model) == areas[1] == current_row(view, model)
    assert row_with(view, "C") == 2 and row_with(view, "Z") == -1
    model.set_rows(areas[::-1])
    assert selected_row(view, model) is None  # the window reselects what it wants kept
    assert not select_row(view, model, lambda a: a.code == "Z")
