import pytest

from counter_app.domain.announcement import (
    DEFAULT_WORDING,
    announcement_clips,
    announcement_text,
    number_words,
    validate_wording,
)
from counter_app.domain.errors import ValidationError


def test_the_call_reads_as_offices_announce():
    assert announcement_text(DEFAULT_WORDING, "A001", 3) == (
        "Mời công dân có số thứ tự a không không một đến quầy số ba"
    )
    assert announcement_text(DEFAULT_WORDING, "B015", 12).endswith("bê không một năm đến quầy số mười hai")


@pytest.mark.parametrize(
    ("n", "words"),
    [(1, "một"), (10, "mười"), (11, "mười một"), (15, "mười lăm"), (20, "hai mươi"), (21, "hai mươi mốt"),
     (25, "hai mươi lăm"), (99, "chín mươi chín")],
)  # fmt: skip
def test_counter_numbers_are_read_as_numbers(n, words):
    assert number_words(n) == words


def test_the_clips_follow_the_wording():
    assert announcement_clips(DEFAULT_WORDING, "A001", 3) == [
        "phrase/moi-cong-dan-co-so-thu-tu",
        "letter/A",
        "digit/0",
        "digit/0",
        "digit/1",
        "phrase/den-quay-so",
        "counter/3",
    ]
    assert announcement_clips("Số {ticket}, quầy {counter}", "C100", 42)[-3:] == [
        "phrase/quay",
        "digit/4",
        "digit/2",
    ]


def test_a_wording_must_name_the_ticket_and_the_counter():
    assert validate_wording("Xin mời số {ticket} tới quầy {counter}")
    for bad in ("Mời số {ticket}", "Mời {ticket} {ticket} {counter}", "{ticket} {counter} {x}", "{ticket"):
        with pytest.raises(ValidationError):
            validate_wording(bad)
