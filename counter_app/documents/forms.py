"""The one-stop forms of Thông tư 03/2025/TT-VPCP (Mẫu 01–07) as PDFs, or the older 01/2018 set.

Each function takes what the service read (a :class:`DossierRecord`) and returns PDF bytes; the
fields are those domain.md §4 lists for each form. The QR code on every dossier form holds the
dossier code, which the kiosk and the provincial lookup read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Table, TableStyle

from counter_app.documents.pdf_layout import (
    A4_LANDSCAPE,
    A4_PORTRAIT,
    A5_PORTRAIT,
    OfficeHeader,
    PageSetup,
    build,
    gap,
    grid,
    header,
    label_value,
    para,
    qr,
    signatures,
    text,
    when,
)
from counter_app.domain.calendar import now_vn
from counter_app.domain.catalogue import ProcessingTime, ProcessingUnit
from counter_app.domain.dossier_record import DossierRecord
from counter_app.domain.lifecycle import DossierStatus, Timeliness, hand_overs
from counter_app.domain.reception import CheckResult, ComponentCheck, FeeMode, PaperType, ReturnMethod


class FormEdition(StrEnum):
    TT03_2025 = "03/2025"
    TT01_2018 = "01/2018"


class Form(StrEnum):
    RECEIPT = "receipt"
    SUPPLEMENT = "supplement"
    REFUSAL = "refusal"
    APOLOGY = "apology"
    STOP = "stop"
    CONTROL = "control"
    REGISTER = "register"


# (form number, title) per edition; the 2018 set has no stop notice and numbers the last two 05, 06.
_TITLES: dict[FormEdition, dict[Form, tuple[str | None, str]]] = {
    FormEdition.TT03_2025: {
        Form.RECEIPT: ("01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
        Form.SUPPLEMENT: ("02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
        Form.REFUSAL: ("03", "PHIẾU TỪ CHỐI TIẾP NHẬN HỒ SƠ"),
        Form.APOLOGY: ("04", "PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"),
        Form.STOP: ("05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"),
        Form.CONTROL: ("06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"),
        Form.REGISTER: ("07", "SỔ THEO DÕI HỒ SƠ"),
    },
    FormEdition.TT01_2018: {
        Form.RECEIPT: ("01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
        Form.SUPPLEMENT: ("02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
        Form.REFUSAL: ("03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"),
        Form.APOLOGY: ("04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"),
        Form.STOP: (None, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"),
        Form.CONTROL: ("05", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"),
        Form.REGISTER: ("06", "SỔ THEO DÕI HỒ SƠ"),
    },
}
_CIRCULAR = {
    FormEdition.TT03_2025: "Thông tư số 03/2025/TT-VPCP",
    FormEdition.TT01_2018: "Thông tư số 01/2018/TT-VPCP",
}

PAPER_WORDS = {
    PaperType.ORIGINAL: "Bản chính",
    PaperType.CERTIFIED_COPY: "Bản sao chứng thực",
    PaperType.PHOTOCOPY: "Bản chụp",
    PaperType.TRANSLATION: "Bản dịch",
}
TIMELINESS_WORDS = {
    Timeliness.EARLY: "Trước hạn",
    Timeliness.ON_TIME: "Đúng hạn",
    Timeliness.LATE: "Quá hạn",
    Timeliness.PENDING: "",
}
FEE_WORDS = {
    FeeMode.AT_RECEPTION: "Đã nộp khi tiếp nhận",
    FeeMode.ON_RETURN: "Nộp khi nhận kết quả",
    FeeMode.EXEMPT: "Miễn",
    FeeMode.NOT_CHARGED: "Không thu",
}


@dataclass(frozen=True)
class FormContext:
    """What every form needs besides the dossier: the issuer, the edition, when it is printed."""

    office: OfficeHeader
    edition: FormEdition = FormEdition.TT03_2025
    printed_at: datetime | None = None
    contact_phone: str = ""
    receipt_a5: bool = False


def title_of(form: Form, edition: FormEdition) -> str:
    return _TITLES[edition][form][1]


def _top(form: Form, ctx: FormContext, record_code: str, issued: datetime, width: float) -> list[Flowable]:
    number, title = _TITLES[ctx.edition][form]
    flow: list[Flowable] = []
    if number:
        flow.append(para(f"<i>Mẫu số {number} – {text(_CIRCULAR[ctx.edition])}</i>", "form_no"))
    flow += [header(ctx.office, f"{record_code}", issued, width), gap(4), para(text(title), "title")]
    return flow


def _qr_line(code: str, width: float, caption: str = "Mã hồ sơ") -> Table:
    table = Table(
        [
            [
                para(
                    f"{text(caption)}: <b>{text(code)}</b><br/><font size=8.5>(Tra cứu bằng mã QR bên cạnh "
                    "tại ki-ốt hoặc trên Cổng dịch vụ công)</font>"
                ),
                qr(code),
            ]
        ],
        colWidths=[width - 28 * mm, 28 * mm],
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def processing_words(processing: ProcessingTime | None) -> str:
    if processing is None:
        return ""
    if processing.unit is ProcessingUnit.WORKING_HOURS:
        return f"{processing.amount} giờ làm việc"
    return "Trong ngày làm việc" if processing.amount == 0 else f"{processing.amount} ngày làm việc"


def _applicant_lines(record: DossierRecord) -> list[Flowable]:
    a = record.applicant
    lines: list[Flowable] = [
        label_value("Ông/Bà", a.name),
        label_value("Số định danh cá nhân/mã số doanh nghiệp", a.id_number),
        label_value("Địa chỉ", a.address),
        para(
            f"Số điện thoại: <b>{text(a.phone or '…………')}</b>&nbsp;&nbsp;&nbsp; "
            f"Email: <b>{text(a.email or '…………')}</b>"
        ),
    ]
    if record.proxy is not None:
        p = record.proxy
        lines += [
            label_value("Người được ủy quyền nộp hồ sơ", p.name),
            para(
                f"Số định danh: <b>{text(p.id_number)}</b>&nbsp;&nbsp; "
                f"Điện thoại: <b>{text(p.phone or '…')}</b>"
            ),
            label_value("Địa chỉ người được ủy quyền", p.address),
            label_value("Email người được ủy quyền", p.email),
            label_value("Giấy ủy quyền", p.authorisation),
        ]
    return lines


def _component_table(
    rows: Sequence[ComponentCheck], width: float, *, only: Sequence[ComponentCheck] = ()
) -> Table:
    chosen = list(only) if only else [r for r in rows if r.received]
    data: list[list[object]] = [["TT", "Tên giấy tờ", "Hình thức", "Số lượng"]]
    for i, row in enumerate(chosen, 1):
        kind = PAPER_WORDS[row.paper_type] + (" (nộp tự nguyện)" if row.voluntary else "")
        if row.presented_only:
            kind = f"Xuất trình {PAPER_WORDS[row.paper_type].lower()}"
        data.append([str(i), row.name, kind, str(row.count)])
    return grid(data, [10 * mm, width - 80 * mm, 45 * mm, 25 * mm])


def receipt(record: DossierRecord, ctx: FormContext) -> bytes:
    """Mẫu 01, two copies: one for the citizen, one for the dossier."""
    page = A5_PORTRAIT if ctx.receipt_a5 else A4_PORTRAIT
    story: list[Flowable] = []
    for copy, who in enumerate(("Liên 1: Giao công dân", "Liên 2: Lưu hồ sơ")):
        if copy:
            story.append(PageBreak())
        story += _receipt_copy(record, ctx, page, who)
    return build(story, page, title=f"Mẫu 01 {record.code}", subject=title_of(Form.RECEIPT, ctx.edition))


def _receipt_copy(record: DossierRecord, ctx: FormContext, page: PageSetup, copy: str) -> list[Flowable]:
    width = page.width
    flow = _top(Form.RECEIPT, ctx, record.code, record.received_at, width)
    flow += [
        para(f"<i>{text(copy)}</i>", "center"),
        gap(2),
        _qr_line(record.code, width),
        para(f"{text(ctx.office.name)} tiếp nhận hồ sơ của:"),
        *_applicant_lines(record),
        label_value("Nội dung yêu cầu giải quyết", record.procedure_name),
        label_value("Cơ quan giải quyết", record.deciding_authority),
        gap(2),
        para("<b>Thành phần hồ sơ nộp gồm:</b>"),
        _component_table(record.rows, width),
        gap(2),
        label_value("Số lượng hồ sơ", f"{record.sets_count} bộ"),
        label_value("Thời gian giải quyết hồ sơ theo quy định", processing_words(record.processing)),
        label_value("Thời gian nhận hồ sơ", when(record.received_at)),
        label_value("Thời gian trả kết quả giải quyết hồ sơ", when(record.appointment_at)),
        label_value(
            "Nhận kết quả tại",
            ctx.office.name if record.return_method is ReturnMethod.COUNTER else "Qua dịch vụ bưu chính",
        ),
        label_value(
            "Phí, lệ phí",
            f"{record.fee_amount:,} đồng – {FEE_WORDS[record.fee_mode]}".replace(",", ".")
            if record.fee_amount
            else FEE_WORDS[record.fee_mode],
        ),
        label_value(
            "Vào Sổ theo dõi hồ sơ, Quyển số",
            f"{record.received_at:%Y}/{record.field_name or '—'}, Số thứ tự {record.running_number}",
        ),
        gap(4),
        signatures(
            ("NGƯỜI NỘP HỒ SƠ", record.proxy.name if record.proxy else record.applicant.name),
            ("NGƯỜI TIẾP NHẬN HỒ SƠ", record.received_by_name),
            width,
        ),
    ]
    return flow


def supplement_request(record: DossierRecord, ctx: FormContext) -> bytes:
    """Mẫu 02: exactly the components that are missing or not acceptable, and why."""
    page = A4_PORTRAIT
    width = page.width
    issued = record.reason_dates.get(DossierStatus.SUPPLEMENT_REQUESTED, record.received_at)
    lacking = [r for r in record.rows if r.lacking]  # never a paper that does not apply
    items: list[list[object]] = [["TT", "Nội dung cần bổ sung, hoàn thiện", "Lý do"]]
    for i, row in enumerate(lacking, 1):
        reason = row.reason or ("Chưa nộp" if row.result is CheckResult.MISSING else "Chưa đạt yêu cầu")
        items.append([str(i), row.name, reason])
    flow = _top(Form.SUPPLEMENT, ctx, record.code, issued, width)
    flow += [
        _qr_line(record.code, width),
        para(f"Hồ sơ của: <b>{text(record.applicant.name)}</b>"),
        label_value("Nội dung yêu cầu giải quyết", record.procedure_name),
        label_value("Địa chỉ", record.applicant.address),
        para(
            f"Số điện thoại: <b>{text(record.applicant.phone or '…')}</b>&nbsp;&nbsp; "
            f"Email: <b>{text(record.applicant.email or '…')}</b>"
        ),
        gap(2),
        para("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:"),
        grid(items, [10 * mm, width * 0.55, width - 10 * mm - width * 0.55]),
        gap(2),
        label_value("Lý do", record.reasons.get(DossierStatus.SUPPLEMENT_REQUESTED, "")),
        para(
            "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với "
            f"<b>{text(record.received_by_name)}</b>, "
            f"số điện thoại <b>{text(ctx.contact_phone or '…………')}</b> "
            "để được hướng dẫn."
        ),
        para(
            "<i>Việc yêu cầu bổ sung, hoàn thiện hồ sơ chỉ thực hiện một lần "
            "(Nghị định số 118/2025/NĐ-CP).</i>",
            "small",
        ),
        gap(4),
        signatures(
            ("NGƯỜI NỘP HỒ SƠ", record.applicant.name), ("NGƯỜI HƯỚNG DẪN", record.received_by_name), width
        ),
    ]
    return build(flow, page, title=f"Mẫu 02 {record.code}", subject=title_of(Form.SUPPLEMENT, ctx.edition))


def refusal(record: DossierRecord, ctx: FormContext) -> bytes:
    """Mẫu 03: the specific reason the dossier cannot be received."""
    page = A4_PORTRAIT
    width = page.width
    issued = record.reason_dates.get(DossierStatus.REFUSED, record.received_at)
    flow = _top(Form.REFUSAL, ctx, record.code, issued, width)
    flow += [
        _qr_line(record.code, width),
        para(f"{text(ctx.office.name)} tiếp nhận hồ sơ của:"),
        *_applicant_lines(record),
        label_value("Nội dung yêu cầu giải quyết", record.procedure_name),
        gap(2),
        para("Sau khi xem xét, đối chiếu, hồ sơ không đủ điều kiện tiếp nhận với lý do cụ thể như sau:"),
        para(f"<b>{text(record.reasons.get(DossierStatus.REFUSED, ''))}</b>"),
        para("Xin thông báo để ông/bà được biết và thực hiện."),
        gap(4),
        signatures(
            ("NGƯỜI NỘP HỒ SƠ", record.applicant.name),
            ("NGƯỜI TIẾP NHẬN HỒ SƠ", record.received_by_name),
            width,
        ),
    ]
    return build(flow, page, title=f"Mẫu 03 {record.code}", subject=title_of(Form.REFUSAL, ctx.edition))


def apology(record: DossierRecord, ctx: FormContext, *, signer: str = "") -> bytes:
    """Mẫu 04: the late dossier, why, the apology and the new date; signed by the head."""
    if not record.extensions:
        raise ValueError("no apology was recorded for this dossier")
    extension = record.extensions[-1]
    page = A4_PORTRAIT
    width = page.width
    flow = _top(Form.APOLOGY, ctx, record.code, extension.issued_at, width)
    flow += [
        para(f"Kính gửi: <b>{text(record.applicant.name)}</b>", "center"),
        gap(2),
        _qr_line(record.code, width),
        para(
            f"Ngày {record.received_at:%d/%m/%Y}, {text(ctx.office.name)} tiếp nhận hồ sơ đề nghị giải quyết "
            f"thủ tục <b>{text(record.procedure_name)}</b> của ông/bà "
            f"(số định danh {text(record.applicant.id_number)}), mã hồ sơ <b>{text(record.code)}</b>. "
            f"Cơ quan giải quyết: {text(record.deciding_authority)}.",
            "justify",
        ),
        label_value("Thời gian hẹn trả kết quả", when(extension.previous_until)),
        para(
            "Tuy nhiên đến nay, cơ quan giải quyết chưa trả kết quả giải quyết hồ sơ đúng hẹn. "
            f"Lý do: <b>{text(extension.reason)}</b>.",
            "justify",
        ),
        para(
            "Sự chậm trễ này đã gây phiền hà cho ông/bà. Chúng tôi thành thật xin lỗi ông/bà và "
            "xin phép gia hạn thời gian trả kết quả giải quyết hồ sơ vào: "
            f"<b>{text(when(extension.new_until))}</b>.",
            "justify",
        ),
        para("Rất mong nhận được sự thông cảm của ông/bà."),
        gap(4),
        signatures(("", ""), ("THỦ TRƯỞNG CƠ QUAN", signer), width),
    ]
    return build(flow, page, title=f"Mẫu 04 {record.code}", subject=title_of(Form.APOLOGY, ctx.edition))


def stop_notice(record: DossierRecord, ctx: FormContext) -> bytes:
    """Mẫu 05: the dossier stops at the citizen's request, before a decision."""
    page = A4_PORTRAIT
    width = page.width
    requested = record.reason_dates.get(DossierStatus.WITHDRAWAL_REQUESTED, record.received_at)
    stopped = record.reason_dates.get(DossierStatus.STOPPED, requested)
    flow = _top(Form.STOP, ctx, record.code, stopped, width)
    flow += [
        _qr_line(record.code, width),
        *_applicant_lines(record),
        label_value("Thủ tục hành chính", record.procedure_name),
        label_value("Ngày tiếp nhận", f"{record.received_at:%d/%m/%Y}"),
        label_value("Ngày công dân đề nghị dừng giải quyết", f"{requested:%d/%m/%Y}"),
        label_value("Lý do", record.reasons.get(DossierStatus.WITHDRAWAL_REQUESTED, "")),
        para(
            f"Căn cứ đề nghị của ông/bà, {text(ctx.office.name)} thông báo dừng giải quyết hồ sơ "
            f"mã <b>{text(record.code)}</b> kể từ {text(when(stopped))}. "
            "Hồ sơ chưa có quyết định giải quyết.",
            "justify",
        ),
        gap(4),
        signatures(
            ("NGƯỜI ĐỀ NGHỊ", record.applicant.name), ("NGƯỜI TIẾP NHẬN", record.received_by_name), width
        ),
    ]
    return build(flow, page, title=f"Mẫu 05 {record.code}", subject=title_of(Form.STOP, ctx.edition))


def control_sheet(record: DossierRecord, ctx: FormContext) -> bytes:
    """Mẫu 06: every hand-over, from the recorded transitions."""
    page = A4_LANDSCAPE
    width = page.width
    # The steps that stand (an undone one is no hand-over); a hand-over's note names its recipient.
    steps = [
        (h.to_status, h.at, h.staff_name, " · ".join(x for x in (h.recipient, h.note) if x))
        for h in record.history
        if not h.undone
    ]
    rows = hand_overs(
        steps,
        record.appointment_at,
        centre=ctx.office.name,
        authority=record.deciding_authority,
        applicant=record.applicant.name,
    )
    data: list[list[object]] = [
        [
            "TT",
            "Bên giao",
            "Bên nhận",
            "Thời gian giao, nhận",
            "Người giao",
            "Người nhận",
            "Kết quả",
            "Ghi chú",
        ]
    ]
    for i, r in enumerate(rows, 1):
        data.append(
            [
                str(i),
                r.from_unit,
                r.to_unit,
                when(r.at),
                r.giver,
                r.receiver,
                TIMELINESS_WORDS[r.result] if r.result else "",
                r.note,
            ]
        )
    flow = _top(Form.CONTROL, ctx, record.code, ctx.printed_at or record.received_at, width)
    flow += [
        _qr_line(record.code, width),
        label_value("Cơ quan giải quyết", record.deciding_authority),
        label_value("Cơ quan phối hợp giải quyết", ""),
        label_value("Thời gian nhận hồ sơ", when(record.received_at)),
        label_value(
            "Thời gian hẹn trả kết quả",
            when(record.appointment_at) if record.appointment_at else "Không hẹn (hồ sơ chưa được tiếp nhận)",
        ),
        gap(2),
        grid(data, [10 * mm, 45 * mm, 45 * mm, 38 * mm, 32 * mm, 32 * mm, 22 * mm, width - 224 * mm]),
    ]
    return build(flow, page, title=f"Mẫu 06 {record.code}", subject=title_of(Form.CONTROL, ctx.edition))


def _cell_time(moment: datetime | None) -> str:
    return f"{moment:%d/%m/%Y %H:%M}" if moment else ""


def _collected(record: DossierRecord) -> str:
    if record.returned_at is None:
        return ""
    return "Trực tiếp" if record.return_method is ReturnMethod.COUNTER else "Bưu chính"


def register(
    records: Sequence[DossierRecord], ctx: FormContext, *, field_name: str, start: date, end: date
) -> bytes:
    """Mẫu 07: the register of one field for a period."""
    page = A4_LANDSCAPE
    width = page.width
    data: list[list[object]] = [
        [
            "STT",
            "Mã hồ sơ",
            "Tên TTHC",
            "Tên cá nhân, tổ chức",
            "Địa chỉ, số điện thoại",
            "Cơ quan chủ trì giải quyết",
            "Nhận hồ sơ",
            "Hẹn trả",
            "Trả kết quả",
            "Phương thức nhận",
            "Ký nhận",
        ]
    ]
    for i, r in enumerate(records, 1):
        data.append(
            [
                str(i),
                r.code,
                r.procedure_name,
                r.applicant.name,
                f"{r.applicant.address}; {r.applicant.phone}",
                r.deciding_authority,
                _cell_time(r.received_at),
                _cell_time(r.appointment_at),
                _cell_time(r.returned_at),
                _collected(r),
                "",
            ]
        )
    widths = [11, 50, 40, 28, 32, 24, 20, 20, 20, 16]
    widths_mm = [w * mm for w in widths] + [width - sum(widths) * mm]
    flow = _top(Form.REGISTER, ctx, "", ctx.printed_at or now_vn(), width)
    flow += [
        para(
            f"Lĩnh vực: <b>{text(field_name)}</b> — từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}",
            "center",
        ),
        gap(2),
        grid(data, widths_mm, font_size=7.5),
        gap(2),
        para(f"Tổng số: <b>{len(records)}</b> hồ sơ."),
    ]
    return build(flow, page, title=f"Mẫu 07 {field_name}", subject=title_of(Form.REGISTER, ctx.edition))


def fee_receipt(record: DossierRecord, ctx: FormContext) -> bytes:
    """The fee receipt (biên lai thu phí, lệ phí) for a dossier whose fee has been paid."""
    if record.fee_paid_at is None or not record.fee_amount:
        raise ValueError("no fee was paid for this dossier")
    page = A5_PORTRAIT
    width = page.width
    means = {"cash": "Tiền mặt", "transfer": "Chuyển khoản", "card": "Thẻ"}
    flow: list[Flowable] = [
        header(ctx.office, f"BL-{record.code}", record.fee_paid_at, width),
        gap(3),
        para("BIÊN LAI THU PHÍ, LỆ PHÍ", "title"),
        _qr_line(record.code, width),
        label_value("Người nộp", record.applicant.name),
        label_value("Số định danh", record.applicant.id_number),
        label_value("Thủ tục", record.procedure_name),
        label_value("Số tiền", f"{record.fee_amount:,} đồng".replace(",", ".")),
        label_value(
            "Hình thức thanh toán", means.get(record.payment_means.value if record.payment_means else "", "")
        ),
        label_value("Thời gian thu", when(record.fee_paid_at)),
        gap(3),
        signatures(
            ("NGƯỜI NỘP TIỀN", record.applicant.name), ("NGƯỜI THU TIỀN", record.received_by_name), width
        ),
    ]
    return build(flow, page, title=f"Biên lai {record.code}", subject="Biên lai thu phí, lệ phí")


def late_list(records: Sequence[DossierRecord], ctx: FormContext, *, month: date, now: datetime) -> bytes:
    """The monthly list of late dossiers, with reasons and the apology date, for public posting."""
    page = A4_LANDSCAPE
    width = page.width
    data: list[list[object]] = [
        [
            "STT",
            "Mã hồ sơ",
            "Thủ tục",
            "Người nộp",
            "Nhận hồ sơ",
            "Hẹn trả",
            "Hoàn thành",
            "Lý do chậm",
            "Ngày xin lỗi",
        ]
    ]
    for i, r in enumerate(records, 1):
        apology_at = r.extensions[0].issued_at if r.extensions else None
        data.append(
            [
                str(i),
                r.code,
                r.procedure_name,
                r.applicant.name,
                f"{r.received_at:%d/%m/%Y}",
                f"{r.appointment_at:%H:%M %d/%m/%Y}" if r.appointment_at else "",
                f"{r.decided_at:%d/%m/%Y}" if r.decided_at else "Chưa",
                r.extensions[-1].reason if r.extensions else "",
                f"{apology_at:%d/%m/%Y}" if apology_at else "Chưa",
            ]
        )
    widths = [11, 46, 50, 32, 20, 26, 20, 45]
    flow: list[Flowable] = [
        header(ctx.office, "", now, width),
        gap(3),
        para(f"DANH SÁCH HỒ SƠ TRỄ HẠN THÁNG {month:%m/%Y}", "title"),
        para(f"<i>{text(ctx.office.name)} công khai danh sách và xin lỗi công dân, tổ chức.</i>", "center"),
        gap(2),
        grid(data, [w * mm for w in widths] + [width - sum(widths) * mm], font_size=7.5),
        gap(2),
        para(f"Tổng số: <b>{len(records)}</b> hồ sơ trễ hạn."),
    ]
    return build(flow, page, title=f"Hồ sơ trễ hạn {month:%m/%Y}", subject="Danh sách hồ sơ trễ hạn")


FORM_BUILDERS = {
    Form.RECEIPT: receipt,
    Form.SUPPLEMENT: supplement_request,
    Form.REFUSAL: refusal,
    Form.STOP: stop_notice,
    Form.CONTROL: control_sheet,
}


class OfficeDetails(Protocol):
    """What the forms read of the office (the settings' office section has these fields)."""

    @property
    def parent_body(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def place(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def phone(self) -> str: ...
    @property
    def forms_edition(self) -> str: ...
    @property
    def receipt_a5(self) -> bool: ...


def form_context(office: OfficeDetails, now: datetime) -> FormContext:
    """The office's details as the forms need them."""
    return FormContext(
        OfficeHeader(office.parent_body, office.name, office.place, office.code),
        FormEdition(office.forms_edition),
        now,
        office.phone,
        office.receipt_a5,
    )
