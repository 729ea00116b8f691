"""Setting up the queue: the service areas on the kiosk (and the fields of procedures each one serves),
what each counter calls, the priority policy, and whether numbers are issued outside office hours."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import DomainError
from counter_app.domain.queue import PolicyKind, PriorityPolicy, ServiceArea
from counter_app.domain.staff import StaffMember
from counter_app.services.queue import FieldArea, QueueService
from counter_app.ui.common.table_model import Column, RowModel, current_row, select_row, table_view
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import clear_layout, error_label
from counter_app.ui.i18n import domain_text
from counter_app.ui.theme import INACTIVE_TEXT


class QueueSetupDialog(QDialog):
    saved = Signal()  # after any change reached the database

    def __init__(self, queue: QueueService, actor: StaffMember, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self.actor = actor
        self.tasks = TaskRunner(self)
        self.counter_map: dict[int, list[str]] = {}
        self.field_areas: list[FieldArea] = []
        self._choose_after_reload: str | None = None  # the area to show chosen once the list is back
        self._reselecting = False
        self.setWindowTitle(self.tr("Queue and service areas"))
        self.resize(760, 720)
        self.error = error_label()
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.error, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self._areas_group(), 3)
        layout.addWidget(self._counters_group(), 2)
        layout.addWidget(self._policy_group())
        layout.addWidget(self._hours_group())
        layout.addLayout(bottom)
        self.reload()

    # --- building ------------------------------------------------------------------------------

    def _areas_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Service areas (one kiosk button and ticket letter each)"))
        self.area_model: RowModel[ServiceArea] = RowModel(
            [
                Column(self.tr("Letter"), lambda a: a.code),
                Column(self.tr("Name"), lambda a: a.name),
                Column(self.tr("In use"), lambda a: self.tr("Yes") if a.active else self.tr("No")),
            ],
            foreground=lambda a: None if a.active else INACTIVE_TEXT,
        )
        self.areas = table_view(self.area_model)
        self.areas.horizontalHeader().setStretchLastSection(False)
        self.areas.setColumnWidth(1, 420)
        self.areas.selectionModel().selectionChanged.connect(lambda *_: self._area_chosen())
        self.area_code = QLineEdit()
        self.area_code.setMaxLength(2)
        self.area_code.setPlaceholderText("A")
        self.area_code.setFixedWidth(60)
        self.area_code.textEdited.connect(lambda _text: self._show_area_fields())
        self.area_name = QLineEdit()
        self.area_active = QCheckBox(self.tr("In use"))
        self.area_active.setChecked(True)
        save = QPushButton(self.tr("Save the area"))
        save.clicked.connect(self.save_area)
        row = QHBoxLayout()
        row.addWidget(self.area_code)
        row.addWidget(self.area_name, 1)
        row.addWidget(self.area_active)
        row.addWidget(save)
        # The kiosk's guide takes a number for a procedure in the area serving its field.
        self.area_fields = QListWidget()
        self.area_fields.setObjectName("areaFields")
        self.area_fields.setFlow(QListWidget.Flow.LeftToRight)
        self.area_fields.setWrapping(True)
        self.area_fields.setMaximumHeight(84)
        fields_label = QLabel(self.tr("Fields of procedures served in this area (saved with the area):"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.areas)
        layout.addLayout(row)
        layout.addWidget(fields_label)
        layout.addWidget(self.area_fields)
        return box

    def _counters_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Counters and the areas each one calls"))
        self.counter_number = QSpinBox()
        self.counter_number.setRange(1, 99)
        self.counter_number.setMaximumWidth(120)
        self.counter_number.valueChanged.connect(self._show_counter)
        self.counter_areas = QHBoxLayout()
        self.counter_checks: dict[str, QCheckBox] = {}
        save = QPushButton(self.tr("Save the counter"))
        save.setMaximumWidth(200)
        save.clicked.connect(self.save_counter)
        self.counters_summary = QLabel()
        self.counters_summary.setWordWrap(True)
        form = QFormLayout(box)
        form.addRow(self.tr("Counter"), self.counter_number)
        form.addRow(self.tr("Calls from"), self.counter_areas)
        form.addRow("", save)
        form.addRow(self.counters_summary)
        return box

    def _policy_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Priority tickets"))
        self.strict = QRadioButton(self.tr("Always before the others"))
        self.interleave = QRadioButton(self.tr("One priority ticket after every"))
        self.every = QSpinBox()
        self.every.setRange(1, 50)
        self.every.setSuffix(self.tr(" others"))
        save = QPushButton(self.tr("Save"))
        save.clicked.connect(self.save_policy)
        row = QHBoxLayout(box)
        row.addWidget(self.strict)
        row.addWidget(self.interleave)
        row.addWidget(self.every)
        row.addStretch(1)
        row.addWidget(save)
        return box

    def _hours_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Outside office hours"))
        self.outside_hours = QCheckBox(
            self.tr(
                "Before opening and during the lunch break, the kiosks issue numbers "
                "(called when the office opens)"
            )
        )
        self.outside_hours.setObjectName("ticketsOutsideHours")
        save = QPushButton(self.tr("Save"))
        save.setObjectName("saveOutsideHours")
        save.clicked.connect(self.save_outside_hours)
        row = QHBoxLayout(box)
        row.addWidget(self.outside_hours, 1)
        row.addWidget(save)
        return box

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        queue = self.queue
        self._run(
            lambda: (
                queue.areas(active_only=False),
                queue.counters(),
                queue.policy(),
                queue.fields(),
                queue.opening().tickets_outside_hours,
            ),
            self._show,
        )

    @property
    def area_list(self) -> list[ServiceArea]:
        return self.area_model.rows

    def _show(self, loaded: Any) -> None:
        areas, counters, policy, fields, outside_hours = loaded
        self.field_areas = fields
        self.outside_hours.setChecked(outside_hours)
        before = current_row(self.areas, self.area_model)
        chosen = self._choose_after_reload or (before.code if before is not None else None)
        self._choose_after_reload = None
        self.counter_map = counters
        self.area_model.set_rows(areas)
        if chosen is not None:  # the area chosen before stays chosen; what is typed below stays too
            self._reselecting = True
            select_row(self.areas, self.area_model, lambda a: a.code == chosen)
            self._reselecting = False
        clear_layout(self.counter_areas)
        self.counter_checks = {}
        for area in areas:
            check = QCheckBox(area.code)
            check.setToolTip(area.name)
            self.counter_checks[area.code] = check
            self.counter_areas.addWidget(check)
        self._show_counter()
        self.counters_summary.setText(
            "   ".join(
                self.tr("Counter %1: %2").replace("%1", str(n)).replace("%2", ", ".join(codes) or "—")
                for n, codes in counters.items()
            )
        )
        self.strict.setChecked(policy.kind is PolicyKind.STRICT)
        self.interleave.setChecked(policy.kind is PolicyKind.INTERLEAVE)
        self.every.setValue(policy.every)
        self._show_area_fields()

    def _area_chosen(self) -> None:
        area = current_row(self.areas, self.area_model)
        if area is not None and not self._reselecting:
            self.area_code.setText(area.code)
            self.area_name.setText(area.name)
            self.area_active.setChecked(area.active)
        self._show_area_fields()

    def _show_area_fields(self) -> None:
        """Every field, ticked when served in the chosen area; a field of another area names it."""
        # The letter typed is the area saved: another letter typed starts from that area's fields.
        code = self.area_code.text().strip().upper()
        self.area_fields.clear()
        for f in self.field_areas:
            elsewhere = f.area_code not in (None, code)
            item = QListWidgetItem(f"{f.field_name} ({f.area_code})" if elsewhere else f.field_name)
            item.setData(Qt.ItemDataRole.UserRole, f.field_code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = f.area_code == code and bool(code)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.area_fields.addItem(item)

    def _show_counter(self) -> None:
        served = set(self.counter_map.get(self.counter_number.value(), []))
        for code, check in self.counter_checks.items():
            check.setChecked(code in served)

    # --- saving --------------------------------------------------------------------------------

    def save_area(self) -> None:
        known = {a.code: a for a in self.area_list}
        code = self.area_code.text().strip().upper()
        position = known[code].position if code in known else len(known) + 1
        area = ServiceArea(code, self.area_name.text(), position, self.area_active.isChecked())
        items = (self.area_fields.item(i) for i in range(self.area_fields.count()))
        fields = [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() is Qt.CheckState.Checked
        ]
        self._run(lambda: self.queue.save_area(self.actor, area, fields), lambda _: self._area_saved(code))

    def save_outside_hours(self) -> None:
        issue = self.outside_hours.isChecked()
        self._run(lambda: self.queue.set_tickets_outside_hours(self.actor, issue), self._saved)

    def save_counter(self) -> None:
        number = self.counter_number.value()
        codes = [code for code, check in self.counter_checks.items() if check.isChecked()]
        self._run(lambda: self.queue.set_counter(self.actor, number, codes), self._saved)

    def save_policy(self) -> None:
        try:
            kind = PolicyKind.STRICT if self.strict.isChecked() else PolicyKind.INTERLEAVE
            policy = PriorityPolicy(kind, self.every.value())
        except DomainError as exc:
            self.error.setText(domain_text(exc))
            return
        self._run(lambda: self.queue.set_policy(self.actor, policy), self._saved)

    def _area_saved(self, code: str) -> None:
        self._choose_after_reload = code  # the area just saved is the one shown chosen
        self._saved(None)

    def _saved(self, _result: object) -> None:
        self.error.clear()
        self.saved.emit()
        self.reload()

    def _run(self, work: Callable[[], Any], then: Callable[[Any], None]) -> None:
        self.tasks.run(work, then, error_label=self.error)
