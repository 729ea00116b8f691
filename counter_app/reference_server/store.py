"""The reference provincial server's own store: one SQLite file, the stdlib driver, one lock.

It keeps what a real provincial platform would: dossiers (the latest snapshot), progress steps,
ticket figures, uploaded files, and every item key it has seen with the answer it gave, so a
retried item is recognised (the exactly-once half that lives on the server). It also keeps the
province's own changes (status updates for the office to pull), the catalogue and the calendar.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS client (client_id TEXT PRIMARY KEY, secret TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS token (token TEXT PRIMARY KEY, client_id TEXT NOT NULL, expires REAL NOT NULL);
CREATE TABLE IF NOT EXISTS item (
    key TEXT PRIMARY KEY, client_id TEXT NOT NULL, kind TEXT NOT NULL, ma_ho_so TEXT NOT NULL,
    outcome TEXT NOT NULL, error TEXT NOT NULL, received REAL NOT NULL, size INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS batch (key TEXT PRIMARY KEY, response TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS dossier (
    ma_ho_so TEXT PRIMARY KEY, client_id TEXT NOT NULL, status INTEGER NOT NULL, data TEXT NOT NULL,
    versions INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS step (
    key TEXT PRIMARY KEY, ma_ho_so TEXT NOT NULL, status INTEGER NOT NULL, at TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ticket (code TEXT PRIMARY KEY, client_id TEXT NOT NULL, data TEXT NOT NULL,
    versions INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS upload (
    id TEXT PRIMARY KEY, key TEXT UNIQUE NOT NULL, client_id TEXT NOT NULL, ma_ho_so TEXT NOT NULL,
    component TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL,
    received INTEGER NOT NULL, complete INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS change (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, client_id TEXT NOT NULL,
    ma_ho_so TEXT NOT NULL, status INTEGER NOT NULL, at TEXT NOT NULL, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS document (name TEXT PRIMARY KEY, version TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS setting (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

TOKEN_SECONDS = 3600
KINDS = ("dossier", "status", "ticket")
STATUSES = range(1, 11)


class Refused(Exception):
    """An item the server will not take; the reason goes back to the client."""


@dataclass(frozen=True)
class Stats:
    items: dict[str, int]  # accepted items per kind
    duplicates: int  # retried items recognised and not applied again
    replays: int  # retried batches answered from the stored answer
    dossiers: int
    steps: int
    tickets: int
    files_complete: int
    file_bytes: int
    requests: int = 0  # JSON requests read (uploads' chunks not counted)
    request_bytes: int = 0


class ReferenceStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.files = path.parent / f"{path.stem}-files"
        self.files.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.executescript(SCHEMA)
        self.duplicates = 0  # items seen before, in a new batch
        self.replays = 0  # whole batches seen before: the stored answer was sent again
        self.bytes_received = 0  # upload bytes written, resent ones included: resuming saves them
        self.request_bytes = 0  # JSON requests: request line, headers and body
        self._hashers: dict[str, tuple[Any, int]] = {}  # upload id → (running SHA-256, bytes hashed)
        self.requests = 0

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _one(self, sql: str, *args: Any) -> Any:
        with self._lock:
            row = self._db.execute(sql, args).fetchone()
        return row[0] if row else None

    def count_request(self, size: int) -> None:
        with self._lock:
            self.requests += 1
            self.request_bytes += size

    # --- clients and tokens ----------------------------------------------------------------------

    def add_client(self, client_id: str, secret: str) -> None:
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO client VALUES (?, ?)", (client_id, secret))

    def issue_token(self, client_id: str, secret: str) -> str | None:
        """``*`` as a client id (demonstrations only) lets any office sign in with its secret."""
        known = self._one("SELECT secret FROM client WHERE client_id = ?", client_id)
        if known is None:
            known = self._one("SELECT secret FROM client WHERE client_id = '*'")
        if known is None or not secrets.compare_digest(known, secret):
            return None
        token = secrets.token_urlsafe(24)
        with self._tx() as db:
            db.execute("INSERT INTO token VALUES (?, ?, ?)", (token, client_id, time.time() + TOKEN_SECONDS))
        return token

    def client_of(self, token: str) -> str | None:
        with self._lock:
            row = self._db.execute(
                "SELECT client_id, expires FROM token WHERE token = ?", (token,)
            ).fetchone()
        if row is None or row[1] < time.time():
            return None
        return str(row[0])

    def expire_tokens(self) -> None:
        with self._tx() as db:
            db.execute("UPDATE token SET expires = 0")

    # --- pushed items ---------------------------------------------------------------------------

    def stored_batch(self, key: str) -> str | None:
        """The answer given to a batch already applied: a retried request gets it again."""
        value = self._one("SELECT response FROM batch WHERE key = ?", key)
        if value is None:
            return None
        self.replays += 1
        return str(value)

    def apply_batch(self, client_id: str, batch_key: str, items: list[dict[str, Any]]) -> str:
        """Apply items in order in one transaction; the answer is stored under the batch's key."""
        results = []
        with self._tx() as db:
            stored = db.execute("SELECT response FROM batch WHERE key = ?", (batch_key,)).fetchone()
            if stored is not None:
                self.replays += 1
                return str(stored[0])
            for item in items:
                results.append(self._apply(db, client_id, item))
            response = json.dumps({"results": results}, ensure_ascii=False)
            db.execute("INSERT INTO batch VALUES (?, ?)", (batch_key, response))
        return response

    def _apply(self, db: sqlite3.Connection, client_id: str, item: dict[str, Any]) -> dict[str, Any]:
        key = item.get("key")
        if not isinstance(key, str) or not 8 <= len(key) <= 64:
            return {"key": str(key)[:64], "outcome": "rejected", "error": "key must be 8-64 characters"}
        seen = db.execute("SELECT outcome, error FROM item WHERE key = ?", (key,)).fetchone()
        if seen is not None:
            self.duplicates += 1
            return {"key": key, "outcome": "duplicate", "error": seen[1]}
        kind, data = item.get("kind"), item.get("data")
        ma_ho_so = data.get("MaHoSo") or data.get("MaPhieu") if isinstance(data, dict) else None
        try:
            if kind not in KINDS or not isinstance(data, dict) or not isinstance(ma_ho_so, str):
                raise Refused("kind must be dossier, status or ticket, with its data")
            getattr(self, f"_apply_{kind}")(db, client_id, key, data)
            outcome, error = "accepted", ""
        except Refused as refused:
            outcome, error = "rejected", str(refused)
        db.execute(
            "INSERT INTO item VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (key, client_id, str(kind), str(ma_ho_so), outcome, error, time.time(), len(json.dumps(data))),
        )
        return {"key": key, "outcome": outcome, "error": error}

    @staticmethod
    def _status(data: dict[str, Any], field: str) -> int:
        value = data.get(field)
        if not isinstance(value, int) or isinstance(value, bool) or value not in STATUSES:
            raise Refused(f"{field} must be a status code 1-10")
        return value

    def _apply_dossier(self, db: sqlite3.Connection, client_id: str, key: str, data: dict[str, Any]) -> None:
        status = self._status(data, "TrangThaiHoSo")
        for field in ("MaTTHC", "ChuHoSo", "NgayTiepNhan", "NgayHenTra"):
            if not isinstance(data.get(field), str) or not data[field]:
                raise Refused(f"{field} is required")
        owner = db.execute("SELECT client_id FROM dossier WHERE ma_ho_so = ?", (data["MaHoSo"],)).fetchone()
        if owner is not None and owner[0] != client_id:
            raise Refused("the dossier belongs to another office")
        db.execute(
            "INSERT INTO dossier VALUES (?, ?, ?, ?, 1) ON CONFLICT (ma_ho_so) DO UPDATE SET "
            "status = excluded.status, data = excluded.data, versions = versions + 1",
            (data["MaHoSo"], client_id, status, json.dumps(data, ensure_ascii=False)),
        )

    def _apply_status(self, db: sqlite3.Connection, client_id: str, key: str, data: dict[str, Any]) -> None:
        status = self._status(data, "TrangThai")
        owner = db.execute("SELECT client_id FROM dossier WHERE ma_ho_so = ?", (data["MaHoSo"],)).fetchone()
        if owner is None or owner[0] != client_id:
            raise Refused("unknown dossier: push the dossier before its progress steps")
        db.execute(
            "INSERT INTO step VALUES (?, ?, ?, ?, ?)",
            (
                key,
                data["MaHoSo"],
                status,
                str(data.get("ThoiDiemXuLy", "")),
                json.dumps(data, ensure_ascii=False),
            ),
        )

    def _apply_ticket(self, db: sqlite3.Connection, client_id: str, key: str, data: dict[str, Any]) -> None:
        if not isinstance(data.get("ThoiDiemLay"), str):
            raise Refused("ThoiDiemLay is required")
        db.execute(
            "INSERT INTO ticket VALUES (?, ?, ?, 1) ON CONFLICT (code) DO UPDATE SET "
            "data = excluded.data, versions = versions + 1",
            (data["MaPhieu"], client_id, json.dumps(data, ensure_ascii=False)),
        )

    # --- uploads --------------------------------------------------------------------------------

    def start_upload(self, client_id: str, key: str, meta: dict[str, Any]) -> dict[str, Any]:
        with self._tx() as db:
            row = db.execute("SELECT id FROM upload WHERE key = ?", (key,)).fetchone()
            if row is None:
                ma_ho_so = meta.get("MaHoSo")
                owner = db.execute("SELECT client_id FROM dossier WHERE ma_ho_so = ?", (ma_ho_so,)).fetchone()
                if owner is None or owner[0] != client_id:
                    raise Refused("unknown dossier: push the dossier before its files")
                size, sha = meta.get("KichThuoc"), meta.get("SHA256")
                if not isinstance(size, int) or size < 0 or not isinstance(sha, str) or len(sha) != 64:
                    raise Refused("KichThuoc and SHA256 are required")
                upload_id = uuid.uuid4().hex
                db.execute(
                    "INSERT INTO upload VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)",
                    (
                        upload_id,
                        key,
                        client_id,
                        ma_ho_so,
                        str(meta.get("MaThanhPhanHoSo", "")),
                        str(meta.get("TenTepDinhKem", "")),
                        size,
                        sha.lower(),
                    ),
                )
            else:
                upload_id = row[0]
        return self.upload_state(upload_id) or {}

    def upload_state(self, upload_id: str, client_id: str | None = None) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute(
                "SELECT id, received, size, complete, client_id FROM upload WHERE id = ?", (upload_id,)
            ).fetchone()
        if row is None or (client_id is not None and row[4] != client_id):
            return None
        return {"upload_id": row[0], "offset": row[1], "size": row[2], "complete": bool(row[3])}

    def part_path(self, upload_id: str) -> Path:
        return self.files / f"{upload_id}.part"

    def append_chunk(self, upload_id: str, start: int, chunk: Iterator[bytes]) -> dict[str, Any]:
        """Write bytes at ``start`` (which must be the received offset), then verify at the end.

        The SHA-256 is kept running while bytes arrive in order; after a restart or a resumed
        upload it is computed again from the file.
        """
        state = self.upload_state(upload_id)
        if state is None:
            raise KeyError(upload_id)
        if state["complete"] or start != state["offset"]:
            return state | {"conflict": True}
        part = self.part_path(upload_id)
        running = self._hashers.get(upload_id)
        if running is None or running[1] != start:
            running = None
        digest = running[0] if running else None
        with part.open("r+b" if part.exists() else "wb") as out:
            out.seek(start)
            out.truncate()
            for piece in chunk:
                out.write(piece)
                if digest is not None or start == 0:
                    digest = digest or hashlib.sha256()
                    digest.update(piece)
                self.bytes_received += len(piece)
            out.flush()
            received = out.tell()
        if digest is not None:
            self._hashers[upload_id] = (digest, received)
        size = state["size"]
        complete = False
        if received >= size:
            self._hashers.pop(upload_id, None)
            expected = self._one("SELECT sha256 FROM upload WHERE id = ?", upload_id)
            if digest is None:
                digest = hashlib.sha256()
                with part.open("rb") as data:
                    for block in iter(lambda: data.read(1 << 20), b""):
                        digest.update(block)
            if received != size or digest.hexdigest() != expected:
                part.unlink()
                with self._tx() as db:
                    db.execute("UPDATE upload SET received = 0 WHERE id = ?", (upload_id,))
                return {
                    "upload_id": upload_id,
                    "offset": 0,
                    "size": size,
                    "complete": False,
                    "mismatch": True,
                }
            part.rename(self.files / f"{upload_id}.pdf")
            complete = True
        with self._tx() as db:
            db.execute(
                "UPDATE upload SET received = ?, complete = ? WHERE id = ?",
                (received, int(complete), upload_id),
            )
        return {"upload_id": upload_id, "offset": received, "size": size, "complete": complete}

    # --- what the province decides -------------------------------------------------------------

    def province_sets_status(self, ma_ho_so: str, status: int, at: str, note: str = "", by: str = "") -> str:
        """A department of the province moved the dossier on: the office pulls it as a change."""
        owner = self._one("SELECT client_id FROM dossier WHERE ma_ho_so = ?", ma_ho_so)
        if owner is None:
            raise KeyError(ma_ho_so)
        change_id = uuid.uuid4().hex
        data = {
            "MaHoSo": ma_ho_so,
            "TrangThaiHoSo": status,
            "ThoiDiem": at,
            "NoiDungXuLy": note,
            "NguoiXuLy": by,
        }
        with self._tx() as db:
            db.execute(
                "INSERT INTO change (id, client_id, ma_ho_so, status, at, data) VALUES (?, ?, ?, ?, ?, ?)",
                (change_id, owner, ma_ho_so, status, at, json.dumps(data, ensure_ascii=False)),
            )
            db.execute("UPDATE dossier SET status = ? WHERE ma_ho_so = ?", (status, ma_ho_so))
        return change_id

    def epoch(self) -> str:
        return str(self._one("SELECT value FROM setting WHERE name = 'epoch'") or "1")

    def reset_cursors(self) -> None:
        """Every cursor handed out so far becomes invalid (410): as after a server restore."""
        with self._tx() as db:
            db.execute(
                "INSERT INTO setting VALUES ('epoch', ?) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (str(int(self.epoch()) + 1),),
            )

    def changes(self, client_id: str, after: int, limit: int) -> tuple[list[dict[str, Any]], int, bool]:
        with self._lock:
            rows = self._db.execute(
                "SELECT seq, id, data FROM change WHERE client_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                (client_id, after, limit + 1),
            ).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        changes = [{"id": r[1], **json.loads(r[2])} for r in rows]
        return changes, (rows[-1][0] if rows else after), more

    def publish(self, name: str, version: str, body: str) -> None:
        """A new catalogue or calendar version for every office."""
        with self._tx() as db:
            db.execute(
                "INSERT INTO document VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                "version = excluded.version, body = excluded.body",
                (name, version, body),
            )

    def document(self, name: str) -> tuple[str, str] | None:
        with self._lock:
            row = self._db.execute("SELECT version, body FROM document WHERE name = ?", (name,)).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    # --- counting ----------------------------------------------------------------------------

    def stats(self) -> Stats:
        with self._lock:
            kinds = dict(
                self._db.execute(
                    "SELECT kind, count(*) FROM item WHERE outcome = 'accepted' GROUP BY kind"
                ).fetchall()
            )
            files, size = self._db.execute(
                "SELECT count(*), coalesce(sum(size), 0) FROM upload WHERE complete = 1"
            ).fetchone()
        return Stats(
            items={k: int(v) for k, v in kinds.items()},
            duplicates=self.duplicates,
            replays=self.replays,
            dossiers=int(self._one("SELECT count(*) FROM dossier")),
            steps=int(self._one("SELECT count(*) FROM step")),
            tickets=int(self._one("SELECT count(*) FROM ticket")),
            files_complete=int(files),
            file_bytes=int(size),
            requests=self.requests,
            request_bytes=self.request_bytes,
        )

    def dossier(self, ma_ho_so: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute(
                "SELECT status, data, versions FROM dossier WHERE ma_ho_so = ?", (ma_ho_so,)
            ).fetchone()
        if row is None:
            return None
        return {"status": row[0], "data": json.loads(row[1]), "versions": row[2]}

    def steps_of(self, ma_ho_so: str) -> list[int]:
        with self._lock:
            return [
                int(r[0])
                for r in self._db.execute(
                    "SELECT status FROM step WHERE ma_ho_so = ? ORDER BY rowid", (ma_ho_so,)
                ).fetchall()
            ]

    def completed_files(self, ma_ho_so: str) -> list[tuple[str, str]]:
        """(component, sha256) of each complete upload of a dossier."""
        with self._lock:
            return [
                (str(r[0]), str(r[1]))
                for r in self._db.execute(
                    "SELECT component, sha256 FROM upload WHERE ma_ho_so = ? AND complete = 1 ORDER BY rowid",
                    (ma_ho_so,),
                ).fetchall()
            ]
