"""Start-up benchmark: launch to a usable counter window, and resident memory when idle.

Run: ``make bench`` (or ``python bench/startup.py``). Each run is a fresh process, as a clerk
starts the program at 7:30. "Usable" means the window is shown, a clerk is signed in and the
catalogue list is filled. The first run starts from an empty data folder (migrations and demo
data); the others reopen it, as every later morning does. BENCH_RUNS sets the number of runs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
IDLE_SECONDS = 3.0


def child() -> None:
    """Runs inside the measured process: build the real window, then report readiness."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QTimer

    from counter_app.app import build_context
    from counter_app.logging_setup import setup_logging
    from counter_app.paths import AppPaths
    from counter_app.settings import load
    from counter_app.ui.counter.window import CounterWindow
    from counter_app.ui.launcher import counter_parts, make_application

    paths = AppPaths.resolve()
    paths.ensure()
    setup_logging(paths.log_file, console=False)
    settings = load(paths.settings_file)
    app = make_application(settings.language)
    context = build_context(paths, settings, demo=True)
    window = CounterWindow(counter_parts(context))
    window.catalogue_panel.results_shown.connect(lambda _: print("READY", flush=True))
    window.show()
    member = context.staff.find("canbo")
    window.set_actor(member)
    QTimer.singleShot(int((IDLE_SECONDS + 30) * 1000), app.quit)
    app.exec()


def measure(home: Path) -> tuple[float, float]:
    env = {
        **os.environ,
        "COUNTER_APP_HOME": str(home),
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, __file__, "--child"], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    assert process.stdout is not None
    try:
        for line in process.stdout:
            if line.strip() == "READY":
                break
        else:
            raise RuntimeError("the counter window never became ready")
        ready = time.perf_counter() - start
        time.sleep(IDLE_SECONDS)
        rss = psutil.Process(process.pid).memory_info().rss / 2**20
    finally:
        process.kill()
        process.wait()
    return ready, rss


def main() -> None:
    runs = int(os.environ.get("BENCH_RUNS", "5"))
    print(f"counter window start-up, {runs} runs, platform {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="counter-bench-") as tmp:
        home = Path(tmp)
        first_time, first_rss = measure(home)
        first = f"{first_time * 1000:.0f} ms, {first_rss:.0f} MB"
        print(f"first start (new database, migrations, demo data): {first}")
        results = [measure(home) for _ in range(runs)]
    times = [t * 1000 for t, _ in results]
    memory = [m for _, m in results]
    print(
        f"normal start: median {statistics.median(times):.0f} ms "
        f"(min {min(times):.0f}, max {max(times):.0f}); goal <= 1500 ms"
    )
    print(
        f"idle resident memory: median {statistics.median(memory):.0f} MB "
        f"(min {min(memory):.0f}, max {max(memory):.0f}); goal <= 200 MB"
    )


if __name__ == "__main__":
    if "--child" in sys.argv:
        child()
    else:
        main()
