import unicodedata

from counter_app.domain.text import clean_line, fold, nfc


def test_fold_removes_diacritics_including_d_stroke():
    assert fold("Nguyễn Đức Thắng") == "nguyen duc thang"
    assert fold("ĐĂNG KÝ KHAI SINH") == "dang ky khai sinh"
    assert fold(unicodedata.normalize("NFD", "Trần Thị Bích")) == "tran thi bich"


def test_nfc_and_clean_line():
    decomposed = unicodedata.normalize("NFD", "Hồ sơ")
    assert nfc(decomposed) == "Hồ sơ" and len(nfc(decomposed)) == 5
    assert clean_line("  Số   12\tphố Huế ") == "Số 12 phố Huế"
