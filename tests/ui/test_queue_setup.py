"""The administrator sets up the queue: areas on the kiosk, what each counter calls, the policy."""

from PySide6.QtCore import Qt

from counter_app.domain.queue import PolicyKind, PriorityPolicy
from counter_app.ui.admin.queue_dialog import QueueSetupDialog
from counter_app.ui.common.table_model import select_row
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.launcher import counter_parts
from tests.tables import row_count


def _dialog(qtbot, context) -> QueueSetupDialog:
    dialog = QueueSetupDialog(context.queue, context.staff.find("quantri"))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: row_count(dialog.areas) == 4, timeout=10_000)
    return dialog


def test_an_area_is_added_and_given_to_a_counter(qtbot, context):
    dialog = _dialog(qtbot, context)
    dialog.area_code.setText("e")  # typed in lower case: stored as the ticket letter E
    dialog.area_name.setText("Tư pháp, chứng thực điện tử")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_area()
    qtbot.waitUntil(lambda: row_count(dialog.areas) == 5, timeout=10_000)
    assert context.queue.issue("E").ticket.label == "E001"

    dialog.counter_number.setValue(2)
    assert [c for c, check in dialog.counter_checks.items() if check.isChecked()] == ["A", "B"]
    dialog.counter_checks["E"].setChecked(True)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_counter()
    assert context.queue.counter_services(2) == ["A", "B", "E"]
    assert context.queue.call_next(context.staff.find("canbo"), 2).label == "E001"


def test_the_policy_is_switched_and_a_bad_area_is_refused(qtbot, context):
    dialog = _dialog(qtbot, context)
    assert dialog.strict.isChecked()
    dialog.interleave.setChecked(True)
    dialog.every.setValue(4)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_policy()
    assert context.queue.policy() == PriorityPolicy(PolicyKind.INTERLEAVE, 4)
    dialog.area_code.setText("1")
    dialog.area_name.setText("Sai")
    dialog.save_area()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)
    assert dialog.error.text() == "Mã khu vực dịch vụ là một hoặc hai chữ in hoa, không phải “1”."


def test_only_the_administrator_sees_the_queue_setup(qtbot, context):
    window = CounterWindow(counter_parts(context))
    qtbot.addWidget(window)
    window.set_actor(context.staff.find("lanhdao"))
    assert not window.queue_action.isEnabled()
    window.set_actor(context.staff.find("quantri"))
    assert window.queue_action.isEnabled()


def test_a_field_of_procedures_is_moved_to_another_area(qtbot, context):
    dialog = _dialog(qtbot, context)
    select_row(dialog.areas, dialog.area_model, lambda a: a.code == "D")
    fields = [dialog.area_fields.item(i) for i in range(dialog.area_fields.count())]
    assert [f.text() for f in fields if f.checkState() is Qt.CheckState.Checked] == [
        "Thành lập và hoạt động của hộ kinh doanh"
    ]
    land = next(f for f in fields if f.text() == "Đất đai (B)")  # served in B until now
    land.setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_area()
    assert context.queue.area_for_field("DD").code == "D"
    assert context.queue.area_for_field("XD").code == "B"
    assert context.queue.area_for_field("HKD").code == "D"
