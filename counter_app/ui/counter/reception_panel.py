"""Receiving a dossier (tiếp nhận): the applicant (one scan of the CCCD's QR fills it), the
procedure from the catalogue, its checklist and nothing beyond it, fees, and the outcome with its form.

Every outcome is one service call on a worker thread; the form opens when it is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from counter_app.documents import forms
from counter_app.domain.calendar import now_vn
from counter_app.domain.catalogue import Procedure
from counter_app.domain.cccd import parse_card_qr
from counter_app.domain.dossier_record import DossierRecord
from counter_app.domain.errors import DomainError, ValidationError
from counter_app.domain.lifecycle import DossierStatus
from counter_app.domain.reception import (
    FIELD_ADDRESS,
    FIELD_BIRTH,
    FIELD_EMAIL,
    FIELD_ID,
    FIELD_NAME,
    FIELD_PHONE,
    FIELD_PROXY_EMAIL,
    FIELD_PROXY_ID,
    FIELD_PROXY_NAME,
    FIELD_PROXY_PHONE,
    Applicant,
    CheckResult,
    ComponentCheck,
    FeeMode,
    FieldErrors,
    PaymentMeans,
    Proxy,
    ReturnMethod,
    all_accepted,
    assess,
    checklist,
    validate_applicant,
    validate_proxy,
    voluntary_paper,
)
from counter_app.domain.staff import StaffMember
from counter_app.services.intake import DuplicateDossier, ReceptionRequest
from counter_app.ui.common.file_dialogs import form_file_name
from counter_app.ui.common.form_viewer import FormViewer
from counter_app.ui.common.formatting import moment_text, processing_time_text
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import ElidedLabel, FoldingLabel, error_label
from counter_app.ui.counter.checklist_table import ChecklistModel, ChecklistTable
from counter_app.ui.counter.parts import CounterParts
from counter_app.ui.errors import show_failure
from counter_app.ui.i18n import domain_text, tr_domain
from counter_app.ui.theme import ON_RECEIVE_GREEN_DISABLED, RECEIVE_GREEN, RECEIVE_GREEN_DISABLED


def parse_day(text: str) -> date | None:
    """dd/mm/yyyy (or ddmmyyyy) as typed by a clerk; None when empty; ValueError when impossible."""
    raw = text.strip().replace("-", "/").replace(".", "/")
    if not raw:
        return None
    if "/" not in raw and len(raw) == 8 and raw.isdigit():
        raw = f"{raw[:2]}/{raw[2:4]}/{raw[4:]}"
    day, month, year = (int(part) for part in raw.split("/"))
    return date(year, month, day)


RESULT_ROWS = 6


class ColumnScroll(QScrollArea):
    """A column that scrolls up and down only: never narrower than its content with the scroll bar
    beside it, so the bar (shown once errors or the authorised person make it tall) cuts no field."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        width = (
            content.minimumSizeHint().width()
            + self.verticalScrollBar().sizeHint().width()
            + 2 * self.frameWidth()
        )
        return QSize(max(hint.width(), width), hint.height())


class ReceptionPanel(QWidget):
    received = Signal(object)  # DossierRecord, after any outcome is saved
    form_opened = Signal(object)  # FormViewer

    def __init__(self, parts: CounterParts, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = parts
        self.tasks = tasks
        self.actor: StaffMember | None = None
        self.ticket_id: int | None = None
        self.procedure: Procedure | None = None
        self.viewers: list[FormViewer] = []
        self._searching = False  # a procedure search is running on a worker
        self._pick_when_found = False  # Enter was pressed before its results came

        # --- the applicant -------------------------------------------------------------------
        self.qr_input = QLineEdit()
        self.qr_input.setPlaceholderText(self.tr("Scan the QR code on the citizen's ID card here"))
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(12)
        self.id_number.setInputMask("")
        self.birth = QLineEdit()
        self.birth.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        applicant_box = QGroupBox(self.tr("Applicant"))
        form = QFormLayout(applicant_box)
        # Captions above the fields: at 1366×768 the column is narrow, and an address or a name
        # must be read whole, not scrolled.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        # Each field's own error line under it: every wrong field is shown at once, each where it is.
        self.field_errors: dict[QLineEdit, QLabel] = {}
        form.addRow(self.tr("ID card QR"), self.qr_input)
        for caption, field in (
            (self.tr("Full name"), self.name),
            (self.tr("ID number (12 digits)"), self.id_number),
            (self.tr("Date of birth"), self.birth),
            (self.tr("Address"), self.address),
            (self.tr("Phone"), self.phone),
            (self.tr("Email"), self.email),
        ):
            form.addRow(caption, field)
            form.addRow(self._error_line(field))
        self.proxy_box = QGroupBox(self.tr("Filed by someone else (authorised)"))
        self.proxy_box.setCheckable(True)
        self.proxy_box.setChecked(False)
        self.proxy_name = QLineEdit()
        self.proxy_id = QLineEdit()
        self.proxy_address = QLineEdit()
        self.proxy_phone = QLineEdit()
        self.proxy_paper = QLineEdit()
        self.proxy_email = QLineEdit()
        proxy_fields = QWidget()
        proxy_form = QFormLayout(proxy_fields)
        proxy_form.setContentsMargins(0, 0, 0, 0)
        # Captions above the fields, as for the applicant: beside them the fields were 150 px wide
        # and an address or the authorisation paper was cut.
        proxy_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        QVBoxLayout(self.proxy_box).addWidget(proxy_fields)
        proxy_fields.setVisible(False)  # folded away until someone files for another person
        self.proxy_box.toggled.connect(proxy_fields.setVisible)
        for caption, field in (
            (self.tr("Full name"), self.proxy_name),
            (self.tr("ID number"), self.proxy_id),
            (self.tr("Address"), self.proxy_address),
            (self.tr("Phone"), self.proxy_phone),
            (self.tr("Email"), self.proxy_email),
            (self.tr("Authorisation paper"), self.proxy_paper),
        ):
            proxy_form.addRow(caption, field)
            proxy_form.addRow(self._error_line(field))
        self.proxy_box.toggled.connect(lambda _: self._recheck_shown())
        self.proxy_box.toggled.connect(self._proxy_toggled)
        # Which field each of the domain's errors is about.
        self.fields_of: dict[str, QLineEdit] = {
            FIELD_NAME: self.name,
            FIELD_ID: self.id_number,
            FIELD_BIRTH: self.birth,
            FIELD_ADDRESS: self.address,
            FIELD_PHONE: self.phone,
            FIELD_EMAIL: self.email,
            FIELD_PROXY_NAME: self.proxy_name,
            FIELD_PROXY_ID: self.proxy_id,
            FIELD_PROXY_PHONE: self.proxy_phone,
            FIELD_PROXY_EMAIL: self.proxy_email,
        }
        # The reason typed for a refusal, kept until the refusal is saved: a wrong field found
        # after it was typed must not make the clerk type it again.
        self.refusal_draft = ""
        self.ticket_label = QLabel()
        left_fields = QWidget()
        left_layout = QVBoxLayout(left_fields)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.ticket_label)
        left_layout.addWidget(applicant_box)
        left_layout.addWidget(self.proxy_box)
        left_layout.addStretch(1)
        # With the authorised person unfolded the column is taller than a 768-pixel screen: it scrolls.
        left = self.applicant_scroll = ColumnScroll()
        left.setWidget(left_fields)
        left.setWidgetResizable(True)
        left.setFrameShape(QFrame.Shape.NoFrame)
        left.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        # --- the procedure and its checklist --------------------------------------------------
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Procedure: name (accents optional), code or field"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        # Six results in sight, each line whole (elided, the full name in its tooltip). Once a
        # procedure is chosen the list folds away, giving its height to the checklist; typing in
        # the search again brings it back.
        self.results.setFixedHeight(RESULT_ROWS * (self.results.fontMetrics().height() + 2) + 12)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.procedure_label = QLabel(self.tr("No procedure chosen."))
        self.procedure_label.setWordWrap(True)
        self.checklist = ChecklistModel(
            [
                self.tr("Component (from the catalogue)"),
                self.tr("Paper"),
                self.tr("Count"),
                self.tr("Check"),
                self.tr("Reason"),
            ],
            self._component_name,
            tips=[""] * 4 + [self.tr("Reason (not acceptable, not applicable)")],
        )
        self.table = ChecklistTable(self.checklist)
        # After “All papers accepted”: which papers needed only in some cases were left out.
        # One line, so the checklist keeps its height at 1366×768; the names in full in its tooltip.
        self.conditional_note = ElidedLabel()
        self.conditional_note.setObjectName("conditional_note")
        self.conditional_note.setVisible(False)
        self.all_pass_button = QPushButton(self.tr("All papers accepted"))
        self.voluntary_button = QPushButton(self.tr("Note a paper given voluntarily…"))
        self.fee_label = QLabel()
        table_buttons = QHBoxLayout()
        table_buttons.addWidget(self.all_pass_button)
        table_buttons.addWidget(self.voluntary_button)
        table_buttons.addStretch(1)
        table_buttons.addWidget(self.fee_label)
        table_buttons.addSpacing(12)

        self.sets = QSpinBox()
        self.sets.setRange(1, 20)
        self.return_method = QComboBox()
        for method in ReturnMethod:
            self.return_method.addItem(tr_domain(method.label), method.value)
        self.fee_mode = QComboBox()
        for mode in FeeMode:
            self.fee_mode.addItem(tr_domain(mode.label), mode.value)
        self.payment = QComboBox()
        for means in PaymentMeans:
            self.payment.addItem(tr_domain(means.label), means.value)
        # The sets beside the checklist's buttons, the three choices on one line: at 1366×768
        # every line of height goes to the checklist.
        table_buttons.addWidget(QLabel(self.tr("Sets")))
        table_buttons.addWidget(self.sets)
        options = QHBoxLayout()
        for caption, widget in (
            (self.tr("Result"), self.return_method),
            (self.tr("Fee"), self.fee_mode),
            (self.tr("Paid by"), self.payment),
        ):
            options.addWidget(QLabel(caption))
            options.addWidget(widget)
            options.addSpacing(6)
        options.addStretch(1)

        self.receive_button = QPushButton(self.tr("Receive · print receipt (Mẫu 01)"))
        self.receive_button.setStyleSheet(
            f"QPushButton {{ font-weight: bold; background: {RECEIVE_GREEN}; color: white; }}"
            f"QPushButton:disabled {{ background: {RECEIVE_GREEN_DISABLED};"
            f" color: {ON_RECEIVE_GREEN_DISABLED}; }}"
        )
        self.supplement_button = QPushButton(self.tr("Incomplete · request (Mẫu 02)"))
        self.refuse_button = QPushButton(self.tr("Refuse (Mẫu 03)…"))
        self.clear_button = QPushButton(self.tr("New citizen"))
        actions = QGridLayout()
        for index, button in enumerate(
            (self.receive_button, self.supplement_button, self.refuse_button, self.clear_button)
        ):
            button.setMinimumHeight(42)
            actions.addWidget(button, index // 2, index % 2)
        self.error = error_label(fold=True)
        # The same person with the same procedure in progress: a warning, then an explicit second click.
        self.duplicate_button = QPushButton(self.tr("Receive anyway (the citizen files again)"))
        self.duplicate_button.setVisible(False)
        self._pending: tuple[str, str] = ("receive", "")
        self.outcome = FoldingLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.search)
        right_layout.addWidget(self.results)
        right_layout.addWidget(self.procedure_label)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.conditional_note)
        right_layout.addLayout(table_buttons)
        right_layout.addLayout(options)
        right_layout.addWidget(self.error)
        right_layout.addWidget(self.duplicate_button)
        right_layout.addWidget(self.outcome)
        right_layout.addLayout(actions)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([290, 770])  # a full Vietnamese name still whole in its field
        layout = QVBoxLayout(self)
        # The tab's own frame is margin enough: its pixels go to the applicant's column (wide
        # enough for its scroll bar) and to the checklist (all its lines in sight at 1366×768).
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(split)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self._search)
        self.search.textChanged.connect(self._debounce.start)
        self.search.textChanged.connect(lambda _: self.results.setVisible(True))
        self.results.itemActivated.connect(self._pick)
        self.results.itemClicked.connect(self._pick)
        self.search.returnPressed.connect(self._pick_first)  # Enter takes the first procedure found
        # The checklist changed: a message about its papers (“not complete …”) is no longer true.
        self.checklist.dataChanged.connect(lambda *_: self.error.clear())
        self.qr_input.returnPressed.connect(self.fill_from_qr)
        self.id_number.textChanged.connect(self._maybe_qr_in_id)
        self.all_pass_button.clicked.connect(self.accept_all)
        self.voluntary_button.clicked.connect(self._ask_voluntary)
        self.fee_mode.currentIndexChanged.connect(self._show_fee)
        self.receive_button.clicked.connect(lambda: self.submit("receive"))
        self.supplement_button.clicked.connect(lambda: self.submit("supplement"))
        self.refuse_button.clicked.connect(self._ask_refusal)
        self.clear_button.clicked.connect(self.new_citizen)
        self.duplicate_button.clicked.connect(lambda: self.submit(*self._pending, confirm_duplicate=True))
        self._show_fee()
        self.set_actor(None)

    # --- the applicant -----------------------------------------------------------------------

    def fill_from_qr(self, raw: str | None = None) -> bool:
        """One scan fills name, ID, birth date and address; a bad code says which field is wrong."""
        text = self.qr_input.text() if raw is None else raw
        try:
            holder = parse_card_qr(text, today=now_vn().date())
        except DomainError as exc:
            self.error.setText(domain_text(exc))
            self.qr_input.selectAll()
            return False
        self.error.clear()
        self.name.setText(holder.full_name)
        self.id_number.setText(holder.id_number)
        self.birth.setText(holder.birth_date.strftime("%d/%m/%Y"))
        self.address.setText(holder.address)
        self.qr_input.clear()
        self.phone.setFocus()
        return True

    def _maybe_qr_in_id(self, text: str) -> None:
        # A scanner aimed while the ID field has focus types the whole QR text there.
        if "|" in text:
            self.id_number.blockSignals(True)
            self.id_number.clear()
            self.id_number.blockSignals(False)
            self.fill_from_qr(text)

    def _error_line(self, field: QLineEdit) -> QLabel:
        """The red line under ``field`` saying what is wrong with it; hidden until a submit finds
        something, then empty (its room kept) once the field is corrected."""
        label = error_label()
        label.setVisible(False)
        self.field_errors[field] = label
        # As the clerk corrects the field its error goes, the moment the field is right.
        field.textChanged.connect(lambda _: self._recheck(field))
        return label

    def _birth_error(self) -> str:
        try:
            parse_day(self.birth.text())
        except ValueError:
            return self.tr("The date of birth “%1” is not a real date (dd/mm/yyyy).").replace(
                "%1", self.birth.text()
            )
        return ""

    def field_problems(self) -> dict[QLineEdit, str]:
        """Every field of the applicant (and of the filer) that does not fit, with its message."""
        problems: dict[QLineEdit, str] = {}
        if error := self._birth_error():
            problems[self.birth] = error
        checks: list[Callable[[], object]] = [self._applicant_unchecked_birth]
        if self.proxy_box.isChecked():
            checks.append(self.proxy)
        for check in checks:
            try:
                check()
            except FieldErrors as exc:
                for one in exc.errors:
                    field = self.fields_of.get(one.field, self.name)
                    problems.setdefault(field, domain_text(one))
        return problems

    def _applicant_unchecked_birth(self) -> Applicant:
        # A date that cannot be read has its own error above: the other fields are still checked.
        return self.applicant(with_birth=not self._birth_error())

    def show_field_problems(self, problems: dict[QLineEdit, str]) -> None:
        for field, label in self.field_errors.items():
            label.setMinimumHeight(0)  # the room kept for a corrected field's error is given back
            label.setText(problems.get(field, ""))
            label.setVisible(field in problems)
        first = next((field for field in self.field_errors if field in problems), None)
        if first is not None:  # the first wrong field in sight and ready to be typed in
            self.applicant_scroll.ensureWidgetVisible(first)
            first.setFocus()

    def _recheck(self, field: QLineEdit) -> None:
        label = self.field_errors[field]
        if label.text():  # only a field shown as wrong is checked again as it is typed in
            message = self.field_problems().get(field, "")
            if not message:
                # Its room is kept (empty) until the next submit or new citizen: the fields below
                # must not move up under the clerk's next click.
                label.setMinimumHeight(label.height())
            label.setText(message)
            if not any(shown.text() for shown in self.field_errors.values()):
                self.error.clear()

    def _recheck_shown(self) -> None:
        for field in self.field_errors:
            self._recheck(field)

    def applicant(self, *, with_birth: bool = True) -> Applicant:
        """The applicant as typed; without the date of birth when ``with_birth`` is false."""
        birth: date | None = None
        if with_birth:
            try:
                birth = parse_day(self.birth.text())
            except ValueError:
                raise ValidationError(self._birth_error(), field=FIELD_BIRTH) from None
        return validate_applicant(
            name=self.name.text(),
            id_number=self.id_number.text(),
            birth_date=birth,
            address=self.address.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            today=now_vn().date(),
        )

    def proxy(self) -> Proxy | None:
        if not self.proxy_box.isChecked():
            return None
        return validate_proxy(
            name=self.proxy_name.text(),
            id_number=self.proxy_id.text(),
            address=self.proxy_address.text(),
            phone=self.proxy_phone.text(),
            authorisation=self.proxy_paper.text(),
            email=self.proxy_email.text(),
        )

    # --- the procedure -----------------------------------------------------------------------

    def _search(self) -> None:
        query = self.search.text()
        self._searching = True
        self.tasks.run(
            lambda: self.parts.catalogue.search(query, limit=50),
            self._show_results,
            key="reception-search",
            always=self._searched,
        )

    def _searched(self) -> None:
        self._searching = False  # runs before the results are shown (and on a failure)

    def _show_results(self, procedures: list[Procedure]) -> None:
        self.results.clear()
        for p in procedures:
            item = QListWidgetItem(f"{p.code} · {p.name}")
            item.setToolTip(p.name)
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.results.addItem(item)
        if self._pick_when_found and not self._debounce.isActive():
            self._pick_when_found = False
            if self.results.count():
                self._pick(self.results.item(0))

    def _pick_first(self) -> None:
        if self._debounce.isActive() or self._searching:
            self._pick_when_found = True  # Enter before the results: take the first when they come
        elif self.results.isVisible() and self.results.count():
            self._pick(self.results.item(0))

    def _pick(self, item: QListWidgetItem) -> None:
        self.choose(item.data(Qt.ItemDataRole.UserRole))

    def choose(self, procedure: Procedure) -> None:
        """Show the procedure's checklist: its components, exactly, each still to check."""
        self.procedure = procedure
        due = self.parts.calendar.calendar().appointment(now_vn(), procedure.processing_time)
        self.procedure_label.setText(
            f"<b>{procedure.name}</b> ({procedure.code}) · "
            + f"{processing_time_text(procedure.processing_time)} · "
            + self.tr("due %1").replace("%1", moment_text(due))
            + " · "  # one flowing text: two lines, not three, at 1366×768
            + self.tr("Decided by")
            + f": {procedure.deciding_authority}"
        )
        self.checklist.set_rows(checklist(procedure))
        self.results.setVisible(False)
        self.conditional_note.setVisible(False)
        # The catalogue says what the procedure costs: a fee is collected at reception unless the
        # clerk chooses otherwise (on return, exempt); a free procedure charges nothing.
        charged = sum(f.amount for f in procedure.fees) > 0
        default = FeeMode.AT_RECEPTION if charged else FeeMode.NOT_CHARGED
        self.fee_mode.setCurrentIndex(self.fee_mode.findData(default.value))
        self._show_fee()
        self._enable()

    def _component_name(self, check: ComponentCheck) -> str:
        """The paper's name and what the catalogue requires of it, as the checklist shows it."""
        required = ""
        if check.presented_only:
            required = self.tr(" (shown only)")
        elif not check.voluntary:
            # Only what is asked for: "0 bản sao" said nothing and cost the checklist a line.
            asked = [
                text.replace("%1", str(count))
                for count, text in (
                    (check.required_originals, self.tr("%1 original(s)")),
                    (check.required_copies, self.tr("%1 copy/copies")),
                )
                if count
            ]
            required = f" ({', '.join(asked)})" if asked else ""
        return check.name + (self.tr(" — given voluntarily") if check.voluntary else required)

    def rows(self) -> list[ComponentCheck]:
        return self.checklist.rows

    def set_result(self, index: int, result: CheckResult, reason: str = "") -> None:
        self.checklist.set_result(index, result, reason)

    def accept_all(self) -> None:
        """Every paper required of everyone accepted; one needed only in some cases is marked not
        applicable (never taken as received), for the clerk to change if it is this citizen's case.
        Someone filing for the applicant: the authorisation letter is their case, and accepted."""
        rows = all_accepted(self.rows(), self._not_the_case(), by_proxy=self.proxy_box.isChecked())
        self.checklist.set_rows(rows)
        self._show_conditional_note()

    def _not_the_case(self) -> str:
        return self.tr("Not the case for this citizen")

    def _show_conditional_note(self) -> None:
        left = [r.name for r in self.rows() if r.conditional and r.result is CheckResult.NOT_APPLICABLE]
        self.conditional_note.setText(
            self.tr("Marked not applicable (change it if it is the citizen's case): %1").replace(
                "%1", "; ".join(left)
            )
            if left
            else ""
        )
        self.conditional_note.setVisible(bool(left))

    def _proxy_toggled(self, by_proxy: bool) -> None:
        """Ticked after “All papers accepted”, the authorisation letter applies and is accepted;
        unticked, it goes back to not applicable. A row the clerk set otherwise is left alone."""
        changed = False
        for index, row in enumerate(self.rows()):
            if not row.authorisation:
                continue
            if by_proxy and row.result is CheckResult.NOT_APPLICABLE and row.reason == self._not_the_case():
                self.set_result(index, CheckResult.PASS)
                changed = True
            elif not by_proxy and row.result is CheckResult.PASS:
                self.set_result(index, CheckResult.NOT_APPLICABLE, self._not_the_case())
                changed = True
        if changed:
            self._show_conditional_note()

    def _ask_voluntary(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("A paper given voluntarily"),
            self.tr("The catalogue does not require it; the citizen chose to give it. Its name:"),
        )
        if ok and name.strip():
            self.add_voluntary(name)

    def add_voluntary(self, name: str) -> None:
        self.checklist.add_row(voluntary_paper(name))

    def _show_fee(self) -> None:
        amount = sum(f.amount for f in self.procedure.fees) if self.procedure else 0
        self.fee_mode.setEnabled(amount > 0)
        if amount == 0:
            self.fee_mode.setCurrentIndex(self.fee_mode.findData(FeeMode.NOT_CHARGED.value))
        paying = amount > 0 and FeeMode(self.fee_mode.currentData()) in (
            FeeMode.AT_RECEPTION,
            FeeMode.ON_RETURN,
        )
        self.payment.setEnabled(paying and FeeMode(self.fee_mode.currentData()) is FeeMode.AT_RECEPTION)
        self.fee_label.setText(
            self.tr("%1 đồng").replace("%1", f"{amount:,}".replace(",", ".")) if amount else self.tr("No fee")
        )

    # --- outcomes ------------------------------------------------------------------------------

    def request(self) -> ReceptionRequest:
        if self.procedure is None:
            raise ValidationError(self.tr("Choose the procedure first."), field="procedure")
        mode = FeeMode(self.fee_mode.currentData())
        return ReceptionRequest(
            self.procedure.code,
            self.applicant(),
            self.rows(),
            proxy=self.proxy(),
            sets_count=self.sets.value(),
            return_method=ReturnMethod(self.return_method.currentData()),
            fee_mode=mode,
            payment_means=PaymentMeans(self.payment.currentData()) if mode is FeeMode.AT_RECEPTION else None,
            ticket_id=self.ticket_id,
        )

    def _ask_refusal(self) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Refuse the dossier"))
        dialog.setLabelText(self.tr("The specific reason, as printed on Mẫu 03:"))
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setTextValue(self.refusal_draft)
        box = dialog.findChild(QPlainTextEdit)
        if box is not None:  # a reason is a few sentences: read whole, wrapped, never scrolled sideways
            box.setObjectName("refusal_reason")
            box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if dialog.exec() == QInputDialog.DialogCode.Accepted:
            self.refusal_draft = dialog.textValue()
            self.submit("refuse", self.refusal_draft)

    def submit(self, outcome: str, reason: str = "", *, confirm_duplicate: bool = False) -> None:
        """Validate here, save on a worker, then open the form. ``outcome``: receive, supplement, refuse."""
        actor = self.actor
        if actor is None:
            return
        problems = self.field_problems()
        self.show_field_problems(problems)
        if problems:
            text = self.tr("Correct the fields marked in red: nothing was saved.")
            lacking = self._lacking_papers() if outcome == "receive" else []
            if lacking:  # said now, not after a second press
                text += " " + self.tr("Not complete either: %1.").replace("%1", "; ".join(lacking))
            self.error.setText(text)
            return
        try:
            request = self.request()
        except DomainError as exc:
            self.error.setText(domain_text(exc))
            return
        service = self.parts.intake
        work: Callable[[], DossierRecord]
        if outcome == "receive":
            work = lambda: service.receive(actor, request, confirm_duplicate=confirm_duplicate)  # noqa: E731
        elif outcome == "supplement":
            summary = self.tr("The dossier lacks the components listed below.")
            work = lambda: service.request_supplement_at_reception(  # noqa: E731
                actor, request, reason or summary, confirm_duplicate=confirm_duplicate
            )
        else:
            work = lambda: service.refuse(actor, request, reason)  # noqa: E731
        self.error.clear()
        self.duplicate_button.setVisible(False)
        self._pending = (outcome, reason)
        self._busy(True)
        self.tasks.run(work, self._saved, self._not_saved)

    def _lacking_papers(self) -> list[str]:
        """The papers the catalogue still asks for, judged here as the service will judge them."""
        if self.procedure is None:
            return []
        try:
            found = assess(self.procedure, self.rows(), by_proxy=self.proxy_box.isChecked())
        except DomainError:
            return []  # a row's own problem: the service names it on saving
        return [row.name for row in found.lacking]

    def _not_saved(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, DomainError):
            self.error.setText(domain_text(exc))
            self.duplicate_button.setVisible(isinstance(exc, DuplicateDossier))
        else:
            show_failure(self, exc)

    def _saved(self, record: DossierRecord) -> None:
        self._busy(False)
        if record.status is DossierStatus.REFUSED:
            self.refusal_draft = ""
        # A refused or incomplete dossier has no appointment: its papers went back to the citizen.
        saved = (
            self.tr("Saved: dossier %1 · %2 · result due %3").replace(
                "%3", moment_text(record.appointment_at)
            )
            if record.appointment_at is not None
            else self.tr("Saved: dossier %1 · %2 · no appointment")
        )
        self.outcome.setText(saved.replace("%1", record.code).replace("%2", tr_domain(record.status.label)))
        self.received.emit(record)
        self.open_form(record)

    def open_form(self, record: DossierRecord, form: forms.Form | None = None) -> None:
        """Build the outcome's form on a worker, then show it with Print and Save as PDF."""
        chosen = form or {
            DossierStatus.REFUSED: forms.Form.REFUSAL,
            DossierStatus.SUPPLEMENT_REQUESTED: forms.Form.SUPPLEMENT,
        }.get(record.status, forms.Form.RECEIPT)
        ctx = forms.form_context(self.parts.settings.office, now_vn())
        title = forms.title_of(chosen, ctx.edition).capitalize()
        self.tasks.run(
            lambda: forms.FORM_BUILDERS[chosen](record, ctx),
            lambda pdf: self._show_form(pdf, title, form_file_name(record.code, title)),
        )

    def _show_form(self, pdf: bytes, title: str, file_name: str) -> None:
        viewer = FormViewer(pdf, title, file_name, self)
        viewer.show()
        # Closed viewers delete themselves (WA_DeleteOnClose): keep only the live ones.
        self.viewers = [v for v in self.viewers if Shiboken.isValid(v) and v.isVisible()] + [viewer]
        self.form_opened.emit(viewer)

    def _busy(self, busy: bool) -> None:
        for button in (self.receive_button, self.supplement_button, self.refuse_button):
            button.setEnabled(not busy and self.actor is not None and self.procedure is not None)

    def _enable(self) -> None:
        self._busy(False)

    # --- the session -------------------------------------------------------------------------

    def set_actor(self, actor: StaffMember | None) -> None:
        self.actor = actor
        self._enable()
        if actor is not None:
            self._search()

    def set_ticket(self, ticket_id: int | None, label: str = "") -> None:
        """The ticket now being served: the dossier received next is linked to it."""
        self.ticket_id = ticket_id
        self.ticket_label.setText(self.tr("Serving ticket %1").replace("%1", label) if ticket_id else "")

    def unsaved(self) -> bool:
        """Something typed or chosen for a citizen whose dossier is not saved yet."""
        if self.outcome.text():  # the dossier was saved (or refused, or sent back): nothing is lost
            return False
        typed = (self.name, self.id_number, self.birth, self.address, self.phone, self.email, self.proxy_name)
        return self.procedure is not None or any(field.text().strip() for field in typed)

    def new_citizen(self) -> None:
        """Start afresh; what was typed and not saved goes only when the clerk says so."""
        if self.unsaved() and not self.confirm_discard(
            self.tr("New citizen"),
            self.tr("What was typed for this citizen is not saved. Clear it and start a new citizen?"),
            self.tr("Clear and start anew"),
        ):
            return
        self.clear()

    def confirm_discard(self, title: str, question: str, discard_text: str) -> bool:
        """Ask before what was typed and not saved is lost: "Keep it" is the default answer."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(question)
        discard = box.addButton(discard_text, QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("discard")
        keep = box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keep")
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is discard

    def may_call_next(self) -> bool:
        """Before the next number is called: typed data never passes to the next citizen's ticket.

        Discarded, it is cleared before the call; kept, the next number is not called.
        """
        if not self.unsaved():
            return True
        if not self.confirm_discard(
            self.tr("Call the next number"),
            self.tr(
                "What was typed for this citizen is not saved. Discard it and call the next number?"
                " Keep it to finish this dossier first."
            ),
            self.tr("Discard and call the next number"),
        ):
            return False
        self.clear()
        return True

    def may_sign_out(self) -> bool:
        """Before the clerk signs out: what was typed for a citizen never stays on screen for the
        next person. Unsaved, the clerk is asked as for a new citizen; kept, nobody signs out."""
        if self.unsaved() and not self.confirm_discard(
            self.tr("Sign out"),
            self.tr("What was typed for this citizen is not saved. Clear it and sign out?"),
            self.tr("Clear and sign out"),
        ):
            return False
        self.clear()
        return True

    def clear(self) -> None:
        fields = (self.qr_input, self.name, self.id_number, self.birth, self.address, self.phone, self.email)
        for field in (*fields, self.proxy_name, self.proxy_id, self.proxy_address, self.proxy_phone):
            field.clear()
        self.proxy_paper.clear()
        self.proxy_email.clear()
        self.proxy_box.setChecked(False)
        self.procedure = None
        self.procedure_label.setText(self.tr("No procedure chosen."))
        self.search.clear()  # the last citizen's procedure is not the next one's
        self.checklist.set_rows([])
        self.results.setVisible(True)
        self.conditional_note.setVisible(False)
        self.refusal_draft = ""
        self.show_field_problems({})
        self.sets.setValue(1)
        self.error.clear()
        self.duplicate_button.setVisible(False)
        self.outcome.clear()
        self._enable()
        self.qr_input.setFocus()
