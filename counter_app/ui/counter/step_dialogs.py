"""The dialogs of a dossier's steps: the hand-over (to whom, confirmed), the decision (number, date,
outcome) and the office head's undoing of a last step (with the reason).

Dialogs only gather and check what a step needs; the step itself is one service call that the
dossier panel runs on a worker, and the service checks it all again.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.calendar import VN_TZ, now_vn
from counter_app.domain.dossier_record import DossierEventView, DossierRecord
from counter_app.domain.lifecycle import Decision, DecisionOutcome, DossierStatus
from counter_app.domain.text import clean_line
from counter_app.ui.common.widgets import error_label, ok_cancel
from counter_app.ui.i18n import tr_domain

WIDE = 460  # the dialogs' fields: a department's full name fits


def result_line(record: DossierRecord) -> str:
    """What the citizen collects, as the return dialog and the step's outcome say it."""
    decision = record.decision
    if decision is None:
        return QCoreApplication.translate("StepDialogs", "Result: no decision recorded")
    when = f"{decision.day:%d/%m/%Y}"
    if decision.outcome is DecisionOutcome.REFUSED:
        return (
            QCoreApplication.translate("StepDialogs", "Result: refusal letter no. %1 of %2 — refused: %3")
            .replace("%1", decision.number)
            .replace("%2", when)
            .replace("%3", decision.reason)
        )
    return (
        QCoreApplication.translate("StepDialogs", "Result: decision no. %1 of %2 — approved")
        .replace("%1", decision.number)
        .replace("%2", when)
    )


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class HandOverDialog(QDialog):
    """To whom the dossier goes (a department or an officer, required; earlier ones suggested),
    confirmed before it goes: a hand-over is undone only by the office head."""

    def __init__(self, record: DossierRecord, suggestions: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = record.code
        self.setWindowTitle(self.tr("Hand %1 to the department").replace("%1", record.code))
        self.recipient = QComboBox()
        self.recipient.setObjectName("recipient")
        self.recipient.setEditable(True)
        self.recipient.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.recipient.addItems(suggestions)
        self.recipient.setCurrentIndex(-1)
        self.recipient.setEditText("")
        self.recipient.setMinimumWidth(WIDE)
        line = self.recipient.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("e.g. Phòng Tư pháp, or the officer's name"))
        self.error = error_label()
        self.error.setObjectName("error")
        # The combo's own completer (it owns it): any part of an earlier name finds it.
        completer = self.recipient.completer()
        if completer is not None:
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.recipient.editTextChanged.connect(lambda _: self.error.clear())
        self.note = QLineEdit()
        self.note.setObjectName("note")
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{record.code}</b> · {record.applicant.name} · {record.procedure_name}"))
        form.addRow(self.tr("Department or officer receiving it"), self.recipient)
        form.addRow(self.tr("Note (optional)"), self.note)
        form.addRow(self.error)
        buttons, self.ok_button = ok_cancel(self, self.tr("Hand over…"), self._confirm)
        self.ok_button.setObjectName("hand_over")
        form.addRow(buttons)

    def chosen(self) -> str:
        return clean_line(self.recipient.currentText())

    def _confirm(self) -> None:
        recipient = self.chosen()
        if not recipient:
            self.error.setText(self.tr("Name the department or officer who receives the dossier."))
            self.recipient.setFocus()
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Confirm the hand-over"))
        box.setText(self.tr("Hand the dossier %1 to “%2”?").replace("%1", self.code).replace("%2", recipient))
        box.setInformativeText(
            self.tr("A hand-over cannot be undone at the counter: only the office head can undo it.")
        )
        confirm = box.addButton(self.tr("Hand over"), QMessageBox.ButtonRole.AcceptRole)
        confirm.setObjectName("confirm")
        back = box.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        back.setObjectName("back")
        box.setDefaultButton(back)
        box.exec()
        if box.clickedButton() is confirm:
            self.accept()


class DecisionDialog(QDialog):
    """The decision the department returned: its number, its date (not in the future) and its
    outcome, chosen each time (never assumed): approved, or refused with the reason."""

    def __init__(self, record: DossierRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Decision on %1").replace("%1", record.code))
        today = now_vn().date()
        received = record.received_at.astimezone(VN_TZ).date()
        self.number = QLineEdit()
        self.number.setObjectName("number")
        self.number.setPlaceholderText(self.tr("e.g. 125/QĐ-UBND"))
        self.number.setMinimumWidth(WIDE)
        self.day = QDateEdit(_qdate(today))
        self.day.setObjectName("day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setDateRange(_qdate(min(received, today)), _qdate(today))
        self.approved = QRadioButton(self.tr("Approved: the result asked for"))
        self.approved.setObjectName("approved")
        self.refused = QRadioButton(self.tr("Refused: a letter with the reason"))
        self.refused.setObjectName("refused")
        self.outcome = QButtonGroup(self)
        for button in (self.approved, self.refused):
            self.outcome.addButton(button)
        outcomes = QHBoxLayout()
        outcomes.addWidget(self.approved)
        outcomes.addWidget(self.refused)
        outcomes.addStretch(1)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Why the request is refused (printed on the letter)"))
        self.reason.setFixedHeight(80)
        self.reason.setEnabled(False)
        self.refused.toggled.connect(self.reason.setEnabled)
        self.error = error_label()
        self.error.setObjectName("error")
        # Every missing field is said at once, beside the field; each line goes once it is right.
        self.field_errors: dict[str, QLabel] = {}
        for name in ("number", "outcome", "reason"):
            line = error_label()
            line.setObjectName(f"{name}-error")
            line.setVisible(False)
            self.field_errors[name] = line
        self.number.textChanged.connect(lambda _: self._recheck())
        self.outcome.buttonToggled.connect(lambda *_: self._recheck())
        self.reason.textChanged.connect(self._recheck)
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{record.code}</b> · {record.applicant.name} · {record.procedure_name}"))
        if record.handed_to:
            form.addRow(self.tr("Handed to"), QLabel(record.handed_to))
        form.addRow(self.tr("Decision number"), _with_error(self.number, self.field_errors["number"]))
        form.addRow(self.tr("Decision date"), self.day)
        form.addRow(self.tr("Outcome"), _with_error(outcomes, self.field_errors["outcome"]))
        form.addRow(self.tr("Reason for refusal"), _with_error(self.reason, self.field_errors["reason"]))
        form.addRow(self.error)
        buttons, self.ok_button = ok_cancel(self, self.tr("Record the decision"), self._check)
        self.ok_button.setObjectName("record")
        form.addRow(buttons)

    def decision(self) -> Decision:
        picked = self.day.date()
        outcome = DecisionOutcome.REFUSED if self.refused.isChecked() else DecisionOutcome.APPROVED
        reason = self.reason.toPlainText() if outcome is DecisionOutcome.REFUSED else ""
        return Decision(
            clean_line(self.number.text()), date(picked.year(), picked.month(), picked.day()), outcome, reason
        )

    def problems(self) -> dict[str, str]:
        """Every field that is missing, with what to do about it."""
        found: dict[str, str] = {}
        if not clean_line(self.number.text()):
            found["number"] = self.tr("Write the decision's number.")
        if not (self.approved.isChecked() or self.refused.isChecked()):
            found["outcome"] = self.tr("Choose the outcome: approved or refused.")
        elif self.refused.isChecked() and not clean_line(self.reason.toPlainText()):
            found["reason"] = self.tr(
                "Write why the request is refused: it is printed on the refusal letter."
            )
        return found

    def _show(self, found: dict[str, str]) -> None:
        for name, line in self.field_errors.items():
            line.setText(found.get(name, ""))
            line.setVisible(name in found)

    def _recheck(self) -> None:
        """Only a field shown as wrong is checked again as it changes: its line goes once it is right
        (a new one appears only at the next press of the button)."""
        found = self.problems()
        for name, line in self.field_errors.items():
            if line.text():
                line.setText(found.get(name, ""))
                line.setVisible(name in found)

    def _check(self) -> None:
        found = self.problems()
        self._show(found)
        if not found:
            self.accept()
            return
        first = {"number": self.number, "outcome": self.approved, "reason": self.reason}
        first[next(iter(found))].setFocus()


def _with_error(field: QWidget | QHBoxLayout, error: QLabel) -> QWidget:
    """A field with its error line under it, hidden while the field is right."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    if isinstance(field, QHBoxLayout):
        column.addLayout(field)
    else:
        column.addWidget(field)
    column.addWidget(error)
    return box


class UndoStepDialog(QDialog):
    """The office head undoes the dossier's last step, saying why: the step stays in the history,
    marked undone, and the provincial system receives a correction."""

    def __init__(self, record: DossierRecord, step: DossierEventView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Undo the last step of %1").replace("%1", record.code))
        back = step.from_status or DossierStatus.RECEIVED
        what = QLabel(
            self.tr("Last step: “%1”, %2, by %3.")
            .replace("%1", tr_domain(step.to_status.label))
            .replace("%2", f"{step.at:%H:%M %d/%m/%Y}")
            .replace("%3", step.staff_name)
            + "\n"
            + self.tr("The dossier goes back to “%1”.").replace("%1", tr_domain(back.label))
        )
        what.setObjectName("step")
        what.setWordWrap(True)
        kept = QLabel(
            self.tr(
                "The step stays in the dossier's history, marked as undone; the activity log records "
                "who undid it and why, and the provincial system receives the correction."
            )
        )
        kept.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setFixedHeight(80)
        self.reason.setMinimumWidth(WIDE)
        self.error = error_label()
        self.error.setObjectName("error")
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{record.code}</b> · {record.applicant.name} · {record.procedure_name}"))
        form.addRow(what)
        form.addRow(self.tr("Why it is undone"), self.reason)
        form.addRow(kept)
        form.addRow(self.error)
        # Not “Cancel” beside “Undo the step”: in Vietnamese both begin with “Hủy”. The harmless
        # button says plainly that nothing changes, and it is the default.
        self.keep_button = QPushButton(self.tr("Keep it"))
        self.keep_button.setObjectName("keep")
        self.keep_button.clicked.connect(self.reject)
        self.ok_button = QPushButton(self.tr("Undo the step"))
        self.ok_button.setObjectName("undo")
        self.ok_button.setAutoDefault(False)  # Enter in the reason is a new line, never the undo
        self.ok_button.clicked.connect(self._check)
        self.keep_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.ok_button)
        form.addRow(buttons)

    def reason_text(self) -> str:
        return clean_line(self.reason.toPlainText())

    def _check(self) -> None:
        if not self.reason_text():
            self.error.setText(self.tr("Write why the step is undone."))
            self.reason.setFocus()
        else:
            self.accept()
