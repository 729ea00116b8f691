"""A generated form on screen: its pages, Print (Qt's print dialog and preview, any installed
printer) and Save as PDF. The PDF is made by the service side; pypdfium2 draws its pages for Qt.

Pages are drawn off the GUI thread; printing draws each page at the printer's resolution.
"""

from __future__ import annotations

from pathlib import Path

from PIL.ImageQt import ImageQt
from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from counter_app.atomic import write_bytes_atomic
from counter_app.imaging.pdf_render import render
from counter_app.ui.common.file_dialogs import file_dialog_options
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.errors import show_failure
from counter_app.ui.theme import PAGE_BORDER, set_status

SCREEN_DPI = 96
FRAME_ALLOWANCE = 40  # a title bar and the frame's foot, outside the geometry
PAGE_FRAME = 1  # the border drawn round each page


def render_pages(pdf: bytes, dpi: int) -> list[QImage]:
    """Every page as an image at ``dpi`` (safe off the GUI thread: QImage, not QPixmap)."""
    return [ImageQt(page).copy() for page in render(pdf, dpi)]


def paint_on(printer: QPrinter, pdf: bytes) -> None:
    """Draw the PDF's pages onto a Qt printer (or a preview), one page each, fitted to the paper."""
    dpi = min(printer.resolution(), 300)
    images = render_pages(pdf, dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not start the job")
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(QRect(area.x(), area.y(), size.width(), size.height()))
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
    finally:
        painter.end()


class FormViewer(QDialog):
    """Shown, not exec'd: the clerk can keep working while it is open."""

    pages_shown = Signal(int)
    # The form went out (the activity log): True to a printer, False to a file; the file's name.
    output = Signal(bool, str)

    def __init__(
        self,
        pdf: bytes,
        title: str,
        file_name: str,
        parent: QWidget | None = None,
        *,
        table: str | None = None,
    ) -> None:
        super().__init__(parent)
        # A closed form goes with its PDF and page images: a clerk opens dozens a day, and the
        # window, their parent, stays open all day.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.pdf = pdf
        self.table = table  # the same list as CSV, for reports
        self.file_name = file_name
        self.setWindowTitle(title)
        self.tasks = TaskRunner(self)
        self.pages = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self.pages)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.status = QLabel(self.tr("Drawing the pages…"))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.preview_button = QPushButton(self.tr("Print pre&view…"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.csv_button = QPushButton(self.tr("Save as &CSV…"))
        self.csv_button.setVisible(table is not None)
        close = QPushButton(self.tr("&Close"))
        for button in (self.print_button, self.preview_button, self.save_button, self.csv_button, close):
            button.setMinimumHeight(40)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.preview_button, self.print_button, self.save_button, self.csv_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_form)
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.choose_and_save)
        self.csv_button.clicked.connect(self.choose_and_save_csv)
        close.clicked.connect(self.close)
        self.resize(760, 700)
        self.tasks.run(lambda: render_pages(pdf, SCREEN_DPI), self._show_pages, always=self.status.clear)

    def _show_pages(self, images: list[QImage]) -> None:
        for image in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet(f"background: white; border: {PAGE_FRAME}px solid {PAGE_BORDER};")
            self.pages.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        self.status.setText(self.tr("%n page(s)", "", len(images)))
        self._fit_width(max((image.width() for image in images), default=0))
        self.pages_shown.emit(len(images))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Within the screen, the title bar included: at 1366×768 with a task bar the buttons at
        # the foot stayed behind the task bar.
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            height = min(self.height(), room.height() - FRAME_ALLOWANCE)
            if height < self.height():
                self.resize(self.width(), height)
                self.move(self.x(), room.y())

    def _fit_width(self, page_width: int) -> None:
        """As wide as the widest page (a landscape register), within the screen: no column hidden."""
        screen = self.screen()
        if screen is None or page_width <= 0:
            return
        room = screen.availableGeometry()
        # The page, the scroll bar, the margins and the frame.
        wanted = min(page_width + self.page_margin(), room.width() - 20)
        if wanted > self.width():
            self.resize(wanted, self.height())
            self.move(room.x() + (room.width() - wanted) // 2, max(room.y(), self.y()))

    def page_margin(self) -> int:
        """What the window needs beside a page's width to show it whole."""
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        layout = self.layout()
        sides = layout.contentsMargins().left() + layout.contentsMargins().right() if layout else 0
        return bar + sides + 2 * PAGE_FRAME + 24

    def print_form(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def preview(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(lambda p: paint_on(p, self.pdf))
        dialog.exec()

    def print_to(self, printer: QPrinter) -> bool:
        """Print on ``printer``; a printer that refuses the job says so here, and the form stays
        on screen to print again (it is rebuilt from the database at any time)."""
        try:
            paint_on(printer, self.pdf)
        except OSError:
            self.status.setText(
                self.tr(
                    "The printer did not take the form: check that it is on and has paper, then print again."
                )
            )
            set_status(self.status, "error")
            return False
        self.status.setText(self.tr("Sent to the printer."))
        set_status(self.status, "ok")
        self.output.emit(True, self.file_name)
        return True

    def choose_and_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self.file_name, "PDF (*.pdf)", options=file_dialog_options()
        )
        if path:
            self.save_to(Path(path))

    def choose_and_save_csv(self) -> None:
        name = str(Path(self.file_name).with_suffix(".csv"))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as CSV"), name, "CSV (*.csv)", options=file_dialog_options()
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """PDF, or CSV when the path ends in .csv (UTF-8 with a BOM, so Excel shows the accents)."""
        if path.suffix.lower() == ".csv" and self.table is not None:
            data = self.table.encode("utf-8-sig")
        else:
            data = self.pdf
        try:
            write_bytes_atomic(path, data)
        except OSError as exc:
            show_failure(self, exc)
            return
        self.status.setText(self.tr("Saved: %1").replace("%1", str(path)))
        self.output.emit(False, path.name)
