"""A power cut or kill -9 at any moment loses no committed dossier and duplicates or skips no code.

Two writer processes receive whole dossiers (checklist rows, fee, first event) as fast as they
can and print each code only after its commit; the test kills both with SIGKILL while they
write, several times, and then checks the database. COUNTER_APP_CRASH_ROUNDS sets how many
kills (3 by default, for CI's budget).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from counter_app.storage import models
from tests.services.code_worker import OFFICE, PROCEDURE
from tests.services.conftest import NOW

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = int(os.environ.get("COUNTER_APP_CRASH_ROUNDS", "3"))
CODES_BEFORE_KILL = 25


def _start_writer(url: str, clerk_id: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.services.code_worker", url, str(clerk_id), NOW.isoformat()],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )


@pytest.mark.slow
def test_kill_minus_9_while_writing_loses_and_repeats_nothing(db, catalogue, clerk):
    url = db.engine.url.render_as_string(hide_password=False)
    reported: list[str] = []
    for _ in range(ROUNDS):
        writers = [_start_writer(url, clerk.id) for _ in range(2)]
        try:
            seen = 0
            while seen < CODES_BEFORE_KILL:  # let both get going, then cut the power mid-stream
                line = writers[seen % 2].stdout.readline()  # type: ignore[union-attr]
                assert line, "a writer stopped by itself"
                reported.append(line.strip())
                seen += 1
        finally:
            for writer in writers:
                writer.send_signal(signal.SIGKILL)
            for writer in writers:
                # Through the same reader as readline(): communicate(timeout=…) reads the pipe
                # underneath and loses what readline() had buffered, cutting a code in two.
                assert writer.stdout is not None
                rest = writer.stdout.read()  # codes committed and printed before the kill
                writer.stdout.close()
                writer.wait(timeout=60)
                reported.extend(line for line in rest.split() if line)

    with db.read() as session:
        if db.is_sqlite:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        rows = session.execute(select(models.Dossier.code, models.Dossier.running_number)).all()
        last = session.scalar(
            select(models.DossierCounter.last_number).where(models.DossierCounter.office_code == OFFICE)
        )
        without_event = session.scalar(
            select(func.count()).select_from(models.Dossier).where(~models.Dossier.events.any())
        )
        component_counts = set(
            session.scalars(
                select(func.count(models.DossierComponent.id))
                .select_from(models.Dossier)
                .outerjoin(models.DossierComponent)
                .group_by(models.Dossier.id)
            )
        )
        unpaid = session.scalar(
            select(func.count()).select_from(models.Dossier).where(models.Dossier.fee_paid_at.is_(None))
        )
    codes = {code for code, _ in rows}
    numbers = sorted(number for _, number in rows)
    assert set(reported) <= codes, "a dossier reported as saved is missing"
    assert len(reported) == len(set(reported)) and len(codes) == len(rows)
    assert numbers == list(range(1, len(rows) + 1)), "a running number was skipped or repeated"
    assert last == len(rows)  # the counter row and the dossiers were committed together
    assert without_event == 0  # no dossier without its 'received' step
    assert component_counts == {len(catalogue.get(PROCEDURE).components)}  # every checklist whole
    assert unpaid == 0  # and its fee with it
    assert len(rows) >= ROUNDS * CODES_BEFORE_KILL
