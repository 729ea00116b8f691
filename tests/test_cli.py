"""The command line as a person runs it: a real process, real files, real PNGs."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent


def run(tmp_path: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COUNTER_APP_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        cwd=tmp_path,
    )


@pytest.mark.parametrize(
    ("role", "size"), [("counter", (1366, 768)), ("kiosk", (1080, 1920)), ("display", (1920, 1080))]
)
def test_screenshot_renders_each_role_at_its_reference_size(tmp_path, role, size):
    target = tmp_path / f"{role}.png"
    result = run(tmp_path, "--role", role, "--demo", "--screenshot", str(target))
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == size
    assert "Traceback" not in result.stderr
    assert (tmp_path / "home" / "data" / "counter_app.sqlite3").exists()
    assert (tmp_path / "home" / "logs" / "counter_app.log").exists()


def _one_clear_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_unknown_option_is_one_vietnamese_line(tmp_path):
    result = run(tmp_path, "--colour", "blue")
    assert result.returncode == 2
    line = _one_clear_line(result)
    assert line.startswith("counter-app: Tham số dòng lệnh không hợp lệ") and "--colour" in line


def test_bad_role_and_bad_database_url(tmp_path):
    assert run(tmp_path, "--role", "printer").returncode == 2
    result = run(tmp_path, "--database", "mysql://localhost/counter")
    assert result.returncode == 2
    assert "mysql" in _one_clear_line(result)
    share = run(tmp_path, "--database", "sqlite://///server/share/counter.sqlite3")
    assert share.returncode == 2 and "mạng" in _one_clear_line(share)


def test_unreachable_database_is_one_line(tmp_path):
    result = run(
        tmp_path,
        "--database",
        "postgresql://nobody@127.0.0.1:1/counter",
        "--screenshot",
        str(tmp_path / "x.png"),
    )
    assert result.returncode == 1
    assert "Không kết nối được cơ sở dữ liệu" in _one_clear_line(result)


def test_english_is_available(tmp_path):
    result = run(tmp_path, "--language", "en", "--demo", "--screenshot", str(tmp_path / "en.png"))
    assert result.returncode == 0 and "Screenshot saved" in result.stdout


def test_console_script_is_installed():
    script = Path(sys.executable).parent / "counter-app"
    assert script.exists()
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("counter-app ")


def test_catalogue_import_and_export_from_the_command_line(tmp_path):
    exported = tmp_path / "catalogue.json"
    result = run(tmp_path, "--demo", "--export-catalogue", str(exported))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Đã xuất 31 thủ tục")
    assert run(tmp_path, "--import-catalogue", str(exported)).stdout.startswith(
        "Đã nhập danh mục: thêm 0, cập nhật 31"
    )
    # "Hồ sơ" as a Windows-1258 file (base letter + combining tone mark), as old Vietnamese tools save it
    (tmp_path / "latin1.json").write_bytes('{"name": "H\u00f4\u0300 s\u01a1"}'.encode("cp1258"))
    bad = run(tmp_path, "--import-catalogue", str(tmp_path / "latin1.json"))
    assert bad.returncode == 2 and "không phải văn bản UTF-8" in _one_clear_line(bad)
    missing = run(tmp_path, "--import-catalogue", str(tmp_path / "none.json"))
    assert missing.returncode == 1 and "none.json" in _one_clear_line(missing)
