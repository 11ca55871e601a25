"""Running the `reader` command in tests: in-process by default (fast, debuggable), as a real
process only where process behaviour is the point (exit on signals, two processes at once)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from reader.cli.main import main


def reader(
    data_dir: Path, *args: str, check: bool = False, process: bool = False
) -> subprocess.CompletedProcess[str]:
    argv = ["--data-dir", str(data_dir), *args]
    result = _in_a_process(argv) if process else _in_process(argv)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def _in_process(argv: list[str]) -> subprocess.CompletedProcess[str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse's usage errors exit 2, as the real command does
            code = exc.code if isinstance(exc.code, int) else 1
    return subprocess.CompletedProcess(["reader", *argv], code, out.getvalue(), err.getvalue())


def _in_a_process(argv: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("READER_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "reader", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
