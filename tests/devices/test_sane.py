"""SANE scanning against libsane's 'test' device: batches, flatbed, and every way a batch stops."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.devices.sane_scanner import SaneScanner, list_devices, reason_of
from counter_app.devices.scanner import ColourMode, ScannerError, ScanRequest, Source, StopReason
from tests.devices import sane_test_device


@pytest.fixture(autouse=True)
def sane_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sane_test_device.require_sane()
    sane_test_device.configure(tmp_path / "sane.d", monkeypatch)


FEEDER = ScanRequest(Source.FEEDER, 100, ColourMode.COLOUR)


def test_the_test_device_is_listed_and_described():
    assert ("test:0", "Noname frontend-tester") in list_devices()
    caps = SaneScanner("test:0").capabilities()
    assert caps.sources == (Source.FLATBED, Source.FEEDER)
    assert ColourMode.COLOUR in caps.colour_modes and ColourMode.GREY in caps.colour_modes
    assert 200 in caps.resolutions and 300 in caps.resolutions


def test_a_feeder_batch_scans_until_the_feeder_is_empty():
    seen: list[object] = []
    pages = SaneScanner("test:0").scan(FEEDER, on_page=seen.append)
    assert len(pages) == 10 == len(seen)  # the test device's feeder holds ten sheets
    assert pages[0].mode == "RGB" and pages[0].width > 700  # 200 mm at 100 dpi: as wide as it goes


def test_the_flatbed_gives_one_page_in_grey():
    pages = SaneScanner("test:1").scan(ScanRequest(Source.FLATBED, 100, ColourMode.GREY))
    assert len(pages) == 1 and pages[0].mode == "L"


def test_a_jam_mid_batch_keeps_the_pages_already_scanned():
    scanner = SaneScanner("test:0")

    def jam_after_three(_page: object) -> None:
        if len(seen) == 2:
            scanner.set_option("read_return_value", "SANE_STATUS_JAMMED")
        seen.append(_page)

    seen: list[object] = []
    with pytest.raises(ScannerError) as stop:
        scanner.scan(FEEDER, on_page=jam_after_three)
    assert len(stop.value.pages) == 3
    assert "jammed" in str(stop.value) and "3 page(s) scanned are kept" in str(stop.value)


@pytest.mark.parametrize(
    ("status", "words"),
    [
        ("SANE_STATUS_NO_DOCS", "feeder is empty"),
        ("SANE_STATUS_COVER_OPEN", "cover is open"),
        ("SANE_STATUS_IO_ERROR", "does not answer"),
    ],
)
def test_a_batch_that_cannot_start_says_why(status: str, words: str):
    scanner = SaneScanner("test:0", extra_options={"read_return_value": status})
    with pytest.raises(ScannerError) as stop:
        scanner.scan(FEEDER)
    assert words in str(stop.value) and stop.value.pages == []


def test_a_scanner_unplugged_mid_batch_keeps_the_pages():
    scanner = SaneScanner("test:0")
    seen: list[object] = []

    def unplug_after_one(page: object) -> None:
        seen.append(page)
        scanner.set_option("read_return_value", "SANE_STATUS_IO_ERROR")

    with pytest.raises(ScannerError) as stop:
        scanner.scan(FEEDER, on_page=unplug_after_one)
    assert len(stop.value.pages) == 1 and "does not answer" in str(stop.value)


def test_a_scanner_that_is_gone_is_named():
    with pytest.raises(ScannerError) as stop:
        SaneScanner("test:7").scan(FEEDER)
    assert "test:7" in str(stop.value)


def test_cancel_stops_the_feeder_and_keeps_what_was_scanned():
    seen: list[object] = []
    pages = SaneScanner("test:0").scan(FEEDER, on_page=seen.append, cancelled=lambda: len(seen) >= 3)
    assert len(pages) == 3


def test_libsane_texts_map_to_reasons():
    assert reason_of(Exception("Document feeder jammed")) is StopReason.JAM
    assert reason_of(Exception("Something new")) is StopReason.OTHER


def test_settings_open_the_sane_test_device():
    from counter_app.devices.scanners import list_devices as devices_of
    from counter_app.devices.scanners import open_scanner
    from counter_app.settings import ScannerKind, ScannerSettings

    scanner = open_scanner(ScannerSettings(ScannerKind.SANE, "test:0", 100))
    assert scanner.name == "test:0" and len(scanner.scan(FEEDER)) == 10
    assert any(name == "test:1" for name, _ in devices_of(ScannerKind.SANE))
    with pytest.raises(ScannerError, match="No scanner is set up"):
        open_scanner(ScannerSettings())
