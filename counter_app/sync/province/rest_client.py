"""Our sync contract (docs/sync-api.yaml) over HTTPS with requests.

Every call has explicit connect and read timeouts; TLS is always verified, against the system's
trust store and certifi's, plus an extra CA file when the office sets one (the national root CA
is missing from certifi); answers are read up to a size limit and parsed strictly (wire.py).
"""

from __future__ import annotations

import email.utils
import json
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import certifi
import requests
from requests.adapters import HTTPAdapter

from counter_app.sync.province import wire
from counter_app.sync.province.adapter import (
    CalendarDocument,
    Cancelled,
    ChangePage,
    CursorExpired,
    FileToSend,
    ItemAck,
    NotAuthorised,
    OutgoingItem,
    Progress,
    Refused,
    ReplyInvalid,
    ServerBusy,
    Unreachable,
    Untrusted,
)

MAX_REPLY_BYTES = 4 * 2**20  # a push answer, a change page
MAX_DOCUMENT_BYTES = 50 * 2**20  # the catalogue
CHUNK_BYTES = 4 * 2**20
MAX_RETRY_AFTER = 3600.0
CHANGES_PAGE = 500


@dataclass(frozen=True)
class Credentials:
    client_id: str
    secret: str


def trust_context(extra_ca_file: str = "") -> ssl.SSLContext:
    """Verification on, always: the system store, certifi's bundle, and the office's extra CA."""
    context = ssl.create_default_context()  # the system store (Windows' and the distribution's)
    context.load_verify_locations(cafile=certifi.where())
    if extra_ca_file:
        context.load_verify_locations(cafile=extra_ca_file)
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    return context


class _TrustAdapter(HTTPAdapter):
    def __init__(self, context: ssl.SSLContext) -> None:
        self._context = context
        super().__init__(pool_connections=2, pool_maxsize=4, max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context
        super().init_poolmanager(*args, **kwargs)


def retry_after(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """Retry-After as seconds (a number, or an HTTP date); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, min(when.timestamp() - now(), MAX_RETRY_AFTER))


class ContractClient:
    def __init__(
        self,
        endpoint: str,
        credentials: Credentials,
        *,
        connect_timeout: float = 5.0,
        read_timeout: float = 30.0,
        extra_ca_file: str = "",
        chunk_bytes: int = CHUNK_BYTES,
    ) -> None:
        self.base = endpoint.rstrip("/")
        self.credentials = credentials
        self.timeout = (connect_timeout, read_timeout)
        self.chunk_bytes = chunk_bytes
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "counter_app-sync/1"
        self.session.mount("https://", _TrustAdapter(trust_context(extra_ca_file)))
        self._token: str | None = None

    def close(self) -> None:
        self.session.close()

    # --- transport ------------------------------------------------------------------------------

    def _send(
        self, method: str, path: str, *, limit: int = MAX_REPLY_BYTES, **kwargs: Any
    ) -> tuple[int, bytes, Any]:
        """One request; network trouble becomes Unreachable/Untrusted, never a half-read answer."""
        try:
            with self.session.request(
                method, self.base + path, timeout=self.timeout, stream=True, allow_redirects=False, **kwargs
            ) as response:
                body = bytearray()
                for piece in response.iter_content(64 * 1024):
                    body += piece
                    if len(body) > limit:
                        raise ReplyInvalid(f"{method} {path}: the answer is larger than {limit} bytes")
                return response.status_code, bytes(body), response.headers
        except requests.exceptions.SSLError as error:
            raise Untrusted(str(error)[:300]) from None
        except (
            requests.ConnectionError,
            requests.Timeout,
            requests.exceptions.ChunkedEncodingError,
        ) as error:
            raise Unreachable(f"{method} {path}: {error}"[:300]) from None
        except requests.RequestException as error:
            raise Unreachable(f"{method} {path}: {error}"[:300]) from None

    def _check(self, method: str, path: str, status: int, body: bytes, headers: Any) -> None:
        if status == 429 or status >= 500:
            raise ServerBusy(
                status, retry_after(headers.get("Retry-After")), body[:300].decode("utf-8", "replace")
            )
        if status >= 400:
            raise Refused(status, f"{method} {path}: {body[:300].decode('utf-8', 'replace')}")

    def _authorise(self) -> str:
        status, body, headers = self._send(
            "POST",
            "/v1/auth/token",
            json={"client_id": self.credentials.client_id, "client_secret": self.credentials.secret},
        )
        if status in (400, 401, 403):
            raise NotAuthorised(body[:300].decode("utf-8", "replace"))
        self._check("POST", "/v1/auth/token", status, body, headers)
        token, _ = wire.parse_token(wire.parse_json(body))
        self._token = token
        return token

    def _call(
        self,
        method: str,
        path: str,
        *,
        headers: dict[str, str] | None = None,
        limit: int = MAX_REPLY_BYTES,
        **kwargs: Any,
    ) -> tuple[int, bytes, Any]:
        """An authorised request; an expired token is renewed once and the request sent again."""
        for attempt in (1, 2):
            token = self._token or self._authorise()
            sent = {**(headers or {}), "Authorization": f"Bearer {token}"}
            status, body, reply_headers = self._send(method, path, limit=limit, headers=sent, **kwargs)
            if status != 401:
                return status, body, reply_headers
            self._token = None
            if attempt == 2:
                raise NotAuthorised(body[:300].decode("utf-8", "replace"))
        raise AssertionError("unreachable")

    # --- the contract ---------------------------------------------------------------------------

    def probe(self) -> None:
        status, body, headers = self._send("GET", "/v1/ping", limit=64 * 1024)
        self._check("GET", "/v1/ping", status, body, headers)

    def push(self, batch_key: str, items: Sequence[OutgoingItem]) -> list[ItemAck]:
        payload = json.dumps(
            {"items": [{"key": i.key, "kind": i.kind, "data": i.data} for i in items]},
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
        status, body, headers = self._call(
            "POST",
            "/v1/items",
            data=payload,
            headers={"Idempotency-Key": batch_key, "Content-Type": "application/json"},
        )
        self._check("POST", "/v1/items", status, body, headers)
        return wire.parse_acks(wire.parse_json(body), [i.key for i in items])

    def upload(self, file: FileToSend, progress: Progress, cancelled: Cancelled) -> bool:
        status, body, headers = self._call(
            "POST", "/v1/uploads", json=file.meta, headers={"Idempotency-Key": file.key}
        )
        self._check("POST", "/v1/uploads", status, body, headers)
        state = wire.parse_upload_state(wire.parse_json(body), file.size)
        restarts = conflicts = 0
        with file.path.open("rb") as source:
            while not state.complete:
                if cancelled():
                    return False
                progress(state.offset, file.size)
                source.seek(state.offset)
                chunk = source.read(self.chunk_bytes)
                if not chunk and file.size:
                    raise ReplyInvalid(f"the server wants bytes past the end of {file.path.name}")
                end = state.offset + len(chunk) - 1
                path = f"/v1/uploads/{state.upload_id}"
                status, body, headers = self._call(
                    "PUT",
                    path,
                    data=chunk,
                    headers={
                        "Content-Range": f"bytes {state.offset}-{max(end, 0)}/{file.size}",
                        "Content-Type": "application/octet-stream",
                    },
                )
                if status == 422 and restarts == 0:  # the server's copy did not match: once from 0
                    restarts += 1
                    state = wire.UploadState(state.upload_id, 0, False)
                    continue
                if status == 409:  # we and the server disagree on the offset: the server's wins
                    conflicts += 1
                    if conflicts > 3:
                        raise ReplyInvalid("the server keeps refusing the upload's offset")
                    state = wire.parse_upload_state(wire.parse_json(body), file.size)
                    continue
                conflicts = 0
                self._check("PUT", path, status, body, headers)
                state = wire.parse_upload_state(wire.parse_json(body), file.size)
        progress(file.size, file.size)
        return True

    def changes(self, cursor: str) -> ChangePage:
        status, body, headers = self._call(
            "GET", "/v1/changes", params={"cursor": cursor, "limit": CHANGES_PAGE}
        )
        if status == 410:
            raise CursorExpired(cursor)
        self._check("GET", "/v1/changes", status, body, headers)
        return wire.parse_changes(wire.parse_json(body))

    def _document(self, path: str, since: str) -> bytes | None:
        status, body, headers = self._call("GET", path, params={"since": since}, limit=MAX_DOCUMENT_BYTES)
        if status == 304:
            return None
        self._check("GET", path, status, body, headers)
        return body

    def catalogue(self, since: str) -> str | None:
        body = self._document("/v1/catalogue", since)
        if body is None:
            return None
        try:
            return body.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ReplyInvalid("the catalogue is not UTF-8") from None

    def calendar(self, since: str) -> CalendarDocument | None:
        body = self._document("/v1/calendar", since)
        return None if body is None else wire.parse_calendar(wire.parse_json(body))


def client_for(
    endpoint: str,
    credentials: Credentials,
    *,
    connect_timeout: float,
    read_timeout: float,
    extra_ca_file: str = "",
) -> ContractClient:
    if extra_ca_file and not Path(extra_ca_file).is_file():
        raise Untrusted(f"extra CA file not found: {extra_ca_file}")
    return ContractClient(
        endpoint,
        credentials,
        connect_timeout=connect_timeout,
        read_timeout=read_timeout,
        extra_ca_file=extra_ca_file,
    )
