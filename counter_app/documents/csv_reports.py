"""The register (Mẫu 07) and the monthly late list as CSV, beside their PDFs (documents/forms.py).

Saved as UTF-8 with a BOM (the form window does that), so Excel shows the accents.
"""

from __future__ import annotations

import csv
import io

from counter_app.domain.dossier_record import DossierRecord


def late_csv(records: list[DossierRecord]) -> str:
    """The late list as CSV (UTF-8 with BOM when saved, so Excel shows the accents)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "Mã hồ sơ",
            "Thủ tục",
            "Người nộp",
            "Nhận hồ sơ",
            "Hẹn trả",
            "Hoàn thành",
            "Lý do chậm",
            "Ngày xin lỗi",
            "Hẹn trả mới",
        ]
    )
    for r in records:
        extension = r.extensions[-1] if r.extensions else None
        writer.writerow(
            [
                r.code,
                r.procedure_name,
                r.applicant.name,
                f"{r.received_at:%d/%m/%Y %H:%M}",
                f"{r.appointment_at:%d/%m/%Y %H:%M}" if r.appointment_at else "",
                f"{r.decided_at:%d/%m/%Y %H:%M}" if r.decided_at else "",
                extension.reason if extension else "",
                f"{r.extensions[0].issued_at:%d/%m/%Y}" if extension else "",
                f"{extension.new_until:%d/%m/%Y %H:%M}" if extension else "",
            ]
        )
    return out.getvalue()


def register_csv(records: list[DossierRecord]) -> str:
    """Mẫu 07 as CSV: one line per dossier, the register's columns."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "STT",
            "Mã hồ sơ",
            "Tên TTHC",
            "Tên cá nhân, tổ chức",
            "Địa chỉ",
            "Số điện thoại",
            "Cơ quan chủ trì giải quyết",
            "Nhận hồ sơ",
            "Hẹn trả",
            "Trả kết quả",
            "Người nhận kết quả",
        ]
    )
    for i, r in enumerate(records, 1):
        writer.writerow(
            [
                i,
                r.code,
                r.procedure_name,
                r.applicant.name,
                r.applicant.address,
                r.applicant.phone,
                r.deciding_authority,
                f"{r.received_at:%d/%m/%Y %H:%M}",
                f"{r.appointment_at:%d/%m/%Y %H:%M}" if r.appointment_at else "",
                f"{r.returned_at:%d/%m/%Y %H:%M}" if r.returned_at else "",
                r.returned_to_name,
            ]
        )
    return out.getvalue()
