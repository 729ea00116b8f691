"""Scan benchmark: milliseconds per page for each processing step and bytes per page for each
encoding, on generated A4 pages (Vietnamese text, a red seal, a slight tilt) at 200 and 300 dpi,
beside img2pdf alone (the page as a lossless PNG, no processing); then Vietnamese OCR per page
with its character accuracy, ours (Tesseract page by page, text layer laid over the PDF/A) beside
OCRmyPDF on the same pages when it is installed (``make bench-scan`` installs it in the venv).

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
import unicodedata
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

import img2pdf  # noqa: E402

from counter_app.domain.calendar import VN_TZ  # noqa: E402
from counter_app.imaging import ocr  # noqa: E402
from counter_app.imaging.pdfa import build_pdfa  # noqa: E402
from counter_app.imaging.scan_pages import PageEncoding, process_page  # noqa: E402
from tests.imaging.sample_pages import LINES, text_page  # noqa: E402

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
    _ocr(count)


def _truth() -> str:
    return " ".join([*LINES, *(line.lower() for line in LINES), *(line.lower() for line in LINES)])


def _accuracy(read: str, truth: str) -> float:
    """Character accuracy, 1 - edit distance / length, on NFC text with white space collapsed."""
    a = " ".join(unicodedata.normalize("NFC", read).split())
    b = " ".join(unicodedata.normalize("NFC", truth).split())
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return max(0.0, 1 - previous[-1] / max(1, len(b)))


def _ocr(count: int) -> None:
    found = ocr.availability()
    if not found.ready:
        print("\nTesseract with Vietnamese data is not installed here: no OCR figures.")
        return
    pages = max(1, min(count, 3))
    ocrmypdf = shutil.which("ocrmypdf") or shutil.which("ocrmypdf", path=str(Path(sys.executable).parent))
    print(f"\nOCR, {found.version}, one thread, {pages} page(s) each, tilted 1.5°:")
    print(
        "| dpi | ours: ms/page | ours: accuracy | OCRmyPDF: ms/page | OCRmyPDF: accuracy | ours / OCRmyPDF |"
    )
    print("|---|---|---|---|---|---|")
    truth = _truth()
    for dpi in (200, 300):
        page = text_page(dpi, tilt=1.5)
        built = build_pdfa(
            [process_page(page, dpi) for _ in range(pages)],
            dossier_code="BENCH",
            component="OCR",
            created=datetime.now(VN_TZ),
        )
        start = time.perf_counter()
        texts = [ocr.read_page(image, suffix, found.program) for image, suffix in ocr.page_images(built.data)]
        ocr.with_text_layer(built.data, [t.layer for t in texts])
        ours_ms = (time.perf_counter() - start) * 1000 / pages
        ours_acc = statistics.mean(_accuracy(t.text, truth) for t in texts)
        theirs = "not installed"
        theirs_acc = ratio = "–"
        if ocrmypdf:
            with tempfile.TemporaryDirectory() as tmp:
                source, out, sidecar = Path(tmp) / "in.pdf", Path(tmp) / "out.pdf", Path(tmp) / "out.txt"
                source.write_bytes(img2pdf.convert([_png(page)] * pages))
                start = time.perf_counter()
                done = subprocess.run(
                    [
                        ocrmypdf,
                        "-l",
                        "vie",
                        "--jobs",
                        "1",
                        "--deskew",
                        "--output-type",
                        "pdfa-2",
                        "--sidecar",
                        str(sidecar),
                        str(source),
                        str(out),
                    ],
                    check=False,
                    capture_output=True,
                    env={**os.environ, "OMP_THREAD_LIMIT": "1"},
                )
                theirs_ms = (time.perf_counter() - start) * 1000 / pages
                if done.returncode == 0 and sidecar.exists():
                    chunks = sidecar.read_text(encoding="utf-8").split("\f")
                    theirs = f"{theirs_ms:.0f}"
                    theirs_acc = f"{statistics.mean(_accuracy(c, truth) for c in chunks if c.strip()):.3f}"
                    ratio = f"{ours_ms / theirs_ms:.2f}×"
                else:
                    theirs = "failed: " + done.stderr.decode(errors="replace").strip().splitlines()[-1][:60]
        print(f"| {dpi} | {ours_ms:.0f} | {ours_acc:.3f} | {theirs} | {theirs_acc} | {ratio} |", flush=True)


def _png(image: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")  # type: ignore[attr-defined]
    return buffer.getvalue()


if __name__ == "__main__":
    main()
