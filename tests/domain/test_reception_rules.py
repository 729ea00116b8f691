"""The reception's rules without Qt: papers needed only in some cases, not-applicable rows, and
every wrong field reported at once (issue 14)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from counter_app.domain.catalogue import Component, parse_catalogue
from counter_app.domain.errors import ValidationError
from counter_app.domain.reception import (
    FIELD_ADDRESS,
    FIELD_ID,
    FIELD_NAME,
    FIELD_PHONE,
    FIELD_PROXY_ID,
    FIELD_PROXY_PHONE,
    CheckResult,
    FieldErrors,
    all_accepted,
    assess,
    checklist,
    is_authorisation,
    is_conditional,
    validate_applicant,
    validate_proxy,
)
from counter_app.services.demo import demo_catalogue_text

CATALOGUE = parse_catalogue(demo_catalogue_text())


def _component(name: str, note: str = "") -> Component:
    return Component(name, note=note)


@pytest.mark.parametrize(
    ("name", "note"),
    [
        ("Văn bản ủy quyền theo quy định (trường hợp ủy quyền thực hiện)", "Không phải chứng thực nếu …"),
        ("Giấy tờ về quyền sử dụng đất (nếu có)", ""),
        ("Bản sao cần chứng thực (nếu người yêu cầu tự mang bản sao)", ""),
        ("Bản án, quyết định ly hôn đã có hiệu lực", "Chỉ khi người yêu cầu đã từng kết hôn."),
        ("Văn bản ủy quyền của thành viên hộ gia đình", "Nếu có."),
        ("Giấy tờ chứng minh (đối với người khuyết tật)", ""),
        ("Giấy xác nhận", "Trường hợp người yêu cầu không thường trú tại xã."),
    ],
)
def test_a_paper_needed_only_in_some_cases_is_conditional(name, note):
    assert is_conditional(_component(name, note))


@pytest.mark.parametrize(
    ("name", "note"),
    [
        ("Tờ khai đăng ký khai sinh theo mẫu", ""),
        # An alternative to a paper still required is not a condition.
        ("Giấy chứng sinh; nếu không có thì văn bản của người làm chứng", "Trẻ bị bỏ rơi: biên bản."),
        ("Giấy tờ tùy thân có ảnh của người nộp", "Chỉ xuất trình, không nộp, không số hóa."),
        (
            "Giấy tờ, văn bản cần chứng thực chữ ký",
            "Người yêu cầu phải ký trước mặt người thực hiện chứng thực.",
        ),
    ],
)
def test_a_paper_required_of_everyone_is_not_conditional(name, note):
    assert not is_conditional(_component(name, note))


def test_every_authorisation_letter_of_the_demo_catalogue_is_conditional():
    letters = [c for p in CATALOGUE.procedures for c in p.components if c.name.startswith("Văn bản ủy quyền")]
    assert letters and all(is_conditional(c) for c in letters)


def _marriage_status():
    return next(p for p in CATALOGUE.procedures if p.code == "1.004873")


def test_all_accepted_leaves_the_conditional_papers_not_applicable_and_nothing_is_demanded():
    procedure = _marriage_status()
    rows = all_accepted(checklist(procedure), "Không thuộc trường hợp phải nộp")
    by_name = {r.name: r for r in rows}
    letter = by_name["Văn bản ủy quyền theo quy định (trường hợp ủy quyền thực hiện)"]
    assert letter.result is CheckResult.NOT_APPLICABLE and letter.reason == "Không thuộc trường hợp phải nộp"
    assert by_name["Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu"].result is CheckResult.PASS
    assessment = assess(procedure, rows)
    assert assessment.complete  # a paper that does not apply is not demanded
    assert not letter.received and not letter.lacking


LETTER = "Văn bản ủy quyền theo quy định (trường hợp ủy quyền thực hiện)"


def test_an_authorisation_letter_is_about_authorisation_and_other_conditional_papers_are_not():
    assert is_authorisation(_component(LETTER))
    assert is_authorisation(_component("Giấy xác nhận", "Trường hợp người nộp được ủy quyền."))
    assert not is_authorisation(_component("Giấy tờ về quyền sử dụng đất (nếu có)"))
    # Required of everyone: never turned on or off by who files.
    assert not is_authorisation(_component("Giấy ủy quyền của công ty"))


def test_all_accepted_for_a_proxy_accepts_the_authorisation_letter():
    procedure = _marriage_status()
    rows = all_accepted(checklist(procedure), "Không thuộc trường hợp phải nộp", by_proxy=True)
    letter = next(r for r in rows if r.name == LETTER)
    assert letter.result is CheckResult.PASS and letter.reason == "" and letter.received
    assert assess(procedure, rows, by_proxy=True).complete
    # Marked not applicable before the proxy box was ticked: "all accepted" takes it too.
    again = all_accepted(all_accepted(checklist(procedure), "x"), "x", by_proxy=True)
    assert next(r for r in again if r.name == LETTER).result is CheckResult.PASS


def test_a_proxy_without_the_authorisation_letter_leaves_the_dossier_incomplete():
    procedure = _marriage_status()
    rows = all_accepted(checklist(procedure), "Không thuộc trường hợp phải nộp")
    assert assess(procedure, rows).complete  # filed in person: the letter is not demanded
    assessment = assess(procedure, rows, by_proxy=True)
    assert not assessment.complete
    assert [r.name for r in assessment.lacking] == [LETTER]
    assert assessment.lacking[0].result is CheckResult.MISSING


def test_not_applicable_needs_its_reason():
    procedure = _marriage_status()
    rows = [replace(r, result=CheckResult.PASS) for r in checklist(procedure)]
    rows[2] = replace(rows[2], result=CheckResult.NOT_APPLICABLE, reason="  ")
    with pytest.raises(ValidationError, match="does not apply"):
        assess(procedure, rows)


def test_every_wrong_field_of_the_applicant_is_reported_at_once():
    with pytest.raises(FieldErrors) as caught:
        validate_applicant(
            name="", id_number="123", birth_date=None, address="", phone="12345", today=date(2026, 11, 26)
        )
    assert [e.field for e in caught.value.errors] == [FIELD_NAME, FIELD_ID, FIELD_ADDRESS, FIELD_PHONE]
    assert str(caught.value) == str(caught.value.errors[0])  # read as one error, it is the first


def test_every_wrong_field_of_the_filer_is_reported_at_once():
    with pytest.raises(FieldErrors) as caught:
        validate_proxy(name="Lê Văn Tám", id_number="1", address="", phone="999", authorisation="")
    assert [e.field for e in caught.value.errors] == [FIELD_PROXY_ID, FIELD_PROXY_PHONE]
