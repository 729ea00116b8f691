"""The folder layout is a promise: domain and services never import Qt."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "counter_app"
QT_FREE = ["domain", "services", "storage", "documents", "devices", "province", "reference_server"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_import_in_domain_services_or_storage():
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for folder in QT_FREE
        for path in (PACKAGE / folder).rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
        or name.startswith("counter_app.ui")
    ]
    assert not offenders


def test_importing_every_service_loads_no_qt():
    modules = [
        "counter_app." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        for folder in QT_FREE
        for path in (PACKAGE / folder).rglob("*.py")
        if "migrations" not in path.parts
    ]
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules)
    code += (
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))], 'Qt was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
