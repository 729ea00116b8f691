"""A dossier component's pages as one PDF/A-2b file (domain.md §9).

img2pdf puts each page's encoded image (CCITT G4 TIFF or JPEG) into the PDF as it is, with no
re-encoding; pikepdf then adds what PDF/A-2b requires of a file of images: XMP metadata declaring
the conformance, the document's title and subject, and an sRGB output intent.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache

import img2pdf
import pikepdf
from PIL import ImageCms

from counter_app.imaging.scan_pages import ProcessedPage


@dataclass(frozen=True)
class BuiltPdf:
    data: bytes
    sha256: str
    pages: int


@cache
def _srgb_profile() -> bytes:
    profile: bytes = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return profile


def build_pdfa(
    pages: Sequence[ProcessedPage], *, dossier_code: str, component: str, created: datetime
) -> BuiltPdf:
    """One PDF/A-2b of ``pages`` in order; its metadata names the dossier and the component."""
    if not pages:
        raise ValueError("a component's PDF needs at least one page")
    layout = img2pdf.get_fixed_dpi_layout_fun((pages[0].dpi, pages[0].dpi))
    raw = img2pdf.convert([page.data for page in pages], layout_fun=layout, with_pdfrw=False)
    title = unicodedata.normalize("NFC", f"{dossier_code} – {component}")
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["pdfaid:part"] = "2"
            meta["pdfaid:conformance"] = "B"
            meta["dc:title"] = title
            meta["dc:description"] = unicodedata.normalize("NFC", component)
            meta["dc:identifier"] = dossier_code
            meta["xmp:CreateDate"] = created.isoformat()
            meta["xmp:CreatorTool"] = "counter_app"
        pdf.docinfo["/Title"] = title
        pdf.docinfo["/Subject"] = unicodedata.normalize("NFC", component)
        pdf.docinfo["/Keywords"] = dossier_code
        icc = pikepdf.Stream(pdf, _srgb_profile())
        icc["/N"] = 3
        pdf.Root.OutputIntents = pikepdf.Array(
            [
                pikepdf.Dictionary(
                    Type=pikepdf.Name.OutputIntent,
                    S=pikepdf.Name.GTS_PDFA1,
                    OutputConditionIdentifier=pikepdf.String("sRGB IEC61966-2.1"),
                    DestOutputProfile=icc,
                )
            ]
        )
        out = io.BytesIO()
        pdf.save(out, fix_metadata_version=True, deterministic_id=True)
    data = out.getvalue()
    return BuiltPdf(data, hashlib.sha256(data).hexdigest(), len(pages))
