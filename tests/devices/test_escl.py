"""The eSCL client against a device that speaks the protocol, faults included."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from counter_app.devices.escl import ColourMode, EsclScanner, ScannerError, ScanRequest, Source
from tests.devices.escl_server import Device, EsclServer, jpeg_page


@pytest.fixture
def device() -> Iterator[tuple[Device, EsclScanner]]:
    state = Device(pages=[jpeg_page(), jpeg_page(), jpeg_page("red")])
    server = EsclServer(state)
    yield state, EsclScanner(server.url, sleep=lambda _: None)
    server.close()


def test_capabilities_are_read(device):
    _, scanner = device
    caps = scanner.capabilities()
    assert caps.make_and_model == "Test Copier MFP 4000"
    assert caps.sources == (Source.FLATBED, Source.FEEDER) and caps.duplex
    assert caps.resolutions == (200, 300) and ColourMode.BLACK_WHITE in caps.colour_modes


def test_a_feeder_batch_arrives_page_by_page_through_busy_answers(device):
    state, scanner = device
    state.busy_posts, state.busy_pages = 2, 1  # 503 with Retry-After, as a copier finishing a job
    seen: list[object] = []
    pages = scanner.scan(ScanRequest(Source.FEEDER, 200, ColourMode.GREY), on_page=seen.append)
    assert len(pages) == 3 and len(seen) == 3 and pages[2].getpixel((200, 40))[0] > 150  # the red page
    settings = state.settings[0].decode()
    assert "<pwg:InputSource>Feeder</pwg:InputSource>" in settings and "<scan:XResolution>200" in settings
    assert "Grayscale8" in settings


def test_a_jam_mid_batch_keeps_the_pages_already_scanned(device):
    state, scanner = device
    state.stop_after = 2
    with pytest.raises(ScannerError, match="jammed") as info:
        scanner.scan(ScanRequest(Source.FEEDER))
    assert len(info.value.pages) == 2


def test_an_open_cover_an_empty_feeder_and_an_unplugged_scanner(device):
    state, scanner = device
    state.stop_after, state.fault_state = 1, "ScannerAdfHatchOpen"
    with pytest.raises(ScannerError, match="cover is open") as info:
        scanner.scan(ScanRequest(Source.FEEDER))
    assert len(info.value.pages) == 1
    state.refuse = True  # 409: nothing in the feeder
    with pytest.raises(ScannerError, match="feeder is empty"):
        scanner.scan(ScanRequest(Source.FEEDER))
    with pytest.raises(ScannerError, match="does not answer"):
        EsclScanner("http://127.0.0.1:9", sleep=lambda _: None).scan(ScanRequest())


def test_cancelling_deletes_the_job_and_keeps_what_came(device):
    state, scanner = device
    received: list[object] = []
    pages = scanner.scan(
        ScanRequest(Source.FEEDER), on_page=received.append, cancelled=lambda: len(received) >= 1
    )
    assert len(pages) == 1 and len(state.cancelled) == 1
