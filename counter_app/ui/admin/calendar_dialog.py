"""The office's own calendar days: extra days off and make-up working days.

Public holidays (with Tết and the government's swaps) come from the holidays package and
are listed for reference; the office adds what a release does not know yet.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.calendar import DayOverride, WorkingCalendar, now_vn
from counter_app.domain.staff import StaffMember
from counter_app.services.calendar import CalendarService
from counter_app.ui.common.table_model import Column, RowModel, current_row, table_view
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import error_label


class CalendarDialog(QDialog):
    def __init__(self, calendar: CalendarService, actor: StaffMember, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calendar = calendar
        self.actor = actor
        self.tasks = TaskRunner(self)
        self.setWindowTitle(self.tr("Working calendar"))
        self.resize(760, 560)
        self.model: RowModel[DayOverride] = RowModel(
            [
                Column(self.tr("Date"), lambda o: o.day.strftime("%d/%m/%Y")),
                Column(
                    self.tr("Kind"),
                    lambda o: self.tr("Make-up working day") if o.working else self.tr("Extra day off"),
                ),
                Column(self.tr("Note"), lambda o: o.note),
            ]
        )
        self.table = table_view(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        today = now_vn().date()  # Vietnam's date, whatever the PC's clock zone says
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Extra day off"), False)
        self.kind.addItem(self.tr("Make-up working day"), True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Reason (e.g. the decision that set it)"))
        add = QPushButton(self.tr("Add"))
        remove = QPushButton(self.tr("Remove the selected day"))
        close = QPushButton(self.tr("Close"))
        self.error = error_label()
        self.holidays = QListWidget()
        form = QHBoxLayout()
        form.addWidget(self.day)
        form.addWidget(self.kind)
        form.addWidget(self.note, 1)
        form.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Days set by this office")))
        layout.addWidget(self.table, 2)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(self.tr("Public holidays and official swaps this year and next")))
        layout.addWidget(self.holidays, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(remove)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        add.clicked.connect(self.add)
        remove.clicked.connect(self.remove)
        close.clicked.connect(self.accept)
        self.refresh()

    def refresh(self) -> None:
        self.tasks.run(
            lambda: (self.calendar.overrides(), self.calendar.calendar()),
            self._show,
            key="calendar",
            error_label=self.error,
        )

    def _show(self, read: tuple[list[DayOverride], WorkingCalendar]) -> None:
        overrides, calendar = read
        self.model.set_rows(overrides)
        self.table.resizeColumnsToContents()
        self.holidays.clear()
        year = now_vn().year
        for day in _days_of(year, year + 1):
            name = calendar.holiday_name(day)
            if name:
                self.holidays.addItem(f"{day:%d/%m/%Y}  {name}")

    def add(self) -> None:
        picked = self.day.date()
        day = date(picked.year(), picked.month(), picked.day())
        override = DayOverride(day, bool(self.kind.currentData()), self.note.text().strip())
        self.error.clear()
        self.tasks.run(
            lambda: self.calendar.set_override(self.actor, override), self._added, error_label=self.error
        )

    def _added(self, _result: object) -> None:
        self.note.clear()
        self.refresh()

    def remove(self) -> None:
        chosen = current_row(self.table, self.model)
        if chosen is None:
            return
        self.error.clear()
        self.tasks.run(
            lambda: self.calendar.remove_override(self.actor, chosen.day),
            lambda _: self.refresh(),
            error_label=self.error,
        )


def _days_of(first_year: int, last_year: int) -> list[date]:
    from datetime import timedelta

    day, end, days = date(first_year, 1, 1), date(last_year, 12, 31), []
    while day <= end:
        days.append(day)
        day += timedelta(days=1)
    return days
