"""The kiosk's procedure guide: a field, then a procedure, then the papers to bring. Offline."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QScroller, QStackedWidget, QTextBrowser, QVBoxLayout, QWidget

from counter_app.domain.calendar import now_vn
from counter_app.domain.catalogue import Procedure
from counter_app.services.calendar import CalendarService
from counter_app.services.catalogue import CatalogueService, FieldCount
from counter_app.ui.common.formatting import procedure_html, processing_time_text
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import clear_layout as clear
from counter_app.ui.kiosk.widgets import big_button, scroll

FIELDS, PROCEDURES, DETAIL = range(3)


class ProcedureGuide(QStackedWidget):
    title_changed = Signal(str)

    def __init__(
        self,
        catalogue: CatalogueService,
        calendar: CalendarService,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.calendar = calendar
        self.tasks = tasks
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
        self.addWidget(self.detail)
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
            button = big_button(f.name, 26, 150)
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
        for p in procedures:
            button = big_button(f"{p.name}\n{processing_time_text(p.processing_time)}", 20, 120)
            button.clicked.connect(lambda _=False, p=p: self.open_procedure(p))
            self.procedures_list.addWidget(button)
        self.procedures_list.addStretch(1)
        self.setCurrentIndex(PROCEDURES)
        self.title_changed.emit(self._field_title)

    def open_procedure(self, procedure: Procedure) -> None:
        appointment = self.calendar.calendar().appointment(now_vn(), procedure.processing_time)
        self.detail.setHtml(procedure_html(procedure, appointment, large=True))
        self.setCurrentIndex(DETAIL)
        self.title_changed.emit(self.tr("Papers to bring"))
