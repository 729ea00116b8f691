"""WIA runs only on Windows; here: its error codes map to the same reasons, and elsewhere it says so."""

from __future__ import annotations

import sys

import pytest

from counter_app.devices.scanner import ScannerError, StopReason
from counter_app.devices.wia_scanner import WiaScanner, _hresult, reason_of_hresult


def test_wia_error_codes_become_the_common_reasons():
    assert reason_of_hresult(0x80210002) is StopReason.JAM
    assert reason_of_hresult(-2145320957) is StopReason.FEEDER_EMPTY  # 0x80210003 as pywin32 signs it
    assert reason_of_hresult(0x80210016) is StopReason.COVER_OPEN
    assert reason_of_hresult(0x8021000A) is StopReason.GONE
    assert reason_of_hresult(0x80004005) is StopReason.OTHER


def test_the_hresult_is_read_from_a_com_error_shape():
    error = Exception(-2147352567, "Exception occurred.", (0, "WIA", "jam", None, 0, -2145320958), None)
    assert reason_of_hresult(_hresult(error)) is StopReason.JAM


@pytest.mark.skipif(sys.platform == "win32", reason="WIA is there on Windows")
def test_wia_elsewhere_says_it_needs_windows():
    with pytest.raises(ScannerError, match="needs Windows"):
        WiaScanner("{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0000").capabilities()
