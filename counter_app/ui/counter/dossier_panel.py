"""The dossiers the office follows: today's, due, overdue (red), awaiting an apology, returned; search
by code, ID number or name without diacritics; and each next step with its form.

Dialogs only gather what a step needs; the step itself is one service call on a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from counter_app.documents import forms
from counter_app.documents.csv_reports import late_csv, register_csv
from counter_app.domain.calendar import now_vn
from counter_app.domain.dossier_record import DossierRecord, PrintableForm, applicable_forms
from counter_app.domain.lifecycle import TIMELINESS_LABELS, Decision, DossierStatus, Timeliness, timeliness
from counter_app.domain.reception import CheckResult, IdKind, PaymentMeans
from counter_app.domain.staff import Permission, StaffMember
from counter_app.services.catalogue import FieldCount
from counter_app.services.dossier_lists import Delivery, DossierList, DossierPage, DossierRow, Period
from counter_app.ui.common.file_dialogs import (
    FEE_RECEIPT_TITLE,
    form_file_name,
    late_list_file_name,
    register_file_name,
)
from counter_app.ui.common.form_viewer import FormViewer
from counter_app.ui.common.table_model import Column, RowModel, select_row, selected_row, table_view
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import FoldingLabel, error_label, ok_cancel
from counter_app.ui.counter.dossier_detail import DossierDetail
from counter_app.ui.counter.parts import CounterParts
from counter_app.ui.counter.step_dialogs import DecisionDialog, HandOverDialog, UndoStepDialog, result_line
from counter_app.ui.i18n import tr_domain
from counter_app.ui.theme import LATE_BACKGROUND, set_status

S = DossierStatus
F = PrintableForm
PRINTED_AS: dict[PrintableForm, forms.Form | None] = {
    F.RECEIPT: forms.Form.RECEIPT,
    F.SUPPLEMENT: forms.Form.SUPPLEMENT,
    F.REFUSAL: forms.Form.REFUSAL,
    F.APOLOGY: forms.Form.APOLOGY,
    F.STOP: forms.Form.STOP,
    F.CONTROL: forms.Form.CONTROL,
    F.FEE_RECEIPT: None,
}
DELIVERY_SIGNS = {Delivery.SENT: "✓", Delivery.WAITING: "…", Delivery.REFUSED: "✗"}
COLUMN_PROCEDURE = 2
CELL_PADDING = 20  # the cell's margins, the grid line and a pixel of rounding
SAMPLE_CODE = "000.00.00.H00-261126-0000"  # a dossier code is always this long
SAMPLE_NAME = "Phạm Quốc Bảo"  # a short full name on one line; longer ones wrap to two
# The width of the shortest state's words: the longer ones wrap to two lines, leaving the
# procedure's name room for its own two.
SHORT_STATUSES = (
    DossierStatus.RECEIVED,
    DossierStatus.IN_PROCESSING,
    DossierStatus.DECIDED,
    DossierStatus.RETURNED,
)


def _due_text(due: datetime | None, shape: str = "%d/%m/%Y") -> str:
    """The date promised; none for a refused dossier or one sent back incomplete."""
    return due.strftime(shape) if due is not None else "—"


class ReturnDialog(QDialog):
    """Who collects the result, with what identification; the fee when it is due on return."""

    def __init__(self, record: DossierRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Return the result of %1").replace("%1", record.code))
        self.collector = QLineEdit(record.applicant.name)
        self.kind = QComboBox()
        for kind in IdKind:
            self.kind.addItem(tr_domain(kind.label), kind.value)
        self.identification = QLineEdit(record.applicant.id_number)
        self.payment = QComboBox()
        for means in PaymentMeans:
            self.payment.addItem(tr_domain(means.label), means.value)
        form = QFormLayout(self)
        # Which result is handed over: the one asked for, or the refusal letter with its reason.
        self.result_label = QLabel(result_line(record))
        self.result_label.setObjectName("result")
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("font-weight: bold;")
        form.addRow(self.result_label)
        self.setMinimumWidth(520)  # the result's line, a refusal's reason with it, reads in a glance
        form.addRow(self.tr("Collected by"), self.collector)
        form.addRow(self.tr("Identification shown"), self.kind)
        form.addRow(self.tr("Its number"), self.identification)
        if record.fee_amount and record.fee_paid_at is None:
            form.addRow(
                self.tr("Fee of %1 đồng paid by").replace("%1", f"{record.fee_amount:,}".replace(",", ".")),
                self.payment,
            )
        buttons, self.ok_button = ok_cancel(self, self.tr("Return the result"), self.accept)
        form.addRow(buttons)


class RegisterDialog(QDialog):
    """Which field and which period the register (Mẫu 07) covers."""

    def __init__(self, fields: list[tuple[str | None, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register (Mẫu 07)"))
        self.field = QComboBox()
        for code, name in fields:
            self.field.addItem(name, code)
        today = now_vn().date()
        self.start = QDateEdit(QDate(today.year, today.month, 1))
        self.end = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        form = QFormLayout(self)
        form.addRow(self.tr("Field"), self.field)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        buttons, self.ok_button = ok_cancel(self, self.tr("Show the register"), self.accept)
        form.addRow(buttons)

    def period(self) -> tuple[date, date]:
        first, last = self.start.date(), self.end.date()
        start = date(first.year(), first.month(), first.day())
        end = date(last.year(), last.month(), last.day())
        return (start, end) if start <= end else (end, start)


def fit_dossier_columns(table: QTableView) -> None:
    """Each column as wide as what it holds, the procedure's name taking the rest and wrapping:
    at 1366×768 every cell is read whole, a long name or status on two lines."""
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    model = table.model()

    def wide(*texts: str) -> int:
        return max(metrics.horizontalAdvance(text) for text in texts) + CELL_PADDING

    def caption(column: int) -> str:
        return str(model.headerData(column, Qt.Orientation.Horizontal))

    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(COLUMN_PROCEDURE, QHeaderView.ResizeMode.Stretch)
    table.setColumnWidth(0, wide(caption(0), SAMPLE_CODE))
    table.setColumnWidth(1, wide(caption(1), SAMPLE_NAME))
    table.setColumnWidth(3, wide(caption(3), *(tr_domain(s.label) for s in SHORT_STATUSES)))
    for column in (4, 5):
        table.setColumnWidth(column, wide(caption(column), "00/00/0000"))
    table.setColumnWidth(6, wide(caption(6), tr_domain(TIMELINESS_LABELS[Timeliness.ON_TIME])))
    table.setColumnWidth(7, wide(caption(7), *DELIVERY_SIGNS.values()))
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    # Rows as tall as their wrapped text; a page is a few hundred rows, measured once per page.
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


class DossierPanel(QWidget):
    shown = Signal(int)  # rows shown
    form_opened = Signal(object)  # FormViewer
    step_done = Signal(object)  # DossierRecord
    scan_requested = Signal(int)  # dossier id
    completed = Signal(object)  # DossierRecord: the missing papers arrived, the papers are to be digitised
    details_opened = Signal(object)  # DossierDetail
    forms_known = Signal(object)  # tuple[PrintableForm, ...]: what the print menu offers for the selection

    def __init__(self, parts: CounterParts, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = parts
        self.tasks = tasks
        self.actor: StaffMember | None = None
        self.viewers: list[FormViewer] = []
        self.details: list[DossierDetail] = []
        self.forms_for: tuple[int, tuple[PrintableForm, ...]] | None = None  # the selection's forms
        self.which = QComboBox()
        for kind, text in (
            (DossierList.ALL, self.tr("All dossiers")),
            (DossierList.TODAY, self.tr("Received today")),
            (DossierList.DUE_TODAY, self.tr("Due today")),
            (DossierList.DUE_SOON, self.tr("Due within 2 working days")),
            (DossierList.OVERDUE, self.tr("Overdue")),
            (DossierList.APOLOGY_DUE, self.tr("Apology due (Mẫu 04)")),
            (DossierList.AWAITING_RETURN, self.tr("Decided, awaiting return")),
            (DossierList.RETURNED, self.tr("Returned (last 31 days)")),
            (DossierList.SUPPLEMENT, self.tr("Waiting for a supplement (Mẫu 02)")),
            (DossierList.REFUSED, self.tr("Refused (Mẫu 03)")),
            (DossierList.STOPPED, self.tr("Withdrawn or stopped (Mẫu 05)")),
        ):
            self.which.addItem(text, kind.value)
        self.which.setCurrentIndex(self.which.findData(DossierList.TODAY.value))
        self.which.setObjectName("dossier-list")
        # The received dates, Vietnam's: off until the clerk ticks the box.
        self.dated = QCheckBox(self.tr("Received from"))
        self.dated.setObjectName("dossier-dated")
        today = now_vn().date()
        self.date_from = QDateEdit(QDate(today.year, today.month, 1))
        self.date_from.setObjectName("dossier-from")
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_to.setObjectName("dossier-to")
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setEnabled(False)
        self.hint = QLabel()  # a search that finds nothing in the chosen list
        self.hint.setObjectName("dossier-hint")
        self.everywhere_button = QPushButton(self.tr("Search all dossiers"))
        self.everywhere_button.setObjectName("dossier-search-all")
        self.everywhere_button.setVisible(False)
        self.everywhere_button.clicked.connect(self._search_everywhere)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: dossier code, ID number or name (accents optional)"))
        self.search.setClearButtonEnabled(True)
        self.in_papers = QCheckBox(self.tr("In the papers' text"))
        self.in_papers.setToolTip(self.tr("Search the words of the scanned papers (read by OCR)"))
        self.alert = QLabel()
        self.alert.setTextFormat(Qt.TextFormat.RichText)
        self.alert.linkActivated.connect(lambda _: self.show_list(DossierList.APOLOGY_DUE))
        top = QHBoxLayout()
        top.addWidget(self.which, 1)
        top.addWidget(self.search, 2)
        top.addWidget(self.in_papers)
        period = QHBoxLayout()
        period.addWidget(self.dated)
        period.addWidget(self.date_from)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.date_to)
        period.addWidget(self.hint)
        period.addWidget(self.everywhere_button)
        period.addStretch(1)
        self.page = DossierPage([], 0)
        self.model: RowModel[DossierRow] = RowModel(
            [
                Column(self.tr("Code"), lambda r: r.code),
                Column(self.tr("Applicant"), lambda r: r.applicant_name),
                Column(self.tr("Procedure"), lambda r: r.procedure_name),
                Column(self.tr("Status"), lambda r: tr_domain(r.status.label)),
                # The day in the list, the hour in its tooltip: at 1366×768 the procedure's name
                # needs the width more than two times of day do.
                Column(
                    self.tr("Received"),
                    lambda r: f"{r.received_at:%d/%m/%Y}",
                    tooltip=lambda r: f"{r.received_at:%H:%M %d/%m/%Y}",
                ),
                Column(
                    self.tr("Due"),
                    lambda r: _due_text(r.extended_until or r.appointment_at),
                    tooltip=lambda r: _due_text(r.extended_until or r.appointment_at, "%H:%M %d/%m/%Y"),
                ),
                # Without a running clock (refused, stopped, awaiting papers) the dossier's own state.
                Column(
                    self.tr("Timeliness"),
                    lambda r: tr_domain(
                        TIMELINESS_LABELS[r.timeliness] if r.timeliness is not None else r.status.label
                    ),
                ),
                Column(
                    self.tr("Province"),
                    lambda r: DELIVERY_SIGNS[self.page.delivery_of(r)],
                    alignment=Qt.AlignmentFlag.AlignCenter,
                    tooltip=lambda r: self._delivery_tip(self.page.delivery_of(r)),
                ),
            ],
            background=lambda r: LATE_BACKGROUND if r.timeliness is Timeliness.LATE else None,
        )
        self.table = table_view(self.model, single=True)
        fit_dossier_columns(self.table)
        self.table.setObjectName("dossier-table")

        self.hand_over_button = QPushButton(self.tr("Hand to the department…"))
        self.decided_button = QPushButton(self.tr("Result received from the department…"))
        self.return_button = QPushButton(self.tr("Return the result…"))
        self.more_button = QPushButton(self.tr("More…"))
        self.forms_button = QPushButton(self.tr("Print a form…"))
        self.details_button = QPushButton(self.tr("Details"))
        self.details_button.setObjectName("dossier-details")
        more = QMenu(self)
        self.supplement_action = more.addAction(self.tr("Request a supplement (Mẫu 02)…"))
        self.supplied_action = more.addAction(self.tr("The missing papers arrived"))
        self.withdraw_action = more.addAction(self.tr("Citizen withdraws (Mẫu 05)…"))
        self.apology_action = more.addAction(self.tr("Apologise and set a new date (Mẫu 04)…"))
        self.apology_action.setObjectName("apology")
        # The office head's only: clerks do not see it (and the service refuses them too).
        self.undo_action = more.addAction(self.tr("Undo the last step (office head)…"))
        self.undo_action.setObjectName("undo_step")
        self.undo_action.setVisible(False)
        self.more_button.setMenu(more)
        # Only the forms that apply to the selected dossier are shown (domain: applicable_forms).
        printing = QMenu(self)
        self.form_actions: dict[PrintableForm, QAction] = {}
        for printable, text in (
            (F.RECEIPT, self.tr("Receipt (Mẫu 01)")),
            (F.SUPPLEMENT, self.tr("Supplement request (Mẫu 02)")),
            (F.REFUSAL, self.tr("Refusal (Mẫu 03)")),
            (F.APOLOGY, self.tr("Apology (Mẫu 04)")),
            (F.STOP, self.tr("Stop notice (Mẫu 05)")),
            (F.CONTROL, self.tr("Control sheet (Mẫu 06)")),
            (F.FEE_RECEIPT, self.tr("Fee receipt")),
        ):
            action = printing.addAction(text)
            action.setVisible(False)
            action.triggered.connect(lambda _=False, f=PRINTED_AS[printable]: self.print_selected(f))
            self.form_actions[printable] = action
        self.forms_button.setMenu(printing)
        self.register_button = QPushButton(self.tr("Register (Mẫu 07)…"))
        self.late_button = QPushButton(self.tr("Late dossiers of a month…"))
        self.scan_button = QPushButton(self.tr("Scan the papers…"))
        actions = QGridLayout()
        for index, button in enumerate(
            (
                self.hand_over_button,
                self.decided_button,
                self.return_button,
                self.more_button,
                self.details_button,
                self.forms_button,
                self.scan_button,
                self.register_button,
                self.late_button,
            )
        ):
            button.setMinimumHeight(38)
            actions.addWidget(button, index // 4, index % 4)
        # Message lines take no room while silent: the list has it at 1366×768.
        self.error = error_label(fold=True)
        self.done = FoldingLabel()  # what the last step did, e.g. a result returned late
        self.done.setWordWrap(True)
        self.message_for: int | None = None  # the dossier the done/error line speaks of
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(period)
        layout.addWidget(self.alert)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.done)
        layout.addLayout(actions)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.in_papers.toggled.connect(lambda _: self.refresh())
        self.which.currentIndexChanged.connect(self.refresh)
        self.dated.toggled.connect(self._dated)
        self.date_from.dateChanged.connect(self._debounce.start)
        self.date_to.dateChanged.connect(self._debounce.start)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.table.doubleClicked.connect(lambda _: self.open_details())
        self.details_button.clicked.connect(self.open_details)
        self.table.installEventFilter(self)  # Enter on a row opens it, as a double click does
        self.hand_over_button.clicked.connect(self._ask_hand_over)
        self.decided_button.clicked.connect(self._ask_decision)
        self.undo_action.triggered.connect(self._ask_undo)
        self.return_button.clicked.connect(self._ask_return)
        self.supplement_action.triggered.connect(self._ask_supplement)
        self.supplied_action.triggered.connect(self.supplement_arrived)
        self.withdraw_action.triggered.connect(self._ask_withdraw)
        self.apology_action.triggered.connect(self._ask_apology)
        self.register_button.clicked.connect(self._ask_register)
        self.late_button.clicked.connect(self._ask_late_list)
        self.scan_button.clicked.connect(self._ask_scan)
        self._enable()
        self._offer_forms()

    # --- the list ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Measured with the font the table is drawn in, known once it sits in the window.
        fit_dossier_columns(self.table)

    def clear_message(self) -> None:
        """The last step's done or error line goes (another dossier chosen, the clerk signed out)."""
        self.done.clear()
        self.error.clear()
        self.message_for = None

    def set_actor(self, actor: StaffMember | None) -> None:
        self.actor = actor
        if actor is None:
            self.clear_message()
        self._enable()
        if actor is not None:
            self.refresh()

    def show_list(self, which: DossierList) -> None:
        self.search.clear()
        self.which.setCurrentIndex(self.which.findData(which.value))
        self.refresh()

    def _dated(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.refresh()

    def period(self) -> Period | None:
        """The received dates chosen (Vietnam's), or None when the box is not ticked."""
        if not self.dated.isChecked():
            return None
        first, last = self.date_from.date(), self.date_to.date()
        return date(first.year(), first.month(), first.day()), date(last.year(), last.month(), last.day())

    def _search_everywhere(self) -> None:
        """The search found nothing in the chosen list: search every dossier, any date."""
        self.dated.blockSignals(True)
        self.dated.setChecked(False)
        self.dated.blockSignals(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self.which.setCurrentIndex(self.which.findData(DossierList.ALL.value))  # refreshes

    @property
    def rows(self) -> list[DossierRow]:
        return self.page.rows

    def refresh(self) -> None:
        lists, query = self.parts.lists, self.search.text()
        which = DossierList(self.which.currentData())
        in_papers = self.in_papers.isChecked()
        period = self.period()
        now = now_vn()
        self.tasks.run(
            lambda: lists.page(which, now, query=query, in_papers=in_papers, received=period),
            self._show,
            key="dossier-list",
            error_label=self.error,
        )

    def _show(self, page: DossierPage) -> None:
        selected = self.selected_id()
        self.page = page
        self.forms_for = None  # a step or the province may have changed what applies
        self.model.set_rows(page.rows)
        if selected is not None:
            select_row(self.table, self.model, lambda r: r.id == selected)
        self.table.resizeColumnToContents(0)  # the whole dossier code, always
        if page.apologies_due:
            warning = self.tr(
                "%n dossier(s) will be late by the next working day: issue the apology (Mẫu 04) now.",
                "",
                page.apologies_due,
            )
            self.alert.setText(f'<a href="apology">{warning}</a>')
            set_status(self.alert, "error")
        else:
            self.alert.clear()
        narrowed = DossierList(self.which.currentData()) is not DossierList.ALL or self.dated.isChecked()
        nothing = not page.rows and bool(self.search.text().strip()) and narrowed
        self.hint.setText(self.tr("Nothing found in this list.") if nothing else "")
        self.everywhere_button.setVisible(nothing)
        self._selected()
        self.shown.emit(len(page.rows))

    def _delivery_tip(self, mark: Delivery) -> str:
        if mark is Delivery.SENT:
            return self.tr("Reached the provincial system")
        if mark is Delivery.REFUSED:
            return self.tr("The provincial system refused part of it: see the sync log")
        return self.tr("Waiting to be sent to the provincial system")

    def selected_id(self) -> int | None:
        row = self._selected_row()
        return row.id if row is not None else None

    def select(self, dossier_id: int) -> None:
        select_row(self.table, self.model, lambda r: r.id == dossier_id)

    def _selected_row(self) -> DossierRow | None:
        return selected_row(self.table, self.model)

    def _selected(self) -> None:
        """A row chosen: learn which forms apply to it (the print menu offers only those)."""
        self._enable()
        dossier_id = self.selected_id()
        if dossier_id is not None and dossier_id != self.message_for:
            self.clear_message()  # the last step's line spoke of another dossier
        if dossier_id is None or (self.forms_for is not None and self.forms_for[0] == dossier_id):
            self._offer_forms()
            return
        self.forms_for = None
        self._offer_forms()
        steps = self.parts.steps
        self.tasks.run(
            lambda: (dossier_id, applicable_forms(steps.record(dossier_id))),
            self._forms_known,
            key="dossier-forms",
            error_label=self.error,
        )

    def _forms_known(self, found: tuple[int, tuple[PrintableForm, ...]]) -> None:
        self.forms_for = found
        self._offer_forms()
        self.forms_known.emit(found[1])

    def _offer_forms(self) -> None:
        dossier_id = self.selected_id()
        known = self.forms_for if self.forms_for is not None and self.forms_for[0] == dossier_id else None
        offered = known[1] if known is not None else ()
        for printable, action in self.form_actions.items():
            action.setVisible(printable in offered)
        self.forms_button.setEnabled(bool(offered))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.selected_id() is not None
        ):
            self.open_details()
            return True
        return super().eventFilter(watched, event)

    def open_details(self) -> None:
        """The selected dossier whole, read-only, in a window of its own."""
        dossier_id = self.selected_id()
        if dossier_id is None:
            return
        detail = DossierDetail(self.parts, dossier_id, self)
        detail.show()
        # Closed ones delete themselves (WA_DeleteOnClose): keep only the live ones.
        self.details = [d for d in self.details if Shiboken.isValid(d) and d.isVisible()] + [detail]
        self.details_opened.emit(detail)

    def _enable(self) -> None:
        row = self._selected_row()
        status = row.status if row else None
        ok = self.actor is not None and row is not None
        self.hand_over_button.setEnabled(ok and status is S.RECEIVED)
        self.decided_button.setEnabled(ok and status in (S.IN_PROCESSING, S.FINANCIAL_OBLIGATION_REQUESTED))
        self.return_button.setEnabled(ok and status is S.DECIDED)
        self.details_button.setEnabled(row is not None)
        running = (S.RECEIVED, S.IN_PROCESSING, S.SUPPLEMENT_REQUESTED, S.FINANCIAL_OBLIGATION_REQUESTED)
        # No date was promised to a dossier refused or sent back incomplete: no apology moves it,
        # and its supplement request, made as it was filed, is part of its reception (not undone).
        promised = row is not None and (row.extended_until or row.appointment_at) is not None
        sent_back = status is S.SUPPLEMENT_REQUESTED and not promised
        self.supplement_action.setEnabled(ok and status in (S.RECEIVED, S.IN_PROCESSING))
        self.supplied_action.setEnabled(ok and status is S.SUPPLEMENT_REQUESTED)
        self.withdraw_action.setEnabled(ok and status in (*running, S.WITHDRAWAL_REQUESTED))
        self.apology_action.setEnabled(ok and status in running and promised)
        head = self.actor is not None and self.actor.can(Permission.UNDO_STEPS)
        self.undo_action.setVisible(head)
        self.undo_action.setEnabled(
            head and ok and status not in (S.REGISTERED_ONLINE, S.RECEIVED, S.REFUSED) and not sent_back
        )
        menu = self.more_button.menu()
        offered = menu is not None and any(a.isVisible() and a.isEnabled() for a in menu.actions())
        self.more_button.setEnabled(ok and offered)  # a menu of greyed steps only: nothing to do
        self.register_button.setEnabled(self.actor is not None)
        self.scan_button.setEnabled(ok)
        self.late_button.setEnabled(self.actor is not None)

    def _ask_scan(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.scan_requested.emit(chosen)

    # --- steps ---------------------------------------------------------------------------------

    def step(
        self,
        action: Callable[[StaffMember, int], DossierRecord],
        form: forms.Form | None = None,
        then: Callable[[DossierRecord], None] | None = None,
    ) -> None:
        """Run one step for the selected dossier on a worker; refresh, and open its form if it has one."""
        actor, dossier_id = self.actor, self.selected_id()
        if actor is None or dossier_id is None:
            return
        self.error.clear()
        self.message_for = dossier_id

        def stepped(record: DossierRecord) -> None:
            self._stepped(record, form)
            if then is not None:
                then(record)

        self.tasks.run(lambda: action(actor, dossier_id), stepped, error_label=self.error)

    def _stepped(self, record: DossierRecord, form: forms.Form | None) -> None:
        appointment = record.appointment_at
        when = timeliness(appointment, record.decided_at, now_vn()) if appointment is not None else None
        self.done.setText(
            self.tr("%1: %2 · %3")
            .replace("%1", record.code)
            .replace("%2", tr_domain(record.status.label))
            .replace("%3", tr_domain(TIMELINESS_LABELS[when]) if when is not None else "—")
        )
        if record.status is S.IN_PROCESSING and record.handed_to:
            self.done.setText(
                self.done.text() + " · " + self.tr("handed to %1").replace("%1", record.handed_to)
            )
        elif record.status in (S.DECIDED, S.RETURNED) and record.decision is not None:
            self.done.setText(self.done.text() + " · " + result_line(record))
        set_status(self.done, "error" if when is Timeliness.LATE else "ok")
        self.step_done.emit(record)
        self.refresh()
        if form is not None:
            self.open_form(record, form)

    def _with_record(self, then: Callable[[DossierRecord], None]) -> None:
        """Read the selected dossier on a worker, then open a step's dialog with it."""
        dossier_id = self.selected_id()
        if dossier_id is not None:
            self.tasks.run(lambda: self.parts.steps.record(dossier_id), then, error_label=self.error)

    def hand_over(self, recipient: str, note: str = "") -> None:
        service = self.parts.steps
        self.step(lambda a, i: service.hand_over(a, i, recipient, note))

    def _ask_hand_over(self) -> None:
        steps = self.parts.steps
        self.tasks.run(
            lambda: steps.recipients(),
            lambda found: self._with_record(lambda r: self._choose_hand_over(r, found)),
            error_label=self.error,
        )

    def _choose_hand_over(self, record: DossierRecord, suggestions: list[str]) -> None:
        dialog = HandOverDialog(record, suggestions, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.hand_over(dialog.chosen(), dialog.note.text())

    def record_decision(self, decision: Decision) -> None:
        service = self.parts.steps
        self.step(lambda a, i: service.record_decision(a, i, decision))

    def _ask_decision(self) -> None:
        self._with_record(self._choose_decision)

    def _choose_decision(self, record: DossierRecord) -> None:
        dialog = DecisionDialog(record, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.record_decision(dialog.decision())

    def undo_last_step(self, reason: str) -> None:
        service = self.parts.steps
        self.step(lambda a, i: service.undo_last_step(a, i, reason))

    def _ask_undo(self) -> None:
        self._with_record(self._choose_undo)

    def _choose_undo(self, record: DossierRecord) -> None:
        standing = [h for h in record.history if not h.undone]
        if len(standing) < 2:  # only the reception stands
            return
        dialog = UndoStepDialog(record, standing[-1], self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.undo_last_step(dialog.reason_text())

    def return_result(self, collected_by: str, kind: IdKind, value: str, means: PaymentMeans | None) -> None:
        service = self.parts.steps
        self.step(
            lambda a, i: service.return_result(
                a, i, collected_by=collected_by, id_kind=kind, id_value=value, payment_means=means
            )
        )

    def _ask_return(self) -> None:
        dossier_id = self.selected_id()
        if dossier_id is not None:
            self.tasks.run(
                lambda: self.parts.steps.record(dossier_id),
                self._choose_return,
                error_label=self.error,
            )

    def _choose_return(self, record: DossierRecord) -> None:
        dialog = ReturnDialog(record, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.return_result(
                dialog.collector.text(),
                IdKind(dialog.kind.currentData()),
                dialog.identification.text(),
                PaymentMeans(dialog.payment.currentData()),
            )

    def request_supplement(self, reason: str) -> None:
        service = self.parts.steps
        self.step(lambda a, i: service.request_supplement(a, i, reason), forms.Form.SUPPLEMENT)

    def _ask_supplement(self) -> None:
        reason, ok = QInputDialog.getMultiLineText(
            self, self.tr("Request a supplement"), self.tr("What must be supplemented, and why (once only):")
        )
        if ok:
            self.request_supplement(reason)

    def supplement_arrived(self) -> None:
        """Every paper that lacked is now accepted; the processing time counts from now."""
        service = self.parts.steps

        def work(actor: StaffMember, dossier_id: int) -> DossierRecord:
            record = service.record(dossier_id)
            # What lacked arrived; a paper that does not apply to this citizen still does not.
            rows = [replace(r, result=CheckResult.PASS) if r.lacking else r for r in record.rows]
            return service.receive_supplement(actor, dossier_id, rows)

        self.step(work, forms.Form.RECEIPT, self.completed.emit)

    def withdraw(self, reason: str) -> None:
        service = self.parts.steps
        self.step(lambda a, i: service.withdraw(a, i, reason), forms.Form.STOP)

    def _ask_withdraw(self) -> None:
        reason, ok = QInputDialog.getText(
            self, self.tr("The citizen withdraws"), self.tr("The citizen's reason:")
        )
        if ok:
            self.withdraw(reason)

    def apologise(self, reason: str, new_until: datetime) -> None:
        service = self.parts.steps
        self.step(
            lambda a, i: service.issue_apology(a, i, reason=reason, new_until=new_until), forms.Form.APOLOGY
        )

    def _ask_apology(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        reason, ok = QInputDialog.getMultiLineText(
            self, self.tr("Apology and new date"), self.tr("Why the dossier will be late:")
        )
        if not ok:
            return
        days, ok = QInputDialog.getInt(
            self, self.tr("Apology and new date"), self.tr("Extend by how many working days?"), 3, 1, 60
        )
        if ok:
            base = row.extended_until or row.appointment_at
            if base is None:  # refused or awaiting papers: the service says no apology is needed
                self.apologise(reason, now_vn())
                return
            day = self.parts.calendar.calendar().add_working_days(base.date(), days)
            self.apologise(reason, base.replace(year=day.year, month=day.month, day=day.day))

    # --- forms and reports -------------------------------------------------------------------

    def print_selected(self, form: forms.Form | None) -> None:
        dossier_id = self.selected_id()
        if dossier_id is not None:
            self.tasks.run(
                lambda: self.parts.steps.record(dossier_id),
                lambda r: self.open_form(r, form),
                error_label=self.error,
            )

    def open_form(self, record: DossierRecord, form: forms.Form | None) -> None:
        ctx = forms.form_context(self.parts.settings.office, now_vn())

        def build() -> bytes:
            if form is None:
                return forms.fee_receipt(record, ctx)
            if form is forms.Form.APOLOGY:
                return forms.apology(record, ctx)  # the head signs by hand, under the title
            return forms.FORM_BUILDERS[form](record, ctx)

        title = forms.title_of(form, ctx.edition).capitalize() if form else self.tr("Fee receipt")
        name = form_file_name(record.code, forms.title_of(form, ctx.edition) if form else FEE_RECEIPT_TITLE)
        self.tasks.run(build, lambda pdf: self._show_pdf(pdf, title, name), self._form_failed)

    def _form_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValueError):  # no apology or no fee recorded for this dossier
            self.error.setText(self.tr("This dossier has no such form yet."))
        else:
            self.tasks.report(exc, error_label=self.error)

    def _show_pdf(self, pdf: bytes, title: str, file_name: str, table: str | None = None) -> None:
        viewer = FormViewer(pdf, title, file_name, self, table=table)
        viewer.show()
        # Closed viewers delete themselves (WA_DeleteOnClose): keep only the live ones.
        self.viewers = [v for v in self.viewers if Shiboken.isValid(v) and v.isVisible()] + [viewer]
        self.form_opened.emit(viewer)

    def open_register(self, field_code: str | None, field_name: str, start: date, end: date) -> None:
        lists, steps = self.parts.lists, self.parts.steps
        ctx = forms.form_context(self.parts.settings.office, now_vn())

        def build() -> tuple[bytes, str]:
            records = [steps.record(i) for i in lists.register_ids(field_code, start, end)]
            pdf = forms.register(records, ctx, field_name=field_name, start=start, end=end)
            return pdf, register_csv(records)

        title = forms.title_of(forms.Form.REGISTER, ctx.edition)
        file_name = register_file_name(start, end, field_name if field_code else None)
        self.tasks.run(
            build,
            lambda result: self._show_pdf(result[0], title, file_name, result[1]),
            error_label=self.error,
        )

    def _ask_register(self) -> None:
        self.tasks.run(self.parts.catalogue.fields, self._choose_register, error_label=self.error)

    def _choose_register(self, found: list[FieldCount]) -> None:
        fields: list[tuple[str | None, str]] = [(None, self.tr("All fields"))]
        fields += [(f.code, f.name) for f in found]
        dialog = RegisterDialog(fields, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            start, end = dialog.period()
            self.open_register(dialog.field.currentData(), dialog.field.currentText(), start, end)

    def late_list(self, month: date) -> tuple[bytes, str]:
        """The month's late dossiers as PDF and CSV, for posting in public (runs on a worker)."""
        now = now_vn()
        records = [self.parts.steps.record(i) for i in self.parts.lists.late_in_month(month, now)]
        ctx = forms.form_context(self.parts.settings.office, now)
        return forms.late_list(records, ctx, month=month, now=now), late_csv(records)

    def open_late_list(self, month: date) -> None:
        def shown(result: tuple[bytes, str]) -> None:
            pdf, table = result
            self._show_pdf(
                pdf,
                self.tr("Late dossiers %1").replace("%1", f"{month:%m/%Y}"),
                late_list_file_name(month),
                table,
            )

        self.tasks.run(lambda: self.late_list(month), shown, error_label=self.error)

    def _ask_late_list(self) -> None:
        today = now_vn().date()
        last_month = today.replace(day=1) - timedelta(days=1)
        months = [f"{m:%m/%Y}" for m in (today, last_month.replace(day=1))]
        chosen, ok = QInputDialog.getItem(self, self.tr("Late dossiers"), self.tr("Month:"), months, 0, False)
        if ok:
            month, year = (int(x) for x in chosen.split("/"))
            self.open_late_list(date(year, month, 1))
