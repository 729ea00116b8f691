"""Scanners on Windows through WIA 2.0 (Windows Image Acquisition), driven over COM with pywin32.

Written to Microsoft's WIA Automation Layer: DeviceManager finds devices; the first item of a
connected device is its scanning head; its properties pick the source (feeder, flatbed,
duplex), the colour intent and the resolution; each ``Transfer`` brings one page as BMP, and a
feeder batch repeats it until WIA says the feeder is empty. COM errors carry WIA's HRESULT,
which :func:`reason_of_hresult` turns into a :class:`StopReason`. Not run by the Linux test
suite: only the error mapping is.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from PIL import Image

from counter_app.devices.scanner import (
    CancelCheck,
    Capabilities,
    ColourMode,
    PageSink,
    ScannerError,
    ScanRequest,
    Source,
    StopReason,
    stopped,
)
from counter_app.domain.errors import QT_TRANSLATE_NOOP

FORMAT_BMP = "{B96B3CAE-0728-11D3-9D7B-0000F81EF32E}"
# WIA property ids (wiadef.h)
DOCUMENT_HANDLING_SELECT = 3088
DOCUMENT_HANDLING_CAPABILITIES = 3086
FEEDER, FLATBED, DUPLEX = 0x001, 0x002, 0x004
PAGES = 3096
CURRENT_INTENT = 6146
INTENT_COLOUR, INTENT_GREY, INTENT_TEXT = 0x1, 0x2, 0x4
HORIZONTAL_RESOLUTION, VERTICAL_RESOLUTION = 6147, 6148
EXTENT_WIDTH, EXTENT_HEIGHT = 6151, 6152

_HRESULTS = {
    0x80210002: StopReason.JAM,  # WIA_ERROR_PAPER_JAM
    0x80210003: StopReason.FEEDER_EMPTY,  # WIA_ERROR_PAPER_EMPTY
    0x80210016: StopReason.COVER_OPEN,  # WIA_ERROR_COVER_OPEN
    0x80210006: StopReason.BUSY,  # WIA_ERROR_BUSY
    0x80210007: StopReason.BUSY,  # WIA_ERROR_WARMING_UP
    0x80210005: StopReason.GONE,  # WIA_ERROR_OFFLINE
    0x8021000A: StopReason.GONE,  # WIA_ERROR_DEVICE_COMMUNICATION
    0x80210015: StopReason.GONE,  # WIA_S_NO_DEVICE_AVAILABLE
}


def reason_of_hresult(hresult: int) -> StopReason:
    return _HRESULTS.get(hresult & 0xFFFFFFFF, StopReason.OTHER)


def _hresult(error: BaseException) -> int:
    # pywintypes.com_error: (hresult, text, (wcode, source, text, help, id, scode), arg)
    args: tuple[Any, ...] = getattr(error, "args", ())
    details: tuple[Any, ...] = args[2] if len(args) > 2 and isinstance(args[2], tuple) else ()
    scode = details[5] if len(details) > 5 and isinstance(details[5], int) else None
    return int(scode if scode is not None else (args[0] if args and isinstance(args[0], int) else 0))


def _client() -> Any:
    try:
        import win32com.client
    except ImportError:
        raise ScannerError(
            QT_TRANSLATE_NOOP("Domain", "WIA scanning needs Windows (with the pywin32 package).")
        ) from None
    return win32com.client


def list_devices() -> list[tuple[str, str]]:
    manager = _client().Dispatch("WIA.DeviceManager")
    devices = []
    for index in range(1, manager.DeviceInfos.Count + 1):
        info = manager.DeviceInfos.Item(index)
        if info.Type == 1:  # ScannerDeviceType
            devices.append((str(info.DeviceID), str(info.Properties("Name").Value)))
    return devices


def _set(properties: Any, property_id: int, value: int) -> None:
    for index in range(1, properties.Count + 1):
        prop = properties.Item(index)
        if prop.PropertyID == property_id:
            prop.Value = value
            return


def _get(properties: Any, property_id: int, default: int = 0) -> int:
    for index in range(1, properties.Count + 1):
        prop = properties.Item(index)
        if prop.PropertyID == property_id:
            return int(prop.Value)
    return default


@dataclass
class WiaScanner:
    device_id: str

    @property
    def name(self) -> str:
        return self.device_id

    def _connect(self) -> Any:
        client = _client()
        manager = client.Dispatch("WIA.DeviceManager")
        for index in range(1, manager.DeviceInfos.Count + 1):
            info = manager.DeviceInfos.Item(index)
            if info.DeviceID == self.device_id:
                try:
                    return info.Connect()
                except Exception as error:
                    raise stopped(reason_of_hresult(_hresult(error)), [], self.device_id) from error
        raise stopped(StopReason.GONE, [], self.device_id)

    def capabilities(self) -> Capabilities:
        device = self._connect()
        handling = _get(device.Properties, DOCUMENT_HANDLING_CAPABILITIES, FLATBED)
        sources = tuple(
            s for s, bit in ((Source.FLATBED, FLATBED), (Source.FEEDER, FEEDER)) if handling & bit
        )
        return Capabilities(
            str(device.Properties("Name").Value),
            sources or (Source.FLATBED,),
            (150, 200, 300, 600),
            (ColourMode.COLOUR, ColourMode.GREY, ColourMode.BLACK_WHITE),
            bool(handling & DUPLEX),
        )

    def scan(
        self,
        request: ScanRequest,
        *,
        on_page: PageSink = lambda _: None,
        cancelled: CancelCheck = lambda: False,
    ) -> list[Image.Image]:
        device = self._connect()
        pages: list[Image.Image] = []
        feeder = request.source is Source.FEEDER
        handling = (FEEDER | (DUPLEX if request.duplex else 0)) if feeder else FLATBED
        try:
            _set(device.Properties, DOCUMENT_HANDLING_SELECT, handling)
            _set(device.Properties, PAGES, 0 if feeder else 1)  # 0: all pages in the feeder
            item = device.Items(1)
            intent = {
                ColourMode.COLOUR: INTENT_COLOUR,
                ColourMode.GREY: INTENT_GREY,
                ColourMode.BLACK_WHITE: INTENT_TEXT,
            }[request.colour]
            _set(item.Properties, CURRENT_INTENT, intent)
            _set(item.Properties, HORIZONTAL_RESOLUTION, request.dpi)
            _set(item.Properties, VERTICAL_RESOLUTION, request.dpi)
            while True:
                image_file = item.Transfer(FORMAT_BMP)
                page = Image.open(io.BytesIO(bytes(image_file.FileData.BinaryData)))
                page.load()
                pages.append(page)
                on_page(page)
                if not feeder or cancelled():
                    return pages
        except ScannerError:
            raise
        except Exception as error:
            reason = reason_of_hresult(_hresult(error))
            if reason is StopReason.FEEDER_EMPTY and pages:
                return pages  # WIA ends every feeder batch this way
            raise stopped(reason, pages, self.device_id) from error
