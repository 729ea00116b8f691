"""The national dossier-sync vocabulary (domain.md §6): field codes, enumerations and dates.

The sync contract (docs/sync-api.yaml) carries these names and codes, so that an adapter to a
real provincial platform maps values one to one instead of rewriting the app's data model.
"""

from __future__ import annotations

import re
from datetime import datetime

from counter_app.domain.calendar import VN_TZ
from counter_app.domain.reception import FeeMode, PaperType, ReturnMethod
from counter_app.domain.staff import Role

NATIONAL_TIME = "%Y%m%d%H%M%S"  # yyyyMMddHHmmss, Vietnam time
_NATIONAL_TIME_SHAPE = re.compile(r"\d{14}")

CHANNEL_IN_PERSON = 1  # KenhThucHien: 1 in person, 2 online, 3 by post
APPLICANT_PERSON = 1  # LoaiDoiTuong: 1 person, 2 business, 3 state body, 4 other
ID_KIND_CCCD = 1  # LoaiDinhDanh: 1 = 12-digit personal ID, 2 = 9-digit old ID card
ID_KIND_CMND = 2

# HinhThucThu: the four fee modes the provincial platforms know (domain.md §14).
FEE_MODE_CODES = {
    FeeMode.AT_RECEPTION: 1,  # thu trước
    FeeMode.ON_RETURN: 2,  # thu sau
    FeeMode.EXEMPT: 3,  # miễn
    FeeMode.NOT_CHARGED: 4,  # không thu
}
# HinhThuc: how the result goes back to the citizen.
RETURN_METHOD_CODES = {ReturnMethod.COUNTER: 1, ReturnMethod.POST: 2}
# LoaiBanGiayTo: the form of a paper handed in.
PAPER_TYPE_CODES = {
    PaperType.ORIGINAL: 1,  # bản chính
    PaperType.CERTIFIED_COPY: 2,  # bản sao chứng thực
    PaperType.PHOTOCOPY: 3,  # bản chụp
    PaperType.TRANSLATION: 4,  # bản dịch
}
# ChucDanh: the title a progress step names, in the national systems' language.
ROLE_TITLES = {
    Role.CLERK: "Cán bộ tiếp nhận",
    Role.HEAD: "Lãnh đạo bộ phận",
    Role.ADMIN: "Quản trị hệ thống",
}
# The note of a correction sent when the office head undoes a step (a Vietnamese record).
UNDO_NOTE_PREFIX = "Hủy bước xử lý đã gửi"
# Who a status step the provincial system set is signed by, on Mẫu 06 (a Vietnamese document).
PROVINCE_ACTOR_NAME = "Hệ thống một cửa tỉnh"


def national_time(moment: datetime) -> str:
    """A moment as the national systems write it: Vietnam time, no zone, to the second."""
    return moment.astimezone(VN_TZ).strftime(NATIONAL_TIME)


def parse_national_time(text: str) -> datetime:
    """Read yyyyMMddHHmmss (Vietnam time); ValueError for anything else."""
    if not _NATIONAL_TIME_SHAPE.fullmatch(text):
        raise ValueError(f"not a yyyyMMddHHmmss time: {text[:40]!r}")
    return datetime.strptime(text, NATIONAL_TIME).replace(tzinfo=VN_TZ)


def id_kind(id_number: str) -> int:
    return ID_KIND_CMND if len(id_number) == 9 else ID_KIND_CCCD
