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


class ChecklistModel(QAbstractTableModel):
    """The lines being checked; ``name_of`` says how a paper's name reads (with what it requires)."""

    def __init__(
        self, headers: Sequence[str], name_of: Callable[[ComponentCheck], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.headers = list(headers)
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
            return self.headers[section] if 0 <= section < len(self.headers) else None
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

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = index.column()
        if column == COL_COUNT:
            count = QSpinBox(parent)
            count.setRange(0, MAX_COUNT)
            count.valueChanged.connect(lambda _: self.commitData.emit(count))
            return count
        if column in (COL_KIND, COL_RESULT):
            combo = QComboBox(parent)
            for choice in PaperType if column == COL_KIND else CheckResult:
                combo.addItem(tr_domain(choice.label), choice.value)
            if column == COL_RESULT:
                row: ComponentCheck = index.data(Qt.ItemDataRole.UserRole)
                combo.setEnabled(not row.voluntary)  # a paper given voluntarily is not checked
            combo.currentIndexChanged.connect(lambda _: self.commitData.emit(combo))
            return combo
        return super().createEditor(parent, option, index)

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
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(COL_KIND, 125)
        self.setColumnWidth(COL_COUNT, 72)
        self.setColumnWidth(COL_RESULT, 148)  # “Không áp dụng” whole
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        model.modelReset.connect(self._open_all)
        model.rowsInserted.connect(lambda _parent, first, last: self._open(first, last))

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
