"""The provincial sync in the counter window: the status bar's words, "sync now", the sync log.

The runner works on its own thread (sync/runner.py); :class:`SyncBridge` hands its
states to the GUI thread through a queued signal, so the window never waits on the network.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.calendar import now_vn
from counter_app.sync.log import LogEntry, LogLevel, SyncSummary, WaitingItem
from counter_app.sync.runner import Connection, RunnerState, SyncRunner
from counter_app.ui.common.table_model import Column, RowModel, table_view
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.counter.parts import CounterParts
from counter_app.ui.i18n import domain_text, tr_domain


class SyncBridge(QObject):
    """Owns the background runner; ``changed`` arrives on the GUI thread."""

    changed = Signal(object)  # RunnerState

    def __init__(self, parts: CounterParts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.parts = parts
        self.state = RunnerState(Connection.CONNECTING)
        self.runner = SyncRunner(
            parts.build_sync,
            self.changed.emit,  # emitted on the runner's thread: Qt queues it to the window
            interval=float(parts.settings.provincial.interval_seconds),
        )
        self.changed.connect(self._remember)

    def _remember(self, state: RunnerState) -> None:
        self.state = state

    def start(self) -> None:
        self.runner.start()

    def sync_now(self) -> None:
        self.runner.sync_now()

    def reconfigure(self) -> None:
        self.runner.reconfigure()

    def stop(self) -> None:
        self.runner.stop()


class SyncView(QObject):
    """The translation context of the sync's counted words.

    Through ``self.tr``: PySide6 6.11's lupdate does not see the count in
    ``QCoreApplication.translate(…, n)`` and would drop these plural forms.
    """

    def minutes(self, n: int) -> str:
        return self.tr("%n minute(s)", "", n)

    def hours(self, n: int) -> str:
        return self.tr("%n hour(s)", "", n)

    def days(self, n: int) -> str:
        return self.tr("%n day(s)", "", n)

    def waiting(self, n: int) -> str:
        return self.tr("%n waiting", "", n)

    def refused(self, n: int) -> str:
        return self.tr("%n refused", "", n)

    def conflicts_today(self, n: int) -> str:
        return self.tr("%n conflict(s) today", "", n)


def _age(since: datetime, now: datetime) -> str:
    words = SyncView()
    minutes = max(0, int((now - since).total_seconds() // 60))
    if minutes < 60:
        return words.minutes(minutes)
    hours = minutes // 60
    if hours < 48:
        return words.hours(hours)
    return words.days(hours // 24)


def status_words(
    state: RunnerState, warn_after_minutes: int, now: datetime | None = None
) -> tuple[str, str, str]:
    """(text, level, tooltip) for the status bar: online/offline/syncing, what waits, since when."""
    now = now or now_vn()
    summary = state.summary
    parts: list[str] = []
    level = "ok"
    connection = state.connection
    heading = {
        Connection.NOT_SET_UP: QCoreApplication.translate(
            "SyncView", "Province: not set up (working offline)"
        ),
        Connection.CONNECTING: QCoreApplication.translate("SyncView", "Province: connecting…"),
        Connection.ONLINE: QCoreApplication.translate("SyncView", "Province: online"),
        Connection.SYNCING: QCoreApplication.translate("SyncView", "Province: syncing…"),
        Connection.OFFLINE: QCoreApplication.translate("SyncView", "Province: offline"),
        Connection.STOPPED: QCoreApplication.translate("SyncView", "Province: sync stopped"),
        Connection.OTHER_PC: QCoreApplication.translate("SyncView", "Province: synced by another PC"),
    }[connection]
    if connection in (Connection.NOT_SET_UP, Connection.OFFLINE, Connection.CONNECTING):
        level = "warn"
    if connection is Connection.STOPPED:
        level = "error"
    if state.progress is not None and state.progress[0] == "upload":
        heading += " " + QCoreApplication.translate("SyncView", "(file %1 of %2)").replace(
            "%1", str(state.progress[1])
        ).replace("%2", str(state.progress[2]))
    parts.append(heading)
    if summary is not None:
        parts.append(SyncView().waiting(summary.pending))
        if summary.oldest_pending_at is not None and summary.pending:
            parts.append(
                QCoreApplication.translate("SyncView", "oldest %1").replace(
                    "%1", _age(summary.oldest_pending_at, now)
                )
            )
            if (now - summary.oldest_pending_at).total_seconds() > warn_after_minutes * 60:
                level = "error"
        if summary.last_success_at is not None:
            parts.append(
                QCoreApplication.translate("SyncView", "last sync %1").replace(
                    "%1", f"{summary.last_success_at:%H:%M %d/%m}"
                )
            )
        if summary.rejected:
            parts.append(SyncView().refused(summary.rejected))
            level = "error"
        if summary.conflicts_today:
            parts.append(SyncView().conflicts_today(summary.conflicts_today))
            if level == "ok":
                level = "warn"
    tooltip_lines = []
    if state.problem is not None:
        tooltip_lines.append(domain_text(state.problem))
    if state.next_try_at is not None and connection is Connection.OFFLINE:
        tooltip_lines.append(
            QCoreApplication.translate("SyncView", "Next try at %1.").replace(
                "%1", f"{state.next_try_at:%H:%M:%S}"
            )
        )
    tooltip_lines.append(QCoreApplication.translate("SyncView", "Click for the sync log."))
    return " · ".join(parts), level, "\n".join(tooltip_lines)


LEVEL_LABELS = {
    LogLevel.INFO: "",
    LogLevel.WARNING: "⚠",
    LogLevel.ERROR: "✗",
    LogLevel.CONFLICT: "⇄",
}


@dataclass(frozen=True)
class _Loaded:
    summary: SyncSummary
    waiting: list[WaitingItem]
    entries: list[LogEntry]


class SyncLogDialog(QDialog):
    """What waits to be sent and what the sync did, newest first; sync now; send refused items again.

    Read through the sync log (sync/log.py), not through the sync service: with the provincial
    system not set up, or out of reach, the clerk still sees what waits and since when.
    """

    def __init__(self, parts: CounterParts, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = parts
        self.log = parts.sync_log
        self.bridge = bridge
        self.tasks = TaskRunner(self)
        self.summary: SyncSummary | None = None  # as last read here, for when the runner has none
        self.setWindowTitle(self.tr("Sync with the provincial system"))
        self.resize(1000, 560)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.waiting_model: RowModel[WaitingItem] = RowModel(
            [
                Column(self.tr("Since"), lambda w: w.queued_at.strftime("%H:%M:%S  %d/%m/%Y")),
                Column(self.tr("What"), lambda w: tr_domain(w.what)),
                Column(self.tr("Dossier or ticket"), lambda w: w.subject),
                Column(
                    self.tr("State"),
                    lambda w: (
                        self.tr("Refused: %1").replace("%1", w.last_error)
                        if w.refused
                        else self.tr("Waiting")
                    ),
                    tooltip=lambda w: w.last_error,
                ),
            ]
        )
        self.waiting_table = table_view(self.waiting_model)
        header = self.waiting_table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.model: RowModel[LogEntry] = RowModel(
            [
                Column(self.tr("Time"), _at_text, tooltip=_at_text),
                Column("", _level_text, tooltip=_level_text),
                Column(self.tr("What happened"), _entry_text, tooltip=_entry_text),
            ]
        )
        self.table = table_view(self.model, rows=False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setWordWrap(True)
        waiting_part = QWidget()
        waiting_layout = QVBoxLayout(waiting_part)
        waiting_layout.setContentsMargins(0, 0, 0, 0)
        self.waiting_label = QLabel(self.tr("Waiting to be sent"))
        waiting_layout.addWidget(self.waiting_label)
        waiting_layout.addWidget(self.waiting_table)
        halves = QSplitter(Qt.Orientation.Vertical)
        halves.addWidget(waiting_part)
        halves.addWidget(self.table)
        halves.setSizes([180, 320])
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setMinimumHeight(40)
        self.sync_button.clicked.connect(self.sync_now)
        self.resend_button = QPushButton(self.tr("Send refused items again"))
        self.resend_button.setMinimumHeight(40)
        self.resend_button.clicked.connect(self.resend)
        close = QPushButton(self.tr("Close"))
        close.setMinimumHeight(40)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.resend_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(halves, 1)
        layout.addLayout(buttons)
        self._round: tuple[object, ...] = ()
        bridge.changed.connect(self._state)
        self._state(bridge.state)
        self.refresh()

    def refresh(self) -> None:
        log = self.log
        self.tasks.run(lambda: _Loaded(log.summary(), log.waiting(), log.entries()), self._show, key="load")

    def _state(self, state: RunnerState) -> None:
        if state.summary is None and self.summary is not None:
            state = replace(state, summary=self.summary)  # sync off or not started: the count read here
        text, _level, tooltip = status_words(state, self.parts.settings.provincial.warn_after_minutes)
        self.status.setText(text + "\n" + tooltip.rsplit("\n", 1)[0] if state.problem else text)
        self.resend_button.setEnabled(
            bool(state.summary and state.summary.rejected) and self.bridge.runner.service is not None
        )
        self.sync_button.setEnabled(state.connection not in (Connection.NOT_SET_UP, Connection.SYNCING))
        # The runner repeats its state every few seconds with a fresh count: reload the log only
        # when a round ended (a report, or a new failure with its next try).
        round_end = (state.connection, state.next_try_at, id(state.report))
        if state.connection in (Connection.ONLINE, Connection.OFFLINE, Connection.STOPPED) and (
            round_end != self._round
        ):
            self._round = round_end
            self.refresh()

    def _show(self, loaded: _Loaded) -> None:
        self.summary = loaded.summary
        self.waiting_model.set_rows(loaded.waiting)
        self.model.set_rows(loaded.entries)
        self.table.resizeRowsToContents()
        self._state(self.bridge.state)

    def sync_now(self) -> None:
        self.bridge.sync_now()

    def resend(self) -> None:
        service = self.bridge.runner.service
        if service is not None:
            self.tasks.run(service.send_refused_again, lambda _: self.bridge.sync_now())


def _at_text(entry: LogEntry) -> str:
    return entry.at.strftime("%H:%M:%S  %d/%m/%Y")


def _level_text(entry: LogEntry) -> str:
    return LEVEL_LABELS.get(entry.level, "")


def _entry_text(entry: LogEntry) -> str:
    return domain_text(entry.text)
