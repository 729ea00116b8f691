"""The reference provincial server: the sync contract (docs/sync-api.yaml) over real HTTP.

Standard library only (http.server, sqlite3), so it runs wherever the app runs. It is a test
and demonstration tool, not a production platform: it listens on loopback by default and its
/_admin/ routes (faults, province-side status changes, publishing a catalogue) have no login.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from counter_app.reference_server.faults import Fault, FaultPlan
from counter_app.reference_server.store import ReferenceStore, Refused

MAX_JSON_BYTES = 64 * 2**20
MAX_BATCH_ITEMS = 1000
CHANGES_LIMIT = 1000
_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+)")
_VN = timezone(timedelta(hours=7))


class _Dropped(Exception):
    """Close the connection without an answer."""


class ReferenceServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self, address: tuple[str, int], store: ReferenceStore, faults: FaultPlan | None = None
    ) -> None:
        self.store = store
        self.faults = faults or FaultPlan()
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away mid-request (killed, timed out) is ordinary here, not an error."""
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def start_in_thread(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, name="reference-province", daemon=True)
        thread.start()
        return thread


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as separate writes: no 40 ms stalls
    server: ReferenceServer

    def log_message(self, format: str, *args: Any) -> None:
        pass  # tests make thousands of requests; the admin page shows the counts instead

    # --- plumbing ------------------------------------------------------------------------------

    def _send(self, status: int, body: bytes, content_type: str = "application/json", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, value: Any, **headers: str) -> None:
        fault = getattr(self, "_reply_fault", Fault.NONE)
        if fault is Fault.BAD_JSON:
            self._send(200, b'{"results": [{"key": "abc", "outcome": ')
            return
        if fault is Fault.WRONG_TYPES:
            self._send(
                200, json.dumps({"results": "yes", "changes": 7, "offset": "x", "access_token": 5}).encode()
            )
            return
        if fault is Fault.HUGE_BODY:
            self._send(200, b'{"padding": "' + b"x" * (40 * 2**20) + b'"}')
            return
        self._send(status, json.dumps(value, ensure_ascii=False).encode("utf-8"), **headers)

    def _error(self, status: int, code: str, message: str, **headers: str) -> None:
        self._json(status, {"error": code, "message": message}, **headers)

    def _body(self, limit: int = MAX_JSON_BYTES) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length > limit:
            raise ValueError("body too large")
        self.server.store.count_request(len(self.requestline) + len(str(self.headers)) + length)
        return self.rfile.read(length)

    def _json_body(self) -> Any:
        return json.loads(self._body().decode("utf-8"))

    def _client(self) -> str | None:
        header = self.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            self._error(401, "invalid_token", "a bearer token is required", WWW_Authenticate="Bearer")
            return None
        client = self.server.store.client_of(header[7:])
        if client is None:
            self._error(
                401, "invalid_token", "the token has expired", WWW_Authenticate='Bearer error="invalid_token"'
            )
        return client

    def _dispatch(self) -> None:
        url = urlsplit(self.path)
        path, query = url.path, parse_qs(url.query)
        plan = self.server.faults
        if plan.offline:
            raise _Dropped
        if plan.latency_ms:
            time.sleep(plan.latency_ms / 1000)
        fault = plan.next_fault(path) if path.startswith("/v1/") else Fault.NONE
        if fault is Fault.DROP_BEFORE:
            raise _Dropped
        if fault in (Fault.ERROR_500, Fault.ERROR_503):
            self._body()  # read what was sent, so the connection stays usable
            headers = {"Retry_After": str(plan.retry_after_seconds)} if fault is Fault.ERROR_503 else {}
            self._error(int(fault.value), "unavailable", "injected fault", **headers)
            return
        self._reply_fault = (
            fault if fault in (Fault.BAD_JSON, Fault.WRONG_TYPES, Fault.HUGE_BODY) else Fault.NONE
        )
        handler = self._route(self.command, path)
        if handler is None:
            self._error(404, "not_found", f"no route {self.command} {path}")
            return
        if fault is Fault.DROP_AFTER:
            # Process fully (the server commits), then lose the answer on the way back.
            real, self.wfile = self.wfile, _Discard()  # type: ignore[assignment]
            try:
                handler(path, query)
            finally:
                self.wfile = real
            raise _Dropped
        handler(path, query)

    def _route(self, method: str, path: str) -> Any:
        routes = {
            ("GET", "/v1/ping"): self.ping,
            ("POST", "/v1/auth/token"): self.token,
            ("POST", "/v1/items"): self.items,
            ("POST", "/v1/uploads"): self.start_upload,
            ("GET", "/v1/changes"): self.changes,
            ("GET", "/v1/catalogue"): self.catalogue,
            ("GET", "/v1/calendar"): self.calendar,
            ("GET", "/"): self.home,
            ("GET", "/_admin/stats"): self.admin_stats,
            ("POST", "/_admin/faults"): self.admin_faults,
            ("POST", "/_admin/status"): self.admin_status,
            ("POST", "/_admin/publish"): self.admin_publish,
        }
        if path.startswith("/v1/uploads/") and method in ("PUT", "GET"):
            return self.upload_chunk if method == "PUT" else self.upload_status
        return routes.get((method, path))

    def _handle(self) -> None:
        try:
            self._dispatch()
        except _Dropped:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
        except (ValueError, KeyError, TypeError) as error:
            self._error(400, "bad_request", str(error)[:200])

    do_GET = do_POST = do_PUT = _handle

    # --- the contract --------------------------------------------------------------------------

    def ping(self, path: str, query: dict[str, list[str]]) -> None:
        now = datetime.now(_VN).strftime("%Y%m%d%H%M%S")
        self._json(200, {"ok": True, "server_time": now, "contract": "1"})

    def token(self, path: str, query: dict[str, list[str]]) -> None:
        body = self._json_body()
        token = self.server.store.issue_token(
            str(body.get("client_id", "")), str(body.get("client_secret", ""))
        )
        if token is None:
            self._error(401, "invalid_client", "unknown client or wrong secret")
            return
        self._json(200, {"access_token": token, "token_type": "Bearer", "expires_in": 3600})

    def items(self, path: str, query: dict[str, list[str]]) -> None:
        body = self._body()
        client = self._client()
        if client is None:
            return
        key = self.headers.get("Idempotency-Key", "")
        if not 8 <= len(key) <= 64:
            self._error(400, "idempotency_key", "Idempotency-Key (8-64 characters) is required")
            return
        stored = self.server.store.stored_batch(key)
        if stored is None:
            document = json.loads(body.decode("utf-8"))
            items = document.get("items") if isinstance(document, dict) else None
            if not isinstance(items, list) or len(items) > MAX_BATCH_ITEMS:
                self._error(422, "invalid_batch", f"items must be a list of at most {MAX_BATCH_ITEMS}")
                return
            stored = self.server.store.apply_batch(
                client, key, [i if isinstance(i, dict) else {} for i in items]
            )
        if self._reply_fault is Fault.NONE:
            self._send(200, stored.encode("utf-8"))
        else:
            self._json(200, {})

    def start_upload(self, path: str, query: dict[str, list[str]]) -> None:
        body = self._json_body()
        client = self._client()
        if client is None:
            return
        key = self.headers.get("Idempotency-Key", "")
        if not 8 <= len(key) <= 64:
            self._error(400, "idempotency_key", "Idempotency-Key (8-64 characters) is required")
            return
        try:
            state = self.server.store.start_upload(client, key, body if isinstance(body, dict) else {})
        except Refused as refused:
            self._error(422, "rejected", str(refused))
            return
        self._json(200, state)

    def upload_status(self, path: str, query: dict[str, list[str]]) -> None:
        client = self._client()
        if client is None:
            return
        state = self.server.store.upload_state(path.rsplit("/", 1)[-1], client)
        if state is None:
            self._error(404, "not_found", "no such upload")
            return
        self._json(200, state)

    def upload_chunk(self, path: str, query: dict[str, list[str]]) -> None:
        client = self._client()
        length = int(self.headers.get("Content-Length") or 0)
        if client is None:
            self.rfile.read(length)
            return
        upload_id = path.rsplit("/", 1)[-1]
        state = self.server.store.upload_state(upload_id, client)
        match = _RANGE.fullmatch(self.headers.get("Content-Range", ""))
        if state is None or match is None:
            self.rfile.read(length)
            self._error(404 if state is None else 400, "bad_upload", "unknown upload or no Content-Range")
            return
        start, end, total = (int(g) for g in match.groups())
        if end - start + 1 != length or total != state["size"]:
            self.rfile.read(length)
            self._error(400, "bad_range", "Content-Range does not match the body or the declared size")
            return
        if start != state["offset"]:
            self.rfile.read(length)
            self._json(409, state)
            return
        outcome = self.server.store.append_chunk(upload_id, start, self._stream(length))
        if outcome.get("mismatch"):
            self._error(422, "sha256_mismatch", "the file does not match its SHA-256: send it again from 0")
            return
        self._json(200, outcome)

    def _stream(self, length: int) -> Iterator[bytes]:
        rate = self.server.faults.upload_bytes_per_second
        left = length
        while left:
            piece = self.rfile.read(min(left, 2**20))
            if not piece:
                raise _Dropped
            left -= len(piece)
            if rate:
                time.sleep(len(piece) / rate)
            yield piece

    def changes(self, path: str, query: dict[str, list[str]]) -> None:
        client = self._client()
        if client is None:
            return
        cursor = query.get("cursor", [""])[0]
        limit = max(1, min(int(query.get("limit", [str(CHANGES_LIMIT)])[0]), CHANGES_LIMIT))
        epoch = self.server.store.epoch()
        after = 0
        if cursor:
            cursor_epoch, _, seq = cursor.partition(":")
            if cursor_epoch != epoch or not seq.isdigit():
                self._error(410, "cursor_expired", "start again without a cursor")
                return
            after = int(seq)
        changes, last, more = self.server.store.changes(client, after, limit)
        self._json(200, {"changes": changes, "next_cursor": f"{epoch}:{last}", "has_more": more})

    def _versioned(self, name: str, query: dict[str, list[str]]) -> None:
        if self._client() is None:
            return
        document = self.server.store.document(name)
        since = query.get("since", [""])[0]
        if document is None or document[0] == since:
            self.send_response(304)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self._reply_fault is not Fault.NONE:
            self._json(200, {})
            return
        self._send(200, document[1].encode("utf-8"), ETag=f'"{document[0]}"')

    def catalogue(self, path: str, query: dict[str, list[str]]) -> None:
        self._versioned("catalogue", query)

    def calendar(self, path: str, query: dict[str, list[str]]) -> None:
        self._versioned("calendar", query)

    # --- for people and tests ------------------------------------------------------------------

    def home(self, path: str, query: dict[str, list[str]]) -> None:
        stats = self.server.store.stats()
        rows = "".join(
            f"<tr><td>{name}</td><td>{value}</td></tr>"
            for name, value in (
                ("Hồ sơ", stats.dossiers),
                ("Bước xử lý", stats.steps),
                ("Phiếu xếp hàng", stats.tickets),
                ("Tệp số hoá đã nhận đủ", stats.files_complete),
                ("Mục gửi lại đã nhận ra (không ghi lần hai)", stats.duplicates),
            )
        )
        page = (
            "<!doctype html><meta charset=utf-8><meta http-equiv=refresh content=5>"
            "<title>Máy chủ tỉnh mẫu</title><h1>Máy chủ một cửa tỉnh (mẫu)</h1>"
            f"<table>{rows}</table>"
        )
        self._send(200, page.encode("utf-8"), "text/html; charset=utf-8")

    def admin_stats(self, path: str, query: dict[str, list[str]]) -> None:
        stats = self.server.store.stats()
        self._json(200, stats.__dict__)

    def admin_faults(self, path: str, query: dict[str, list[str]]) -> None:
        body = self._json_body()
        if body.pop("clear", False):
            self.server.faults.clear()
        if body.pop("expire_tokens", False):
            self.server.store.expire_tokens()
        if body.pop("reset_cursor", False):
            self.server.store.reset_cursors()
        self.server.faults.update(body)
        self._json(200, {"ok": True})

    def admin_status(self, path: str, query: dict[str, list[str]]) -> None:
        body = self._json_body()
        at = str(body.get("ThoiDiem") or datetime.now(_VN).strftime("%Y%m%d%H%M%S"))
        change = self.server.store.province_sets_status(
            str(body["MaHoSo"]), int(body["TrangThaiHoSo"]), at, str(body.get("NoiDungXuLy", ""))
        )
        self._json(200, {"id": change})

    def admin_publish(self, path: str, query: dict[str, list[str]]) -> None:
        name = query.get("name", ["catalogue"])[0]
        if name not in ("catalogue", "calendar"):
            raise ValueError("name must be catalogue or calendar")
        text = self._body().decode("utf-8")
        version = json.loads(text).get("version")
        if not isinstance(version, str) or not version:
            raise ValueError("the document needs a version")
        self.server.store.publish(name, version, text)
        self._json(200, {"version": version})


class _Discard:
    """Where the answer goes when the connection is to be dropped after processing."""

    def write(self, data: bytes) -> int:
        return len(data)

    def flush(self) -> None:
        pass


def serve(
    database: Path, host: str = "127.0.0.1", port: int = 8765, faults: FaultPlan | None = None
) -> ReferenceServer:
    store = ReferenceStore(database)
    return ReferenceServer((host, port), store, faults)
