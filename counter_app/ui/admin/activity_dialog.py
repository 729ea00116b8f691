"""The activity log, for the office head and the administrator: who did what, and when.

Dossier steps, refusals, forms printed or saved, settings and accounts, narrowed by Vietnam dates,
person and kind. Read off the GUI thread, a page at a time: "Older entries" reads the next page.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.audit import NO_ONE_SIGNED_IN, ActivityKind, AuditEntry
from counter_app.domain.calendar import now_vn
from counter_app.domain.staff import StaffMember
from counter_app.services.audit import ActivityFilter, ActivityPage, AuditService, Person
from counter_app.ui.common.table_model import Column, RowModel, table_view
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import error_label
from counter_app.ui.i18n import domain_text, tr_domain

PAGE = 200  # entries read at a time: a busy office writes a few hundred a day
FIRST_DAYS = 7  # the log opens on the last week


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


COMBO_CHROME = 48  # a drop-down's frame, margins and arrow


class ActivityDialog(QDialog):
    def __init__(self, audit: AuditService, actor: StaffMember, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.audit = audit
        self.actor = actor
        self.tasks = TaskRunner(self)
        self.more = False
        self.setWindowTitle(self.tr("Activity log"))
        self.resize(1000, 600)
        today = now_vn().date()  # Vietnam's date, whatever the PC's clock zone says
        self.start = QDateEdit(_qdate(today - timedelta(days=FIRST_DAYS - 1)))
        self.start.setObjectName("activityStart")
        self.end = QDateEdit(_qdate(today))
        self.end.setObjectName("activityEnd")
        for edit in (self.start, self.end):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(lambda _: self.refresh())
        self.person = QComboBox()
        self.person.setObjectName("activityPerson")
        self.person.addItem(self.tr("Everyone"), None)
        self.person.setMinimumWidth(200)
        self.kind = QComboBox()
        self.kind.setObjectName("activityKind")
        self.kind.addItem(self.tr("Everything"), None)
        for kind in ActivityKind:
            self.kind.addItem(tr_domain(kind.label), kind.value)
        self.kind.setMinimumWidth(200)
        self.kind.currentIndexChanged.connect(lambda _: self.refresh())
        filters = QHBoxLayout()
        for caption, widget in (
            (self.tr("From"), self.start),
            (self.tr("to"), self.end),
            (self.tr("Person"), self.person),
            (self.tr("Kind"), self.kind),
        ):
            filters.addWidget(QLabel(caption))
            filters.addWidget(widget)
        filters.addStretch(1)
        # Each cell's tooltip is its text: a long entry is cut at the window's edge.
        self.model: RowModel[AuditEntry] = RowModel(
            [
                Column(self.tr("Time"), _time, tooltip=_time),
                Column(self.tr("Person"), _person, tooltip=_person),
                Column(self.tr("Kind"), _kind, tooltip=_kind),
                Column(self.tr("What was done"), _what, tooltip=_what),
            ]
        )
        self.table = table_view(self.model, rows=False)
        header = self.table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("activitySummary")
        self.error = error_label()
        self.older = QPushButton(self.tr("Older entries"))
        self.older.setObjectName("activityOlder")
        self.older.setEnabled(False)
        self.older.clicked.connect(self.load_older)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.older)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.tasks.run(lambda: self.audit.people(self.actor), self._people, key="people")
        self.refresh()

    def wanted(self) -> ActivityFilter:
        start, end = _date(self.start.date()), _date(self.end.date())
        kind = self.kind.currentData()
        return ActivityFilter(
            start=min(start, end),  # dates typed the wrong way round still mean the days between
            end=max(start, end),
            staff_id=self.person.currentData(),
            kind=ActivityKind(kind) if kind else None,
        )

    def refresh(self) -> None:
        self._load(0)

    def load_older(self) -> None:
        self._load(self.model.rowCount())

    def _load(self, offset: int) -> None:
        wanted = self.wanted()
        self.older.setEnabled(False)
        self.error.clear()
        self.summary.setText(self.tr("Loading…"))
        self.tasks.run(
            lambda: self.audit.search(self.actor, wanted, limit=PAGE, offset=offset),
            lambda page: self._show(page, offset),
            key="load",  # a newer filter wins over a page still being read
            error_label=self.error,
        )

    def _people(self, people: list[Person]) -> None:
        for person in people:
            self.person.addItem(f"{person.full_name} ({person.username})", person.id)
        # As wide as the longest "Full name (user name)", its arrow and frame: nobody cut short.
        metrics = self.person.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.person.itemText(i)) for i in range(self.person.count()))
        self.person.setMinimumWidth(max(self.person.minimumWidth(), widest + COMBO_CHROME))
        # Connected once filled: filling the list is no choice of the reader's.
        self.person.currentIndexChanged.connect(lambda _: self.refresh())

    def _show(self, page: ActivityPage, offset: int) -> None:
        rows = (self.model.rows[:offset] if offset else []) + page.entries
        self.model.set_rows(rows)
        self.table.resizeRowsToContents()
        self.more = page.more
        self.older.setEnabled(page.more)
        if page.more:
            self.summary.setText(self.tr("The %n newest entries shown; older ones follow.", "", len(rows)))
        else:
            self.summary.setText(self.tr("%n entries.", "", len(rows)))


def _time(entry: AuditEntry) -> str:
    return entry.at.strftime("%H:%M  %d/%m/%Y")


def _person(entry: AuditEntry) -> str:
    return entry.staff_name or tr_domain(NO_ONE_SIGNED_IN)


def _kind(entry: AuditEntry) -> str:
    return tr_domain(entry.kind.label)


def _what(entry: AuditEntry) -> str:
    return domain_text(entry.describe()).strip()
