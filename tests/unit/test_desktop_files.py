"""The Linux desktop file and AppStream metadata: well formed, and naming the same id the
window announces (so the desktop shows the right icon and name for the running window)."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

from reader.paths import resources_dir

LINUX = resources_dir() / "linux"
APP_ID = "article-reader"


def test_desktop_entry_has_what_launchers_need() -> None:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Name"] == "Reader"
    assert entry["Exec"].split()[0] == "reader" and entry["Icon"] == APP_ID
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"]
    # Qt names the X11 window class after the application name.
    assert entry["StartupWMClass"] == "Reader"


def test_metainfo_is_valid_xml_for_the_same_id() -> None:
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.find("description/p") is not None and root.findtext("metadata_license")
    assert root.find("releases/release") is not None


def test_the_window_announces_the_same_id() -> None:
    import reader.gui.application as application

    source = Path(application.__file__).read_text(encoding="utf-8")
    assert f'setDesktopFileName("{APP_ID}")' in source
