"""Generated A4 test pages: Vietnamese text, a red seal, a tilt, a black scanner border, a blank page.

Shared by the scanning tests and bench/scan.py, so both measure the same pages.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from counter_app.paths import resources_dir

LINES = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "TỜ KHAI ĐĂNG KÝ KHAI SINH",
    "Kính gửi: Ủy ban nhân dân xã Minh Khai",
    "Họ, chữ đệm, tên người yêu cầu: Nguyễn Thị Ánh",
    "Nơi cư trú: Số 5 ngõ 12 phố Huế, phường Hai Bà Trưng, Hà Nội",
    "Giấy tờ tùy thân: Căn cước số 001195012345",
    "Quan hệ với người được khai sinh: Mẹ",
    "Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:",
    "Họ, chữ đệm, tên: Trần Minh Khôi  Ngày, tháng, năm sinh: 08/03/2026",
    "Giới tính: Nam  Dân tộc: Kinh  Quốc tịch: Việt Nam",
    "Nơi sinh: Bệnh viện Phụ sản Hà Nội",
    "Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật.",
]


def text_page(dpi: int = 200, *, tilt: float = 0.0, seal: bool = False, border: bool = False) -> Image.Image:
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    page = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(Path(resources_dir(), "fonts", "DejaVuSans.ttf")), int(dpi * 0.16))
    y = int(dpi * 0.8)
    for repeat in range(3):
        for line in LINES:
            draw.text((int(dpi * 0.8), y), line if repeat == 0 else line.lower(), font=font, fill="black")
            y += int(dpi * 0.28)
    if seal:
        cx, cy, r = int(width * 0.7), int(height * 0.85), int(dpi * 0.7)
        for thickness in range(0, int(dpi * 0.04)):
            draw.ellipse(
                (cx - r + thickness, cy - r + thickness, cx + r - thickness, cy + r - thickness),
                outline=(200, 20, 30),
            )
        draw.text((cx - r // 2, cy - dpi // 10), "UBND XÃ", font=font, fill=(200, 20, 30))
    if tilt:
        page = page.rotate(tilt, resample=Image.Resampling.BICUBIC, fillcolor="white")
    if border:
        draw = ImageDraw.Draw(page)
        draw.rectangle((0, 0, width, int(dpi * 0.15)), fill="black")
        draw.rectangle((0, 0, int(dpi * 0.1), height), fill=(20, 20, 20))
    return page


def blank_page(dpi: int = 200) -> Image.Image:
    page = Image.new("RGB", (int(8.27 * dpi), int(11.69 * dpi)), (250, 250, 248))
    ImageDraw.Draw(page).point([(100, 100), (300, 900)], fill="black")  # specks of dust
    return page
