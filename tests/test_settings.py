import json

import pytest

from counter_app import settings as s
from counter_app.domain.errors import ValidationError
from counter_app.settings import PrinterKind, Settings


def test_defaults_are_valid_and_round_trip(tmp_path):
    path = tmp_path / "settings.json"
    original = Settings()
    s.validate(original)
    original.printer.kind = PrinterKind.NETWORK
    original.printer.target = "192.0.2.10:9100"
    s.save(original, path)
    assert s.load(path) == original
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == s.SETTINGS_VERSION


def test_missing_file_gives_defaults(tmp_path):
    assert s.load(tmp_path / "none.json") == Settings()


def test_wrong_types_name_the_setting(tmp_path):
    path = tmp_path / "settings.json"
    for data, field in [
        ({"counter_number": "3"}, "counter_number"),
        ({"office": {"name": 5}}, "office.name"),
        ({"printer": {"kind": "fax"}}, "printer.kind"),
        ({"office": "x"}, "office"),
        ({"provincial": {"read_timeout": True}}, "provincial.read_timeout"),
    ]:
        path.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(ValidationError) as info:
            s.load(path)
        assert info.value.field == field


def test_unknown_keys_are_ignored_and_damage_is_reported(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"future_option": 1, "office": {"name": "Trung tâm A", "new": 2}}), encoding="utf-8"
    )
    assert s.load(path).office.name == "Trung tâm A"
    path.write_bytes(b'{"office": ')
    with pytest.raises(ValidationError, match="damaged"):
        s.load(path)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda x: setattr(x.office, "code", "khong hop le"), "office.code"),
        (lambda x: setattr(x.office, "name", ""), "office.name"),
        (lambda x: setattr(x, "counter_number", 0), "counter_number"),
        (lambda x: setattr(x, "database_url", "mysql://h/db"), "database_url"),
        (lambda x: setattr(x.provincial, "endpoint", "http://example.org"), "provincial.endpoint"),
        (lambda x: setattr(x, "dossier_code_pattern", "{agency}-{seq:02d}"), "dossier_code_pattern"),
        (lambda x: setattr(x, "dossier_system_code", "7"), "dossier_system_code"),
    ],
)
def test_validation_refuses_bad_values_and_saves_nothing(tmp_path, change, field):
    settings = Settings()
    change(settings)
    with pytest.raises(ValidationError) as info:
        s.save(settings, tmp_path / "settings.json")
    assert info.value.field == field
    assert not (tmp_path / "settings.json").exists()


def test_text_settings_are_nfc(tmp_path):
    import unicodedata

    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"office": {"name": unicodedata.normalize("NFD", "Trung tâm Hòa Bình")}}), encoding="utf-8"
    )
    assert s.load(path).office.name == unicodedata.normalize("NFC", "Trung tâm Hòa Bình")
