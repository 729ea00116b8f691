import json

import pytest

from counter_app.domain.catalogue import ProcessingUnit, dump_catalogue, parse_catalogue
from counter_app.domain.errors import ValidationError
from counter_app.services.demo import demo_catalogue_text


def test_demo_catalogue_has_real_commune_procedures():
    catalogue = parse_catalogue(demo_catalogue_text())
    assert len(catalogue.procedures) >= 25
    fields = {p.field_name for p in catalogue.procedures}
    assert {"Hộ tịch", "Chứng thực", "Bảo trợ xã hội", "Đất đai", "Đăng ký, quản lý cư trú"} <= fields
    names = " | ".join(p.name for p in catalogue.procedures)
    for needle in ("khai sinh", "khai tử", "kết hôn", "tình trạng hôn nhân", "Chứng thực chữ ký"):
        assert needle in names
    birth = next(p for p in catalogue.procedures if p.code == "1.001193")
    assert birth.processing_time.amount == 0 and birth.processing_time.unit is ProcessingUnit.WORKING_DAYS
    assert any(c.presented_only for c in birth.components)


def test_export_then_import_gives_the_same_catalogue():
    catalogue = parse_catalogue(demo_catalogue_text())
    again = parse_catalogue(dump_catalogue(catalogue.procedures))
    assert again.procedures == catalogue.procedures


def _document_with(procedure_patch):
    procedure = json.loads(demo_catalogue_text())["procedures"][0]
    procedure.update(procedure_patch)
    return json.dumps(
        {"format": "counter_app.catalogue", "format_version": 1, "procedures": [procedure]},
        ensure_ascii=False,
        indent=2,
    )


def _line_of(text, needle):
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    ("patch", "field", "needle"),
    [
        (
            {"processing_time": {"amount": -1, "unit": "working_days"}},
            "$.procedures[0].processing_time.amount",
            '"amount": -1',
        ),
        (
            {"processing_time": {"amount": 2, "unit": "weeks"}},
            "$.procedures[0].processing_time.unit",
            '"weeks"',
        ),
        ({"online_level": "sometimes"}, "$.procedures[0].online_level", '"sometimes"'),
        ({"name": 12}, "$.procedures[0].name", '"name": 12'),
        ({"components": []}, "$.procedures[0].components", '"components": []'),
    ],
)
def test_errors_name_the_field_and_its_line(patch, field, needle):
    text = _document_with(patch)
    with pytest.raises(ValidationError) as info:
        parse_catalogue(text)
    assert info.value.field == field
    assert info.value.line == _line_of(text, needle)
    assert str(info.value.line) in info.value.message()


def test_a_bad_component_is_named_with_its_index():
    procedure = json.loads(demo_catalogue_text())["procedures"][0]
    procedure["components"][1]["originals"] = "one"
    text = json.dumps(
        {"format": "counter_app.catalogue", "format_version": 1, "procedures": [procedure]},
        ensure_ascii=False,
        indent=2,
    )
    with pytest.raises(ValidationError) as info:
        parse_catalogue(text)
    assert info.value.field == "$.procedures[0].components[1].originals"
    assert info.value.line == _line_of(text, '"originals": "one"')


def test_missing_key_duplicate_code_and_broken_json():
    procedure = json.loads(demo_catalogue_text())["procedures"][0]
    del procedure["deciding_authority"]
    text = json.dumps({"format": "counter_app.catalogue", "format_version": 1, "procedures": [procedure]})
    with pytest.raises(ValidationError, match="deciding_authority"):
        parse_catalogue(text)
    twice = json.loads(demo_catalogue_text())
    twice["procedures"].append(twice["procedures"][0])
    with pytest.raises(ValidationError, match="listed twice"):
        parse_catalogue(json.dumps(twice, ensure_ascii=False))
    with pytest.raises(ValidationError) as info:
        parse_catalogue('{\n"format": "counter_app.catalogue",\n "procedures": [\n}')
    assert info.value.line == 4
    with pytest.raises(ValidationError, match="format"):
        parse_catalogue('{"format": "other", "format_version": 1, "procedures": []}')
