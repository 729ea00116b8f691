import pytest

from counter_app.domain.errors import DomainError, NotFoundError, ValidationError
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


def test_a_locked_account_cannot_sign_in_and_can_be_unlocked(staff, admin, clerk):
    staff.set_active(admin, "canbo", False)
    with pytest.raises(AuthenticationFailed):
        staff.authenticate("canbo", "canbo123")
    assert [a.active for a in staff.accounts() if a.username == "canbo"] == [False]
    staff.set_active(admin, "canbo", True)
    assert staff.authenticate("canbo", "canbo123").username == "canbo"


def test_no_one_locks_themselves_or_the_last_administrator(staff, admin, clerk):
    with pytest.raises(DomainError, match="your own account"):
        staff.set_active(admin, "quantri", False)
    second = staff.create(admin, "quantri2", "Phó Quản Trị", Role.ADMIN, "quantri456")
    staff.set_active(second, "quantri", False)  # another administrator remains
    with pytest.raises(DomainError, match="last administrator"):
        staff.set_active(admin, "quantri2", False)  # the locked one's session cannot lock the last
    with pytest.raises(PermissionDenied):
        staff.set_active(clerk, "quantri2", False)


def test_passwords_are_reset_by_the_administrator_or_changed_by_their_owner(staff, admin, clerk):
    staff.reset_password(admin, "canbo", "moi-matkhau-1")
    assert staff.authenticate("canbo", "moi-matkhau-1").username == "canbo"
    with pytest.raises(AuthenticationFailed, match="current password"):
        staff.change_own_password(clerk, "sai-roi", "khac-matkhau-2")
    with pytest.raises(ValidationError):
        staff.change_own_password(clerk, "moi-matkhau-1", "ngan")
    staff.change_own_password(clerk, "moi-matkhau-1", "khac-matkhau-2")
    with pytest.raises(AuthenticationFailed):
        staff.authenticate("canbo", "moi-matkhau-1")
    assert staff.authenticate("canbo", "khac-matkhau-2").username == "canbo"
    with pytest.raises(PermissionDenied):
        staff.reset_password(clerk, "quantri", "chiem-quyen-1")
    with pytest.raises(NotFoundError):
        staff.reset_password(admin, "khongco", "matkhau-123")


def test_an_account_is_edited_with_the_checks_of_creating_and_logged(db, staff, admin, clerk):
    from counter_app.domain.audit import AuditAction
    from counter_app.services.audit import AuditService
    from counter_app.services.demo import DEMO_AREAS, DEMO_COUNTERS
    from counter_app.services.queue import QueueService

    queue = QueueService(db, office_code="000.00.06.H56")
    for area in DEMO_AREAS:
        queue.save_area(None, area)
    for number, codes in DEMO_COUNTERS.items():
        queue.set_counter(None, number, codes)
    edited = staff.update(admin, "canbo", "  Nguyễn Thị   Hồng Nhung ", Role.HEAD, 2)
    assert (edited.full_name, edited.role, edited.counter_number) == ("Nguyễn Thị Hồng Nhung", Role.HEAD, 2)
    assert next(a for a in staff.accounts() if a.username == "canbo").counter_number == 2
    with pytest.raises(ValidationError):
        staff.update(admin, "canbo", "   ", Role.CLERK, None)
    with pytest.raises(ValidationError):
        staff.update(admin, "canbo", "Nguyễn Thị Hồng Nhung", Role.CLERK, 9)  # no counter 9
    with pytest.raises(DomainError):
        staff.update(admin, admin.username, admin.full_name, Role.CLERK, None)  # own role
    with pytest.raises(PermissionDenied):
        staff.update(clerk, "canbo", "Nguyễn Thị Hồng Nhung", Role.ADMIN, None)
    second = staff.create(admin, "quantri2", "Phạm Văn Hai", Role.ADMIN, "quantri123")
    staff.update(second, admin.username, admin.full_name, Role.HEAD, None)  # another admin remains
    with pytest.raises(DomainError):  # ``admin``, demoted meanwhile in another window, as it was
        staff.update(admin, second.username, second.full_name, Role.CLERK, None)  # the last one
    assert next(a for a in staff.accounts() if a.username == "quantri2").role is Role.ADMIN
    last = [e for e in AuditService(db).recent(admin) if e.action is AuditAction.ACCOUNT_EDITED]
    assert len(last) == 2 and last[-1].params == {
        "username": "canbo",
        "full_name": "Nguyễn Thị Hồng Nhung",
        "role": "head",
        "counter": 2,
    }
