"""The core must stay Qt-free: checked by import-linter and, independently, by importing it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import opinionkit.core

ROOT = Path(__file__).resolve().parents[2]


def test_import_linter_contracts_hold():
    result = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_importing_every_core_module_loads_no_qt():
    names = [m.name for m in pkgutil.walk_packages(opinionkit.core.__path__, "opinionkit.core.")]
    code = "import sys\n" + "".join(f"import {n}\n" for n in names) + (
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'opinionkit.ui', 'opinionkit.render'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_renderer_loads_no_qtwidgets():
    code = (
        "import sys, opinionkit.render\n"
        "assert 'PySide6.QtWidgets' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
