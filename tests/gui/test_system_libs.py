"""The xcb check: a plugin whose libraries are missing gives the one install command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.gui import system_libs

PLUGIN = system_libs.qxcb_plugin()
needs_linux_plugin = pytest.mark.skipif(
    PLUGIN is None or not sys.platform.startswith("linux") or shutil.which("ldd") is None,
    reason="needs Linux, ldd and PySide6's xcb plugin",
)


def doctored_plugin(tmp_path: Path) -> Path:
    """A real copy of libqxcb.so whose needed libxcb-cursor.so.0 and libxcb-icccm.so.4 are
    renamed in place (same length) to versions no system has: ldd reports them missing."""
    assert PLUGIN is not None
    data = PLUGIN.read_bytes()
    for name in (b"libxcb-cursor.so.0\0", b"libxcb-icccm.so.4\0"):
        assert name in data
        data = data.replace(name, name[:-2] + b"9\0")
    # The same layout as PySide6's, so the plugin's $ORIGIN run path still finds Qt's own libs.
    qt = tmp_path / "Qt"
    (qt / "plugins" / "platforms").mkdir(parents=True)
    (qt / "lib").symlink_to(PLUGIN.parents[2] / "lib")
    copy = qt / "plugins" / "platforms" / "libqxcb.so"
    copy.write_bytes(data)
    return copy


@needs_linux_plugin
def test_missing_libraries_are_named_with_the_install_command(tmp_path: Path) -> None:
    plugin = doctored_plugin(tmp_path)
    assert system_libs.missing_libraries(plugin) == ["libxcb-cursor.so.9", "libxcb-icccm.so.9"]
    message = system_libs.check({"DISPLAY": ":0"}, plugin)
    assert message is not None
    assert "libxcb-cursor.so.9" in message
    # This machine's distribution decides which of the two; both name the same packages.
    assert (
        "apt-get install libxcb-cursor0 libxcb-icccm4" in message
        or "dnf install xcb-util-cursor xcb-util-wm" in message
    )


def test_the_command_fits_the_distribution() -> None:
    missing = ["libxcb-keysyms.so.1", "libxkbcommon-x11.so.0"]
    ubuntu = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n'
    fedora = 'NAME="Fedora Linux"\nID=fedora\n'
    arch = "ID=arch\n"
    apt = "sudo apt-get install libxcb-keysyms1 libxkbcommon-x11-0"
    dnf = "sudo dnf install libxkbcommon-x11 xcb-util-keysyms"
    assert system_libs.install_command(missing, ubuntu) == apt
    assert system_libs.install_command(missing, fedora) == dnf
    assert apt in system_libs.install_command(missing, arch)
    assert dnf in system_libs.install_command(missing, arch)


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", False),
        ({"DISPLAY": ":0"}, "darwin", False),
    ],
)
def test_only_an_xcb_start_is_checked(
    environ: dict[str, str], platform: str, expected: bool
) -> None:
    assert system_libs.uses_xcb(environ, platform) is expected


@needs_linux_plugin
def test_the_window_refuses_to_start_with_the_message(tmp_path: Path) -> None:
    """`reader gui` in a fresh process: the check runs before Qt loads (and aborts on) xcb."""
    plugin = doctored_plugin(tmp_path)
    script = (
        "import sys, pathlib\n"
        "from reader.gui import system_libs, application\n"
        f"system_libs.qxcb_plugin = lambda: pathlib.Path({str(plugin)!r})\n"
        "from reader.paths import DataPaths\n"
        f"sys.exit(application.run(DataPaths(pathlib.Path({str(tmp_path / 'lib')!r})), []))\n"
    )
    env = {**os.environ, "DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert done.stderr.startswith("reader: error: the window cannot open")
    assert "libxcb-cursor.so.9" in done.stderr
    assert "Traceback" not in done.stderr
