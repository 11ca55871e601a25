"""The system libraries Qt's X11 (xcb) plugin needs, and the one command that installs them.

Qt aborts with "could not load the Qt platform plugin xcb" and names none of them, so the
check runs before the QApplication exists (and from `make run`). It never imports PySide6.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# Library stem → (Debian/Ubuntu package, Fedora package). The stems are what `ldd` reports
# for PySide6's libqxcb.so on a minimal install; the xcb-util ones are the usual culprits.
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util": ("libxcb-util1", "xcb-util"),
    "libxkbcommon-x11": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon": ("libxkbcommon0", "libxkbcommon"),
    "libxcb-xkb": ("libxcb-xkb1", "libxcb"),
    "libxcb-randr": ("libxcb-randr0", "libxcb"),
    "libxcb-shape": ("libxcb-shape0", "libxcb"),
    "libxcb-shm": ("libxcb-shm0", "libxcb"),
    "libxcb-sync": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes": ("libxcb-xfixes0", "libxcb"),
    "libxcb-render": ("libxcb-render0", "libxcb"),
    "libxcb-xinerama": ("libxcb-xinerama0", "libxcb"),
    "libxcb-xinput": ("libxcb-xinput0", "libxcb"),
    "libxcb": ("libxcb1", "libxcb"),
    "libX11-xcb": ("libx11-xcb1", "libX11-xcb"),
    "libX11": ("libx11-6", "libX11"),
    "libEGL": ("libegl1", "libglvnd-egl"),
    "libGL": ("libgl1", "libglvnd-glx"),
    "libOpenGL": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig": ("libfontconfig1", "fontconfig"),
    "libfreetype": ("libfreetype6", "freetype"),
    "libdbus-1": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0": ("libglib2.0-0", "glib2"),
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def qxcb_plugin() -> Path | None:
    """PySide6's X11 platform plugin, found without importing PySide6 (which needs nothing)."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def missing_libraries(plugin: Path) -> list[str]:
    """The shared libraries the plugin needs that the dynamic loader cannot find."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return []  # cannot tell; Qt's own message will have to do
    try:
        done = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted(set(_NOT_FOUND.findall(done.stdout)))


def _stem(soname: str) -> str:
    return soname.split(".so", 1)[0]


def install_command(missing: list[str], os_release: str | None = None) -> str:
    """The one command (for this distribution when known) that installs the missing ones."""
    debian = sorted({PACKAGES.get(_stem(n), (n, n))[0] for n in missing})
    fedora = sorted({PACKAGES.get(_stem(n), (n, n))[1] for n in missing})
    apt = "sudo apt-get install " + " ".join(debian)
    dnf = "sudo dnf install " + " ".join(fedora)
    family = _distribution_family(os_release)
    if family == "debian":
        return apt
    if family == "fedora":
        return dnf
    return f"{apt}   (Debian, Ubuntu)\n  {dnf}   (Fedora)"


def _distribution_family(os_release: str | None) -> str:
    if os_release is None:
        try:
            os_release = Path("/etc/os-release").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
    ids = " ".join(
        line.split("=", 1)[1].strip().strip('"').lower()
        for line in os_release.splitlines()
        if line.startswith(("ID=", "ID_LIKE="))
    ).split()
    if {"debian", "ubuntu"} & set(ids):
        return "debian"
    if {"fedora", "rhel", "centos"} & set(ids):
        return "fedora"
    return ""


def problem_message(missing: list[str]) -> str:
    return (
        "the window cannot open: Qt's X11 plugin needs system libraries that are missing ("
        + ", ".join(missing)
        + "). Install them with:\n  "
        + install_command(missing)
    )


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt is about to load its xcb plugin: Linux, an X display, no other platform."""
    if not platform.startswith("linux") or not environ.get("DISPLAY"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0]
    if chosen:
        return chosen == "xcb"
    return not environ.get("WAYLAND_DISPLAY")  # Qt prefers Wayland when both are there


def check(environ: Mapping[str, str] | None = None, plugin: Path | None = None) -> str | None:
    """A clear message when the window would fail to open for want of libraries, else None."""
    if not uses_xcb(os.environ if environ is None else environ):
        return None
    plugin = plugin or qxcb_plugin()
    missing = missing_libraries(plugin) if plugin is not None else []
    return problem_message(missing) if missing else None


def main() -> int:
    """`python -m reader.gui.system_libs`: used by `make run` before it starts the window."""
    problem = check()
    if problem is not None:
        print(f"reader: error: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
