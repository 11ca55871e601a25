"""The browser extension's manifest: minimal permissions, and every icon it names exists at
the size it claims."""

from __future__ import annotations

import json
import struct
from pathlib import Path

EXTENSION = Path(__file__).resolve().parents[2] / "extension"


def manifest() -> dict[str, object]:
    loaded = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_permissions_are_the_minimal_set() -> None:
    data = manifest()
    assert data["manifest_version"] == 3
    assert set(data["permissions"]) == {"activeTab", "contextMenus", "storage", "scripting"}  # type: ignore[arg-type]
    assert data["host_permissions"] == ["http://127.0.0.1/*"]


def test_every_icon_exists_at_its_size() -> None:
    data = manifest()
    icons = dict(data["icons"])  # type: ignore[call-overload]
    action = data["action"]
    assert isinstance(action, dict)
    icons.update(action["default_icon"])
    assert {"16", "48", "128"} <= set(icons)
    for size, name in icons.items():
        assert png_size(EXTENSION / name) == (int(size), int(size)), name
