"""QR codes as pictures, for the paper ticket (devices/ticket_raster.py) and the forms
(documents/pdf_layout.py): one encoder for both, shared from the base layer both may use."""

from __future__ import annotations

import qrcode
from PIL import Image


def qr_image(data: str, box: int) -> Image.Image:
    """The QR code, drawn module by module. A fixed mask pattern: every mask is valid and scans,
    while letting the library choose builds the code eight times (4 of the 9 ms a ticket took)."""
    code = qrcode.QRCode(border=1, box_size=box, mask_pattern=0)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix)
    modules = Image.frombytes("L", (size, size), bytes(0 if dark else 255 for row in matrix for dark in row))
    return modules.resize((size * box, size * box), Image.Resampling.NEAREST)
