from dataclasses import replace

from counter_app.domain.catalogue import parse_catalogue
from counter_app.services.demo import demo_catalogue_text


def test_search_ignores_diacritics(catalogue):
    names = [p.name for p in catalogue.search("dang ky khai sinh")]
    assert "Đăng ký khai sinh" in names
    assert [p.name for p in catalogue.search("KẾT HÔN")][:1] == ["Đăng ký kết hôn"] or any(
        "kết hôn" in p.name for p in catalogue.search("KẾT HÔN")
    )
    assert all("chứng thực" in p.name.lower() for p in catalogue.search("chung thuc"))


def test_search_by_code_and_field(catalogue):
    assert catalogue.search("1.001193")[0].name == "Đăng ký khai sinh"
    civil = catalogue.search("", field_code="HT")
    assert civil and {p.field_name for p in civil} == {"Hộ tịch"}
    assert catalogue.search("ho tich") and not catalogue.search("xyzzy")
    fields = {f.code: f.procedures for f in catalogue.fields()}
    assert fields["HT"] == len(civil)


def test_search_treats_wildcards_literally(catalogue):
    assert catalogue.search("%") == [] and catalogue.search("_") == []


def test_checklist_comes_back_exactly(catalogue):
    expected = next(p for p in parse_catalogue(demo_catalogue_text()).procedures if p.code == "2.000815")
    assert catalogue.get("2.000815") == expected


def test_reimport_updates_and_retires(catalogue):
    original = parse_catalogue(demo_catalogue_text())
    changed = replace(original.procedures[0], name="Đăng ký khai sinh (sửa đổi)")
    report = catalogue.import_catalogue(
        None, replace(original, procedures=(changed, *original.procedures[2:]))
    )
    assert (report.added, report.retired) == (0, 1)
    assert catalogue.get(changed.code).name.endswith("(sửa đổi)")
    assert catalogue.count() == len(original.procedures) - 1
    assert original.procedures[1].code not in {p.code for p in catalogue.all_procedures()}


def test_export_round_trips(catalogue):
    assert parse_catalogue(catalogue.export_catalogue()).procedures == tuple(catalogue.all_procedures())
