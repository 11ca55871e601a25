"""The real-display suite: its own Xvfb and openbox, Qt's xcb platform, keyboard flows.

Qt chooses its platform once per process and the rest of the suite runs offscreen, so these
tests are collected only in a pytest process of their own: `READER_DISPLAY_TESTS=1 pytest -m
display tests/display` (what `.ci/run` does after the offscreen suite).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ENABLED = os.environ.get("READER_DISPLAY_TESTS") == "1"
SCREEN = "1440x900x24"
START_TIMEOUT_S = 15.0

if not ENABLED:
    collect_ignore_glob = ["test_*.py"]
else:
    # Before any QApplication exists: this process talks to the X server started below.
    os.environ["QT_QPA_PLATFORM"] = "xcb"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.display)


def _wait_for(done: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while not done():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start within {START_TIMEOUT_S:.0f} s")
        time.sleep(0.05)


def _start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on the first free display number (it writes the number it took to a pipe)."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        raise RuntimeError("Xvfb did not report a display number")
    return server, f":{number}"


def _window_manager_running(display: str) -> bool:
    done = subprocess.run(
        ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=False,
    )
    return "window id" in done.stdout


@pytest.fixture(scope="session", autouse=True)
def x_display() -> Iterator[str]:
    """An X server with a window manager, for the whole display session."""
    missing = [tool for tool in ("Xvfb", "openbox", "xprop") if shutil.which(tool) is None]
    if missing:
        pytest.skip(
            f"the real-display tests need {', '.join(missing)} "
            "(Debian: apt-get install xvfb openbox x11-utils)"
        )
    server, display = _start_xvfb()
    manager = subprocess.Popen(
        ["openbox", "--sm-disable"],
        env={**os.environ, "DISPLAY": display},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(lambda: _window_manager_running(display), "openbox")
        os.environ["DISPLAY"] = display
        yield display
    finally:
        for process in (manager, server):
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()


# The window tests' fixtures (a small library, scratch settings, the shown window).
from tests.gui.conftest import (  # noqa: E402, F401
    _filled_library,
    data_dir,
    filled,
    settings,
    window,
)
