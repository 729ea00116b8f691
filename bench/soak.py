"""``make soak``: the compressed day of tests/test_soak.py in real time, for SOAK_HOURS hours.

The kiosk, two counters and the display board run in one process on one SQLite file: a ticket
and a call about every second, a dossier received and returned every two minutes, the board
polling twice a second, and Vietnam's midnight crossed halfway. Every SOAK_SAMPLE_MINUTES it
prints resident memory, references to None, threads, open files and widgets; at the end the
first and last samples, also written to SOAK_REPORT (JSON) for docs/performance.md.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from counter_app.domain.calendar import now_vn
    from counter_app.ui.common.collector import collect_on_gui_thread
    from counter_app.ui.i18n import install_translation
    from counter_app.ui.theme import apply_theme
    from tests.soak_day import OfficeDay, ShiftedClock

    hours = float(os.environ.get("SOAK_HOURS", "2"))
    sample_every = float(os.environ.get("SOAK_SAMPLE_MINUTES", "5")) * 60
    report_path = Path(os.environ.get("SOAK_REPORT", "soak-report.json"))
    app = QApplication([sys.argv[0]])
    collect_on_gui_thread(app)  # as the app does (counter_app/ui/common/collector.py)
    install_translation(app, "vi")
    apply_theme(app)
    home = Path(tempfile.mkdtemp(prefix="counter-soak-"))
    day = OfficeDay(home / "home", ShiftedClock(now_vn(), speed=1.0))
    started = time.monotonic()
    deadline = started + hours * 3600
    crossed = False
    next_sample = started
    step = 0
    try:
        day.pump(2_000)
        while time.monotonic() < deadline:
            if time.monotonic() >= next_sample:
                sample = day.sample(f"{(time.monotonic() - started) / 60:.0f} min")
                print(
                    f"{sample.label:>8}  rss {sample.rss_mb:7.1f} MB  None refs {sample.none_refs}  "
                    f"threads {sample.threads}  files {sample.open_files}  widgets {sample.qt_objects}  "
                    f"tickets {day.report.tickets_issued}  calls {day.report.calls}  "
                    f"dossiers {day.report.dossiers_returned}",
                    flush=True,
                )
                next_sample += sample_every
            if not crossed and time.monotonic() - started > hours * 1800:
                day.cross_midnight()
                crossed = True
            day.run(steps=1, step_ms=1_000, minutes_per_step=0.0, dossier_every=120, first_step=step)
            step += 1
        last = day.sample("end")
    finally:
        day.close()
    first = day.report.samples[0]
    print(
        f"\nsoak of {hours:g} h: {day.report.tickets_issued} tickets, {day.report.calls} calls, "
        f"{day.report.dossiers_returned} dossiers returned, midnight crossed: {crossed}"
    )
    print(f"start: {first}\nend:   {last}")
    report_path.write_text(
        json.dumps(
            {
                "hours": hours,
                "tickets": day.report.tickets_issued,
                "calls": day.report.calls,
                "dossiers_returned": day.report.dossiers_returned,
                "labels_after_midnight": day.report.labels_after_midnight,
                "board_after_midnight": day.report.board_after_midnight,
                "samples": [asdict(s) for s in day.report.samples],
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
