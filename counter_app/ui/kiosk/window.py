"""The kiosk: touch only, large type. Citizens look up a procedure and the papers to bring.

Ticketing joins this window with the queue feature; the guide works today, offline.
An idle kiosk returns to its first page by itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QScroller,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from counter_app.app import AppContext
from counter_app.domain.calendar import now_vn
from counter_app.domain.catalogue import Procedure
from counter_app.services.catalogue import FieldCount
from counter_app.ui.common.formatting import procedure_html, processing_time_text
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import Clock
from counter_app.ui.errors import show_failure

IDLE_RETURN_MS = 90_000
BUTTON_STYLE = """
QPushButton { background: #0b3d91; color: white; border-radius: 14px; padding: 18px; text-align: left; }
QPushButton:pressed { background: #072a66; }
QPushButton#back { background: #5f6b7a; text-align: center; }
"""


def _big_button(text: str, point_size: int = 26, height: int = 130) -> QPushButton:
    button = QPushButton(text)
    font = QFont(button.font())
    font.setPointSize(point_size)
    font.setBold(True)
    button.setFont(font)
    button.setMinimumHeight(height)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def _scroll(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    return area


class KioskWindow(QMainWindow):
    REFERENCE_SIZE = (1080, 1920)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.tasks = TaskRunner(self)
        self.setWindowTitle(context.settings.office.name)
        self.setStyleSheet(BUTTON_STYLE)

        header = QWidget()
        header.setObjectName("kioskHeader")
        header.setStyleSheet("#kioskHeader { background: #0b3d91; } QLabel { color: white; }")
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(30, 24, 30, 24)
        office = QLabel(context.settings.office.name)
        office.setWordWrap(True)
        office.setAlignment(Qt.AlignmentFlag.AlignCenter)
        office.setStyleSheet("font-size: 30pt; font-weight: bold;")
        self.clock = Clock(with_date=True)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock.setStyleSheet("font-size: 20pt;")
        header_layout.addWidget(office)
        header_layout.addWidget(self.clock)

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-size: 28pt; font-weight: bold; color: #0b3d91; padding: 20px;")

        self.pages = QStackedWidget()
        self.fields_page = QWidget()
        self.fields_grid = QGridLayout(self.fields_page)
        self.fields_grid.setSpacing(24)
        self.procedures_page = QWidget()
        self.procedures_list = QVBoxLayout(self.procedures_page)
        self.procedures_list.setSpacing(18)
        self.detail = QTextBrowser()
        self.detail.setFrameShape(QTextBrowser.Shape.NoFrame)
        QScroller.grabGesture(self.detail.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self.pages.addWidget(_scroll(self.fields_page))
        self.pages.addWidget(_scroll(self.procedures_page))
        self.pages.addWidget(self.detail)

        self.back = _big_button(self.tr("◀  Back"), 26, 120)
        self.back.setObjectName("back")
        self.back.clicked.connect(self.go_back)
        footer = QHBoxLayout()
        footer.setContentsMargins(40, 10, 40, 30)
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
        self.installEventFilter(self)
        self.resize(*self.REFERENCE_SIZE)
        self.go_home()
        self.tasks.run(context.catalogue.fields, self._fill_fields, self._failed, key="fields")

    # Any touch restarts the idle countdown.
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self._idle.start()
        return super().eventFilter(watched, event)

    def go_home(self) -> None:
        self.title.setText(self.tr("Which service do you need? Touch a field to see its procedures."))
        self.pages.setCurrentIndex(0)
        self.back.setVisible(False)

    def go_back(self) -> None:
        if self.pages.currentIndex() == 2:
            self.pages.setCurrentIndex(1)
            self.title.setText(self._field_title)
        else:
            self.go_home()
        self._idle.start()

    def _fill_fields(self, fields: list[FieldCount]) -> None:
        # One column: long field names stay whole and every button is as wide as the screen.
        for i, f in enumerate(fields):
            button = _big_button(f.name, 26, 150)
            button.clicked.connect(lambda _=False, f=f: self.open_field(f))
            self.fields_grid.addWidget(button, i, 0)
        self.fields_grid.setRowStretch(len(fields), 1)

    def open_field(self, field: FieldCount) -> None:
        self._field_title = self.tr("%1: touch a procedure").replace("%1", field.name)
        self.tasks.run(
            lambda: self.context.catalogue.search("", field_code=field.code, limit=500),
            self._show_procedures,
            self._failed,
            key="procedures",
        )

    def _show_procedures(self, procedures: list[Procedure]) -> None:
        while self.procedures_list.count():
            item = self.procedures_list.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for p in procedures:
            button = _big_button(f"{p.name}\n{processing_time_text(p.processing_time)}", 20, 120)
            button.clicked.connect(lambda _=False, p=p: self.open_procedure(p))
            self.procedures_list.addWidget(button)
        self.procedures_list.addStretch(1)
        self.title.setText(self._field_title)
        self.pages.setCurrentIndex(1)
        self.back.setVisible(True)

    def open_procedure(self, procedure: Procedure) -> None:
        appointment = self.context.calendar.calendar().appointment(now_vn(), procedure.processing_time)
        self.detail.setHtml(procedure_html(procedure, appointment, large=True))
        self.title.setText(self.tr("Papers to bring"))
        self.pages.setCurrentIndex(2)
        self.back.setVisible(True)

    def _failed(self, exc: BaseException) -> None:
        show_failure(self, exc)
