"""Staff roles and what each may do."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError, Term, ValidationError


class Role(StrEnum):
    CLERK = "clerk"  # cán bộ tiếp nhận
    HEAD = "head"  # lãnh đạo / trưởng bộ phận
    ADMIN = "admin"  # quản trị

    @property
    def label(self) -> Term:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.CLERK: Term(QT_TRANSLATE_NOOP("Domain", "Reception clerk")),
    Role.HEAD: Term(QT_TRANSLATE_NOOP("Domain", "Office head")),
    Role.ADMIN: Term(QT_TRANSLATE_NOOP("Domain", "Administrator")),
}


class Permission(StrEnum):
    RECEIVE_DOSSIERS = "receive_dossiers"
    VIEW_REPORTS = "view_reports"
    SIGN_APOLOGIES = "sign_apologies"
    MANAGE_CATALOGUE = "manage_catalogue"
    MANAGE_CALENDAR = "manage_calendar"
    MANAGE_STAFF = "manage_staff"
    MANAGE_SETTINGS = "manage_settings"
    UNDO_STEPS = "undo_steps"  # undo a dossier's last step, with a reason (the office head)


P = Permission
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset({P.RECEIVE_DOSSIERS}),
    Role.HEAD: frozenset(
        {P.RECEIVE_DOSSIERS, P.VIEW_REPORTS, P.SIGN_APOLOGIES, P.MANAGE_CALENDAR, P.UNDO_STEPS}
    ),
    Role.ADMIN: frozenset(Permission),
}


@dataclass(frozen=True)
class StaffMember:
    """A signed-in person; every recorded action names one."""

    id: int
    username: str
    full_name: str
    role: Role

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]


class PermissionDenied(DomainError):
    pass


def require(actor: StaffMember, permission: Permission) -> None:
    if not actor.can(permission):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Domain", "{name} ({role}) is not allowed to do this."),
            name=actor.full_name,
            role=actor.role.label,
        )


_USERNAME = re.compile(r"[a-z][a-z0-9._-]{2,31}")
MIN_PASSWORD_LENGTH = 8


def validate_username(username: str) -> str:
    if not _USERNAME.fullmatch(username):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Domain",
                "A user name has 3 to 32 lower-case letters, digits, dots, dashes or underscores, "
                "starting with a letter.",
            ),
            field="username",
        )
    return username


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Domain", "A password needs at least {count} characters."),
            field="password",
            count=MIN_PASSWORD_LENGTH,
        )
