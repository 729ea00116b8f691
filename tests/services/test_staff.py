import pytest

from counter_app.domain.errors import DomainError, ValidationError
from counter_app.domain.staff import Permission, PermissionDenied, Role
from counter_app.services.staff import AuthenticationFailed


def test_sign_in_and_roles(staff, admin, clerk):
    member = staff.authenticate("canbo", "canbo123")
    assert member == clerk and member.can(Permission.RECEIVE_DOSSIERS)
    assert not member.can(Permission.MANAGE_STAFF)
    assert staff.authenticate(" CanBo ", "canbo123") == clerk  # typed with a capital and a space


def test_wrong_password_and_unknown_user_look_the_same(staff, clerk):
    with pytest.raises(AuthenticationFailed) as wrong:
        staff.authenticate("canbo", "sai-mat-khau")
    with pytest.raises(AuthenticationFailed) as unknown:
        staff.authenticate("khongco", "canbo123")
    assert wrong.value.message() == unknown.value.message()


def test_passwords_are_hashed_not_stored(staff, clerk, db):
    from sqlalchemy import select

    from counter_app.storage import models

    with db.read() as session:
        stored = session.scalar(select(models.Staff.password_hash).where(models.Staff.username == "canbo"))
    assert stored.startswith("$argon2id$") and "canbo123" not in stored


def test_only_an_admin_adds_accounts(staff, admin, clerk):
    with pytest.raises(PermissionDenied):
        staff.create(clerk, "moi", "Người mới", Role.CLERK, "matkhau123")
    with pytest.raises(DomainError):
        staff.create(None, "moi", "Người mới", Role.CLERK, "matkhau123")  # set-up is over
    with pytest.raises(ValidationError, match="taken"):
        staff.create(admin, "canbo", "Trùng", Role.CLERK, "matkhau123")
    with pytest.raises(ValidationError):
        staff.create(admin, "A b", "Tên", Role.CLERK, "matkhau123")
    with pytest.raises(ValidationError):
        staff.create(admin, "ngan", "Tên", Role.CLERK, "123")
    assert [m.username for m in staff.members()] == ["canbo", "quantri"]
