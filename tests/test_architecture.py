"""The folder layout is a promise: every import points down the layers, and the core never loads Qt.

Layers, top to bottom (docs/architecture.md):

    cli → app → ui (launcher) → ui → sync → services → outbox → storage
                                          ↘ documents, imaging, settings, devices, province → domain

A module may import its own layer and the layers listed for it in ``ALLOWED``, nothing else;
imports inside functions and under ``TYPE_CHECKING`` count too, because they are arrows all the same.
Compare qutebrowser's import checks: the rule lives in one table a reader can check by eye.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "counter_app"

# Longest prefix wins.
LAYER_OF = {
    "counter_app.domain": "domain",
    "counter_app.paths": "base",
    "counter_app.atomic": "base",
    "counter_app.failures": "base",
    "counter_app.run_state": "base",
    "counter_app.logging_setup": "base",
    "counter_app.argparse_vi": "base",
    "counter_app.supervisor": "base",
    "counter_app.database_address": "base",
    "counter_app.qr_code": "base",
    "counter_app.settings": "settings",
    "counter_app.storage": "storage",
    "counter_app.imaging": "imaging",
    "counter_app.documents": "documents",
    "counter_app.devices": "devices",
    "counter_app.sync.province": "province",
    "counter_app.sync.outbox": "outbox",
    "counter_app.sync": "sync",
    "counter_app.services": "services",
    "counter_app.reference_server": "reference_server",
    "counter_app.ui.launcher": "launcher",
    # The counter's session: it builds the window and its dialogs again when the office changes.
    "counter_app.ui.counter.controller": "launcher",
    "counter_app.ui": "ui",
    "counter_app.app": "app",
    "counter_app.cli": "cli",
    "counter_app.__main__": "cli",
    "counter_app": "base",  # the package's own __init__
}

_BELOW_UI = {
    "sync",
    "services",
    "outbox",
    "storage",
    "documents",
    "imaging",
    "settings",
    "devices",
    "province",
}
ALLOWED: dict[str, set[str]] = {
    "domain": set(),
    "base": {"domain"},
    "settings": {"domain", "base"},
    "storage": {"domain", "base"},
    "imaging": {"domain", "base"},
    "documents": {"domain", "base"},
    "devices": {"imaging", "domain", "base"},  # importing paper from files renders a PDF's pages
    "province": {"domain", "base"},
    "outbox": {"storage", "domain", "base"},
    "services": {"outbox", "storage", "documents", "imaging", "settings", "domain", "base"},
    "sync": {
        "services",
        "outbox",
        "province",
        "storage",
        "documents",
        "imaging",
        "settings",
        "domain",
        "base",
    },
    "reference_server": {"province", "domain", "base"},
    # Windows call services (and the sync runner's state); never the database, a device or the province.
    # Forms come from the services and are only shown and printed.
    "ui": {"services", "sync", "documents", "settings", "domain", "base"},
    "launcher": {"app", "ui", "services", "sync", "settings", "domain", "base"},
    "app": _BELOW_UI | {"domain", "base"},
    "cli": _BELOW_UI | {"app", "launcher", "ui", "domain", "base"},
}

# Single modules a layer may use although their layer is out of its reach, each with its reason.
EXCEPTIONS = {
    ("ui", "counter_app.imaging.pdf_render"): "the form viewer rasterises a PDF for the screen",
}


QT = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
QT_FREE = {
    "domain",
    "base",
    "settings",
    "storage",
    "imaging",
    "documents",
    "devices",
    "province",
    "outbox",
    "services",
    "sync",
    "reference_server",
    "app",
}


def layer_of(module: str) -> str:
    best = max(
        (prefix for prefix in LAYER_OF if module == prefix or module.startswith(prefix + ".")), key=len
    )
    return LAYER_OF[best]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.level:
                raise AssertionError(f"{path}: relative import (write the whole name)")
            submodules = {f"{node.module}.{alias.name}" for alias in node.names}
            submodules = {name for name in submodules if name.startswith("counter_app.") and _is_module(name)}
            # `from counter_app.sync import outbox` is an arrow to the submodule, not to the package
            names.update(submodules or {node.module})
    return names


def _sources() -> list[Path]:
    return [path for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts]


def _is_module(name: str) -> bool:
    relative = Path(*name.split(".")[1:]) if "." in name else Path()
    return (PACKAGE / relative).with_suffix(".py").exists() or (PACKAGE / relative / "__init__.py").exists()


def wrong_arrows() -> set[str]:
    found: set[str] = set()
    for path in _sources():
        here = _module_name(path)
        mine = layer_of(here)
        for name in _imports(path):
            if name.split(".")[0] in QT and mine in QT_FREE:
                found.add(f"{here} -> {name}")
            if not name.startswith("counter_app.") or not _is_module(name):
                continue
            if not allowed(here, name):
                found.add(f"{here} -> {name}")
    return found


def allowed(importer: str, imported: str) -> bool:
    mine, theirs = layer_of(importer), layer_of(imported)
    return theirs == mine or theirs in ALLOWED[mine] or (mine, imported) in EXCEPTIONS


def test_the_table_refuses_what_the_layers_forbid():
    """The checker itself: a few arrows it must refuse and a few it must let through."""
    refused = [
        ("counter_app.ui.counter.window", "counter_app.storage.database"),
        ("counter_app.ui.kiosk.window", "counter_app.devices.printer"),
        ("counter_app.ui.counter.window", "counter_app.app"),
        ("counter_app.ui.settings_dialog", "counter_app.sync.province.credentials"),
        ("counter_app.services.ticket_desk", "counter_app.devices.printer"),
        ("counter_app.services.queue", "counter_app.sync.service"),
        ("counter_app.documents.forms", "counter_app.services.intake"),
        ("counter_app.domain.queue", "counter_app.storage.models"),
        ("counter_app.settings", "counter_app.storage.database"),
        ("counter_app.sync.outbox", "counter_app.services.queue"),
    ]
    let_through = [
        ("counter_app.ui.counter.window", "counter_app.services.queue"),
        ("counter_app.services.queue", "counter_app.sync.outbox"),
        ("counter_app.sync.service", "counter_app.services.catalogue"),
        ("counter_app.app", "counter_app.devices.printer"),
        ("counter_app.ui.launcher", "counter_app.app"),
        ("counter_app.ui.common.form_viewer", "counter_app.imaging.pdf_render"),
    ]
    assert [arrow for arrow in refused if allowed(*arrow)] == []
    assert [arrow for arrow in let_through if not allowed(*arrow)] == []


def test_every_arrow_points_down():
    assert not sorted(wrong_arrows()), "imports against the layers (docs/architecture.md)"


def test_every_module_has_a_layer():
    for path in _sources():
        assert layer_of(_module_name(path)) in ALLOWED


def test_importing_the_core_loads_no_qt():
    modules = [
        _module_name(path)
        for path in _sources()
        if layer_of(_module_name(path)) in QT_FREE and path.name != "__main__.py"
    ]
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules)
    code += (
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))], 'Qt was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_the_pdf_renderer_loads_no_database():
    """Rendering a form needs the records, not SQLAlchemy (nor the outbox's hooks on every Session)."""
    code = (
        "import sys\nimport counter_app.documents.forms, counter_app.documents.csv_reports\n"
        "assert 'sqlalchemy' not in sys.modules, 'SQLAlchemy was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
