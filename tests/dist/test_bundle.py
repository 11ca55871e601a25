"""The bundle built by `make dist` runs on its own: version, import, search, the window."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.paths import resources_dir
from tests.dist.conftest import BUNDLE

EXECUTABLE = BUNDLE / ("reader.exe" if sys.platform == "win32" else "reader")


def run(*args: str, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    # Nothing from the build environment: the bundle must carry what it needs.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    argv = [str(EXECUTABLE), *(["--data-dir", str(data)] if data else []), *args]
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=300)


def test_the_bundle_was_built() -> None:
    assert EXECUTABLE.is_file(), "run `make dist` first"


def test_version_import_search(tmp_path: Path) -> None:
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("reader "), version.stderr
    samples = tmp_path / "samples"
    shutil.copytree(resources_dir() / "samples", samples)
    data = tmp_path / "library"
    imported = run("import", str(samples), data=data)
    assert imported.returncode == 0, imported.stderr
    assert "9 imported" in imported.stdout  # HTML (trafilatura), Markdown, legacy encodings
    # OpenCC's tables travel with the bundle: a Simplified query finds the Traditional text.
    found = run("search", "图书馆", "--json", data=data)
    assert found.returncode == 0, found.stderr
    assert "社區圖書館" in found.stdout


def test_the_window_draws(tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    result = run("gui", "--screenshot", str(shot), data=tmp_path / "library")
    assert result.returncode == 0, result.stderr
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 10_000, "an empty or blank window"


@pytest.mark.skipif(sys.platform != "linux", reason="the desktop file is Linux's")
def test_the_linux_bundle_carries_desktop_integration() -> None:
    desktop = (BUNDLE / "share" / "applications" / "article-reader.desktop").read_text("utf-8")
    assert "Exec=reader" in desktop and "Icon=article-reader" in desktop
    assert (BUNDLE / "share" / "metainfo" / "article-reader.metainfo.xml").is_file()
    assert (
        BUNDLE / "share" / "icons" / "hicolor" / "256x256" / "apps" / "article-reader.png"
    ).is_file()


def test_a_detached_backup_runs_in_the_bundle(tmp_path: Path) -> None:
    """A command's automatic backup is the bundle started again with `-m` and the backup
    module's arguments, which only the bundle's entry point understands."""
    data = tmp_path / "library"
    assert run("list", data=data).returncode == 0  # makes the library
    backups = data / "backups"
    before = set(backups.glob("*")) if backups.exists() else set()
    lock = data / "library.lock"
    args = [str(data / "library.sqlite3"), str(backups), str(lock), "0"]
    done = run("-m", "reader.services.backup_runs", *args)
    assert done.returncode == 0, done.stderr
    made = set(backups.glob("*")) - before
    assert any(path.name.endswith(".sqlite3") for path in made), sorted(p.name for p in made)
