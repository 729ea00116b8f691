"""The scanning view: a dossier's checklist on the left, the pages of the chosen row on the right.

Pages land on the chosen row as the scanner gives them (each one cleaned and encoded on the
worker thread), shown as thumbnails the clerk can drag into order, turn, delete, rescan, keep
in colour, or move to another row; "Save" makes the row's PDF/A. A row the citizen already has
digitised in an earlier dossier offers that copy instead. Scanning, importing, processing and
saving run off the GUI thread; a batch can be cancelled and keeps the pages already scanned.

The pages and every action on them belong to a :class:`ScanSession` (services/scan_batch.py):
this view only draws what it holds and shows the progress it reports.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.scanner import ColourMode, Scanner, ScanRequest, Source
from counter_app.domain.staff import StaffMember
from counter_app.services.scan_batch import (
    BatchDone,
    DossierPapers,
    DraftPage,
    Feed,
    PageEncoding,
    PagesIn,
    ScanBatch,
    ScanSession,
    scan_request,
)
from counter_app.services.scanning import AttachedScan, ComponentScan, ReuseOffer
from counter_app.settings import ScannerKind
from counter_app.ui.common.file_dialogs import file_dialog_options
from counter_app.ui.common.form_viewer import FormViewer
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import error_label
from counter_app.ui.counter.parts import CounterParts
from counter_app.ui.theme import GREEN, SCAN_PROBLEM_TEXT, SCAN_SAVED_BACKGROUND, SCAN_SAVED_TEXT, set_status

THUMB = QSize(150, 200)
FEEDER, FLATBED, DUPLEX = Feed.FEEDER.value, Feed.FLATBED.value, Feed.DUPLEX.value
ORIGINAL_INDEX = Qt.ItemDataRole.UserRole + 1  # a thumbnail's place before a drag


class _PageFeed(QObject):
    """Carries a batch's progress from the worker to the GUI thread, page by page."""

    arrived = Signal(object)  # PagesIn


class ScanDialog(QDialog):
    saved = Signal(object)  # AttachedScan

    def __init__(
        self,
        parts: CounterParts,
        actor: StaffMember,
        dossier_id: int,
        parent: QWidget | None = None,
        *,
        scanner_factory: Callable[[], Scanner] | None = None,
    ) -> None:
        super().__init__(parent)
        self.parts = parts
        self.actor = actor
        self.dossier_id = dossier_id
        self.session = ScanSession(
            parts.scans,
            actor,
            dossier_id,
            open_scanner=scanner_factory or parts.open_scanner,
            load_pages=parts.load_pages,
        )
        # A feeder batch holds its thread for minutes: this window's own pool keeps the shared one free.
        pool = QThreadPool(self)
        pool.setMaxThreadCount(2)
        self.tasks = TaskRunner(self, pool)
        self.code = ""
        self.components: list[ComponentScan] = []
        self.offers: dict[int, list[ReuseOffer]] = {}
        self.busy = False
        self.cancel_event = threading.Event()
        self.feed = _PageFeed(self)
        self.feed.arrived.connect(self._page_arrived)
        self._target = 0  # the row a running batch fills
        self.setWindowTitle(self.tr("Scan the papers"))

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.rows = QListWidget()
        self.rows.setMinimumWidth(340)
        self.rows.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows.setWordWrap(True)
        self.rows.setStyleSheet("QListWidget::item { padding: 8px; }")
        self.reuse_label = QLabel()
        self.reuse_label.setWordWrap(True)
        self.reuse_label.setStyleSheet(
            f"background: {SCAN_SAVED_BACKGROUND}; border: 1px solid {GREEN};"
            " border-radius: 4px; padding: 6px;"
        )
        self.reuse_button = QPushButton(self.tr("Use this digitised copy"))
        self.view_button = QPushButton(self.tr("View the saved file"))
        self.detach_button = QPushButton(self.tr("Remove the saved file"))
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Papers of the dossier")))
        left.addWidget(self.rows, 1)
        left.addWidget(self.reuse_label)
        left.addWidget(self.reuse_button)
        left.addWidget(self.view_button)
        left.addWidget(self.detach_button)

        self.source = QComboBox()
        self.source.addItem(self.tr("Feeder"), FEEDER)
        self.source.addItem(self.tr("Feeder, both sides"), DUPLEX)
        self.source.addItem(self.tr("Flatbed (glass)"), FLATBED)
        self.colour = QComboBox()
        self.colour.addItem(self.tr("Colour kept where needed (automatic)"), "")
        self.colour.addItem(self.tr("Grey"), ColourMode.GREY.value)
        self.colour.addItem(self.tr("Black and white"), ColourMode.BLACK_WHITE.value)
        self.dpi = QComboBox()
        for dpi in (200, 300):
            self.dpi.addItem(f"{dpi} dpi", dpi)
        self.dpi.setCurrentIndex(1 if parts.settings.scanner.dpi >= 300 else 0)
        self.scan_button = QPushButton(self.tr("&Scan"))
        self.scan_button.setStyleSheet("font-weight: bold;")
        self.import_button = QPushButton(self.tr("&Import from files…"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        top = QHBoxLayout()
        for widget in (self.source, self.colour, self.dpi, self.scan_button, self.import_button):
            top.addWidget(widget)
        top.addWidget(self.cancel_button)

        self.pages = QListWidget()
        self.pages.setViewMode(QListWidget.ViewMode.IconMode)
        self.pages.setIconSize(THUMB)
        self.pages.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 52))
        self.pages.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.pages.setMovement(QListWidget.Movement.Snap)
        self.pages.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.pages.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.pages.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.pages.setWordWrap(True)
        self.pages.model().rowsMoved.connect(self._reordered)

        self.left_button = QPushButton(self.tr("⟲ Turn left"))
        self.right_button = QPushButton(self.tr("⟳ Turn right"))
        self.delete_button = QPushButton(self.tr("Delete page"))
        self.rescan_button = QPushButton(self.tr("Rescan page"))
        self.keep_as = QComboBox()
        self.keep_as.addItem(self.tr("Store: automatic"), "")
        self.keep_as.addItem(self.tr("Store: black and white"), PageEncoding.BLACK_WHITE.value)
        self.keep_as.addItem(self.tr("Store: grey"), PageEncoding.GREY.value)
        self.keep_as.addItem(self.tr("Store: colour"), PageEncoding.COLOUR.value)
        self.move_to = QComboBox()
        self.move_to.setMinimumWidth(150)
        self.move_button = QPushButton(self.tr("Move to"))
        edit = QGridLayout()
        widgets: tuple[QWidget, ...] = (
            self.left_button,
            self.right_button,
            self.delete_button,
            self.rescan_button,
            self.keep_as,
            self.move_button,
            self.move_to,
        )
        for index, editor in enumerate(widgets):
            edit.addWidget(editor, 0, index)
        edit.setColumnStretch(6, 1)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = error_label()
        self.save_button = QPushButton(self.tr("Save this paper (PDF/A)"))
        self.save_button.setStyleSheet("font-weight: bold;")
        close = QPushButton(self.tr("Close"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)

        right = QVBoxLayout()
        right.addLayout(top)
        right.addWidget(self.pages, 1)
        right.addLayout(edit)
        right.addWidget(self.error)
        right.addLayout(bottom)
        body = QHBoxLayout()
        body.addLayout(left, 0)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        for button in (
            self.scan_button,
            self.import_button,
            self.cancel_button,
            self.save_button,
            close,
            self.reuse_button,
            self.view_button,
            self.detach_button,
            self.left_button,
            self.right_button,
            self.delete_button,
            self.rescan_button,
            self.move_button,
        ):
            button.setMinimumHeight(40)

        self.rows.currentRowChanged.connect(lambda _: self._show_row())
        self.pages.itemSelectionChanged.connect(self._enable)
        self.scan_button.clicked.connect(self.scan)
        self.import_button.clicked.connect(self._choose_files)
        self.cancel_button.clicked.connect(self.cancel)
        self.left_button.clicked.connect(lambda: self.turn(-1))
        self.right_button.clicked.connect(lambda: self.turn(1))
        self.delete_button.clicked.connect(self.delete_pages)
        self.rescan_button.clicked.connect(self.rescan_page)
        self.keep_as.activated.connect(lambda _: self.keep_selected_as(self.keep_as.currentData() or None))
        self.move_button.clicked.connect(self._move_selected)
        self.save_button.clicked.connect(self.save)
        self.reuse_button.clicked.connect(self.reuse)
        self.view_button.clicked.connect(self.view_saved)
        self.detach_button.clicked.connect(self.detach)
        close.clicked.connect(self.close)
        self.resize(1300, 720)
        self.load()

    # --- the dossier's rows --------------------------------------------------------------------

    def load(self, then_select: int | None = None) -> None:
        self.tasks.run(
            self.session.load,
            lambda papers: self._loaded(papers, then_select),
            error_label=self.error,
            always=self._idle,
        )
        self._set_busy(True, "" if self.code else self.tr("Reading the dossier…"))

    def _loaded(self, papers: DossierPapers, then_select: int | None) -> None:
        first = not self.code
        self.code, self.components, self.offers = papers.code, papers.rows, papers.offers
        if first:
            self.status.setText(
                self.tr("Put the papers in the scanner and press Scan, or import them from files.")
            )
        self.title.setText(self.tr("Scan the papers of dossier %1").replace("%1", self.code))
        current = then_select if then_select is not None else self.current_position()
        self.rows.blockSignals(True)
        self.rows.clear()
        self.move_to.clear()
        for row in self.components:
            item = QListWidgetItem(self._row_text(row))
            item.setData(Qt.ItemDataRole.UserRole, row.position)
            if row.presented_only or row.missing:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            elif row.pages:
                item.setForeground(QColor(SCAN_SAVED_TEXT))
            self.rows.addItem(item)
            if not (row.presented_only or row.missing):
                label = self.tr("Result: %1").replace("%1", row.name) if row.is_result else row.name
                self.move_to.addItem(label if row.is_result else f"{row.position + 1}. {label}", row.position)
        self.rows.blockSignals(False)
        wanted = current
        if wanted is None or not self._scannable(wanted):
            wanted = next((r.position for r in self.components if r.needs_scan), None)
        if wanted is None:
            wanted = next((r.position for r in self.components if self._scannable(r.position)), None)
        if wanted is not None:
            self.rows.setCurrentRow(self._index_of(wanted))
        self._show_row()

    def _row_text(self, row: ComponentScan) -> str:
        name = (
            self.tr("Result: %1").replace("%1", row.name)
            if row.is_result
            else f"{row.position + 1}. {row.name}"
        )
        draft = self.session.page_count(row.position)
        if row.presented_only:
            state = self.tr("shown at the counter: not scanned")
        elif row.not_applicable:
            state = self.tr("not applicable: not scanned")
        elif row.missing:
            state = self.tr("not brought")
        elif draft:
            state = self.tr("%n page(s) not saved yet", "", draft)
        elif row.pages:
            state = self.tr("saved: %n page(s)", "", row.pages)
            if row.reused_from:
                state += " · " + self.tr("copy from %1").replace("%1", row.reused_from)
            if row.blank_pages:
                state += " · " + self.tr("%n blank page(s)", "", row.blank_pages)
        else:
            state = self.tr("not scanned yet")
        return f"{name}\n    {state}"

    def _index_of(self, position: int) -> int:
        return next((i for i, r in enumerate(self.components) if r.position == position), -1)

    def _scannable(self, position: int) -> bool:
        index = self._index_of(position)
        return index >= 0 and not (self.components[index].presented_only or self.components[index].missing)

    def current_position(self) -> int | None:
        item = self.rows.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def current_row(self) -> ComponentScan | None:
        position = self.current_position()
        return self.components[self._index_of(position)] if position is not None else None

    def batch(self, position: int | None = None) -> ScanBatch:
        """A copy of the pages of the row (the chosen one by default), to draw them."""
        chosen = self.current_position() if position is None else position
        return self.session.batch(-1 if chosen is None else chosen)

    def select_row(self, position: int) -> None:
        self.rows.setCurrentRow(self._index_of(position))

    # --- the pages of the chosen row -----------------------------------------------------------

    def _show_row(self) -> None:
        self.pages.clear()
        row = self.current_row()
        for number, page in enumerate(self.batch().pages, start=1):
            item = self._page_item(number, page)
            item.setData(ORIGINAL_INDEX, number - 1)
            self.pages.addItem(item)
        offers = self.offers.get(row.position, []) if row and row.needs_scan else []
        if offers:
            offer = offers[0]
            day = offer.scanned_at.strftime("%d/%m/%Y") if offer.scanned_at else ""
            self.reuse_label.setText(
                self.tr(
                    "Already digitised in dossier %1 (%2, %n page(s)): no need to scan it again.",
                    "",
                    offer.pages,
                )
                .replace("%1", offer.dossier_code)
                .replace("%2", day)
            )
        else:
            self.reuse_label.setText("")
        self.reuse_button.setVisible(bool(offers))
        self.reuse_label.setVisible(bool(offers))
        self._enable()

    def _page_item(self, number: int, page: DraftPage) -> QListWidgetItem:
        pixmap = QPixmap()
        pixmap.loadFromData(page.thumbnail, "PNG")
        kind = {
            PageEncoding.BLACK_WHITE: self.tr("B/W"),
            PageEncoding.GREY: self.tr("grey"),
            PageEncoding.COLOUR: self.tr("colour"),
        }
        encoding = page.processed.encoding if page.processed else None
        text = self.tr("Page %1").replace("%1", str(number))
        if encoding is not None:
            text += f" · {kind[encoding]}"
        if page.blank:
            text += "\n" + self.tr("Blank page?")
        item = QListWidgetItem(QIcon(pixmap), text)
        item.setToolTip(page.source)
        if page.blank:
            item.setForeground(QColor(SCAN_PROBLEM_TEXT))
        return item

    def _refresh_pages(self, select: list[int] | None = None) -> None:
        self._show_row()
        for index in select or []:
            if 0 <= index < self.pages.count():
                self.pages.item(index).setSelected(True)
        self._update_row_text()

    def _update_row_text(self) -> None:
        for index, row in enumerate(self.components):
            item = self.rows.item(index)
            if item is not None:
                item.setText(self._row_text(row))

    def selected_pages(self) -> list[int]:
        return sorted(self.pages.row(item) for item in self.pages.selectedItems())

    def _reordered(self, *_args: object) -> None:
        """The clerk dragged thumbnails: read the new order back from the items."""
        position = self.current_position()
        order = [int(self.pages.item(i).data(ORIGINAL_INDEX)) for i in range(self.pages.count())]
        if position is not None:
            self.session.reorder(position, order)
        self._refresh_pages()

    def move_page(self, index: int, to: int) -> None:
        position = self.current_position()
        if position is not None:
            self.session.move(position, index, to)
        self._refresh_pages([to])

    def _enable(self) -> None:
        row = self.current_row()
        scannable = row is not None and not (row.presented_only or row.missing)
        selected = self.selected_pages()
        idle = not self.busy
        position = self.current_position()
        has_pages = position is not None and self.session.page_count(position) > 0
        self.scan_button.setEnabled(idle and scannable)
        self.import_button.setEnabled(idle and scannable)
        self.cancel_button.setEnabled(self.busy)
        for button in (self.left_button, self.right_button, self.delete_button, self.move_button):
            button.setEnabled(idle and bool(selected))
        self.keep_as.setEnabled(idle and bool(selected))
        self.move_to.setEnabled(idle and bool(selected))
        self.rescan_button.setEnabled(idle and len(selected) == 1)
        self.save_button.setEnabled(idle and scannable and has_pages)
        saved = row is not None and row.pages > 0
        self.view_button.setVisible(saved)
        self.detach_button.setVisible(saved)
        self.view_button.setEnabled(idle)
        self.detach_button.setEnabled(idle)
        self.reuse_button.setEnabled(idle)

    # --- scanning and importing ----------------------------------------------------------------

    def _colour(self) -> ColourMode | None:
        colour = self.colour.currentData()
        return ColourMode(colour) if colour else None  # None: automatic, decided page by page

    def _request(self, *, single: bool = False) -> ScanRequest:
        return scan_request(
            Feed(self.source.currentData()), int(self.dpi.currentData()), self._colour(), single=single
        )

    def scan(self) -> None:
        self._start_scan(self._request(), self.tr("Scanning…"))

    def rescan_page(self) -> None:
        selected = self.selected_pages()
        if len(selected) == 1:
            self._start_scan(self._request(single=True), self.tr("Scanning the page again…"), selected[0])

    def _start_scan(self, request: ScanRequest, message: str, replace_at: int | None = None) -> None:
        position = self.current_position()
        if position is None:
            return
        cancel = self._begin(position, message)
        where = self.tr("feeder") if request.source is Source.FEEDER else self.tr("glass")
        label = self.tr("%1, page %2").replace("%1", where)
        session, feed = self.session, self.feed
        self.tasks.run(
            lambda: session.scan(
                position,
                request,
                replace_at=replace_at,
                page_label=lambda number: label.replace("%2", str(number)),
                cancelled=cancel.is_set,
                on_progress=feed.arrived.emit,  # from the worker: Qt queues it to this window
            ),
            self._batch_done,
            error_label=self.error,
            always=self._batch_over,
        )

    def _choose_files(self) -> None:
        scanner = self.parts.settings.scanner
        folder = scanner.device if scanner.kind is ScannerKind.FOLDER else ""
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import scanned papers"),
            folder or str(Path.home()),
            self.tr("Images and PDF (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)"),
            options=file_dialog_options(),
        )
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, files: list[Path]) -> None:
        position = self.current_position()
        if position is None:
            return
        cancel = self._begin(position, self.tr("Importing…"))
        session, feed = self.session, self.feed
        dpi, colour = int(self.dpi.currentData()), self._colour()
        self.tasks.run(
            lambda: session.import_files(
                position,
                files,
                dpi=dpi,
                colour=colour,
                cancelled=cancel.is_set,
                on_progress=feed.arrived.emit,
            ),
            self._batch_done,
            error_label=self.error,
            always=self._batch_over,
        )

    def _begin(self, position: int, message: str) -> threading.Event:
        self.cancel_event = threading.Event()
        self._target = position
        self.error.clear()
        self._set_busy(True, message)
        return self.cancel_event

    def _page_arrived(self, progress: PagesIn) -> None:
        if self.current_position() == progress.position:
            self._refresh_pages()
        else:
            self._update_row_text()
        self.status.setText(self.tr("%n page(s) on this paper", "", progress.in_row))

    def _batch_over(self) -> None:
        """Done or stopped: the pages that came in stay, whatever stopped the scanner."""
        self._set_busy(False)
        self.status.setText(self.tr("%n page(s) on this paper", "", self.session.page_count(self._target)))

    def _batch_done(self, done: BatchDone) -> None:
        self.status.setText(
            self.tr("%n page(s) added. Check them, then save.", "", done.added)
            if done.added
            else self.tr("No page came in.")
        )
        set_status(self.status, "ok" if done.added else "warn")
        if done.blank_pages:
            self.status.setText(
                self.status.text()
                + " "
                + self.tr("Pages %1 look blank: delete them if they are the back of a sheet.").replace(
                    "%1", ", ".join(str(i + 1) for i in done.blank_pages)
                )
            )

    def cancel(self) -> None:
        self.cancel_event.set()
        self.status.setText(self.tr("Stopping after the current page…"))

    # --- editing -------------------------------------------------------------------------------

    def _rework(self, indexes: list[int], change: Callable[[int, list[int]], None], message: str) -> None:
        """Redo pages from their originals on a worker (a turn, another encoding)."""
        position = self.current_position()
        if position is None or not indexes:
            return
        self._set_busy(True, message)
        self.tasks.run(
            lambda: change(position, indexes),
            lambda _: self._refresh_pages(indexes),
            error_label=self.error,
            always=self._idle,
        )

    def turn(self, quarter_turns: int) -> None:
        session = self.session
        self._rework(
            self.selected_pages(),
            lambda position, indexes: session.turn(position, indexes, quarter_turns),
            self.tr("Turning…"),
        )

    def keep_selected_as(self, encoding: str | None) -> None:
        chosen = PageEncoding(encoding) if encoding else None
        session = self.session
        self._rework(
            self.selected_pages(),
            lambda position, indexes: session.encode(position, indexes, chosen),
            self.tr("Encoding again…"),
        )

    def delete_pages(self) -> None:
        position = self.current_position()
        if position is not None:
            self.session.remove(position, self.selected_pages())
        self._refresh_pages()

    def _move_selected(self) -> None:
        target = self.move_to.currentData()
        if target is not None:
            self.move_pages(self.selected_pages(), int(target))

    def move_pages(self, indexes: list[int], to_position: int) -> None:
        """Pages that belong to another paper of the checklist go to the end of its row."""
        position = self.current_position()
        if position is None or to_position == position:
            return
        self.session.move_to_row(position, indexes, to_position)
        self._refresh_pages()

    # --- saving, reuse, the saved file ---------------------------------------------------------

    def save(self) -> None:
        position = self.current_position()
        if position is None or not self.session.page_count(position):
            return
        session = self.session
        self._set_busy(True, self.tr("Making the PDF/A…"))
        self.tasks.run(
            lambda: session.save(position),
            lambda attached: self._saved(attached, position),
            error_label=self.error,
            always=self._idle,
        )

    def _saved(self, attached: AttachedScan, position: int) -> None:
        self.status.setText(
            self.tr("Saved: %1 (%n page(s)).", "", attached.pages).replace("%1", attached.path.name)
        )
        set_status(self.status, "ok")
        self.saved.emit(attached)
        following = next(
            (r.position for r in self.components if r.needs_scan and r.position != position), position
        )
        self.load(then_select=following)

    def reuse(self) -> None:
        row = self.current_row()
        offers = self.offers.get(row.position, []) if row else []
        if row is None or not offers:
            return
        session, position, component_id = self.session, row.position, offers[0].component_id
        self._set_busy(True, self.tr("Copying the digitised paper…"))
        self.tasks.run(
            lambda: session.reuse(position, component_id),
            lambda attached: self._saved(attached, position),
            error_label=self.error,
            always=self._idle,
        )

    def detach(self) -> None:
        row = self.current_row()
        if row is None or not self.confirm_remove(row):
            return
        session, position = self.session, row.position
        self._set_busy(True, "")
        self.tasks.run(
            lambda: session.detach(position),
            lambda _: self.load(then_select=position),
            error_label=self.error,
            always=self._idle,
        )

    def view_saved(self) -> None:
        row = self.current_row()
        if row is None:
            return
        session, position = self.session, row.position

        def shown(data: tuple[bytes, str]) -> None:
            viewer = FormViewer(data[0], row.name, data[1], self)
            viewer.show()

        self.tasks.run(lambda: session.saved_file(position), shown, error_label=self.error)

    # --- state ---------------------------------------------------------------------------------

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        if message:
            self.status.setText(message)
            set_status(self.status, "")
        self._enable()

    def _idle(self) -> None:
        self._set_busy(False)

    def unsaved_pages(self) -> int:
        return self.session.unsaved_pages()

    def confirm_remove(self, row: ComponentScan) -> bool:
        """A saved paper is work done (scanned, checked, made PDF/A): removed only when confirmed."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Remove the saved file"))
        box.setText(
            self.tr(
                "Remove the saved file of “%1” (%n page(s))? The paper must then be scanned again.",
                "",
                row.pages,
            ).replace("%1", row.name)
        )
        remove = box.addButton(self.tr("Remove the file"), QMessageBox.ButtonRole.DestructiveRole)
        remove.setObjectName("remove")
        keep = box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keep")
        box.setDefaultButton(keep)  # Enter keeps the file
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is remove

    def confirm_discard(self, unsaved: int) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Pages not saved"),
            self.tr("%n scanned page(s) are not saved yet. Close and discard them?", "", unsaved),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = self.unsaved_pages()
        if unsaved and not self.confirm_discard(unsaved):
            event.ignore()
            return
        if self.busy:
            # Pages are still on their way to this window: stop the batch, then close.
            self.cancel_event.set()
            self.tasks.wait(60_000)
        super().closeEvent(event)
