"""The standalone bundle's smoke tests: run with READER_DIST_TESTS=1 after `make dist` (what
`.ci/run` does on Linux); collected only then."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ENABLED = os.environ.get("READER_DIST_TESTS") == "1"
BUNDLE = Path(__file__).resolve().parents[2] / "dist" / "reader"

if not ENABLED:
    collect_ignore_glob = ["test_*.py"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.dist)
