"""Two `reader import` processes writing one library at once both succeed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.test_cli import reader


def _articles(folder: Path, prefix: str, count: int) -> None:
    folder.mkdir(parents=True)
    for n in range(count):
        (folder / f"{prefix}-{n}.txt").write_text(
            f"{prefix} 第{n}号文章\n\n这是{prefix}批次的第{n}篇文章,用于并发导入测试。\n\n"
            f"Concurrent import article {prefix} {n}.\n",
            encoding="utf-8",
        )


@pytest.mark.slow
def test_two_importers_at_once(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    _articles(tmp_path / "a", "甲", 40)
    _articles(tmp_path / "b", "乙", 40)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "reader", "--data-dir", str(lib), "import", str(tmp_path / x)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for x in ("a", "b")
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    assert len(json.loads(reader(lib, "list", "--json", check=True).stdout)) == 80
    found = json.loads(
        reader(lib, "search", "乙批次", "--limit", "100", "--json", check=True).stdout
    )
    assert len(found) == 40
