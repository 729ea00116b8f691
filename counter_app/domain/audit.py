"""The activity log: who did what to the office's set-up, and when.

Dossier steps have their own trail (dossier events, the source of Mẫu 06); this log covers
the rest that an office head answers for: accounts, sign-ins, the working calendar and the
procedure catalogue; and a dossier step the head undid (the step stays in the dossier's trail,
marked undone). An entry stores its parameters, not a sentence, so the log reads in
whichever language its reader uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from counter_app.domain.errors import QT_TRANSLATE_NOOP, Message, Term
from counter_app.domain.lifecycle import DossierStatus
from counter_app.domain.staff import ROLE_LABELS, Role


class AuditAction(StrEnum):
    ACCOUNT_CREATED = "account_created"
    ACCOUNT_LOCKED = "account_locked"
    ACCOUNT_UNLOCKED = "account_unlocked"
    PASSWORD_RESET = "password_reset"
    PASSWORD_CHANGED = "password_changed"
    SIGNED_IN = "signed_in"
    CALENDAR_DAY_SET = "calendar_day_set"
    CALENDAR_DAY_REMOVED = "calendar_day_removed"
    CATALOGUE_IMPORTED = "catalogue_imported"
    DOSSIER_STEP_UNDONE = "dossier_step_undone"


_TEMPLATES: dict[AuditAction, str] = {
    AuditAction.ACCOUNT_CREATED: QT_TRANSLATE_NOOP("Domain", "Created the account {username} ({role})."),
    AuditAction.ACCOUNT_LOCKED: QT_TRANSLATE_NOOP("Domain", "Locked the account {username}."),
    AuditAction.ACCOUNT_UNLOCKED: QT_TRANSLATE_NOOP("Domain", "Unlocked the account {username}."),
    AuditAction.PASSWORD_RESET: QT_TRANSLATE_NOOP("Domain", "Set a new password for {username}."),
    AuditAction.PASSWORD_CHANGED: QT_TRANSLATE_NOOP("Domain", "Changed their own password."),
    AuditAction.SIGNED_IN: QT_TRANSLATE_NOOP("Domain", "Signed in."),
    AuditAction.CALENDAR_DAY_SET: QT_TRANSLATE_NOOP("Domain", "Set {day} as {kind}. {note}"),
    AuditAction.CALENDAR_DAY_REMOVED: QT_TRANSLATE_NOOP(
        "Domain", "Removed the office's own setting for {day}."
    ),
    AuditAction.CATALOGUE_IMPORTED: QT_TRANSLATE_NOOP(
        "Domain",
        "Imported the procedure catalogue {version}: {added} added, {updated} updated, "
        "{retired} no longer in use.",
    ),
    AuditAction.DOSSIER_STEP_UNDONE: QT_TRANSLATE_NOOP(
        "Domain", "Undid the step “{step}” of the dossier {code}, back to “{back_to}”: {reason}"
    ),
}
EXTRA_DAY_OFF = Term(QT_TRANSLATE_NOOP("Domain", "an extra day off"))
MAKE_UP_WORKING_DAY = Term(QT_TRANSLATE_NOOP("Domain", "a make-up working day"))
NO_ONE_SIGNED_IN = Term(QT_TRANSLATE_NOOP("Domain", "Set-up or command line"))


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    staff_name: str | None  # None: done at set-up, from the command line or by the sync
    action: AuditAction
    params: dict[str, Any]

    def describe(self) -> Message:
        """What happened, ready to translate; parameters that are words become terms."""
        params = dict(self.params)
        if "role" in params:
            params["role"] = ROLE_LABELS[Role(params["role"])]
        if "working" in params:
            params["kind"] = MAKE_UP_WORKING_DAY if params.pop("working") else EXTRA_DAY_OFF
        for key in ("step", "back_to"):  # dossier statuses, stored as their national codes
            if key in params:
                params[key] = DossierStatus(params[key]).label
        if "day" in params:
            params["day"] = datetime.strptime(params["day"], "%Y-%m-%d").strftime("%d/%m/%Y")
        params.setdefault("note", "")
        params.setdefault("version", "")
        return Message(_TEMPLATES[self.action], **params)
