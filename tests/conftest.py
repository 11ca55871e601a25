"""Test harness: offscreen Qt, the automatic `gui` marker, shared fixtures."""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the user's real library.
os.environ.pop("READER_DATA_DIR", None)

from reader.paths import DataPaths
from reader.services.library import Library

DATA = Path(__file__).parent / "data"

# CI runs the property tests with a fixed seed so that a red build always reproduces; at a
# desk they explore new examples each run. Timing is checked by the tests that care about it,
# not by hypothesis' per-example deadline (a loaded 2-core machine trips it).
settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None)
# `pytest --hypothesis-profile=thorough` for a long search before a release.
settings.register_profile("thorough", max_examples=2000, deadline=None)
if not any(arg.startswith("--hypothesis-profile") for arg in sys.argv):
    settings.load_profile("ci" if os.environ.get("CI") else "dev")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "library"


@pytest.fixture(scope="session")
def _new_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new library's data folder as Reader leaves it after its first open and close."""
    root = tmp_path_factory.mktemp("new-library") / "library"
    Library(DataPaths(root)).close()
    return root


@pytest.fixture
def library(data_dir: Path, _new_library: Path) -> Iterator[Library]:
    """A new library of the test's own: a copy of one made once per session (running every
    migration with its fsyncs for each of a thousand tests was a good part of the suite's
    time). The tests of creating and migrating a library make theirs themselves, and a
    folder a test prepared beforehand is opened as it is."""
    if not data_dir.exists():
        shutil.copytree(_new_library, data_dir)
    lib = Library(DataPaths(data_dir))
    yield lib
    lib.close()


@pytest.fixture(autouse=True)
def _fail_on_unexpected_logs(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """A warning or error logged by our package fails the test unless it says it expects one
    (`@pytest.mark.logs`): such a log line is a user-visible problem or a hidden bug."""
    yield
    if request.node.get_closest_marker("logs") is not None:
        return
    unexpected = [
        f"{r.levelname} {r.name}: {r.getMessage()}"
        for when in ("setup", "call")
        for r in caplog.get_records(when)  # type: ignore[arg-type]
        if r.levelno >= logging.WARNING and r.name.split(".")[0] == "reader"
    ]
    if unexpected:
        pytest.fail("unexpected log records:\n" + "\n".join(unexpected), pytrace=False)
