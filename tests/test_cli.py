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


# --- counter-app --help in the interface language ---------------------------------------------------


def _run_module(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m counter_app …`` as a person types it; a wide terminal, so no help line wraps."""
    env = {**os.environ, "COUNTER_APP_HOME": str(tmp_path / "home"), "COLUMNS": "400"}
    return subprocess.run(
        [sys.executable, "-m", "counter_app", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=tmp_path,
    )


def _program_texts() -> list[str]:
    """The program's own words in the help (description, option help, metavars), in English."""
    import argparse

    from counter_app.argparse_vi import ARGPARSE_VI
    from counter_app.cli import build_parser

    parser = build_parser("en")
    actions = parser._actions
    texts = [parser.description or ""] + [a.help for a in actions if a.help and a.help != argparse.SUPPRESS]
    return [t for t in texts if t not in ARGPARSE_VI] + [
        a.metavar for a in actions if isinstance(a.metavar, str)
    ]


def test_help_is_vietnamese_by_default(tmp_path):
    from counter_app.ui.i18n import cli_translate

    result = _run_module(tmp_path, "--help")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    out = result.stdout
    # argparse's own words: ours to translate (counter_app/argparse_vi.py)
    assert out.startswith("Cách dùng: counter-app [-h] [--role {counter,kiosk,display}]")
    assert "\nTùy chọn:\n" in out
    assert "-h, --help" in out and "hiển thị trợ giúp này rồi thoát" in out
    assert "--version" in out and "hiển thị số phiên bản của chương trình rồi thoát" in out
    assert "usage:" not in out and "options:" not in out
    assert "show this help message" not in out and "show program's version" not in out
    assert "--supervised" not in out  # the supervisor's own flag stays hidden
    # The program's words: through the "CommandLine" context, English until counter_app_vi.ts has them.
    for text in _program_texts():
        assert cli_translate(text, "vi") in out, text
    assert "which window to open" in out or "cửa sổ cần mở" in out


def test_help_follows_the_language_option_and_the_settings(tmp_path):
    from counter_app.paths import AppPaths
    from counter_app.settings import Settings, save

    english = _run_module(tmp_path, "--language", "en", "--help")
    assert english.returncode == 0, english.stderr
    assert english.stdout.startswith("usage: counter-app [-h]")
    assert "\noptions:\n" in english.stdout and "show this help message and exit" in english.stdout
    assert "which window to open" in english.stdout and "Cách dùng" not in english.stdout

    settings_file = AppPaths.resolve(tmp_path / "home").settings_file
    settings_file.parent.mkdir(parents=True)
    save(Settings(language="en"), settings_file)
    assert _run_module(tmp_path, "--help").stdout.startswith("usage: counter-app")
    assert _run_module(tmp_path, "--language", "vi", "--help").stdout.startswith("Cách dùng: counter-app")
    assert _run_module(tmp_path, "--lang=vi", "--help").stdout.startswith("Cách dùng: counter-app")


def test_command_line_mistakes_are_explained_in_the_interface_language(tmp_path):
    role = _one_clear_line(run(tmp_path, "--role", "printer"))
    assert role.startswith(
        "counter-app: Tham số dòng lệnh không hợp lệ: tham số --role: giá trị không hợp lệ"
    )
    assert "'printer'" in role and "'counter'" in role
    assert "cần một giá trị" in _one_clear_line(run(tmp_path, "--screenshot"))
    assert "tham số không hợp lệ: --colour" in _one_clear_line(run(tmp_path, "--colour", "blue"))
    english = _one_clear_line(run(tmp_path, "--language", "en", "--role", "printer"))
    assert english.startswith("counter-app: Invalid command-line option: argument --role: invalid choice")


def test_argparse_gets_its_own_gettext_back():
    import argparse
    import gettext

    from counter_app.argparse_vi import argparse_language, argparse_text
    from counter_app.cli import UsageError, build_parser

    with pytest.raises(UsageError, match="tham số không hợp lệ"), argparse_language("vi"):
        build_parser("vi").parse_args(["--colour"])
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    assert argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]
    with pytest.raises(UsageError, match="unrecognized arguments"), argparse_language("en"):
        build_parser("en").parse_args(["--colour"])
    assert argparse_text("usage: ", "en") == "usage: " and argparse_text("usage: ", "vi") == "Cách dùng: "
    assert "Tùy chọn:" in build_parser("vi").format_help()  # also when printed outside parse_args


def test_help_is_entirely_vietnamese(tmp_path):
    out = _run_module(tmp_path, "--help").stdout
    assert "Phần mềm quầy tiếp nhận và trả kết quả của bộ phận một cửa." in out
    for vietnamese in (
        "cửa sổ cần mở (mặc định: vai trò của máy này trong phần cài đặt)",
        "--screenshot TỆP",
        "vẽ cửa sổ ra ảnh PNG, không hiện lên màn hình, rồi thoát",
        "--home THƯ_MỤC",
        "giữ dữ liệu, cài đặt và nhật ký trong THƯ_MỤC (chế độ di động)",
        "sqlite:///ĐƯỜNG_DẪN hoặc postgresql://… (thay cho phần cài đặt)",
        "ngôn ngữ giao diện (mặc định: theo phần cài đặt)",
        "điền dữ liệu mẫu vào cơ sở dữ liệu còn trống",
        "đồng bộ với máy chủ tham chiếu của tỉnh tại URL",
        "--user TÊN",
        "dùng cùng --screenshot: vẽ như khi tài khoản này đã đăng nhập",
        "--import-catalogue TỆP",
        "nhập danh mục thủ tục (JSON) rồi thoát",
        "xuất danh mục thủ tục (JSON) rồi thoát",
        "chạy cửa sổ ngay trong tiến trình này, không tự khởi động lại khi gặp sự cố",
    ):
        assert vietnamese in out, vietnamese
    for english in _program_texts():
        if english != "URL":
            assert english not in out, english
