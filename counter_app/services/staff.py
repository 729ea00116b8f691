"""Staff accounts and sign-in. Passwords are hashed with Argon2id (argon2-cffi)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counter_app.domain.audit import AuditAction
from counter_app.domain.calendar import now_vn
from counter_app.domain.errors import QT_TRANSLATE_NOOP, DomainError, NotFoundError, ValidationError
from counter_app.domain.staff import (
    Permission,
    Role,
    StaffMember,
    require,
    validate_password,
    validate_username,
)
from counter_app.domain.text import clean_line
from counter_app.services.audit import record
from counter_app.storage import models
from counter_app.storage.database import Database


class AuthenticationFailed(DomainError):
    pass


@dataclass(frozen=True)
class StaffAccount:
    """An account as the administrator sees it in the list."""

    username: str
    full_name: str
    role: Role
    active: bool
    last_signed_in_at: datetime | None
    counter_number: int | None = None  # the counter this person usually sits at, if noted


def _member(row: models.Staff) -> StaffMember:
    return StaffMember(row.id, row.username, row.full_name, Role(row.role))


class StaffService:
    def __init__(self, db: Database, hasher: PasswordHasher | None = None) -> None:
        self.db = db
        self.hasher = hasher or PasswordHasher()

    def count(self) -> int:
        with self.db.read() as session:
            return session.scalar(select(func.count()).select_from(models.Staff)) or 0

    def create(
        self, actor: StaffMember | None, username: str, full_name: str, role: Role, password: str
    ) -> StaffMember:
        """Create an account. Without an actor only the very first account may be made (set-up)."""
        if actor is not None:
            require(actor, Permission.MANAGE_STAFF)
        validate_username(username)
        validate_password(password)
        name = clean_line(full_name)
        if not name:
            raise ValidationError(QT_TRANSLATE_NOOP("Domain", "The full name is missing."), field="full_name")
        password_hash = self.hasher.hash(password)
        try:
            with self.db.write() as session:
                if actor is None and session.scalar(select(func.count()).select_from(models.Staff)):
                    raise DomainError(QT_TRANSLATE_NOOP("Domain", "Only an administrator can add accounts."))
                row = models.Staff(
                    username=username,
                    full_name=name,
                    role=role.value,
                    password_hash=password_hash,
                    active=True,
                    created_at=now_vn(),
                )
                session.add(row)
                session.flush()
                member = _member(row)
                record(session, actor, AuditAction.ACCOUNT_CREATED, username=username, role=role.value)
        except IntegrityError:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Domain", "The user name {value} is already taken."),
                field="username",
                value=username,
            ) from None
        return member

    def authenticate(self, username: str, password: str) -> StaffMember:
        """The account, if the password is right. One message for every failure: no user probing."""
        failed = AuthenticationFailed(QT_TRANSLATE_NOOP("Domain", "Wrong user name or password."))
        with self.db.read() as session:
            row = session.scalar(
                select(models.Staff).where(models.Staff.username == username.strip().lower())
            )
            if row is None or not row.active:
                # Spend the same time as a real check so that timing does not reveal accounts.
                self.hasher.hash(password)
                raise failed
            member, stored_hash = _member(row), row.password_hash
        try:
            self.hasher.verify(stored_hash, password)
        except (VerificationError, InvalidHashError):
            raise failed from None
        with self.db.write() as session:
            staff = session.get(models.Staff, member.id)
            if staff is not None:
                staff.last_signed_in_at = now_vn()
                if self.hasher.check_needs_rehash(stored_hash):
                    staff.password_hash = self.hasher.hash(password)
            record(session, member, AuditAction.SIGNED_IN, at=staff.last_signed_in_at if staff else None)
        return member

    def find(self, username: str) -> StaffMember | None:
        with self.db.read() as session:
            row = session.scalar(select(models.Staff).where(models.Staff.username == username))
            return _member(row) if row is not None and row.active else None

    def members(self) -> list[StaffMember]:
        with self.db.read() as session:
            return [_member(r) for r in session.scalars(select(models.Staff).order_by(models.Staff.username))]

    def accounts(self) -> list[StaffAccount]:
        with self.db.read() as session:
            return [
                StaffAccount(
                    r.username, r.full_name, Role(r.role), r.active, r.last_signed_in_at, r.counter_number
                )
                for r in session.scalars(select(models.Staff).order_by(models.Staff.username))
            ]

    def set_active(self, actor: StaffMember, username: str, active: bool) -> None:
        """Lock an account (a clerk who left) or unlock it. History keeps naming the person."""
        require(actor, Permission.MANAGE_STAFF)
        with self.db.write() as session:
            row = self._row(session, username)
            if row.active == active:
                return
            if not active and row.id == actor.id:
                raise DomainError(QT_TRANSLATE_NOOP("Domain", "You cannot lock your own account."))
            if not active and row.role == Role.ADMIN.value and self._active_admins(session) == 1:
                raise DomainError(
                    QT_TRANSLATE_NOOP(
                        "Domain", "This is the last administrator account; it cannot be locked."
                    )
                )
            row.active = active
            action = AuditAction.ACCOUNT_UNLOCKED if active else AuditAction.ACCOUNT_LOCKED
            record(session, actor, action, username=username)

    def update(
        self, actor: StaffMember, username: str, full_name: str, role: Role, counter_number: int | None
    ) -> StaffAccount:
        """Change a person's name, role and usual counter, with the same checks as creating one.

        The office keeps an active administrator: the last one cannot become anything else, and
        nobody changes their own role (they would lose this very dialog half-way).
        """
        require(actor, Permission.MANAGE_STAFF)
        name = clean_line(full_name)
        if not name:
            raise ValidationError(QT_TRANSLATE_NOOP("Domain", "The full name is missing."), field="full_name")
        with self.db.write() as session:
            row = self._row(session, username)
            if row.role != role.value:
                if row.id == actor.id:
                    raise DomainError(QT_TRANSLATE_NOOP("Domain", "You cannot change your own role."))
                if row.role == Role.ADMIN.value and row.active and self._active_admins(session) == 1:
                    raise DomainError(
                        QT_TRANSLATE_NOOP(
                            "Domain",
                            "This is the last administrator account; its role cannot be changed.",
                        )
                    )
            if counter_number is not None and session.get(models.Counter, counter_number) is None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Domain", "There is no counter {value}."),
                    field="counter_number",
                    value=counter_number,
                )
            row.full_name, row.role, row.counter_number = name, role.value, counter_number
            record(
                session,
                actor,
                AuditAction.ACCOUNT_EDITED,
                username=username,
                full_name=name,
                role=role.value,
                counter=counter_number,
            )
            return StaffAccount(
                row.username, row.full_name, role, row.active, row.last_signed_in_at, row.counter_number
            )

    def counters(self) -> list[int]:
        """The office's counters, for the account's usual counter."""
        with self.db.read() as session:
            return list(session.scalars(select(models.Counter.number).order_by(models.Counter.number)))

    def reset_password(self, actor: StaffMember, username: str, new_password: str) -> None:
        """The administrator sets a new password for someone who forgot theirs."""
        require(actor, Permission.MANAGE_STAFF)
        validate_password(new_password)
        password_hash = self.hasher.hash(new_password)
        with self.db.write() as session:
            self._row(session, username).password_hash = password_hash
            record(session, actor, AuditAction.PASSWORD_RESET, username=username)

    def change_own_password(self, actor: StaffMember, current: str, new_password: str) -> None:
        """Anyone signed in may change their own password, knowing the current one."""
        validate_password(new_password)
        with self.db.read() as session:
            stored_hash = self._row(session, actor.username).password_hash
        try:
            self.hasher.verify(stored_hash, current)
        except (VerificationError, InvalidHashError):
            raise AuthenticationFailed(
                QT_TRANSLATE_NOOP("Domain", "The current password is not right.")
            ) from None
        password_hash = self.hasher.hash(new_password)
        with self.db.write() as session:
            self._row(session, actor.username).password_hash = password_hash
            record(session, actor, AuditAction.PASSWORD_CHANGED)

    @staticmethod
    def _row(session: Session, username: str) -> models.Staff:
        row = session.scalar(select(models.Staff).where(models.Staff.username == username))
        if row is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Domain", "There is no account named {value}."), value=username
            )
        return row

    @staticmethod
    def _active_admins(session: Session) -> int:
        statement = select(func.count()).where(models.Staff.role == Role.ADMIN.value, models.Staff.active)
        return session.scalar(statement) or 0
