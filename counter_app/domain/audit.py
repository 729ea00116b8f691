"""The activity log: who did what, and when.

Dossier steps keep their own trail (dossier events, the source of Mẫu 06); the activity log shows
them together with this log's entries: accounts, sign-ins, the working calendar, the procedure
catalogue, the queue's set-up, the settings, the forms printed or saved, and a dossier step the
head undid (the step stays in the dossier's trail, marked undone). An entry stores its
parameters, not a sentence, so the log reads in whichever language its reader uses.
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
    ACCOUNT_EDITED = "account_edited"
    FORM_PRINTED = "form_printed"
    FORM_SAVED = "form_saved"
    SETTINGS_CHANGED = "settings_changed"  # this PC's settings file: the names of what changed
    AREA_SAVED = "area_saved"
    COUNTER_SET = "counter_set"
    PRIORITY_POLICY_SET = "priority_policy_set"
    OUTSIDE_HOURS_ISSUED = "outside_hours_issued"
    OUTSIDE_HOURS_NOT_ISSUED = "outside_hours_not_issued"
    DOSSIER_STEP_UNDONE = "dossier_step_undone"
    # Not stored in the log: a dossier event, read with it (params: code, from, to, note).
    DOSSIER_STEP = "dossier_step"


class ActivityKind(StrEnum):
    """What the activity log can be narrowed to."""

    DOSSIER_STEP = "dossier_step"
    REFUSAL = "refusal"
    FORM = "form"
    SETTING = "setting"
    ACCOUNT = "account"

    @property
    def label(self) -> Term:
        return KIND_LABELS[self]


KIND_LABELS: dict[ActivityKind, Term] = {
    ActivityKind.DOSSIER_STEP: Term(QT_TRANSLATE_NOOP("Domain", "Dossier steps")),
    ActivityKind.REFUSAL: Term(QT_TRANSLATE_NOOP("Domain", "Refusals")),
    ActivityKind.FORM: Term(QT_TRANSLATE_NOOP("Domain", "Forms printed or saved")),
    ActivityKind.SETTING: Term(QT_TRANSLATE_NOOP("Domain", "Settings changed")),
    ActivityKind.ACCOUNT: Term(QT_TRANSLATE_NOOP("Domain", "Accounts and sign-ins")),
}

_A = AuditAction
# The kind of each stored action (dossier steps and refusals come from the dossier events).
ACTION_KINDS: dict[AuditAction, ActivityKind] = {
    _A.ACCOUNT_CREATED: ActivityKind.ACCOUNT,
    _A.ACCOUNT_LOCKED: ActivityKind.ACCOUNT,
    _A.ACCOUNT_UNLOCKED: ActivityKind.ACCOUNT,
    _A.ACCOUNT_EDITED: ActivityKind.ACCOUNT,
    _A.PASSWORD_RESET: ActivityKind.ACCOUNT,
    _A.PASSWORD_CHANGED: ActivityKind.ACCOUNT,
    _A.SIGNED_IN: ActivityKind.ACCOUNT,
    _A.CALENDAR_DAY_SET: ActivityKind.SETTING,
    _A.CALENDAR_DAY_REMOVED: ActivityKind.SETTING,
    _A.CATALOGUE_IMPORTED: ActivityKind.SETTING,
    _A.SETTINGS_CHANGED: ActivityKind.SETTING,
    _A.AREA_SAVED: ActivityKind.SETTING,
    _A.COUNTER_SET: ActivityKind.SETTING,
    _A.PRIORITY_POLICY_SET: ActivityKind.SETTING,
    _A.OUTSIDE_HOURS_ISSUED: ActivityKind.SETTING,
    _A.OUTSIDE_HOURS_NOT_ISSUED: ActivityKind.SETTING,
    _A.DOSSIER_STEP_UNDONE: ActivityKind.DOSSIER_STEP,
    _A.FORM_PRINTED: ActivityKind.FORM,
    _A.FORM_SAVED: ActivityKind.FORM,
}


def actions_of(kind: ActivityKind) -> list[AuditAction]:
    return [action for action, k in ACTION_KINDS.items() if k is kind]


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
    AuditAction.ACCOUNT_EDITED: QT_TRANSLATE_NOOP(
        "Domain", "Changed the account {username}: {full_name}, {role}, counter {counter}."
    ),
    AuditAction.FORM_PRINTED: QT_TRANSLATE_NOOP("Domain", "Printed {form} ({file})."),
    AuditAction.FORM_SAVED: QT_TRANSLATE_NOOP("Domain", "Saved {form} as a file ({file})."),
    AuditAction.SETTINGS_CHANGED: QT_TRANSLATE_NOOP("Domain", "Changed this PC's settings: {names}."),
    AuditAction.AREA_SAVED: QT_TRANSLATE_NOOP("Domain", "Saved the service area {code} — {name}."),
    AuditAction.COUNTER_SET: QT_TRANSLATE_NOOP("Domain", "Counter {number} now serves the areas {codes}."),
    AuditAction.PRIORITY_POLICY_SET: QT_TRANSLATE_NOOP(
        "Domain", "Set the priority rule: priority tickets first."
    ),
    AuditAction.OUTSIDE_HOURS_ISSUED: QT_TRANSLATE_NOOP(
        "Domain", "Before opening and at lunch the kiosks issue numbers, called when the office opens."
    ),
    AuditAction.OUTSIDE_HOURS_NOT_ISSUED: QT_TRANSLATE_NOOP(
        "Domain", "Outside office hours the kiosks issue no numbers."
    ),
    AuditAction.DOSSIER_STEP: QT_TRANSLATE_NOOP("Domain", "Dossier {code}: {status}. {note}"),
    AuditAction.DOSSIER_STEP_UNDONE: QT_TRANSLATE_NOOP(
        "Domain", "Undid the step “{step}” of the dossier {code}, back to “{back_to}”: {reason}"
    ),
}
_STEP_FROM = QT_TRANSLATE_NOOP("Domain", "Dossier {code}: {previous} → {status}. {note}")
_INTERLEAVED = QT_TRANSLATE_NOOP(
    "Domain", "Set the priority rule: one priority ticket after every {every} others."
)
NO_COUNTER = Term(QT_TRANSLATE_NOOP("Domain", "none"))
EXTRA_DAY_OFF = Term(QT_TRANSLATE_NOOP("Domain", "an extra day off"))
MAKE_UP_WORKING_DAY = Term(QT_TRANSLATE_NOOP("Domain", "a make-up working day"))
NO_ONE_SIGNED_IN = Term(QT_TRANSLATE_NOOP("Domain", "Set-up or command line"))


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    staff_name: str | None  # None: done at set-up, from the command line or by the sync
    action: AuditAction
    params: dict[str, Any]

    @property
    def kind(self) -> ActivityKind:
        if self.action is AuditAction.DOSSIER_STEP:
            refused = self.params.get("to") == DossierStatus.REFUSED
            return ActivityKind.REFUSAL if refused else ActivityKind.DOSSIER_STEP
        return ACTION_KINDS[self.action]

    def describe(self) -> Message:
        """What happened, ready to translate; parameters that are words become terms."""
        params = dict(self.params)
        if self.action is AuditAction.DOSSIER_STEP:
            status, previous = params.pop("to"), params.pop("from", None)
            params["status"] = DossierStatus(status).label
            params.setdefault("note", "")
            if previous is None:
                return Message(_TEMPLATES[self.action], **params)
            return Message(_STEP_FROM, previous=DossierStatus(previous).label, **params)
        if self.action is AuditAction.PRIORITY_POLICY_SET and params.get("policy") == "interleave":
            return Message(_INTERLEAVED, every=params.get("every", 0))
        if "counter" in params and params["counter"] is None:
            params["counter"] = NO_COUNTER
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
