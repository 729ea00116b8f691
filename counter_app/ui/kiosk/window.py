"""The kiosk: touch only, large type, no system dialogs. A citizen takes a queue ticket.

Home shows one large button per service area and a separate priority button; a tap issues the
ticket and shows it (number, people ahead, estimated wait), then the kiosk returns home by
itself. The procedure guide (papers to bring) is one tap away. Everything works offline.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.dossier_code import code_agency
from counter_app.domain.dossier_record import DossierRecord
from counter_app.domain.errors import DomainError
from counter_app.domain.lifecycle import DossierStatus
from counter_app.domain.queue import PRIORITY_LABELS, OfficeClosed, PriorityGroup, ServiceArea
from counter_app.services.calendar import CalendarService
from counter_app.services.catalogue import CatalogueService
from counter_app.services.dossier_steps import DossierSteps
from counter_app.services.kiosk_pin import pin_matches
from counter_app.services.queue import IssuedTicket, Opening, QueueService
from counter_app.services.ticket_desk import PrintOutcome, TicketDesk, TicketWording
from counter_app.settings import KioskSettings
from counter_app.ui.common.formatting import moment_text
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import Clock
from counter_app.ui.common.widgets import clear_layout as clear
from counter_app.ui.errors import failure_text
from counter_app.ui.i18n import nfc, tr_domain
from counter_app.ui.kiosk.code_pad import CodePad, code_letters
from counter_app.ui.kiosk.guide import ProcedureGuide
from counter_app.ui.kiosk.pin_pad import PinPad
from counter_app.ui.kiosk.widgets import STYLE, big_button, scroll
from counter_app.ui.theme import KIOSK_NOTE, KIOSK_RED, NAVY

log = logging.getLogger(__name__)
IDLE_RETURN_MS = 90_000
TICKET_SHOWN_MS = 20_000  # long enough to read the number twice, short enough for the next person
# No paper in hand: the number on the screen is all the citizen has, and an elderly citizen needs
# time to copy it down or learn it by heart. "Done" still goes back sooner.
TICKET_UNPRINTED_MS = 60_000
HOME, PRIORITY, TICKET, GUIDE, PIN, LOOKUP = range(6)
TAPS_TO_UNLOCK, TAP_WINDOW_MS = 5, 3_000  # five quick taps on the clock open the staff PIN pad
OPENING_CHECK_MS = 60_000  # office hours and the office's choice, read again this often


def _label(point_size: int, *, bold: bool = False, colour: str = NAVY) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet(f"font-size: {point_size}pt; color: {colour};{' font-weight: bold;' if bold else ''}")
    return label


@dataclass
class KioskParts:
    """What the kiosk uses, built by the launcher: no database, no device of its own."""

    desk: TicketDesk  # issues and prints tickets
    queue: QueueService  # the service areas offered
    catalogue: CatalogueService  # the procedure guide
    calendar: CalendarService
    steps: DossierSteps  # a receipt's QR code looked up
    office_name: str
    kiosk: KioskSettings  # the exit PIN, full screen


class KioskWindow(QMainWindow):
    REFERENCE_SIZE = (1080, 1920)
    ticket_shown = Signal(object)  # IssuedTicket
    dossier_shown = Signal(object)  # DossierRecord, looked up by the receipt's QR code
    print_finished = Signal(bool)  # the paper copy came out, or not

    def __init__(self, parts: KioskParts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = parts
        self.tasks = TaskRunner(self)
        self.priority_group: PriorityGroup | None = None
        self.issuing = False
        self.shown_ticket: IssuedTicket | None = None
        self.opening: Opening | None = None  # unknown until first read: the kiosk issues as before
        self.setWindowTitle(parts.office_name)
        self.setStyleSheet(STYLE)

        header = QWidget()
        header.setObjectName("kioskHeader")
        header.setStyleSheet(f"#kioskHeader {{ background: {NAVY}; }} QLabel {{ color: white; }}")
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(30, 24, 30, 24)
        office = QLabel(parts.office_name)
        office.setWordWrap(True)
        office.setAlignment(Qt.AlignmentFlag.AlignCenter)
        office.setStyleSheet("font-size: 30pt; font-weight: bold;")
        self.clock = Clock(with_date=True)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock.setStyleSheet("font-size: 20pt;")
        header_layout.addWidget(office)
        header_layout.addWidget(self.clock)

        self.title = _label(28, bold=True)
        self.title.setStyleSheet(self.title.styleSheet() + " padding: 20px;")
        self.pages = QStackedWidget()
        self.pages.addWidget(self._home_page())
        self.pages.addWidget(self._priority_page())
        self.pages.addWidget(self._ticket_page())
        self.guide = ProcedureGuide(parts.catalogue, parts.calendar, parts.queue, self.tasks)
        self.guide.title_changed.connect(self.title.setText)
        self.guide.take_number.connect(self.take_ticket)
        self.pages.addWidget(self.guide)
        self.pin_pad = PinPad()
        self.pin_pad.entered.connect(self.try_pin)
        self.pin_pad.cancelled.connect(self.go_home)
        self.pages.addWidget(scroll(self.pin_pad))
        self.pages.addWidget(self._lookup_page())
        self.locked = True  # only staff with the PIN close the kiosk
        self._taps: list[int] = []
        self._tap_clock = QElapsedTimer()
        self._tap_clock.start()

        self.back = big_button(self.tr("◀  Back"), 26, 120, "back")
        self.back.clicked.connect(self.go_back)
        footer = QHBoxLayout()
        footer.setContentsMargins(40, 6, 40, 20)
        footer.addWidget(self.back)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(header)
        layout.addWidget(self.title)
        body = QHBoxLayout()
        body.setContentsMargins(40, 0, 40, 0)
        body.addWidget(self.pages)
        layout.addLayout(body, 1)
        layout.addLayout(footer)
        self.setCentralWidget(central)

        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_RETURN_MS)
        self._idle.timeout.connect(self.go_home)
        self._ticket_timer = QTimer(self)
        self._ticket_timer.setSingleShot(True)
        self._ticket_timer.setInterval(TICKET_SHOWN_MS)
        self._ticket_timer.timeout.connect(self.go_home)
        self._opening_timer = QTimer(self)
        self._opening_timer.setInterval(OPENING_CHECK_MS)
        self._opening_timer.timeout.connect(self.check_opening)
        self._opening_timer.start()
        self.installEventFilter(self)
        self.resize(*self.REFERENCE_SIZE)
        self._arrange()
        self.go_home()
        self.tasks.run(
            parts.queue.areas,
            self._fill_areas,
            lambda exc: self._failed(
                exc,
                self.message,
                self.tr("Tickets are not available right now. Please ask at a counter."),
                reason=False,
            ),
            key="areas",
        )

    # --- pages ---------------------------------------------------------------------------------

    def _home_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(24)
        # Outside office hours: when the office opens, and whether a number is issued meanwhile.
        self.hours_notice = _label(24, bold=True, colour=KIOSK_RED)
        self.hours_notice.setObjectName("hoursNotice")
        self.hours_notice.setVisible(False)
        layout.addWidget(self.hours_notice)
        areas = QWidget()
        self.areas_list = QGridLayout(areas)
        self.areas_list.setSpacing(24)
        self.areas_list.setContentsMargins(0, 0, 0, 0)
        self.area_buttons: list[QPushButton] = []
        layout.addWidget(scroll(areas), 1)
        self.priority_button = big_button(
            self.tr(
                "PRIORITY\nthe elderly, people with disabilities, pregnant women,\n"
                "people with young children, people with meritorious service"
            ),
            22,
            170,
            "priority",
        )
        self.priority_button.clicked.connect(self.open_priority)
        self.guide_button = big_button(
            self.tr("See procedures and the papers to bring"), 22, 110, "secondary"
        )
        self.guide_button.clicked.connect(self.open_guide)
        self.lookup_button = big_button(
            self.tr("Already filed? Scan the QR code on your receipt to see your dossier"),
            22,
            110,
            "secondary",
        )
        self.lookup_button.clicked.connect(self.open_lookup)
        self.message = _label(22, bold=True, colour=KIOSK_RED)
        layout.addWidget(self.message)
        # Stacked on a portrait screen, side by side on a landscape one (see resizeEvent).
        self.home_buttons = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.home_buttons.setSpacing(24)
        self.home_buttons.addWidget(self.priority_button, 3)
        self.home_buttons.addWidget(self.guide_button, 2)
        layout.addLayout(self.home_buttons)
        layout.addWidget(self.lookup_button)
        return page

    def _lookup_page(self) -> QWidget:
        """A citizen holding a receipt (Mẫu 01) scans its QR code: status and return date, offline."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(24)
        self.lookup_hint = _label(26)
        self.lookup_hint.setText(
            self.tr(
                "Hold the QR code of your receipt under the scanner,\n"
                "or touch the keys below to type the receipt code."
            )
        )
        # The scanner types the code and presses Enter, like a keyboard; the field keeps the focus.
        self.lookup_input = QLineEdit()
        self.lookup_input.setStyleSheet("font-size: 20pt; padding: 10px;")
        self.lookup_input.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lookup_input.returnPressed.connect(lambda: self.look_up(self.lookup_input.text()))
        self.lookup_input.setObjectName("lookupCode")
        self.lookup_input.setStyleSheet("font-size: 30pt; font-weight: bold; padding: 12px;")
        self.lookup_input.setMinimumHeight(90)
        self.lookup_result = _label(26, bold=True, colour=NAVY)
        self.lookup_result.setObjectName("lookupResult")
        # A receipt that will not scan (creased, faded) is typed here: there is no keyboard.
        self.code_pad = CodePad(code_letters(self.parts.queue.office_code))
        self.code_pad.pressed.connect(self._code_key)
        self.code_pad.erased.connect(self.lookup_input.backspace)
        self.code_pad.search.connect(lambda: self.look_up(self.lookup_input.text()))
        layout.addWidget(self.lookup_hint)
        layout.addWidget(self.lookup_input)
        layout.addWidget(self.code_pad)
        layout.addWidget(self.lookup_result, 1)
        return page

    def _code_key(self, char: str) -> None:
        self._ticket_timer.stop()  # someone is typing: the page stays
        self.lookup_input.insert(char)
        self.lookup_input.setFocus()  # the scanner still types into the field

    def open_lookup(self) -> None:
        self.lookup_input.clear()
        self._lookup_says("", error=False)
        self.pages.setCurrentIndex(LOOKUP)
        self._titles()
        self.lookup_input.setFocus()

    def look_up(self, scanned: str) -> None:
        code = scanned.strip()  # the receipt's QR holds the dossier code alone
        if not code:  # "Search" touched before any key: say what to do, nothing is looked up
            self._lookup_says(self.tr("Please type the code printed on your receipt, then touch “Search”."))
            return
        # The code stays in the box: a citizen who mistyped corrects it with the keypad.
        self._ticket_timer.start(TICKET_SHOWN_MS)  # back to the start by itself, as after a ticket
        self.tasks.run(
            lambda: self.parts.steps.record_by_code(code),
            self._show_dossier,
            lambda exc: self._lookup_failed(code, exc),
            key="lookup",
        )

    def _lookup_says(self, text: str, *, error: bool = True) -> None:
        """The lookup's answer: a dossier in navy, anything the citizen must act on in red."""
        colour = KIOSK_RED if error else NAVY
        self.lookup_result.setStyleSheet(f"font-size: 26pt; color: {colour}; font-weight: bold;")
        self.lookup_result.setProperty("error", error)
        self.lookup_result.setText(text)

    def _lookup_failed(self, code: str, exc: BaseException) -> None:
        # A whole code of another office (a receipt from elsewhere) is told apart from a code no
        # dossier has (a typo, a number alone): the first goes to a counter, the second is checked.
        if isinstance(exc, DomainError):
            agency = code_agency(code)
            if agency is not None and agency.upper() != self.parts.queue.office_code.upper():
                text = self.tr("This code is not a dossier of this office. Please ask at a counter.")
            else:
                text = self.tr(
                    "No dossier has the code %1. Please check the code on your receipt, or ask at a counter."
                ).replace("%1", code)
            self._failed(exc, self.lookup_result, text, reason=False)
        else:
            self._failed(exc, self.lookup_result, "")
        self._lookup_says(self.lookup_result.text())

    def _show_dossier(self, record: DossierRecord) -> None:
        due = record.extended_until or record.appointment_at
        lines = [
            self.tr("Dossier %1").replace("%1", record.code),
            record.procedure_name,
            self.tr("Status: %1").replace("%1", tr_domain(record.status.label)),
        ]
        if record.status is DossierStatus.DECIDED:
            lines.append(self.tr("Your result is ready: please collect it at the counter."))
        elif record.status is DossierStatus.RETURNED and record.returned_at is not None:
            lines.append(self.tr("Result collected on %1.").replace("%1", f"{record.returned_at:%d/%m/%Y}"))
        elif record.status in (DossierStatus.RECEIVED, DossierStatus.IN_PROCESSING) and due is not None:
            lines.append(self.tr("Result due: %1").replace("%1", moment_text(due)))
        self._lookup_says("\n\n".join(lines), error=False)
        self.lookup_input.clear()  # found: the box is ready for the next receipt's scan
        self.dossier_shown.emit(record)

    def _priority_page(self) -> QWidget:
        page = QWidget()
        self.groups_grid = QGridLayout(page)
        self.groups_grid.setSpacing(24)
        self.group_buttons: dict[PriorityGroup, QPushButton] = {}
        for group in PriorityGroup:
            button = big_button(tr_domain(group.label), 26, 140, "priority")
            button.clicked.connect(lambda _=False, g=group: self.choose_priority(g))
            self.group_buttons[group] = button
        return page

    def _ticket_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(18)
        self.ticket_number = QLabel()
        self.ticket_number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.font())
        font.setPointSize(150)
        font.setBold(True)
        self.ticket_number.setFont(font)
        self.ticket_number.setStyleSheet(f"color: {NAVY};")
        self.ticket_area = _label(30, bold=True)
        self.ticket_ahead = _label(28)
        self.ticket_wait = _label(28)
        self.ticket_note = _label(22, colour=KIOSK_NOTE)
        self.print_problem = _label(24, bold=True, colour=KIOSK_RED)
        self.reprint_button = big_button(self.tr("Print the ticket again"), 26, 120, "priority")
        self.reprint_button.clicked.connect(self.reprint)
        self.reprint_button.setVisible(False)
        self.done_button = big_button(self.tr("Done"), 28, 130, "secondary")
        self.done_button.clicked.connect(self.go_home)
        for widget in (self.ticket_number, self.ticket_area, self.ticket_ahead):
            layout.addWidget(widget)
        for widget in (self.ticket_wait, self.ticket_note, self.print_problem):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.reprint_button)
        layout.addWidget(self.done_button)
        return page

    # --- navigation ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        # Every touch anywhere restarts the idle countdown: presses go to the buttons, not the window.
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin):
            self._idle.start()
            # Qt turns every second quick tap into a double-click event instead of a press: five
            # quick taps arrive as press, double-click, press, double-click, press. Both count.
            if watched is self.clock and kind is not QEvent.Type.TouchBegin:
                self._tap()
        return super().eventFilter(watched, event)

    def release_for_shutdown(self) -> None:
        """The PC shuts down or the supervisor stops the kiosk: a close is allowed now."""
        self.locked = False

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.locked:
            event.ignore()  # Alt+F4, Esc or the window manager: a kiosk stays open
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.locked and event.key() == Qt.Key.Key_Escape:
            return  # Esc would leave full screen on some systems
        super().keyPressEvent(event)

    def _tap(self) -> None:
        now = self._tap_clock.elapsed()
        self._taps = [t for t in self._taps if now - t < TAP_WINDOW_MS] + [now]
        if len(self._taps) >= TAPS_TO_UNLOCK:
            self._taps.clear()
            self.open_pin_pad()

    def open_pin_pad(self) -> None:
        self.pin_pad.clear()
        self.pages.setCurrentIndex(PIN)
        self._titles()

    def try_pin(self, pin: str) -> None:
        if pin_matches(self.parts.kiosk.exit_pin_hash, pin):
            self.locked = False
            self.close()
            return
        self.pin_pad.clear(self.tr("Wrong PIN."))

    def go_home(self) -> None:
        self._ticket_timer.stop()
        self.priority_group = None
        self.pages.setCurrentIndex(HOME)
        self._titles()
        self.check_opening()

    # --- office hours --------------------------------------------------------------------------

    def check_opening(self) -> None:
        """Is the office open; if not, when it opens and whether numbers are issued (every kiosk obeys)."""
        self.tasks.run(
            self.parts.queue.opening,
            self._show_opening,
            lambda exc: log.warning("office hours not read on the kiosk: %s", exc),
            key="opening",
        )

    def opening_text(self, at: datetime) -> str:
        """“7:30 sáng thứ Hai, 30/11/2026”: the day spelled out, for a citizen planning to come back."""
        hour = f"{at.hour}:{at.minute:02d}"
        moment = (self.tr("%1 in the morning") if at.hour < 12 else self.tr("%1 in the afternoon")).replace(
            "%1", hour
        )
        weekdays = (
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        )
        return (
            self.tr("%1 on %2, %3")
            .replace("%1", moment)
            .replace("%2", weekdays[at.weekday()])
            .replace("%3", f"{at:%d/%m/%Y}")
        )

    def closed_text(self, opens_at: datetime) -> str:
        return self.tr("The office is closed and issues no numbers now. It opens at %1.").replace(
            "%1", self.opening_text(opens_at)
        )

    def _home_title(self) -> str:
        if self.opening is not None and not self.opening.issuing:
            return self.tr("The office is closed")
        return self.tr("Touch the service you need to take a number.")

    def _show_opening(self, opening: Opening) -> None:
        self.opening = opening
        if self.pages.currentIndex() == HOME and self.priority_group is None:
            self.title.setText(self._home_title())
        if opening.open:
            self.hours_notice.clear()
        elif opening.issuing:
            self.hours_notice.setText(
                self.tr(
                    "The office is closed now. It opens at %1.\n"
                    "You can take a number now: it will be called when the office opens."
                ).replace("%1", self.opening_text(opening.opens_at))
            )
        else:
            self.hours_notice.setText(self.closed_text(opening.opens_at))
        self.hours_notice.setVisible(not opening.open)
        # Red when nothing is issued; the office's colour when a number can still be taken.
        colour = NAVY if opening.issuing else KIOSK_RED
        self.hours_notice.setStyleSheet(f"font-size: 24pt; font-weight: bold; color: {colour};")
        for button in (*self.area_buttons, self.priority_button):
            button.setEnabled(opening.issuing)
        if not opening.issuing and self.pages.currentIndex() == PRIORITY:
            self.go_home()  # closed while a group was being chosen
        self.guide.closed_text = "" if opening.issuing else self.closed_text(opening.opens_at)
        self.guide.show_take_button()

    def go_back(self) -> None:
        if self.pages.currentIndex() == GUIDE and self.guide.back():
            return
        if self.pages.currentIndex() == HOME and self.priority_group is not None:
            self.priority_group = None
            self._titles()
            return
        self.go_home()

    def open_guide(self) -> None:
        self.pages.setCurrentIndex(GUIDE)
        self.guide.start()
        self.back.setVisible(True)

    def open_priority(self) -> None:
        self.pages.setCurrentIndex(PRIORITY)
        self._titles()

    def choose_priority(self, group: PriorityGroup) -> None:
        self.priority_group = group
        self.pages.setCurrentIndex(HOME)
        self._titles()

    def _titles(self) -> None:
        page = self.pages.currentIndex()
        if page == HOME and self.priority_group is None:
            self.title.setText(self._home_title())
        elif page == HOME:
            self.title.setText(
                self.tr("Priority number – %1. Touch the service you need.").replace(
                    "%1", tr_domain(self.priority_group.label) if self.priority_group else ""
                )
            )
        elif page == PRIORITY:
            self.title.setText(self.tr("Which priority group are you in?"))
        elif page == TICKET:
            self.title.setText(self.tr("Your number"))
        elif page == PIN:
            self.title.setText(self.tr("Staff only: enter the PIN to close the kiosk"))
        elif page == LOOKUP:
            self.title.setText(self.tr("Look up your dossier"))
        self.back.setVisible(page not in (HOME, TICKET, PIN) or self.priority_group is not None)
        self.priority_button.setVisible(self.priority_group is None)
        self.guide_button.setVisible(self.priority_group is None)
        self.lookup_button.setVisible(self.priority_group is None)
        if page == HOME:
            self.message.clear()

    # --- tickets -------------------------------------------------------------------------------

    def _fill_areas(self, areas: list[ServiceArea]) -> None:
        clear(self.areas_list)
        self.area_buttons = []
        for area in areas:
            button = big_button(f"{area.code}    {area.name}", 30, 150)
            button.clicked.connect(lambda _=False, code=area.code: self.take_ticket(code))
            button.setEnabled(self.opening is None or self.opening.issuing)
            self.area_buttons.append(button)
        self._arrange()
        if not areas:
            self.message.setText(self.tr("Tickets are not set up yet. Please ask at a counter."))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Every area button in sight without scrolling: two columns when the screen is wide."""
        landscape = self.width() > self.height()
        columns = 2 if landscape else 1
        for i, button in enumerate(self.area_buttons):
            self.areas_list.addWidget(button, i // columns, i % columns)
        rows = (len(self.area_buttons) + columns - 1) // columns
        for row in range(rows + 1):
            self.areas_list.setRowStretch(row, 1 if row == rows else 0)
        self.home_buttons.setDirection(
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )
        groups = list(self.group_buttons.values())
        for i, button in enumerate(groups):
            self.groups_grid.addWidget(button, i // columns, i % columns)
        self.groups_grid.setRowStretch((len(groups) + columns - 1) // columns, 1)

    def take_ticket(self, service_code: str) -> None:
        if self.issuing:
            return  # a second tap while the first is being issued would give two tickets
        self.issuing = True
        group, desk = self.priority_group, self.parts.desk
        self.tasks.run(
            lambda: desk.issue(service_code, priority_group=group),
            self._issued,
            self._issue_failed,
            always=self._issue_ended,
        )

    def _issue_failed(self, exc: BaseException) -> None:
        if self.pages.currentIndex() != HOME:  # the guide's button: the message is on the home page
            self.go_home()
        if isinstance(exc, OfficeClosed):  # closed meanwhile (or on another kiosk's say-so)
            self._failed(exc, self.message, self.closed_text(exc.opens_at), reason=False)
            self.check_opening()
            return
        self._failed(exc, self.message, self.tr("No number could be issued. Please ask at a counter."))

    def _issue_ended(self) -> None:
        self.issuing = False

    def _issued(self, issued: IssuedTicket) -> None:
        self.ticket_number.setText(issued.ticket.label)
        group = issued.ticket.priority_group
        self.ticket_area.setText(
            issued.service_name + (f"\n{tr_domain(PRIORITY_LABELS[group])}" if group else "")
        )
        if issued.opens_at is not None:  # outside office hours: called once the office opens
            self.ticket_ahead.setText(
                self.tr("%n people ahead of you.", "", issued.people_ahead)
                if issued.people_ahead
                else self.tr("No one is ahead of you.")
            )
            self.ticket_wait.setText(self.called_at_opening(issued.opens_at))
        elif issued.people_ahead == 0:
            self.ticket_ahead.setText(self.tr("No one is ahead of you."))
            self.ticket_wait.setText(self.tr("You will be called shortly."))
        else:
            self.ticket_ahead.setText(self.tr("%n people ahead of you.", "", issued.people_ahead))
            minutes = max(1, math.ceil(issued.estimated_wait.total_seconds() / 60))
            self.ticket_wait.setText(self.tr("Estimated wait: about %n minutes.", "", minutes))
        self.ticket_note.setText(
            self.tr("Please take a seat. Your number will be shown on the screen and called out.")
        )
        self.priority_group = None
        self.print_problem.clear()
        self.reprint_button.setVisible(False)
        self.pages.setCurrentIndex(TICKET)
        self._titles()
        self._ticket_timer.start(TICKET_SHOWN_MS)
        self.shown_ticket = issued
        self.ticket_shown.emit(issued)
        self.print_ticket(issued)

    # --- paper ---------------------------------------------------------------------------------

    def called_at_opening(self, opens_at: datetime) -> str:
        return self.tr("Your number will be called when the office opens at %1.").replace(
            "%1", self.opening_text(opens_at)
        )

    def wording(self, issued: IssuedTicket | None = None) -> TicketWording:
        """The ticket's words in the kiosk's language; the desk fills in the ticket's own facts."""
        opens_at = issued.opens_at if issued is not None else None
        return TicketWording(
            caption=self.tr("Queue number"),
            issued=self.tr("%1 on %2"),
            ahead=self.ticket_ahead.text(),
            footer=(
                self.called_at_opening(opens_at)
                if opens_at is not None
                else self.tr("Please wait for your number on the screen.")
            ),
            translate=lambda context, text: nfc(QCoreApplication.translate(context, text)),  # thread-safe
        )

    def print_ticket(self, issued: IssuedTicket) -> None:
        """Print after the ticket is safe in the database; a printer problem never loses it."""
        desk, wording = self.parts.desk, self.wording(issued)
        self.reprint_button.setEnabled(False)
        self.tasks.run(
            lambda: desk.print_ticket(issued, wording),
            self._printed,
            self._print_failed,
            always=lambda: self.reprint_button.setEnabled(True),
        )

    def reprint(self) -> None:
        if self.shown_ticket is not None:
            self._ticket_timer.start(TICKET_SHOWN_MS)  # the citizen is still here: time again
            self.print_ticket(self.shown_ticket)

    def _printed(self, outcome: PrintOutcome) -> None:
        if outcome is PrintOutcome.NO_PRINTER:
            # This kiosk has no printer: the number on the screen is the ticket, and it says so.
            label = self.shown_ticket.ticket.label if self.shown_ticket else ""
            self.print_problem.setText(
                self.tr("No paper ticket is printed here. Please remember your number: %1.").replace(
                    "%1", label
                )
            )
            self._ticket_timer.start(TICKET_UNPRINTED_MS)
            return
        self.print_problem.clear()
        self.reprint_button.setVisible(False)
        self.print_finished.emit(True)

    def _print_failed(self, exc: BaseException) -> None:
        label = self.shown_ticket.ticket.label if self.shown_ticket else ""
        text = self.tr(
            "The ticket could not be printed. Please remember your number %1, "
            "or touch “Print the ticket again”."
        ).replace("%1", label)
        self._failed(exc, self.print_problem, text, reason=False)
        self._ticket_timer.start(TICKET_UNPRINTED_MS)  # no paper: longer to remember the number
        self.reprint_button.setVisible(True)
        self.print_finished.emit(False)

    def _failed(self, exc: BaseException, where: QLabel, text: str, *, reason: bool = True) -> None:
        """The kiosk's failure path: classified and logged as every window's failures are, and
        written on the kiosk's own screen in large type, with the reason when ``reason``.

        Never a box (TaskRunner's default path opens one unless the process is marked
        unattended): nobody at a kiosk would close it, and a kiosk may share its process
        with a counter (tests, a second screen).
        """
        failure, why = failure_text(exc)
        if failure.is_bug:
            log.error("unexpected error on the kiosk", exc_info=(type(exc), exc, exc.__traceback__))
        elif isinstance(exc, DomainError):
            log.info("%s: shown on the kiosk's screen: %s", failure.kind, why)
        else:
            log.warning("%s on the kiosk: %s", failure.kind, exc)
        where.setText("\n".join(part for part in (text, why if reason else "") if part))
