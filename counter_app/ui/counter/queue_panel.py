"""The clerk's queue panel: call the next number, call again, mark as not come, transfer, finish.

Every press runs off the GUI thread; the waiting count, the longest wait and the list of who waits
for this counter (in the order they will be called) refresh on a timer and after every action.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.queue import TICKET_STATE_LABELS, ServiceArea, TicketState
from counter_app.domain.staff import StaffMember
from counter_app.services.queue import CounterQueue, QueueService, TicketView
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import error_label
from counter_app.ui.i18n import tr_domain
from counter_app.ui.theme import NAVY, NAVY_DISABLED, ON_NAVY_DISABLED

REFRESH_MS = 5_000


def _button(text: str, primary: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setMinimumHeight(56 if primary else 38)  # room for the waiting list at 1366×768
    if primary:
        font = QFont(button.font())
        font.setPointSize(14)
        font.setBold(True)
        button.setFont(font)
        button.setStyleSheet(
            f"QPushButton {{ background: {NAVY}; color: white; border-radius: 6px; }}"
            f"QPushButton:disabled {{ background: {NAVY_DISABLED}; color: {ON_NAVY_DISABLED}; }}"
        )
    return button


class QueuePanel(QGroupBox):
    ticket_changed = Signal(object)  # TicketView | None, after every action
    queue_refreshed = Signal(object)  # CounterQueue
    printer_problem = Signal(object)  # PrinterProblem | None, the kiosk's paper tickets

    def __init__(
        self, queue: QueueService, counter_number: int, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.queue = queue
        self.counter_number = counter_number
        self.tasks = tasks
        self.actor: StaffMember | None = None
        self.ticket: TicketView | None = None
        self._calling_next = False
        self.nobody_waiting = False  # the last "call the next number" found nobody
        self.last_outcome = ""  # what became of the last ticket served here, until the next call
        self.areas: list[ServiceArea] = []
        self.counters: dict[int, list[str]] = {}  # every counter and its areas, read by the last refresh
        self._listed: list[str] = []  # the lines the waiting list shows, to redraw only on a change
        # Asked before a call: the window lets the reception keep what was typed and not saved.
        self.may_call_next: Callable[[], bool] = lambda: True
        self.setTitle(self.tr("Counter %1").replace("%1", str(counter_number)))
        caption = QLabel(self.tr("Number being served"))
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.current = QLabel("—")
        self.current.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.font())
        font.setPointSize(40)
        font.setBold(True)
        self.current.setFont(font)
        self.detail = QLabel()
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        self.next_button = _button(self.tr("Call the next number"), primary=True)
        self.next_button.setShortcut(QKeySequence("F2"))
        self.next_button.setToolTip("F2")
        self.recall_button = _button(self.tr("Call again"))
        self.start_button = _button(self.tr("The citizen has come: start"))
        self.no_show_button = _button(self.tr("Did not come"))
        self.transfer_button = _button(self.tr("Transfer…"))
        self.finish_button = _button(self.tr("Finished"))
        self.waiting = QLabel()
        self.waiting.setWordWrap(True)
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting_caption = QLabel(self.tr("Waiting for this counter, in calling order:"))
        self.waiting_caption.setObjectName("queueWaitingCaption")
        self.waiting_caption.setWordWrap(True)
        self.waiting_list = QListWidget()
        self.waiting_list.setObjectName("queueWaitingList")
        self.waiting_list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.waiting_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.waiting_list.setMinimumHeight(64)
        # A long priority group wraps inside the panel's width: no sideways scrolling.
        self.waiting_list.setWordWrap(True)
        self.waiting_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.waiting_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.error = error_label(fold=True)  # no room taken while all is well: the list has it
        layout = QVBoxLayout(self)
        # The buttons above every text that changes length: they stay where the clerk's hand
        # learnt them, whatever the line about the ticket says.
        for widget in (caption, self.current, self.next_button, self.start_button):
            layout.addWidget(widget)
        layout.addWidget(self.recall_button)
        for widget in (
            self.no_show_button,
            self.transfer_button,
            self.finish_button,
            self.detail,
            self.waiting,
            self.error,
            self.waiting_caption,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.waiting_list, 1)  # the list takes the room left: no stretch below
        self.setMinimumWidth(252)  # “Công dân đã đến: bắt đầu” whole
        self.next_button.clicked.connect(self.call_next)
        self.recall_button.clicked.connect(self.recall)
        self.start_button.clicked.connect(self.start)
        self.no_show_button.clicked.connect(self.no_show)
        self.finish_button.clicked.connect(self.finish)
        self.transfer_button.clicked.connect(self._choose_transfer)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(REFRESH_MS)
        self._show(None)

    def set_actor(self, actor: StaffMember | None) -> None:
        self.actor = actor
        self._enable(True)  # signed out: every button greys out at once, not at the next refresh
        self.refresh()

    # --- actions -------------------------------------------------------------------------------

    def call_next(self) -> None:
        if not self.may_call_next():
            return
        self._calling_next = True
        self._act(lambda actor, _: self.queue.call_next(actor, self.counter_number), keeps_ticket=True)

    def recall(self) -> None:
        self._act(
            lambda actor, ticket_id: self.queue.recall(actor, self.counter_number, ticket_id),
            keeps_ticket=True,
        )

    def start(self) -> None:
        self._act(self.queue.start, keeps_ticket=True)

    def no_show(self) -> None:
        self._act(self.queue.no_show, keeps_ticket=False, outcome=self.tr("Number %1 did not come."))

    def finish(self) -> None:
        self._act(self.queue.finish, keeps_ticket=False, outcome=self.tr("Number %1 has been served."))

    def transfer_to(self, *, service_code: str | None = None, counter_number: int | None = None) -> None:
        if counter_number is not None:
            outcome = self.tr("Number %1 was transferred to counter %2.").replace("%2", str(counter_number))
        else:
            outcome = self.tr("Number %1 was transferred to area %2.").replace("%2", service_code or "")
        self._act(
            lambda actor, ticket_id: self.queue.transfer(
                actor, ticket_id, service_code=service_code, counter_number=counter_number
            ),
            keeps_ticket=False,
            outcome=outcome,
        )

    def refresh(self) -> None:
        if self.actor is None:
            return
        self.tasks.run(
            lambda: (
                self.queue.current(self.counter_number),
                self.queue.counter_queue(self.counter_number),
                self.queue.printer_problem(),
                self.queue.areas(),
                self.queue.counters(),
            ),
            self._refreshed,
            self._failed,
            key="queue-refresh",
        )

    # --- results -------------------------------------------------------------------------------

    def _act(
        self,
        work: Callable[[StaffMember, int], TicketView | None],
        *,
        keeps_ticket: bool,
        outcome: str = "",
    ) -> None:
        """Run one queue action for the current ticket (id 0 when there is none, for "next").

        ``outcome`` (with %1 for the number) is said once the ticket is done with.
        """
        actor = self.actor
        if actor is None:
            return
        ticket_id = self.ticket.id if self.ticket is not None else 0
        said = outcome.replace("%1", self.ticket.label) if outcome and self.ticket is not None else ""
        self._enable(False)
        self.tasks.run(
            lambda: work(actor, ticket_id),
            lambda t: self._acted(t if keeps_ticket else None, said),
            self._failed,
        )

    def _acted(self, ticket: TicketView | None, outcome: str = "") -> None:
        self.error.clear()
        if outcome or ticket is not None or self._calling_next:
            self.last_outcome = outcome
        # Said, not silent: a press of "call the next number" that changes nothing looks broken.
        self.nobody_waiting = ticket is None and self._calling_next
        self._calling_next = False
        self._show(ticket)
        self.ticket_changed.emit(ticket)
        self.refresh()

    def _refreshed(self, result: Any) -> None:
        current, waiting, printer, self.areas, self.counters = result
        if self.next_button.isEnabled() or self.ticket is None:  # no action under way
            self._show(current)
        self._show_waiting(waiting)
        self.printer_problem.emit(printer)
        self.queue_refreshed.emit(waiting)

    def _failed(self, exc: BaseException) -> None:
        self._calling_next = False
        self._show(self.ticket)
        self.tasks.report(exc, error_label=self.error)

    def _show(self, ticket: TicketView | None) -> None:
        self.ticket = ticket
        self.current.setText(ticket.label if ticket else "—")
        if ticket is None:
            if self.nobody_waiting:
                self.detail.setText(self.tr("No one is waiting for this counter."))
            elif self.last_outcome:
                self.detail.setText(self.last_outcome + "\n" + self.tr("Press “Call the next number”."))
            else:
                self.detail.setText(self.tr("No one called yet. Press “Call the next number”."))
        else:
            text = tr_domain(TICKET_STATE_LABELS[ticket.state])
            if ticket.priority_group is not None:
                text += " · " + tr_domain(ticket.priority_group.label)
            self.detail.setText(text)
        self._enable(True)

    def _enable(self, idle: bool) -> None:
        signed_in = self.actor is not None
        self.next_button.setEnabled(idle and signed_in)
        for button in (self.recall_button, self.no_show_button, self.transfer_button, self.finish_button):
            button.setEnabled(idle and signed_in and self.ticket is not None)
        called = self.ticket is not None and self.ticket.state is TicketState.CALLED
        self.start_button.setEnabled(idle and signed_in and called)
        self.no_show_button.setEnabled(idle and signed_in and called)  # once served, they came

    def _show_waiting(self, waiting: CounterQueue) -> None:
        text = self.tr("Waiting: %1").replace("%1", str(waiting.waiting))
        if waiting.longest_wait is not None:
            minutes = int(waiting.longest_wait.total_seconds() // 60)
            text += " · " + self.tr("longest %1 min").replace("%1", str(minutes))
        self.waiting.setText(text)
        lines = [self._line(t) for t in waiting.tickets]
        if waiting.waiting > len(lines):
            lines.append(self.tr("… and %n more", "", waiting.waiting - len(lines)))
        if lines != self._listed:  # redrawn only on a change: a list that scrolls by itself is unread
            self._listed = lines
            self.waiting_list.clear()
            self.waiting_list.addItems(lines)
        if waiting.waiting and self.nobody_waiting:  # someone has come since: the note is stale
            self.nobody_waiting = False
            if self.ticket is None:
                self._show(None)

    def _line(self, ticket: TicketView) -> str:
        """The number, and under it why it is where it is (sent here, a priority group)."""
        notes = []
        if ticket.target_counter is not None:
            notes.append(self.tr("sent to this counter"))
        if ticket.priority_group is not None:
            notes.append(tr_domain(ticket.priority_group.label))
        elif ticket.priority:
            notes.append(self.tr("priority"))
        return "\n".join([ticket.label, " · ".join(notes)]) if notes else ticket.label

    def _choose_transfer(self) -> None:
        """Other counters and other service areas: never this counter, never the ticket's own area."""
        ticket = self.ticket
        if ticket is None:
            return
        menu = QMenu(self)
        for number, codes in self.counters.items():  # read by the last refresh, off the GUI thread
            if number == self.counter_number:
                continue
            text = self.tr("To counter %1").replace("%1", str(number))
            if codes:
                text += " (" + ", ".join(codes) + ")"
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, n=number: self.transfer_to(counter_number=n))
        menu.addSeparator()
        for area in self.areas:
            if area.code == ticket.service_code:
                continue
            action = menu.addAction(
                self.tr("To area %1 — %2").replace("%1", area.code).replace("%2", area.name)
            )
            action.triggered.connect(lambda _=False, code=area.code: self.transfer_to(service_code=code))
        menu.exec(self.transfer_button.mapToGlobal(self.transfer_button.rect().bottomLeft()))
        menu.deleteLater()  # a menu a press, all day long: each goes once closed
