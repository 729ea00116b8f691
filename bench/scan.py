"""Scan benchmark: milliseconds per page for each processing step and bytes per page for each
encoding, on generated A4 pages (Vietnamese text, a red seal, a slight tilt) at 200 and 300 dpi,
beside img2pdf alone (the page as a lossless PNG, no processing) and OCRmyPDF when installed.

Run: ``make bench-scan`` (or ``python bench/scan.py``). BENCH_PAGES sets pages per kind (5).
"""

from __future__ import annotations

import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

import img2pdf  # noqa: E402

from counter_app.documents.pdfa import build_pdfa  # noqa: E402
from counter_app.documents.scan_pages import PageEncoding, process_page  # noqa: E402
from counter_app.domain.calendar import VN_TZ  # noqa: E402
from tests.documents.sample_pages import text_page  # noqa: E402

STEPS = ("deskew", "borders", "classify", "encode")


def main() -> None:
    count = int(os.environ.get("BENCH_PAGES", "5"))
    print(f"scan benchmark: {os.cpu_count()} cores, {count} pages of each kind")
    columns = "dpi | page | encoding | deskew | borders | classify | encode | PDF/A | whole | KB/page"
    print(f"| {columns} | img2pdf alone (PNG): KB/page, ms |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for dpi in (200, 300):
        for kind, page in (
            ("text, tilted 1.5°", text_page(dpi, tilt=1.5)),
            ("text, red seal", text_page(dpi, seal=True, tilt=-1.0)),
        ):
            for forced in (None, PageEncoding.GREY):
                results = [process_page(page, dpi, encoding=forced) for _ in range(count)]
                times = [r.times for r in results]
                start = time.perf_counter()
                built = build_pdfa(results, dossier_code="BENCH", component=kind, created=datetime.now(VN_TZ))
                pdf_ms = (time.perf_counter() - start) * 1000 / count
                whole = (
                    statistics.median(t.deskew + t.borders + t.classify + t.encode for t in times) + pdf_ms
                )
                png = io.BytesIO()
                page.save(png, format="PNG")
                start = time.perf_counter()
                plain = img2pdf.convert([png.getvalue()] * count)
                plain_ms = (time.perf_counter() - start) * 1000 / count
                steps = [statistics.median(getattr(t, step) for t in times) for step in STEPS]
                label = results[0].encoding.value + (" (forced)" if forced else "")
                cells = [str(dpi), kind, label, *(f"{ms:.0f}" for ms in steps), f"{pdf_ms:.0f}"]
                cells += [f"{whole:.0f} ms", f"{len(built.data) / count / 1024:.1f}"]
                cells.append(f"{len(plain) / count / 1024:.0f} KB, {plain_ms:.0f} ms")
                print("| " + " | ".join(cells) + " |", flush=True)
    ocrmypdf = shutil.which("ocrmypdf")
    if ocrmypdf is None:
        print("\nOCRmyPDF is not installed here: no OCR comparison.")
        return
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.pdf"
        source.write_bytes(img2pdf.convert([_png(text_page(300))]))
        start = time.perf_counter()
        subprocess.run(
            [ocrmypdf, "-l", "vie", "--output-type", "pdfa-2", str(source), str(Path(tmp) / "out.pdf")],
            check=False,
            capture_output=True,
        )
        print(
            f"\nOCRmyPDF (vie, PDF/A-2): {(time.perf_counter() - start) * 1000:.0f} ms for one 300 dpi page"
        )


def _png(image: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")  # type: ignore[attr-defined]
    return buffer.getvalue()


if __name__ == "__main__":
    main()
