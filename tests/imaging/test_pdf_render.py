"""Several form windows and imports draw PDFs at once; they take turns in PDFium (a smoke test:
the crash it guards against is a race that a short test does not reliably provoke)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from counter_app.domain.calendar import now_vn
from counter_app.imaging.pdf_render import render
from counter_app.imaging.pdfa import build_pdfa
from counter_app.imaging.scan_pages import process_page
from tests.imaging.sample_pages import text_page


def test_many_threads_render_pdfs_at_once_without_crashing():
    pdf = build_pdfa(
        [process_page(text_page(100), 100)] * 3, dossier_code="X", component="Y", created=now_vn()
    ).data
    with ThreadPoolExecutor(max_workers=6) as pool:
        counts = list(pool.map(lambda _: len(render(pdf, 50)), range(24)))
    assert counts == [3] * 24
