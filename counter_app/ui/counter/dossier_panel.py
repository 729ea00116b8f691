"""The dossiers the office follows: today's, due, overdue (red), awaiting an apology, returned; search
by code, ID number or name without diacritics; and each next step with its form.

Dialogs only gather what a step needs; the step itself is one service call on a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
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
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from counter_app.documents import forms
from counter_app.documents.csv_reports import late_csv, register_csv
from counter_app.domain.calendar import now_vn
from counter_app.domain.dossier_record import DossierRecord
from counter_app.domain.lifecycle import TIMELINESS_LABELS, DossierStatus, Timeliness, timeliness
from counter_app.domain.reception import CheckResult, IdKind, PaymentMeans
from counter_app.domain.staff import StaffMember
from counter_app.services.catalogue import FieldCount
from counter_app.services.dossier_lists import Delivery, DossierList, DossierPage, DossierRow
from counter_app.ui.common.file_dialogs import (
    FEE_RECEIPT_TITLE,
    form_file_name,
    late_list_file_name,
    register_file_name,
)
from counter_app.ui.common.form_viewer import FormViewer
from counter_app.ui.common.table_model import Column, RowModel, select_row, selected_row, table_view
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import error_label, ok_cancel
from counter_app.ui.counter.parts import CounterParts
from counter_app.ui.i18n import tr_domain
from counter_app.ui.theme import LATE_BACKGROUND, set_status

S = DossierStatus
DELIVERY_SIGNS = {Delivery.SENT: "✓", Delivery.WAITING: "…", Delivery.REFUSED: "✗"}


def _due_text(due: datetime | None) -> str:
    """The date promised; none for a refused dossier or one sent back incomplete."""
    return f"{due:%d/%m/%Y %H:%M}" if due is not None else "—"


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


class DossierPanel(QWidget):
    shown = Signal(int)  # rows shown
    form_opened = Signal(object)  # FormViewer
    step_done = Signal(object)  # DossierRecord
    scan_requested = Signal(int)  # dossier id
    completed = Signal(object)  # DossierRecord: the missing papers arrived, the papers are to be digitised

    def __init__(self, parts: CounterParts, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = parts
        self.tasks = tasks
        self.actor: StaffMember | None = None
        self.viewers: list[FormViewer] = []
        self.which = QComboBox()
        for kind, text in (
            (DossierList.TODAY, self.tr("Received today")),
            (DossierList.DUE_TODAY, self.tr("Due today")),
            (DossierList.DUE_SOON, self.tr("Due within 2 working days")),
            (DossierList.OVERDUE, self.tr("Overdue")),
            (DossierList.APOLOGY_DUE, self.tr("Apology due (Mẫu 04)")),
            (DossierList.AWAITING_RETURN, self.tr("Decided, awaiting return")),
            (DossierList.RETURNED, self.tr("Returned (last 31 days)")),
        ):
            self.which.addItem(text, kind.value)
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
        self.page = DossierPage([], 0)
        self.model: RowModel[DossierRow] = RowModel(
            [
                Column(self.tr("Code"), lambda r: r.code),
                Column(self.tr("Applicant"), lambda r: r.applicant_name),
                Column(self.tr("Procedure"), lambda r: r.procedure_name),
                Column(self.tr("Status"), lambda r: tr_domain(r.status.label)),
                Column(self.tr("Received"), lambda r: f"{r.received_at:%d/%m/%Y %H:%M}"),
                Column(self.tr("Due"), lambda r: _due_text(r.extended_until or r.appointment_at)),
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
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(1, 150)
        for column in (3, 4, 5, 6):
            self.table.setColumnWidth(column, 125)
        self.table.setColumnWidth(7, 70)
        self.table.verticalHeader().setVisible(False)

        self.hand_over_button = QPushButton(self.tr("Hand to the department"))
        self.decided_button = QPushButton(self.tr("Result received from the department"))
        self.return_button = QPushButton(self.tr("Return the result…"))
        self.more_button = QPushButton(self.tr("More…"))
        self.forms_button = QPushButton(self.tr("Print a form…"))
        more = QMenu(self)
        self.supplement_action = more.addAction(self.tr("Request a supplement (Mẫu 02)…"))
        self.supplied_action = more.addAction(self.tr("The missing papers arrived"))
        self.withdraw_action = more.addAction(self.tr("Citizen withdraws (Mẫu 05)…"))
        self.apology_action = more.addAction(self.tr("Apologise and set a new date (Mẫu 04)…"))
        self.more_button.setMenu(more)
        printing = QMenu(self)
        for form, text in (
            (forms.Form.RECEIPT, self.tr("Receipt (Mẫu 01)")),
            (forms.Form.SUPPLEMENT, self.tr("Supplement request (Mẫu 02)")),
            (forms.Form.REFUSAL, self.tr("Refusal (Mẫu 03)")),
            (forms.Form.APOLOGY, self.tr("Apology (Mẫu 04)")),
            (forms.Form.STOP, self.tr("Stop notice (Mẫu 05)")),
            (forms.Form.CONTROL, self.tr("Control sheet (Mẫu 06)")),
            (None, self.tr("Fee receipt")),
        ):
            action = printing.addAction(text)
            action.triggered.connect(lambda _=False, f=form: self.print_selected(f))
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
                self.forms_button,
                self.scan_button,
                self.register_button,
                self.late_button,
            )
        ):
            button.setMinimumHeight(38)
            actions.addWidget(button, index // 4, index % 4)
        self.error = error_label()
        self.done = QLabel()  # what the last step did, e.g. a result returned late
        self.done.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
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
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.hand_over_button.clicked.connect(lambda: self.step(self.parts.steps.hand_over))
        self.decided_button.clicked.connect(lambda: self.step(self.parts.steps.record_decision))
        self.return_button.clicked.connect(self._ask_return)
        self.supplement_action.triggered.connect(self._ask_supplement)
        self.supplied_action.triggered.connect(self.supplement_arrived)
        self.withdraw_action.triggered.connect(self._ask_withdraw)
        self.apology_action.triggered.connect(self._ask_apology)
        self.register_button.clicked.connect(self._ask_register)
        self.late_button.clicked.connect(self._ask_late_list)
        self.scan_button.clicked.connect(self._ask_scan)
        self._enable()

    # --- the list ------------------------------------------------------------------------------

    def set_actor(self, actor: StaffMember | None) -> None:
        self.actor = actor
        self._enable()
        if actor is not None:
            self.refresh()

    def show_list(self, which: DossierList) -> None:
        self.search.clear()
        self.which.setCurrentIndex(self.which.findData(which.value))
        self.refresh()

    @property
    def rows(self) -> list[DossierRow]:
        return self.page.rows

    def refresh(self) -> None:
        lists, query = self.parts.lists, self.search.text()
        which = DossierList(self.which.currentData())
        in_papers = self.in_papers.isChecked()
        now = now_vn()
        self.tasks.run(
            lambda: lists.page(which, now, query=query, in_papers=in_papers),
            self._show,
            key="dossier-list",
            error_label=self.error,
        )

    def _show(self, page: DossierPage) -> None:
        selected = self.selected_id()
        self.page = page
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
        self._enable()
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

    def _enable(self) -> None:
        row = self._selected_row()
        status = row.status if row else None
        ok = self.actor is not None and row is not None
        self.hand_over_button.setEnabled(ok and status is S.RECEIVED)
        self.decided_button.setEnabled(ok and status in (S.IN_PROCESSING, S.FINANCIAL_OBLIGATION_REQUESTED))
        self.return_button.setEnabled(ok and status is S.DECIDED)
        self.more_button.setEnabled(ok)
        self.forms_button.setEnabled(row is not None)
        running = (S.RECEIVED, S.IN_PROCESSING, S.SUPPLEMENT_REQUESTED, S.FINANCIAL_OBLIGATION_REQUESTED)
        self.supplement_action.setEnabled(ok and status in (S.RECEIVED, S.IN_PROCESSING))
        self.supplied_action.setEnabled(ok and status is S.SUPPLEMENT_REQUESTED)
        self.withdraw_action.setEnabled(ok and status in (*running, S.WITHDRAWAL_REQUESTED))
        self.apology_action.setEnabled(ok and status in running)
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
        set_status(self.done, "error" if when is Timeliness.LATE else "ok")
        self.step_done.emit(record)
        self.refresh()
        if form is not None:
            self.open_form(record, form)

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
