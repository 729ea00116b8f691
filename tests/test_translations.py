"""Vietnamese by default: every visible string has a finished, NFC Vietnamese translation."""

import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "counter_app_vi.ts"
QM = ROOT / "resources" / "translations" / "counter_app_vi.qm"
BIN = Path(sys.executable).parent


def _sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "counter_app").rglob("*.py"))


def test_every_string_in_the_code_is_translated(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            *_sources(),
            "-source-language",
            "en",
            "-target-language",
            "vi",
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )
    root = ET.parse(fresh).getroot()
    untranslated = [
        message.findtext("source")
        for message in root.iter("message")
        if message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert not untranslated, f"run 'make translations' and translate: {untranslated}"


def test_translations_are_nfc_and_keep_their_placeholders():
    import re

    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        text = "".join(translation.itertext())
        assert text == unicodedata.normalize("NFC", text)
        assert set(re.findall(r"\{[a-z_]+[^}]*\}|%\d|%n", source)) == set(
            re.findall(r"\{[a-z_]+[^}]*\}|%\d|%n", text)
        ), source


def test_compiled_file_is_up_to_date(tmp_path):
    out = tmp_path / "vi.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True, timeout=60
    )
    assert out.read_bytes() == QM.read_bytes(), "run 'make translations'"


def test_no_translation_call_hides_inside_an_f_string():
    """lupdate cannot see tr() inside an f-string: such text would stay English."""
    import ast

    hidden = []
    for path in (ROOT / "counter_app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and getattr(
                        inner.func, "attr", getattr(inner.func, "id", "")
                    ) in (
                        "tr",
                        "translate",
                    ):
                        hidden.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert not hidden
