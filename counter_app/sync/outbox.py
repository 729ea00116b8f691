"""The transactional outbox: every change the province must learn, written with the change itself.

Writers call :func:`note_dossier`, :func:`note_event`, :func:`note_file` or :func:`note_ticket`
inside their write transaction. Files and tickets are queued at once. Dossier snapshots and
status steps are only noted, because the dossier may change again later in the transaction:
the writer renders them with :func:`write_pending` as the last step of its transaction,
stamped with its own clock, so a snapshot shows the dossier as committed and a new dossier's
snapshot always precedes its first status step. A writer that forgets is stopped: the notes
wait under the storage's ``UNWRITTEN`` key, and ``Database.write`` refuses to commit while any
are left. If the transaction rolls back, nothing is queued; if it commits, the items are
there, whatever happens to the process next.

Payloads use the national field names (domain.md §6; docs/sync-api.yaml).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain import national_fields as nf
from counter_app.domain import ticket_identity
from counter_app.domain.calendar import VN_TZ
from counter_app.domain.errors import QT_TRANSLATE_NOOP, Term
from counter_app.domain.reception import FeeMode, PaperType, ReturnMethod
from counter_app.domain.staff import Role, StaffMember
from counter_app.storage import models
from counter_app.storage.database import UNWRITTEN, Database

# The notes' name under the storage's UNWRITTEN key: the error of a forgotten write names the cure.
_NOTES = "outbox.write_pending"


class OutboxKind(StrEnum):
    DOSSIER = "dossier"  # the whole dossier as it stands (the server keeps the latest)
    STATUS = "status"  # one progress step (a status change)
    FILE = "file"  # a digitised paper: uploaded in chunks
    TICKET = "ticket"  # a queue ticket's figures


KIND_LABELS = {
    OutboxKind.DOSSIER: Term(QT_TRANSLATE_NOOP("Domain", "dossier record")),
    OutboxKind.STATUS: Term(QT_TRANSLATE_NOOP("Domain", "processing step")),
    OutboxKind.FILE: Term(QT_TRANSLATE_NOOP("Domain", "scanned paper")),
    OutboxKind.TICKET: Term(QT_TRANSLATE_NOOP("Domain", "queue ticket")),
}


class OutboxState(StrEnum):
    PENDING = "pending"
    DONE = "done"  # the server acknowledged it
    REJECTED = "rejected"  # the server refused it for good; the log says why
    SUPERSEDED = (
        "superseded"  # overtaken before it was sent (a file rescanned, a status the province changed)
    )


@dataclass(frozen=True)
class _PendingEvent:
    dossier_id: int
    event: models.DossierEvent
    actor_name: str
    actor_role: Role
    undo: bool = False  # the correction of an undone step: back from its to_status to its from_status


@dataclass
class _Notes:
    """What this transaction changed of its dossiers, to render in write_pending."""

    dossiers: dict[int, None] = field(default_factory=dict)  # ordered, each once
    events: list[_PendingEvent] = field(default_factory=list)


def _notes(session: Session) -> _Notes:
    unwritten: dict[str, object] = session.info.setdefault(UNWRITTEN, {})
    notes = unwritten.setdefault(_NOTES, _Notes())
    assert isinstance(notes, _Notes)
    return notes


def dossier_stream(code: str) -> str:
    return f"dossier:{code}"


def ticket_code(office_code: str, day: datetime | Any, label: str) -> str:
    """A ticket's code across the province (MaPhieu): the same the ticket's QR code carries."""
    return ticket_identity.ticket_code(office_code, day, label)


def enqueue(session: Session, kind: OutboxKind, stream: str, payload: dict[str, Any], at: datetime) -> None:
    session.add(
        models.OutboxItem(
            key=str(uuid.uuid4()),
            kind=kind.value,
            stream=stream,
            payload=json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
            state=OutboxState.PENDING.value,
            created_at=at.astimezone(VN_TZ),
            attempts=0,
            last_error="",
            reply="",
        )
    )


def note_dossier(session: Session, dossier_id: int) -> None:
    """The dossier changed: its snapshot is queued by write_pending, at the transaction's end."""
    _notes(session).dossiers[dossier_id] = None


def note_event(
    session: Session, row: models.Dossier, dossier_event: models.DossierEvent, actor: StaffMember
) -> None:
    """A status step, queued by write_pending after the dossier's snapshot."""
    _notes(session).events.append(_PendingEvent(row.id, dossier_event, actor.full_name, actor.role))
    if dossier_event.from_status is None:  # a new dossier: the province must know it first
        note_dossier(session, row.id)


def note_undo(session: Session, row: models.Dossier, undone: models.DossierEvent, actor: StaffMember) -> None:
    """A step the office head undid: its correction is queued after whatever was queued before.

    The undone step may already have reached the province; whether or not it has, the province
    receives the correction as a step of its own (back to the earlier status, with the reason),
    then the dossier's snapshot: nothing queued is withdrawn or lost, and the province ends in
    the state the office is in.
    """
    _notes(session).events.append(_PendingEvent(row.id, undone, actor.full_name, actor.role, undo=True))
    note_dossier(session, row.id)


def note_file(session: Session, dossier_code: str, row: models.DossierComponent, at: datetime) -> None:
    """A paper's file changed: queue its upload. The payload pins the file's SHA-256, so a file
    replaced before it was sent is recognised and that item skipped (a later one carries it)."""
    enqueue(
        session,
        OutboxKind.FILE,
        dossier_stream(dossier_code),
        {
            "MaHoSo": dossier_code,
            "MaThanhPhanHoSo": str(row.position),
            "TenThanhPhan": row.name,
            "TenTepDinhKem": (row.scan_path or "").rsplit("/", 1)[-1],
            "DuongDan": row.scan_path or "",
            "SHA256": row.scan_sha256,
            "SoTrang": row.scan_pages,
            "LaKetQua": row.is_result,
            "DuocTaiSuDung": bool(row.reused_from),
        },
        at,
    )


def note_ticket(session: Session, row: models.Ticket, at: datetime) -> None:
    """A ticket was issued or finished: its figures for the province's waiting-time reports."""
    code = ticket_code(row.office_code, row.day, row.label)
    enqueue(session, OutboxKind.TICKET, f"ticket:{code}", ticket_payload(row, code), at)


def ticket_payload(row: models.Ticket, code: str) -> dict[str, Any]:
    def when(moment: datetime | None) -> str:
        return nf.national_time(moment) if moment else ""

    return {
        "MaPhieu": code,
        "SoPhieu": row.label,
        "MaDonVi": row.office_code,
        "MaQuayDichVu": row.service_code,
        "UuTien": row.priority,
        "NhomUuTien": row.priority_group or "",
        "TrangThai": row.state,
        "ThoiDiemLay": when(row.issued_at),
        "ThoiDiemGoi": when(row.first_called_at),
        "ThoiDiemGoiCuoi": when(row.called_at),
        "ThoiDiemXong": when(row.finished_at),
        "Quay": row.counter_number or 0,
        "SoLanGoi": row.call_count,
    }


def _when(moment: datetime | None) -> str:
    return nf.national_time(moment) if moment else ""


def dossier_payload(session: Session, row: models.Dossier, office_name: str) -> dict[str, Any]:
    """The dossier as the national sync fields describe it (domain.md §6)."""
    procedure = session.scalar(select(models.Procedure).where(models.Procedure.code == row.procedure_code))
    components = session.scalars(
        select(models.DossierComponent)
        .where(models.DossierComponent.dossier_id == row.id)
        .order_by(models.DossierComponent.position)
    ).all()
    extensions = session.scalars(
        select(models.DossierExtension)
        .where(models.DossierExtension.dossier_id == row.id)
        .order_by(models.DossierExtension.id)
    ).all()
    papers = [c for c in components if not c.is_result]
    results = [c for c in components if c.is_result]
    fees = []
    if row.fee_amount:
        fees.append(
            {
                "TenPhiLePhi": procedure.fees[0].name if procedure and procedure.fees else "",
                "MaPhiLePhi": row.procedure_code,
                "HinhThucThu": nf.FEE_MODE_CODES[FeeMode(row.fee_mode)],
                "Gia": row.fee_amount,
                "PhuongThucThanhToan": row.payment_means,
                "NgayThu": _when(row.fee_paid_at),
            }
        )
    return {
        "MaHoSo": row.code,
        "MaTTHC": row.procedure_code,
        "TenTTHC": row.procedure_name,
        "MaLinhVuc": procedure.field_code if procedure else "",
        "TenLinhVuc": procedure.field_name if procedure else "",
        "KenhThucHien": nf.CHANNEL_IN_PERSON,
        "ChuHoSo": row.applicant_name,
        "SoGiayToChuHoSo": row.applicant_id_number,
        "LoaiDoiTuong": nf.APPLICANT_PERSON,
        "DinhDanhCHS": [
            {"LoaiDinhDanh": nf.id_kind(row.applicant_id_number), "SoDinhDanh": row.applicant_id_number}
        ],
        "NgaySinhChuHoSo": f"{row.applicant_birth_date:%Y%m%d}" if row.applicant_birth_date else "",
        "DiaChiChuHoSo": row.applicant_address,
        "SoDienThoai": row.applicant_phone,
        "Email": row.applicant_email,
        "NguoiNopThay": row.proxy_name,
        "SoGiayToNguoiNopThay": row.proxy_id_number,
        "TrichYeuHoSo": f"{row.procedure_name} — {row.applicant_name}",
        "NgayTiepNhan": _when(row.received_at),
        "NgayHenTra": _when(row.appointment_at),
        "NgayGiaHan": _when(row.extended_until),
        "TrangThaiHoSo": row.status,
        "NgayXuLyXong": _when(row.decided_at),
        "NgayTra": _when(row.returned_at),
        "HinhThuc": nf.RETURN_METHOD_CODES[ReturnMethod(row.return_method)],
        "NoiNopHoSo": row.office_code,
        "TenNoiNopHoSo": office_name,
        "CoQuanGiaiQuyet": row.deciding_authority,
        "SoBoHoSo": row.sets_count,
        "HoSoCoThanhPhanSoHoa": int(any(c.scan_path for c in papers)),
        "TaiLieuNop": [
            {
                "MaThanhPhanHoSo": str(c.position),
                "TenThanhPhanHoSo": c.name,
                "TenTepDinhKem": (c.scan_path or "").rsplit("/", 1)[-1],
                "DuocSoHoa": int(bool(c.scan_path)),
                "DuocTaiSuDung": int(bool(c.reused_from)),
                "MaHoSoTaiSuDung": c.reused_from,
                "LoaiBanGiayTo": nf.PAPER_TYPE_CODES.get(PaperType(c.paper_type), 0) if c.paper_type else 0,
                "SoLuong": c.count,
                "KetQuaKiemTra": c.result,
                "LyDo": c.reason,
                "TuNguyen": int(c.voluntary),
                "ChiXuatTrinh": int(c.presented_only),
                "SHA256": c.scan_sha256,
            }
            for c in papers
        ],
        "DanhSachLePhi": fees,
        "DanhSachHoSoBoSung": [
            {
                "NoiDungBoSung": e.reason,
                "NgayBoSung": _when(e.issued_at),
                "NgayHenTraTruoc": _when(e.previous_until),
                "NgayHenTraMoi": _when(e.new_until),
            }
            for e in extensions
        ],
        "DanhSachGiayToKetQua": [
            {
                "TenGiayTo": c.name,
                "MaThanhPhanHoSo": str(c.position),
                "TenTepDinhKem": (c.scan_path or "").rsplit("/", 1)[-1],
                "SHA256": c.scan_sha256,
            }
            for c in results
        ],
        "NguoiNhanKetQua": row.returned_to_name,
    }


def status_payload(row: models.Dossier, pending: _PendingEvent, office_name: str) -> dict[str, Any]:
    """One progress step, as the national sync fields describe it."""
    e = pending.event
    if pending.undo:
        assert e.from_status is not None and e.undone_at is not None
        return {
            "MaHoSo": row.code,
            "NguoiXuLy": pending.actor_name,
            "ChucDanh": nf.ROLE_TITLES[pending.actor_role],
            "ThoiDiemXuLy": nf.national_time(e.undone_at),
            "PhongBanXuLy": office_name,
            "NoiDungXuLy": f"{nf.UNDO_NOTE_PREFIX} ({nf.national_time(e.at)}): {e.undo_reason}",
            "TrangThai": e.from_status,
            "TrangThaiTruoc": e.to_status,
            "NgayBatDau": nf.national_time(e.undone_at),
            "NgayKetThucTheoQuyDinh": _when(row.appointment_at),
        }
    return {
        "MaHoSo": row.code,
        "NguoiXuLy": pending.actor_name,
        "ChucDanh": nf.ROLE_TITLES[pending.actor_role],
        "ThoiDiemXuLy": nf.national_time(e.at),
        "PhongBanXuLy": office_name,
        "NoiDungXuLy": " · ".join(x for x in (e.recipient, e.note) if x),
        "TrangThai": e.to_status,
        "TrangThaiTruoc": e.from_status if e.from_status is not None else 0,
        "NgayBatDau": nf.national_time(e.at),
        "NgayKetThucTheoQuyDinh": _when(row.appointment_at),  # none for a refused or incomplete dossier
    }


class Delivery(StrEnum):
    SENT = "sent"  # everything about the dossier reached the province
    WAITING = "waiting"
    REFUSED = "refused"  # the province refused something: the sync log says what


def delivery_marks(db: Database, codes: Sequence[str]) -> dict[str, Delivery]:
    """Whether each dossier reached the province, for the dossier list's column."""
    if not codes:
        return {}
    o = models.OutboxItem
    streams = {dossier_stream(c): c for c in codes}
    marks = dict.fromkeys(codes, Delivery.SENT)
    with db.read() as session:
        for stream, state in session.execute(
            select(o.stream, o.state)
            .where(
                o.stream.in_(streams), o.state.in_([OutboxState.PENDING.value, OutboxState.REJECTED.value])
            )
            .distinct()
        ):
            code = streams[stream]
            if state == OutboxState.REJECTED.value:
                marks[code] = Delivery.REFUSED
            elif marks[code] is not Delivery.REFUSED:
                marks[code] = Delivery.WAITING
    return marks


def write_pending(session: Session, *, at: datetime) -> None:
    """Queue the snapshots and status steps noted in this transaction, each stamped ``at``.

    Call it last in the write transaction, when the dossiers are as they will be committed;
    a transaction that noted nothing has nothing to write.
    """
    unwritten: dict[str, object] = session.info.get(UNWRITTEN, {})
    notes = unwritten.pop(_NOTES, None)
    if not isinstance(notes, _Notes) or (not notes.dossiers and not notes.events):
        return
    session.flush()  # the events' ids and the new components
    office = session.scalar(select(models.Office.name).limit(1)) or ""
    ids = {*notes.dossiers, *(p.dossier_id for p in notes.events)}
    rows = {i: session.get(models.Dossier, i) for i in ids}
    for dossier_id in notes.dossiers:
        row = rows[dossier_id]
        if row is not None:
            enqueue(
                session,
                OutboxKind.DOSSIER,
                dossier_stream(row.code),
                dossier_payload(session, row, office),
                at,
            )
    for pending in notes.events:
        row = rows[pending.dossier_id]
        if row is not None:
            enqueue(
                session,
                OutboxKind.STATUS,
                dossier_stream(row.code),
                status_payload(row, pending, office),
                at,
            )
