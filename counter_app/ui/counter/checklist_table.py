"""The reception checklist as the clerk fills it in: one line per paper of the catalogue (and per
paper given voluntarily), with its kind, count, check result and the reason when it fails.

The lines are plain :class:`ComponentCheck` values in a model; the kind, count and result are
edited in drop-downs and a number box that stay open on every line (as on paper: nothing to
double-click), the reason by typing in its cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
)
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from counter_app.domain.reception import CheckResult, ComponentCheck, PaperType
from counter_app.ui.i18n import tr_domain

COL_NAME, COL_KIND, COL_COUNT, COL_RESULT, COL_REASON = range(5)
ALWAYS_OPEN = (COL_KIND, COL_COUNT, COL_RESULT)  # edited in widgets shown on every line
Index = QModelIndex | QPersistentModelIndex
EDIT = Qt.ItemDataRole.EditRole
MAX_COUNT = 99
SHORT_CAPTION = 6  # "Lý do" stays on one line
GRID_LINE = 1  # a cell is its column less the grid line
MIN_REASON_WIDTH = 130  # a reason's few words per line


def two_lines(caption: str) -> str:
    """A caption of several words on two lines, broken at the space nearest its middle: the
    header grows a line taller so that every column can be as narrow as its contents."""
    spaces = [i for i, char in enumerate(caption) if char == " "]
    if not spaces or len(caption) <= SHORT_CAPTION:
        return caption
    middle = min(spaces, key=lambda i: abs(len(caption) - 2 * i))
    return caption[:middle] + "\n" + caption[middle + 1 :]


class ChecklistModel(QAbstractTableModel):
    """The lines being checked; ``name_of`` says how a paper's name reads (with what it requires)."""

    def __init__(
        self,
        headers: Sequence[str],
        name_of: Callable[[ComponentCheck], str],
        parent: QObject | None = None,
        *,
        tips: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        # What a caption means, in full ("" or nothing: the caption itself).
        self.tips = [
            tip or caption for tip, caption in zip(list(tips) + [""] * len(headers), headers, strict=False)
        ]
        self.name_of = name_of
        self._rows: list[ComponentCheck] = []

    @property
    def rows(self) -> list[ComponentCheck]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[ComponentCheck]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def add_row(self, row: ComponentCheck) -> int:
        index = len(self._rows)
        self.beginInsertRows(QModelIndex(), index, index)
        self._rows.append(row)
        self.endInsertRows()
        return index

    def set_result(self, row: int, result: CheckResult, reason: str = "") -> None:
        self.setData(self.index(row, COL_RESULT), result.value)
        self.setData(self.index(row, COL_REASON), reason)

    # --- the Qt side ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return two_lines(self.headers[section]) if 0 <= section < len(self.headers) else None
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.tips[section] if 0 <= section < len(self.tips) else None
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != COL_NAME:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == EDIT:
            return {
                COL_NAME: row.name,
                COL_KIND: row.paper_type.value,
                COL_COUNT: row.count,
                COL_RESULT: row.result.value,
                COL_REASON: row.reason,
            }[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                COL_NAME: self.name_of(row),
                COL_KIND: tr_domain(row.paper_type.label),
                COL_COUNT: str(row.count),
                COL_RESULT: tr_domain(row.result.label),
                COL_REASON: row.reason,
            }[column]
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        if role != EDIT or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        row, column = self._rows[index.row()], index.column()
        if column == COL_KIND:
            changed = replace(row, paper_type=PaperType(value))
        elif column == COL_COUNT:
            changed = replace(row, count=int(value))
        elif column == COL_RESULT:
            changed = replace(row, result=CheckResult(value))
        elif column == COL_REASON:
            changed = replace(row, reason=str(value))
        else:
            return False
        if changed != row:
            self._rows[index.row()] = changed
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, EDIT])
        return True


class ChecklistDelegate(QStyledItemDelegate):
    """Drop-downs for the kind and the result, a number box for the count; each change is kept at
    once, so what the clerk sees is what gets saved."""

    @staticmethod
    def open_widget(column: int, parent: QWidget | None) -> QWidget | None:
        """The bare widget a column is edited in (None: typed in its cell)."""
        if column == COL_COUNT:
            count = QSpinBox(parent)
            count.setRange(0, MAX_COUNT)
            return count
        if column in (COL_KIND, COL_RESULT):
            combo = QComboBox(parent)
            for choice in PaperType if column == COL_KIND else CheckResult:
                combo.addItem(tr_domain(choice.label), choice.value)
            return combo
        return None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = index.column()
        editor = self.open_widget(column, parent)
        if isinstance(editor, QSpinBox):
            count = editor
            count.valueChanged.connect(lambda _: self.commitData.emit(count))
            return count
        if isinstance(editor, QComboBox):
            combo = editor
            if column == COL_RESULT:
                row: ComponentCheck = index.data(Qt.ItemDataRole.UserRole)
                combo.setEnabled(not row.voluntary)  # a paper given voluntarily is not checked
            combo.currentIndexChanged.connect(lambda _: self.commitData.emit(combo))
            return combo
        return super().createEditor(parent, option, index)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        # A line whose name wraps is taller than a drop-down: the widget keeps its own height,
        # centred, rather than stretching into a tall box.
        cell = option.rect
        height = min(cell.height(), editor.sizeHint().height())
        editor.setGeometry(cell.x(), cell.y() + (cell.height() - height) // 2, cell.width(), height)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(EDIT)
        # From the model to the widget: not a change of the clerk's to write back.
        if isinstance(editor, QSpinBox):
            with QSignalBlocker(editor):
                editor.setValue(int(value))
        elif isinstance(editor, QComboBox):
            with QSignalBlocker(editor):
                editor.setCurrentIndex(editor.findData(value))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QSpinBox):
            model.setData(index, editor.value())
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        else:
            super().setModelData(editor, model, index)


class ChecklistTable(QTableView):
    """The checklist's view: the kind, count and result widgets open on every line."""

    def __init__(self, model: ChecklistModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist = model
        model.setParent(self)
        self.setModel(model)
        self.setItemDelegate(ChecklistDelegate(self))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        # The drop-downs as wide as their longest choice ("Bản sao chứng thực" whole), the count
        # and the reason as wide as their captions: no line scrolls sideways at 1366×768.
        self._fit_columns()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        model.modelReset.connect(self._open_all)
        model.rowsInserted.connect(lambda _parent, first, last: self._open(first, last))

    def _fit_columns(self) -> None:
        for column in ALWAYS_OPEN:
            self.setColumnWidth(column, self._open_width(column))
        self.setColumnWidth(COL_REASON, max(MIN_REASON_WIDTH, self._caption_width(COL_REASON)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_columns()  # with the font the table is drawn in, known once it is in the window

    def _open_width(self, column: int) -> int:
        """The width a column's widget needs for its widest choice and its header's caption."""
        sample = ChecklistDelegate.open_widget(column, None)  # never shown: no parent
        assert sample is not None
        width = max(sample.sizeHint().width() + GRID_LINE, self._caption_width(column))
        sample.deleteLater()
        return width

    def _caption_width(self, column: int) -> int:
        caption = str(self.checklist.headerData(column, Qt.Orientation.Horizontal))
        metrics = self.horizontalHeader().fontMetrics()
        return max(metrics.horizontalAdvance(line) for line in caption.split("\n")) + 20

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The names re-wrap to the new width: each line's height follows.
        self.resizeRowsToContents()

    def _open_all(self) -> None:
        self._open(0, self.checklist.rowCount() - 1)

    def _open(self, first: int, last: int) -> None:
        for row in range(first, last + 1):
            for column in ALWAYS_OPEN:
                self.openPersistentEditor(self.checklist.index(row, column))
            self.resizeRowToContents(row)

    def editor(self, row: int, column: int) -> QWidget | None:
        """The widget open in a cell (the kind, count or result), as the clerk uses it."""
        return self.indexWidget(self.checklist.index(row, column))
