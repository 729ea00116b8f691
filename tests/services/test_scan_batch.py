"""The clerk's edits of a row's pages, without a window: order, turns, encoding, blank flags."""

from __future__ import annotations

from PIL import Image

from counter_app.imaging.scan_pages import PageEncoding
from counter_app.services.scan_batch import ScanBatch, encoded, prepare_page, turned
from tests.imaging.sample_pages import blank_page, text_page


def _page(source: str, image: Image.Image | None = None):
    return prepare_page(image or text_page(dpi=100), 100, source)


def test_pages_are_processed_and_thumbnailed():
    page = _page("feeder, page 1")
    assert page.processed is not None and page.processed.encoding is PageEncoding.BLACK_WHITE
    assert page.thumbnail.startswith(b"\x89PNG") and not page.blank


def test_a_turn_is_redone_from_the_original():
    page = _page("p1")
    assert page.processed is not None
    width, height = page.processed.width, page.processed.height
    once = turned(page, 1)
    assert once.processed is not None and (once.processed.width, once.processed.height) == (height, width)
    back = turned(turned(turned(once, 1), 1), 1)
    assert back.turns == 0 and back.processed is not None and back.processed.width == width


def test_the_clerk_can_keep_a_page_in_colour():
    page = encoded(_page("p1"), PageEncoding.COLOUR)
    assert page.processed is not None and page.processed.encoding is PageEncoding.COLOUR
    assert page.processed.suggested is PageEncoding.BLACK_WHITE


def test_reorder_delete_move_and_blank_flags():
    batch = ScanBatch()
    batch.add([_page("a"), prepare_page(blank_page(dpi=100), 100, "b"), _page("c")])
    assert batch.blank_pages == [1]  # flagged, not dropped
    batch.move(2, 0)
    assert [p.source for p in batch.pages] == ["c", "a", "b"]
    taken = batch.take([2, 0])
    assert [p.source for p in taken] == ["c", "b"] and [p.source for p in batch.pages] == ["a"]
    batch.add(taken, at=0)
    batch.remove(1)
    assert [p.source for p in batch.pages] == ["c", "a"]
    assert len(batch.processed()) == 2
