"""Page 2 of the first-run wizard: the service areas (one kiosk button and ticket letter each) and the
counters with the areas each one calls from. Kept in the page until Finish writes them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import DomainError
from counter_app.domain.queue import ServiceArea
from counter_app.services.office_setup import MAX_COUNTER, check_counter, check_new_area, check_queue
from counter_app.ui.common.table_model import Column, RowModel, table_view
from counter_app.ui.setup_pages.base import SetupPage, line_edit, on_return

Counter = tuple[int, tuple[str, ...]]  # a counter's number and the areas it calls from


def _table(name: str, model: RowModel[ServiceArea] | RowModel[Counter]) -> QTableView:
    table = table_view(model, single=True, name=name)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    return table


def _keep_row(table: QTableView, row: int) -> None:
    """After the list changed, the chosen line stays where it was (the next one if it went)."""
    count = table.model().rowCount()
    if row >= 0 and count:
        table.selectRow(min(row, count - 1))


def _button(name: str, text: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)  # Return belongs to the wizard's Next, or to the field's own action
    return button


class QueuePage(SetupPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Service areas and counters"),
            self.tr(
                "Each service area is a button on the kiosk and a ticket letter (A001, B001…); "
                "each counter calls the tickets of the areas ticked for it."
            ),
            parent,
        )
        self.areas: list[ServiceArea] = []
        self.counters: dict[int, tuple[str, ...]] = {}
        groups = QHBoxLayout()
        groups.addWidget(self._areas_group(), 1)
        groups.addWidget(self._counters_group(), 1)
        layout = QVBoxLayout(self)
        layout.addLayout(groups, 1)
        layout.addWidget(self.page_error)

    # --- building ------------------------------------------------------------------------------

    def _areas_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Service areas"))
        self.area_model: RowModel[ServiceArea] = RowModel(
            [Column(self.tr("Letter"), lambda a: a.code), Column(self.tr("Name"), lambda a: a.name)]
        )
        self.area_table = _table("areaTable", self.area_model)
        example = self.tr("e.g. %1")
        self.area_code = line_edit("areaCode", placeholder=example.replace("%1", "A"))
        self.area_code.setMaxLength(2)
        self.area_code.setMaximumWidth(110)
        self.area_name = line_edit("areaName", placeholder=example.replace("%1", "Tư pháp - Hộ tịch"))
        self.add_area_button = _button("addAreaButton", self.tr("Add the area"))
        self.remove_area_button = _button("removeAreaButton", self.tr("Remove the chosen area"))
        self.add_area_button.clicked.connect(self.add_area)
        self.remove_area_button.clicked.connect(self.remove_area)
        on_return(self.area_code, self.add_area)
        on_return(self.area_name, self.add_area)
        form = QFormLayout()
        form.addRow(self.tr("Letter"), self.with_error(self.area_code, "area.code"))
        form.addRow(self.tr("Name"), self.with_error(self.area_name, "area.name"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_area_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_area_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.area_table, 1)
        layout.addWidget(self.error_line("areas"))
        layout.addLayout(form)
        layout.addLayout(buttons)
        return box

    def _counters_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Counters"))
        self.counter_model: RowModel[Counter] = RowModel(
            [
                Column(self.tr("Counter"), lambda c: str(c[0])),
                Column(self.tr("Calls from"), lambda c: ", ".join(c[1])),
            ]
        )
        self.counter_table = _table("counterTable", self.counter_model)
        self.counter_number = QSpinBox()
        self.counter_number.setObjectName("counterNumber")
        self.counter_number.setRange(1, MAX_COUNTER)
        self.counter_number.setMaximumWidth(110)
        self.area_checks: dict[str, QCheckBox] = {}
        checks = QWidget()
        self.checks_row = QHBoxLayout(checks)
        self.checks_row.setContentsMargins(0, 0, 0, 0)
        self.no_areas = QLabel(self.tr("Add a service area first."))
        self.checks_row.addWidget(self.no_areas)
        self.checks_row.addStretch(1)
        self.save_counter_button = _button("saveCounterButton", self.tr("Save the counter"))
        self.remove_counter_button = _button("removeCounterButton", self.tr("Remove the chosen counter"))
        self.save_counter_button.clicked.connect(self.save_counter)
        self.remove_counter_button.clicked.connect(self.remove_counter)
        form = QFormLayout()
        form.addRow(self.tr("Counter number"), self.with_error(self.counter_number, "counter.number"))
        form.addRow(self.tr("Calls from"), self.with_error(checks, "counter.areas"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_counter_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_counter_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.counter_table, 1)
        layout.addWidget(self.error_line("counters"))
        layout.addLayout(form)
        layout.addLayout(buttons)
        return box

    # --- the areas -----------------------------------------------------------------------------

    def add_area(self) -> None:
        self.clear_errors()
        try:
            area = check_new_area(ServiceArea(self.area_code.text(), self.area_name.text()), self.areas)
        except DomainError as exc:
            self.show_exception(exc)
            return
        self.areas.append(area)
        self.area_code.clear()
        self.area_name.clear()
        self.area_code.setFocus()
        self._show_areas()

    def remove_area(self) -> None:
        row = self.area_table.currentIndex().row()
        if not 0 <= row < len(self.areas):
            return
        code = self.areas.pop(row).code
        # A counter cannot call from an area that is gone; one left calling nothing goes too.
        self.counters = {
            n: tuple(c for c in codes if c != code) for n, codes in self.counters.items() if codes != (code,)
        }
        self._show_areas()
        self._show_counters()

    def _show_areas(self) -> None:
        row = self.area_table.currentIndex().row()
        self.area_model.set_rows(self.areas)
        _keep_row(self.area_table, row)
        # The tick boxes follow the list: kept for areas still there, so what is ticked stays ticked.
        codes = [a.code for a in self.areas]
        for code in [c for c in self.area_checks if c not in codes]:
            gone = self.area_checks.pop(code)
            self.checks_row.removeWidget(gone)
            gone.setParent(None)  # out of the page at once, not at the next turn of the event loop
            gone.deleteLater()
        for index, area in enumerate(self.areas):
            check = self.area_checks.get(area.code)
            if check is None:  # areas are only added at the end: its place in the row is its index
                check = QCheckBox(area.code)
                check.setObjectName(f"counterArea_{area.code}")
                check.setToolTip(area.name)
                self.area_checks[area.code] = check
                self.checks_row.insertWidget(index, check)
                check.show()  # at once, not at the layout's next turn: it may be ticked straight away
        self.no_areas.setVisible(not self.areas)

    # --- the counters --------------------------------------------------------------------------

    def save_counter(self) -> None:
        """Add the counter, or change the areas of one already listed."""
        self.clear_errors()
        number = self.counter_number.value()
        codes = tuple(code for code, check in self.area_checks.items() if check.isChecked())
        try:
            check_counter(number, codes)
        except DomainError as exc:
            self.show_exception(exc)
            return
        self.counters[number] = codes
        for check in self.area_checks.values():
            check.setChecked(False)
        taken = set(self.counters)
        self.counter_number.setValue(next((n for n in range(1, MAX_COUNTER + 1) if n not in taken), number))
        self._show_counters()

    def remove_counter(self) -> None:
        row = self.counter_table.currentIndex().row()
        numbers = sorted(self.counters)
        if 0 <= row < len(numbers):
            del self.counters[numbers[row]]
            self._show_counters()

    def _show_counters(self) -> None:
        row = self.counter_table.currentIndex().row()
        self.counter_model.set_rows(sorted(self.counters.items()))
        _keep_row(self.counter_table, row)

    def check(self) -> None:
        check_queue(self.areas, self.counters)
