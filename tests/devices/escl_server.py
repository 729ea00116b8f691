"""An eSCL device on 127.0.0.1 for the tests: capabilities, status, jobs, pages, and the faults
real copiers show (503 busy with Retry-After, 409 refusals, a jam or an open cover mid-batch)."""

from __future__ import annotations

import io
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PIL import Image

CAPABILITIES = b"""<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03"
    xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
  <pwg:Version>2.6</pwg:Version>
  <pwg:MakeAndModel>Test Copier MFP 4000</pwg:MakeAndModel>
  <scan:Platen><scan:PlatenInputCaps><scan:SettingProfiles><scan:SettingProfile>
    <scan:ColorModes><scan:ColorMode>RGB24</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode>
    <scan:ColorMode>BlackAndWhite1</scan:ColorMode></scan:ColorModes>
    <scan:SupportedResolutions><scan:DiscreteResolutions>
      <scan:DiscreteResolution><scan:XResolution>200</scan:XResolution><scan:YResolution>200</scan:YResolution></scan:DiscreteResolution>
      <scan:DiscreteResolution><scan:XResolution>300</scan:XResolution><scan:YResolution>300</scan:YResolution></scan:DiscreteResolution>
    </scan:DiscreteResolutions></scan:SupportedResolutions>
  </scan:SettingProfile></scan:SettingProfiles></scan:PlatenInputCaps></scan:Platen>
  <scan:Adf><scan:AdfSimplexInputCaps/><scan:AdfDuplexInputCaps/></scan:Adf>
</scan:ScannerCapabilities>"""


@dataclass
class Device:
    pages: list[bytes] = field(default_factory=list)  # what the feeder holds, as JPEG
    busy_posts: int = 0  # answer this many POSTs with 503 first
    busy_pages: int = 0  # answer this many NextDocument calls with 503 first
    refuse: bool = False  # 409 on POST (feeder empty)
    stop_after: int | None = None  # a jam / open cover after this many pages
    adf_state: str = "ScannerAdfLoaded"
    fault_state: str = "ScannerAdfJam"
    jobs: dict[str, list[bytes]] = field(default_factory=dict)
    cancelled: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    settings: list[bytes] = field(default_factory=list)


def jpeg_page(text_colour: str = "black") -> bytes:
    image = Image.new("RGB", (400, 560), "white")
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    for y in range(40, 520, 24):
        draw.line((40, y, 360, y), fill=text_colour, width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", dpi=(100, 100))
    return buffer.getvalue()


class EsclServer:
    def __init__(self, device: Device) -> None:
        self.device = device
        handler = self._handler()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        device = self.device
        lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # quiet tests
                pass

            def _send(self, status: int, body: bytes = b"", kind: str = "text/xml", **headers: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name.replace("_", "-"), value)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                with lock:
                    device.requests.append(f"GET {self.path}")
                    if self.path == "/eSCL/ScannerCapabilities":
                        return self._send(200, CAPABILITIES)
                    if self.path == "/eSCL/ScannerStatus":
                        body = (
                            '<?xml version="1.0"?><scan:ScannerStatus xmlns:scan='
                            '"http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg='
                            f'"http://www.pwg.org/schemas/2010/12/sm"><pwg:State>Idle</pwg:State>'
                            f"<scan:AdfState>{device.adf_state}</scan:AdfState></scan:ScannerStatus>"
                        )
                        return self._send(200, body.encode())
                    parts = self.path.strip("/").split("/")
                    if len(parts) == 4 and parts[:2] == ["eSCL", "ScanJobs"] and parts[3] == "NextDocument":
                        job = device.jobs.get(parts[2])
                        if job is None:
                            return self._send(404)
                        if device.busy_pages:
                            device.busy_pages -= 1
                            return self._send(503, Retry_After="0")
                        served = sum(1 for r in device.requests if r.endswith("NextDocument:200"))
                        if device.stop_after is not None and served >= device.stop_after:
                            device.adf_state = device.fault_state
                            return self._send(409)
                        if not job:
                            return self._send(404)
                        device.requests.append(f"{self.path}:200")
                        return self._send(200, job.pop(0), "image/jpeg")
                    return self._send(404)

            def do_POST(self) -> None:
                with lock:
                    length = int(self.headers.get("Content-Length", "0"))
                    body = self.rfile.read(length)
                    device.requests.append(f"POST {self.path}")
                    if self.path != "/eSCL/ScanJobs":
                        return self._send(404)
                    if device.busy_posts:
                        device.busy_posts -= 1
                        return self._send(503, Retry_After="0")
                    if device.refuse:
                        device.adf_state = "ScannerAdfEmpty"
                        return self._send(409)
                    device.settings.append(body)
                    job = str(uuid.uuid4())
                    device.jobs[job] = list(device.pages)
                    return self._send(201, Location=f"/eSCL/ScanJobs/{job}")

            def do_DELETE(self) -> None:
                with lock:
                    job = self.path.strip("/").split("/")[-1]
                    device.cancelled.append(job)
                    device.jobs.pop(job, None)
                    return self._send(200)

        return Handler
