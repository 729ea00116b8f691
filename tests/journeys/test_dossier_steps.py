"""Journeys: the dossier's steps as people take them, and the questions asked before work is lost.

A saved scan removed only when confirmed; the next number called only once the typed and unsaved
citizen is dealt with (kept: not called; discarded: cleared, never attached to the new ticket).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from sqlalchemy import select

from counter_app.storage import models
from counter_app.ui.counter.scan_dialog import ScanDialog
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.kiosk.window import KioskWindow
from counter_app.ui.launcher import kiosk_parts
from tests.journeys.counter_steps import (
    call_next,
    click_list_item,
    click_table_row,
    import_into_open_row,
    open_tab,
    paper_image,
    press_and_wait,
    signed_in_counter,
    take_ticket,
    type_text,
)
from tests.journeys.helpers import top_level, wait_until
from tests.modals import click, describe
from tests.tables import cell, row_count


def answer_by_name(name: str, asked: list[str] | None = None) -> Callable[[QWidget], None]:
    """Press the question's button named ``name`` (its text is new, so not yet translated)."""

    def handle(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), describe(box)
        if asked is not None:
            asked.append(box.text())
        chosen = box.findChild(QPushButton, name)
        assert chosen is not None and chosen.isVisible(), describe(box)
        click(chosen)

    return handle


def _scans_of(context, dossier_id: int) -> list[str]:
    with context.db.read() as session:
        return [
            p
            for p in session.scalars(
                select(models.DossierComponent.scan_path).where(
                    models.DossierComponent.dossier_id == dossier_id
                )
            )
            if p
        ]


def test_a_saved_scan_is_removed_only_when_confirmed(qtbot, context, modals, tmp_path):
    window = signed_in_counter(qtbot, context)
    dossiers = window.dossiers
    open_tab(window.dossier_area, "Theo dõi hồ sơ")
    wait_until(lambda: row_count(dossiers.table) > 0, 10_000, "today's dossiers")
    code = cell(dossiers.table, 0, 0)
    click_table_row(dossiers.table, 0)
    press_and_wait(dossiers.scan_button, lambda: bool(top_level(ScanDialog)))
    scans = top_level(ScanDialog)[0]
    wait_until(lambda: bool(scans.components), 10_000, "the checklist in the scanning view")
    first = next(c for c in scans.components if c.needs_scan)
    click_list_item(scans.rows, scans._index_of(first.position))
    import_into_open_row(scans, modals, paper_image(tmp_path / "trang.png", f"Giay to {code}"))
    dossier_id = context.steps.record_by_code(code).id
    assert len(_scans_of(context, dossier_id)) == 1
    wait_until(
        lambda: any(c.position == first.position and c.pages for c in scans.components), 10_000, "reloaded"
    )
    click_list_item(scans.rows, scans._index_of(first.position))
    wait_until(scans.detach_button.isVisible, 10_000, "the saved file's buttons")

    # A slip of the mouse: the question comes, the clerk keeps the file (Enter would, too).
    asked: list[str] = []

    def keep(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        assert box.defaultButton() is box.findChild(QPushButton, "keep")
        answer_by_name("keep", asked)(box)

    modals.expect(keep)
    click(scans.detach_button)
    wait_until(lambda: modals.pending == 0 and asked, 5_000, "the question answered")
    qtbot.wait(300)
    assert len(_scans_of(context, dossier_id)) == 1 and scans.detach_button.isVisible()
    assert first.name in asked[0]

    # Meant this time: removed, the paper is to be scanned again.
    modals.expect(answer_by_name("remove", asked))
    click(scans.detach_button)
    wait_until(lambda: not _scans_of(context, dossier_id), 10_000, "the file removed")
    wait_until(lambda: not scans.detach_button.isVisible(), 10_000, "the row shown as not scanned")
    scans.close()


def test_calling_the_next_number_never_passes_unsaved_typing_to_the_next_citizen(qtbot, context, modals):
    kiosk = KioskWindow(kiosk_parts(context))
    qtbot.addWidget(kiosk)
    kiosk.show()
    window: CounterWindow = signed_in_counter(qtbot, context)
    first = take_ticket(kiosk, "A")
    second = take_ticket(kiosk, "A")
    assert call_next(window) == first
    panel = window.reception
    type_text(panel.name, "Lê Thị Hoa")
    type_text(panel.id_number, "001195099999")

    # Kept: the number is not called, the typing stays with the citizen at the counter.
    asked: list[str] = []
    modals.expect(answer_by_name("keep", asked))
    click(window.queue.next_button)
    wait_until(lambda: modals.pending == 0 and asked, 5_000, "the question answered")
    qtbot.wait(500)
    assert window.queue.current.text() == first
    assert panel.name.text() == "Lê Thị Hoa" and first in panel.ticket_label.text()
    with context.db.read() as session:
        waiting = session.scalar(select(models.Ticket).where(models.Ticket.label == second))
        assert waiting is not None and waiting.called_at is None  # not called

    # Discarded: the form is cleared first, then the next number is called.
    modals.expect(answer_by_name("discard", asked))
    click(window.queue.next_button)
    wait_until(lambda: window.queue.current.text() == second, 10_000, "the next number called")
    assert panel.name.text() == "" and panel.id_number.text() == ""
    assert second in panel.ticket_label.text()
    assert len(asked) == 2

    # Nothing typed: no question (an unexpected one fails the test).
    press_and_wait(window.queue.finish_button, lambda: window.queue.current.text() == "—")
    press_and_wait(window.queue.next_button, lambda: "Không có ai đang chờ" in window.queue.detail.text())
