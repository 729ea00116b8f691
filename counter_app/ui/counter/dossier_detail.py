"""One dossier whole, read-only: the citizen (and proxy), the procedure, each paper with its check
and its scan, every step with who and when, the forms it has, and where it stands with the province.

Opened from the dossier tab (double-click, Enter or "Details"); read on a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from counter_app.domain.dossier_record import (
    DossierEventView,
    DossierRecord,
    PrintableForm,
    applicable_forms,
)
from counter_app.domain.lifecycle import DossierStatus
from counter_app.domain.reception import CheckResult, ComponentCheck
from counter_app.services.dossier_lists import Delivery, ProvinceState
from counter_app.services.scanning import ComponentScan
from counter_app.ui.common.form_viewer import FormViewer
from counter_app.ui.common.table_model import Column, RowModel, selected_row, table_view
from counter_app.ui.common.tasks import TaskRunner
from counter_app.ui.common.widgets import error_label
from counter_app.ui.counter.parts import CounterParts
from counter_app.ui.i18n import tr_domain
from counter_app.ui.theme import set_status

S = DossierStatus


@dataclass(frozen=True)
class Paper:
    """A checklist row as received (None for the department's result) beside what is scanned of it."""

    scan: ComponentScan
    check: ComponentCheck | None


@dataclass(frozen=True)
class DetailData:
    record: DossierRecord
    papers: tuple[Paper, ...]
    province: ProvinceState


def load_detail(parts: CounterParts, dossier_id: int) -> DetailData:
    """Everything the view shows, read on a worker."""
    record = parts.steps.record(dossier_id)
    _, scans = parts.scans.rows(dossier_id)
    # Both are in checklist order; the record leaves the department's result out.
    checks = iter(record.rows)
    papers = tuple(Paper(s, None if s.is_result else next(checks, None)) for s in scans)
    return DetailData(record, papers, parts.lists.province_state(dossier_id))


def _when(moment: datetime | None) -> str:
    return f"{moment:%d/%m/%Y %H:%M}" if moment is not None else "—"


class DossierDetail(QDialog):
    """Shown, not exec'd: the clerk may keep it open beside the list."""

    loaded = Signal(object)  # DetailData
    scan_opened = Signal(object)  # FormViewer

    def __init__(self, parts: CounterParts, dossier_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dossier-detail")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.parts = parts
        self.dossier_id = dossier_id
        self.data: DetailData | None = None
        self.viewers: list[FormViewer] = []
        self.tasks = TaskRunner(self)
        self.setWindowTitle(self.tr("Dossier details"))

        self.heading = QLabel(self.tr("Reading the dossier…"))
        self.heading.setObjectName("detail-heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)

        self.citizen = QLabel()
        self.citizen.setObjectName("detail-citizen")
        self.procedure = QLabel()
        self.procedure.setObjectName("detail-procedure")
        self.dates = QLabel()
        self.dates.setObjectName("detail-dates")
        self.forms = QLabel()
        self.forms.setObjectName("detail-forms")
        self.province = QLabel()
        self.province.setObjectName("detail-province")
        for label in (self.citizen, self.procedure, self.dates, self.forms, self.province):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.paper_model: RowModel[Paper] = RowModel(
            [
                Column(self.tr("Paper"), lambda p: p.scan.name),
                Column(self.tr("Kind"), self._paper_kind),
                Column(self.tr("Count"), lambda p: str(p.check.count) if p.check else ""),
                Column(self.tr("Check"), self._check_text),
                Column(self.tr("Reason"), lambda p: p.check.reason if p.check else ""),
                Column(self.tr("Scan"), self._scan_text),
            ]
        )
        self.papers = table_view(self.paper_model, single=True, name="detail-papers")
        self._fit(self.papers, stretch=0, widths=(0, 150, 60, 150, 200, 120))
        self.open_scan_button = QPushButton(self.tr("Open the scan"))
        self.open_scan_button.setObjectName("detail-open-scan")
        self.open_scan_button.setEnabled(False)

        self.step_model: RowModel[DossierEventView] = RowModel(
            [
                Column(self.tr("When"), lambda e: _when(e.at)),
                Column(self.tr("Step"), self._step_text),
                Column(self.tr("By"), lambda e: e.staff_name),
                Column(self.tr("Note"), self._note_text),
            ]
        )
        self.steps = table_view(self.step_model, single=True, name="detail-steps")
        self._fit(self.steps, stretch=3, widths=(150, 330, 190, 0))

        self.error = error_label()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("detail-close")
        self.close_button.setMinimumHeight(38)
        self.open_scan_button.setMinimumHeight(38)

        who = QGroupBox(self.tr("Citizen"))
        QVBoxLayout(who).addWidget(self.citizen)
        what = QGroupBox(self.tr("Procedure and dates"))
        what_layout = QVBoxLayout(what)
        what_layout.addWidget(self.procedure)
        what_layout.addWidget(self.dates)
        status = QGroupBox(self.tr("Forms and province"))
        status_layout = QFormLayout(status)
        status_layout.addRow(self.tr("Forms:"), self.forms)
        status_layout.addRow(self.tr("Province:"), self.province)
        top = QGridLayout()
        top.addWidget(who, 0, 0)
        top.addWidget(what, 0, 1)
        top.addWidget(status, 0, 2)
        for column in range(3):
            top.setColumnStretch(column, 1)
        papers = QGroupBox(self.tr("Papers"))
        papers_layout = QVBoxLayout(papers)
        papers_layout.addWidget(self.papers)
        steps = QGroupBox(self.tr("Steps"))
        QVBoxLayout(steps).addWidget(self.steps)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.open_scan_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(papers, 3)
        layout.addWidget(steps, 2)
        layout.addLayout(buttons)

        self.papers.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.papers.doubleClicked.connect(lambda _: self.open_scan())
        self.open_scan_button.clicked.connect(self.open_scan)
        self.close_button.clicked.connect(self.close)
        self.resize(1180, 690)  # inside the counter's 1366 × 768 screen
        self.tasks.run(lambda: load_detail(parts, dossier_id), self._show, error_label=self.error)

    @staticmethod
    def _fit(view: QTableView, *, stretch: int, widths: tuple[int, ...]) -> None:
        view.verticalHeader().setVisible(False)
        view.setWordWrap(True)
        header = view.horizontalHeader()
        for column, width in enumerate(widths):
            if width:
                # Never narrower than its caption ("Số lượng" was cut to "ố lượng").
                caption = str(view.model().headerData(column, Qt.Orientation.Horizontal))
                view.setColumnWidth(column, max(width, header.fontMetrics().horizontalAdvance(caption) + 24))
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    # --- what is shown ---------------------------------------------------------------------------

    def _show(self, data: DetailData) -> None:
        self.data = data
        record = data.record
        self.heading.setText(
            self.tr("%1 · %2").replace("%1", record.code).replace("%2", tr_domain(record.status.label))
        )
        self.citizen.setText(self._citizen_text(record))
        self.procedure.setText(
            "\n".join(
                filter(
                    None,
                    (
                        f"{record.procedure_code} · {record.procedure_name}",
                        record.field_name,
                        self.tr("Decided by: %1").replace("%1", record.deciding_authority),
                    ),
                )
            )
        )
        lines = [
            self.tr("Received %1 by %2")
            .replace("%1", _when(record.received_at))
            .replace("%2", record.received_by_name),
            self.tr("Due %1").replace("%1", _when(record.appointment_at)),
        ]
        if record.extended_until is not None:
            lines.append(
                self.tr("New date after the apology: %1").replace("%1", _when(record.extended_until))
            )
        if record.decided_at is not None:
            lines.append(self.tr("Decided %1").replace("%1", _when(record.decided_at)))
        if record.returned_at is not None:
            lines.append(
                self.tr("Returned %1 to %2")
                .replace("%1", _when(record.returned_at))
                .replace("%2", record.returned_to_name)
            )
        self.dates.setText("\n".join(lines))
        self.forms.setText("\n".join(self._form_lines(record)) or self.tr("None"))
        self.province.setText(self._province_text(data.province))
        set_status(self.province, "error" if data.province.delivery is Delivery.REFUSED else "")
        self.paper_model.set_rows(list(data.papers))
        self.step_model.set_rows(list(record.history))
        self.papers.resizeRowsToContents()
        self.steps.resizeRowsToContents()
        self._enable()
        self.loaded.emit(data)

    def _citizen_text(self, record: DossierRecord) -> str:
        a = record.applicant
        lines = [a.name, self.tr("ID number: %1").replace("%1", a.id_number)]
        if a.birth_date is not None:
            lines.append(self.tr("Born: %1").replace("%1", f"{a.birth_date:%d/%m/%Y}"))
        lines += [x for x in (a.address, a.phone, a.email) if x]
        if record.proxy is not None:
            p = record.proxy
            lines.append(
                self.tr("Filed by proxy: %1 (ID %2)").replace("%1", p.name).replace("%2", p.id_number)
            )
            if p.authorisation:
                lines.append(self.tr("Authorisation: %1").replace("%1", p.authorisation))
        return "\n".join(lines)

    def _form_lines(self, record: DossierRecord) -> list[str]:
        F = PrintableForm
        dates = record.reason_dates
        # Papers lacking at the counter: the receipt came when they arrived.
        arrived = [e.at for e in record.history if e.from_status is S.SUPPLEMENT_REQUESTED]
        sent_back = dates.get(S.SUPPLEMENT_REQUESTED) == record.received_at
        receipt_at = arrived[0] if sent_back and arrived else record.received_at
        issued: dict[PrintableForm, tuple[str, datetime | None]] = {
            F.RECEIPT: (self.tr("Receipt (Mẫu 01)"), receipt_at),
            F.SUPPLEMENT: (self.tr("Supplement request (Mẫu 02)"), dates.get(S.SUPPLEMENT_REQUESTED)),
            F.REFUSAL: (self.tr("Refusal (Mẫu 03)"), dates.get(S.REFUSED)),
            F.APOLOGY: (
                self.tr("Apology (Mẫu 04)"),
                record.extensions[-1].issued_at if record.extensions else None,
            ),
            F.STOP: (
                self.tr("Stop notice (Mẫu 05)"),
                dates.get(S.STOPPED, dates.get(S.WITHDRAWAL_REQUESTED)),
            ),
            F.CONTROL: (self.tr("Control sheet (Mẫu 06)"), record.received_at),
            F.FEE_RECEIPT: (self.tr("Fee receipt"), record.fee_paid_at),
        }
        return [f"{issued[f][0]} · {_when(issued[f][1])}" for f in applicable_forms(record)]

    def _province_text(self, state: ProvinceState) -> str:
        if state.delivery is Delivery.SENT:
            lines = [self.tr("Reached the provincial system")]
        elif state.delivery is Delivery.REFUSED:
            lines = [self.tr("The provincial system refused part of it: see the sync log")]
            if state.problem:
                lines.append(state.problem)
        else:
            lines = [self.tr("%n change(s) waiting to be sent", "", state.waiting)]
        if state.sent_at is not None:
            lines.append(self.tr("Last acknowledged %1").replace("%1", _when(state.sent_at)))
        if state.status_at is not None:
            lines.append(self.tr("Status last set by the province %1").replace("%1", _when(state.status_at)))
        return "\n".join(lines)

    def _paper_kind(self, paper: Paper) -> str:
        if paper.check is None:
            return self.tr("The result")
        if paper.check.presented_only:
            return self.tr("Shown only")
        return tr_domain(paper.check.paper_type.label)

    def _check_text(self, paper: Paper) -> str:
        if paper.check is None:
            return ""
        if paper.check.position is None:
            return self.tr("Given voluntarily")
        return tr_domain(paper.check.result.label)

    def _scan_text(self, paper: Paper) -> str:
        if paper.scan.pages:
            return self.tr("%n page(s)", "", paper.scan.pages)
        if paper.check is not None and (
            paper.check.presented_only or paper.check.result is not CheckResult.PASS
        ):
            return "—"
        return self.tr("Not scanned")

    @staticmethod
    def _step_text(event: DossierEventView) -> str:
        if event.from_status is None:
            return tr_domain(event.to_status.label)
        return f"{tr_domain(event.from_status.label)} → {tr_domain(event.to_status.label)}"

    def _note_text(self, event: DossierEventView) -> str:
        """The step's note, who received the dossier at a hand-over, and an undo with its reason."""
        lines = [event.note] if event.note else []
        if event.recipient:
            lines.append(self.tr("Received by: %1").replace("%1", event.recipient))
        if event.undone_at is not None:
            lines.append(
                self.tr("Undone by %1 at %2: %3")
                .replace("%1", event.undone_by_name)
                .replace("%2", _when(event.undone_at))
                .replace("%3", event.undo_reason)
            )
        return "\n".join(lines)

    # --- the scan --------------------------------------------------------------------------------

    def _selected_paper(self) -> Paper | None:
        return selected_row(self.papers, self.paper_model)

    def _enable(self) -> None:
        paper = self._selected_paper()
        self.open_scan_button.setEnabled(paper is not None and paper.scan.pages > 0)

    def open_scan(self) -> None:
        paper = self._selected_paper()
        if paper is None or not paper.scan.pages:
            return
        scans, dossier_id, position = self.parts.scans, self.dossier_id, paper.scan.position
        self.error.clear()
        self.tasks.run(
            lambda: scans.saved_file(dossier_id, position),
            lambda found: self._show_scan(found[0], found[1], paper.scan.name),
            error_label=self.error,
        )

    def _show_scan(self, pdf: bytes, file_name: str, title: str) -> None:
        viewer = FormViewer(pdf, title, file_name, self)
        viewer.show()
        self.viewers = [v for v in self.viewers if Shiboken.isValid(v) and v.isVisible()] + [viewer]
        self.scan_opened.emit(viewer)
