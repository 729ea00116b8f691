"""The kiosk's procedure guide: a field, then a procedure, then the papers to bring. Offline.

Under a procedure's papers, one large button takes a number for the service area its field is
served in (the queue's set-up says which); a field in no area says to ask at a counter instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QScroller,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.calendar import now_vn
from counter_app.domain.catalogue import Procedure
from counter_app.domain.queue import ServiceArea
from counter_app.services.calendar import CalendarService
from counter_app.services.catalogue import CatalogueService, FieldCount
from counter_app.services.queue import QueueService
from counter_app.ui.common.formatting import procedure_html, processing_time_text
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import clear_layout as clear
from counter_app.ui.kiosk.widgets import WrapButton, big_button, scroll
from counter_app.ui.theme import KIOSK_RED

FIELDS, PROCEDURES, DETAIL = range(3)


class ProcedureGuide(QStackedWidget):
    title_changed = Signal(str)
    take_number = Signal(str)  # the service area's code, for the procedure read

    def __init__(
        self,
        catalogue: CatalogueService,
        calendar: CalendarService,
        queue: QueueService,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.calendar = calendar
        self.queue = queue
        self.tasks = tasks
        self.area: ServiceArea | None = None  # where the procedure read takes its number
        self.area_known = False  # the procedure's area has been looked up
        self.closed_text = ""  # set by the kiosk while the office is closed and issues no numbers
        self._field_title = ""
        self.fields_page = QWidget()
        self.fields_grid = QGridLayout(self.fields_page)
        self.fields_grid.setSpacing(24)
        self.procedures_page = QWidget()
        self.procedures_list = QVBoxLayout(self.procedures_page)
        self.procedures_list.setSpacing(18)
        self.detail = QTextBrowser()
        self.detail.setFrameShape(QTextBrowser.Shape.NoFrame)
        QScroller.grabGesture(self.detail.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self.addWidget(scroll(self.fields_page))
        self.addWidget(scroll(self.procedures_page))
        detail_page = QWidget()
        detail_layout = QVBoxLayout(detail_page)
        detail_layout.setContentsMargins(0, 0, 0, 12)
        detail_layout.setSpacing(18)
        detail_layout.addWidget(self.detail, 1)
        # Below the text, always in sight: the citizen does not scroll to find it.
        self.take_button = big_button("", 28, 160, "takeNumber")
        self.take_button.clicked.connect(self._take_number)
        self.no_area = QLabel()
        self.no_area.setObjectName("noArea")
        self.no_area.setWordWrap(True)
        self.no_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_area.setStyleSheet(f"font-size: 24pt; font-weight: bold; color: {KIOSK_RED};")
        detail_layout.addWidget(self.no_area)
        detail_layout.addWidget(self.take_button)
        self.addWidget(detail_page)
        self.tasks.run(catalogue.fields, self._fill_fields, key="fields")

    def start(self) -> None:
        self.setCurrentIndex(FIELDS)
        self.title_changed.emit(self.tr("Which service do you need? Touch a field to see its procedures."))

    def back(self) -> bool:
        """One step back; False at the first page, where the kiosk's own home takes over."""
        if self.currentIndex() == DETAIL:
            self.setCurrentIndex(PROCEDURES)
            self.title_changed.emit(self._field_title)
            return True
        if self.currentIndex() == PROCEDURES:
            self.start()
            return True
        return False

    def _fill_fields(self, fields: list[FieldCount]) -> None:
        # One column: long field names stay whole and every button is as wide as the screen.
        for i, f in enumerate(fields):
            button = WrapButton(f.name, 26, 150)
            button.clicked.connect(lambda _=False, f=f: self.open_field(f))
            self.fields_grid.addWidget(button, i, 0)
        self.fields_grid.setRowStretch(len(fields), 1)

    def open_field(self, field: FieldCount) -> None:
        self._field_title = self.tr("%1: touch a procedure").replace("%1", field.name)
        self.tasks.run(
            lambda: self.catalogue.search("", field_code=field.code, limit=500),
            self._show_procedures,
            key="procedures",
        )

    def _show_procedures(self, procedures: list[Procedure]) -> None:
        clear(self.procedures_list)
        # Long names ("… văn bản do cơ quan, tổ chức …") wrap whole onto as many lines as they need.
        for p in procedures:
            button = WrapButton(f"{p.name}\n{processing_time_text(p.processing_time)}", 22, 120)
            button.clicked.connect(lambda _=False, p=p: self.open_procedure(p))
            self.procedures_list.addWidget(button)
        self.procedures_list.addStretch(1)
        self.setCurrentIndex(PROCEDURES)
        self.title_changed.emit(self._field_title)

    def open_procedure(self, procedure: Procedure) -> None:
        appointment = self.calendar.calendar().appointment(now_vn(), procedure.processing_time)
        self.detail.setHtml(procedure_html(procedure, appointment, large=True))
        self.area, self.area_known = None, False
        self.take_button.setVisible(False)  # until the area is known: never a number for the wrong one
        self.no_area.setVisible(False)
        self.setCurrentIndex(DETAIL)
        self.title_changed.emit(self.tr("Papers to bring"))
        field = procedure.field_code
        self.tasks.run(lambda: self.queue.area_for_field(field), self._show_area, key="procedure area")

    def _show_area(self, area: ServiceArea | None) -> None:
        self.area, self.area_known = area, True
        self.show_take_button()

    def show_take_button(self) -> None:
        """The button for the procedure's area, or plainly why no number is taken here."""
        area = self.area
        if not self.area_known:
            return
        if area is None:
            self.no_area.setText(
                self.tr("No number is taken at this machine for this procedure. Please ask at a counter.")
            )
        elif self.closed_text:
            self.no_area.setText(self.closed_text)
        else:
            self.take_button.setText(
                self.tr("Take a number for this procedure") + f"\n{area.code}  –  {area.name}"
            )
        taking = area is not None and not self.closed_text
        self.take_button.setVisible(taking)
        self.no_area.setVisible(not taking)

    def _take_number(self) -> None:
        if self.area is not None:
            self.take_number.emit(self.area.code)
