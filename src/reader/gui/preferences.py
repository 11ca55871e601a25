"""Reading preferences (font, size, theme, zoom), kept in QSettings beside the window state."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QSettings

from reader.gui.style import THEME_CHOICES

FONT_CHOICES = ("serif", "sans")
MIN_SIZE, MAX_SIZE = 9, 32
MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = 50, 300, 10

# Latin faces first so that English reads in a text face; Qt falls back along the list, per
# character, for the CJK text (Noto/Source Han on Linux, PingFang/Songti on macOS, YaHei/SimSun
# on Windows).
FONT_FAMILIES = {
    "serif": [
        "Charter",
        "Georgia",
        "Cambria",
        "Noto Serif",
        "DejaVu Serif",
        "Noto Serif CJK SC",
        "Source Han Serif SC",
        "Songti SC",
        "SimSun",
        "Noto Sans CJK SC",
        "Source Han Sans",
        "PingFang SC",
        "Microsoft YaHei",
        "serif",
    ],
    "sans": [
        "Segoe UI",
        "Helvetica Neue",
        "Noto Sans",
        "Cantarell",
        "DejaVu Sans",
        "Noto Sans CJK SC",
        "Source Han Sans",
        "Source Han Sans SC",
        "PingFang SC",
        "Microsoft YaHei",
        "sans-serif",
    ],
}


@dataclass(frozen=True)
class ReadingPreferences:
    """How the reading pane shows an article."""

    font: str = "serif"
    size: int = 14  # points, before zoom
    theme: str = "system"
    zoom: int = 100  # percent

    @property
    def families(self) -> list[str]:
        return FONT_FAMILIES.get(self.font, FONT_FAMILIES["serif"])

    @property
    def effective_size(self) -> float:
        return self.size * self.zoom / 100

    def zoomed(self, steps: int) -> ReadingPreferences:
        """Zoom in (positive) or out (negative) by steps; zero steps resets to 100%."""
        zoom = 100 if steps == 0 else self.zoom + steps * ZOOM_STEP
        return replace(self, zoom=max(MIN_ZOOM, min(MAX_ZOOM, zoom)))

    @classmethod
    def load(cls, settings: QSettings) -> ReadingPreferences:
        default = cls()
        font = str(settings.value("reading/font", default.font))
        theme = str(settings.value("reading/theme", default.theme))
        return cls(
            font=font if font in FONT_CHOICES else default.font,
            size=_bounded(settings.value("reading/size"), default.size, MIN_SIZE, MAX_SIZE),
            theme=theme if theme in THEME_CHOICES else default.theme,
            zoom=_bounded(settings.value("reading/zoom"), default.zoom, MIN_ZOOM, MAX_ZOOM),
        )

    def save(self, settings: QSettings) -> None:
        settings.setValue("reading/font", self.font)
        settings.setValue("reading/size", self.size)
        settings.setValue("reading/theme", self.theme)
        settings.setValue("reading/zoom", self.zoom)


def _bounded(value: object, default: int, low: int, high: int) -> int:
    # QSettings hands back strings from INI files and ints from the registry.
    try:
        number = int(str(value))
    except ValueError:
        return default
    return max(low, min(high, number))
