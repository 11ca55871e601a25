"""The dependency rules hold: the core never loads Qt, and only search loads Whoosh."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _loaded_after(statement: str) -> set[str]:
    code = f"{statement}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return {name.split(".")[0] for name in out.stdout.split()}


def test_library_and_cli_do_not_load_qt() -> None:
    loaded = _loaded_after("import reader.services.library, reader.cli.main")
    assert "PySide6" not in loaded
    # Whoosh is loaded only when the index is first used, so `reader list` starts fast.
    assert "whoosh" not in loaded


def test_import_contracts() -> None:
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is part of the dev extras that `make test` installs"
    proc = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
