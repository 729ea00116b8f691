"""eSCL (AirScan / Mopria driverless scanning over HTTP) for network copiers, on every system.

The protocol as devices speak it: ``GET /eSCL/ScannerCapabilities``; ``POST /eSCL/ScanJobs``
with the settings (201 and a Location, 503 while the device is busy, 409 when it refuses, e.g.
an empty feeder); ``GET {job}/NextDocument`` once per page until 404; ``DELETE {job}`` to cancel;
``GET /eSCL/ScannerStatus`` says why a job stopped (a jam, an open cover, an empty feeder).

Every page already received is kept when a batch stops half-way: the error carries them.
"""

from __future__ import annotations

import contextlib
import io
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field

import requests
from PIL import Image, UnidentifiedImageError

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

__all__ = ["Capabilities", "ColourMode", "EsclScanner", "ScanRequest", "ScannerError", "Source"]

PWG = "http://www.pwg.org/schemas/2010/12/sm"
SCAN = "http://schemas.hp.com/imaging/escl/2011/05/03"
NS = {"pwg": PWG, "scan": SCAN}
# Some copiers' firmware matches the prefixes literally: write "scan:" and "pwg:", never "ns0:".
ET.register_namespace("scan", SCAN)
ET.register_namespace("pwg", PWG)
CONNECT_TIMEOUT, READ_TIMEOUT = 5.0, 60.0  # a page of a slow copier can take a while
BUSY_RETRIES, BUSY_WAIT = 10, 1.0


@dataclass
class EsclScanner:
    """A network copier or scanner that speaks eSCL (AirScan, Mopria)."""

    base_url: str  # http://192.0.2.30:8080 or https://…, without /eSCL
    session: requests.Session = field(default_factory=requests.Session)
    sleep: Callable[[float], None] = time.sleep

    @property
    def name(self) -> str:
        return self.base_url

    def _url(self, path: str) -> str:
        return self.base_url.rstrip("/") + path

    def _get(self, path: str) -> requests.Response:
        try:
            return self.session.get(self._url(path), timeout=(CONNECT_TIMEOUT, READ_TIMEOUT))
        except requests.RequestException:
            raise self._unreachable() from None

    def _unreachable(self, pages: list[Image.Image] | None = None) -> ScannerError:
        return ScannerError(
            QT_TRANSLATE_NOOP(
                "Domain",
                "The scanner at {address} does not answer. Check that it is on and connected to the network.",
            ),
            pages,
            address=self.base_url,
        )

    def capabilities(self) -> Capabilities:
        response = self._get("/eSCL/ScannerCapabilities")
        try:
            response.raise_for_status()
            root = ET.fromstring(response.content)
        except (requests.HTTPError, ET.ParseError):
            raise ScannerError(
                QT_TRANSLATE_NOOP("Domain", "The scanner at {address} does not speak eSCL."),
                address=self.base_url,
            ) from None
        sources = []
        if root.find("scan:Platen", NS) is not None:
            sources.append(Source.FLATBED)
        if root.find("scan:Adf", NS) is not None:
            sources.append(Source.FEEDER)
        resolutions = sorted({int(x.text or 0) for x in root.iterfind(".//scan:XResolution", NS) if x.text})
        modes = []
        for mode in root.iterfind(".//scan:ColorMode", NS):
            if mode.text in {m.value for m in ColourMode}:
                modes.append(ColourMode(mode.text))
        return Capabilities(
            (root.findtext("pwg:MakeAndModel", "", NS) or "").strip(),
            tuple(sources),
            tuple(resolutions),
            tuple(dict.fromkeys(modes)),
            root.find("scan:Adf/scan:AdfDuplexInputCaps", NS) is not None,
        )

    def status(self) -> tuple[str, str]:
        """(device state, feeder state), e.g. ("Idle", "ScannerAdfJam"); empty strings when unknown."""
        try:
            root = ET.fromstring(self._get("/eSCL/ScannerStatus").content)
        except (ET.ParseError, ScannerError):
            return "", ""
        return root.findtext("pwg:State", "", NS), root.findtext("scan:AdfState", "", NS)

    def _settings_xml(self, request: ScanRequest) -> bytes:
        root = ET.Element(f"{{{SCAN}}}ScanSettings")
        ET.SubElement(root, f"{{{PWG}}}Version").text = "2.6"
        ET.SubElement(root, f"{{{SCAN}}}Intent").text = "Document"
        regions = ET.SubElement(root, f"{{{PWG}}}ScanRegions")
        region = ET.SubElement(regions, f"{{{PWG}}}ScanRegion")
        for name, value in (
            ("Height", "3508"),
            ("Width", "2480"),
            ("XOffset", "0"),
            ("YOffset", "0"),
            ("ContentRegionUnits", "escl:ThreeHundredthsOfInches"),
        ):
            ET.SubElement(region, f"{{{PWG}}}{name}").text = value
        ET.SubElement(root, f"{{{PWG}}}InputSource").text = request.source.value
        ET.SubElement(root, f"{{{SCAN}}}ColorMode").text = request.colour.value
        ET.SubElement(root, f"{{{SCAN}}}XResolution").text = str(request.dpi)
        ET.SubElement(root, f"{{{SCAN}}}YResolution").text = str(request.dpi)
        ET.SubElement(root, f"{{{PWG}}}DocumentFormat").text = request.document_format
        if request.duplex:
            ET.SubElement(root, f"{{{SCAN}}}Duplex").text = "true"
        body: bytes = ET.tostring(root, xml_declaration=True, encoding="utf-8")
        return body

    def _why_stopped(self, pages: list[Image.Image]) -> ScannerError:
        _, feeder = self.status()
        reason = {
            "ScannerAdfJam": StopReason.JAM,
            "ScannerAdfHatchOpen": StopReason.COVER_OPEN,
            "ScannerAdfEmpty": StopReason.FEEDER_EMPTY,
        }.get(feeder, StopReason.OTHER)
        return stopped(reason, pages, self.base_url)

    def scan(
        self,
        request: ScanRequest,
        *,
        on_page: PageSink = lambda _: None,
        cancelled: CancelCheck = lambda: False,
    ) -> list[Image.Image]:
        """Every page of one job, in order. Cancelling deletes the job and returns the pages so far."""
        job = self._start(request)
        pages: list[Image.Image] = []
        busy = 0
        while True:
            if cancelled():
                self._cancel(job)
                return pages
            try:
                response = self.session.get(job + "/NextDocument", timeout=(CONNECT_TIMEOUT, READ_TIMEOUT))
            except requests.RequestException:
                raise self._unreachable(pages) from None
            if response.status_code == 404:
                return pages  # no more pages: the job is done
            if response.status_code == 503 and busy < BUSY_RETRIES:
                busy += 1
                self.sleep(_retry_after(response))
                continue
            if response.status_code != 200:
                raise self._why_stopped(pages)
            busy = 0
            try:
                page = Image.open(io.BytesIO(response.content))
                page.load()
            except (UnidentifiedImageError, OSError):
                raise stopped(StopReason.DAMAGED_PAGE, pages, self.base_url) from None
            pages.append(page)
            on_page(page)

    def _start(self, request: ScanRequest) -> str:
        body = self._settings_xml(request)
        for _ in range(BUSY_RETRIES):
            try:
                response = self.session.post(
                    self._url("/eSCL/ScanJobs"),
                    data=body,
                    headers={"Content-Type": "text/xml"},
                    timeout=(CONNECT_TIMEOUT, READ_TIMEOUT),
                )
            except requests.RequestException:
                raise self._unreachable() from None
            if response.status_code == 503:  # busy with another job: come back later
                self.sleep(_retry_after(response))
                continue
            if response.status_code == 409:
                raise self._why_stopped([])
            if response.status_code != 201 or "Location" not in response.headers:
                raise ScannerError(
                    QT_TRANSLATE_NOOP("Domain", "The scanner refused the job (HTTP {status})."),
                    status=response.status_code,
                )
            location = response.headers["Location"]
            return location if location.startswith("http") else self._url(location)
        raise stopped(StopReason.BUSY, [], self.base_url)

    def _cancel(self, job: str) -> None:
        with contextlib.suppress(requests.RequestException):  # a device drops an abandoned job itself
            self.session.delete(job, timeout=(CONNECT_TIMEOUT, READ_TIMEOUT))


def _retry_after(response: requests.Response) -> float:
    try:
        return min(10.0, max(0.0, float(response.headers.get("Retry-After", BUSY_WAIT))))
    except ValueError:
        return BUSY_WAIT
