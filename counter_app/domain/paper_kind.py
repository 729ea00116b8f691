"""Which kind of paper a checklist row is, so a citizen's earlier scan of it can be offered again.

Catalogue wording varies between procedures ("Bản sao Giấy khai sinh", "Giấy khai sinh của
người được đăng ký"): a paper is first recognised by the words of the kinds citizens bring
over and over (Decree 45/2020 and TT 03/2025 forbid asking again for what is already
digitised); anything else matches only a row of exactly the same name. Application forms,
drafts and authorisations are made for the case in hand and are never offered again.
"""

from __future__ import annotations

from counter_app.domain.text import fold

# (kind, words any one of which names it), the more specific first
_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("birth-certificate", ("giay khai sinh", "trich luc khai sinh")),
    ("marriage-certificate", ("giay chung nhan ket hon", "trich luc ket hon")),
    ("marital-status", ("xac nhan tinh trang hon nhan",)),
    ("death-certificate", ("giay chung tu", "trich luc khai tu", "bao tu")),
    ("land-certificate", ("giay chung nhan quyen su dung dat", "so do", "so hong")),
    ("residence", ("xac nhan thong tin ve cu tru", "so ho khau", "thong tin cu tru")),
    ("id-card", ("can cuoc", "cccd", "chung minh nhan dan", "ho chieu", "giay to tuy than")),
)
# Filled in anew for each case: never offered again, even under the same name.
_FRESH_EACH_TIME = ("to khai", "don ", "du thao", "uy quyen", "ban an", "quyet dinh")


def paper_kind(component_name: str) -> str | None:
    """A stable key (a known kind, or the folded name itself); None for papers made for this case."""
    folded = fold(component_name)
    if folded.startswith(_FRESH_EACH_TIME) or "uy quyen" in folded:
        return None
    for kind, words in _KINDS:
        if any(word in folded for word in words):
            return kind
    return "name:" + folded


def same_kind(a: str, b: str) -> bool:
    kind = paper_kind(a)
    return kind is not None and kind == paper_kind(b)
