"""Reading preferences (font, size, typography, theme, zoom), kept in QSettings."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QSettings

from reader.gui.style import THEME_CHOICES

FONT_CHOICES = ("serif", "sans", "installed")  # "installed": the family the reader chose
MIN_SIZE, MAX_SIZE = 9, 32
# Typography, in hundredths of the font size (line height, paragraph gap) and in ems (column).
LINE_HEIGHT_RANGE, PARAGRAPH_RANGE, MEASURE_RANGE = (120, 250), (0, 200), (20, 60)
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


# The CJK faces of each script, put first for an article in that language: quotes and marks
# that Latin faces also have (“ ” ‘ ’ … — ·) are then drawn full width by the CJK face, as
# CJK typography wants, and characters take their own region's forms (Japanese 直, not
# Chinese). Latin words in such an article use the CJK face's Latin letters.
CJK_FAMILIES = {
    "serif": {
        "zh-Hans": ["Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun"],
        "zh-Hant": ["Noto Serif CJK TC", "Source Han Serif TC", "Songti TC", "PMingLiU"],
        "ja": ["Noto Serif CJK JP", "Source Han Serif JP", "Hiragino Mincho ProN", "Yu Mincho"],
        "ko": ["Noto Serif CJK KR", "Source Han Serif K", "AppleMyungjo", "Batang"],
    },
    "sans": {
        "zh-Hans": ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei"],
        "zh-Hant": ["Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei"],
        "ja": ["Noto Sans CJK JP", "Source Han Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo"],
        "ko": ["Noto Sans CJK KR", "Source Han Sans K", "Apple SD Gothic Neo", "Malgun Gothic"],
    },
}
_TRADITIONAL_REGIONS = ("-tw", "-hk", "-mo", "-hant")


def cjk_script(language: str | None) -> str | None:
    """The CJK_FAMILIES key for a language tag (zh-Hant, zh-TW → zh-Hant), or None."""
    tag = (language or "").lower()
    if tag == "zh" or tag.startswith("zh-"):
        return "zh-Hant" if tag.endswith(_TRADITIONAL_REGIONS) else "zh-Hans"
    for script in ("ja", "ko"):
        if tag == script or tag.startswith(f"{script}-"):
            return script
    return None


@dataclass(frozen=True)
class ReadingPreferences:
    """How the reading pane shows an article."""

    font: str = "serif"
    size: int = 14  # points, before zoom
    theme: str = "system"
    zoom: int = 100  # percent
    family: str = ""  # an installed font family, used when font == "installed"
    line_height: int = 175  # percent of the font size
    paragraph_spacing: int = 80  # space after a paragraph, percent of the font size
    measure: int = 38  # the longest line in ems: about 38 CJK characters or 75 Latin letters

    @property
    def families(self) -> list[str]:
        if self.font == "installed" and self.family:
            # The chosen face first; the serif list after it keeps CJK text in a CJK face.
            return [self.family, *FONT_FAMILIES["serif"]]
        return FONT_FAMILIES.get(self.font, FONT_FAMILIES["serif"])

    def families_for(self, language: str | None) -> list[str] | None:
        """The faces for an article in `language` when they differ from `families`: its
        script's CJK faces first; None for other languages."""
        script = cjk_script(language)
        if script is None:
            return None
        first = CJK_FAMILIES.get(self.font, CJK_FAMILIES["serif"])[script]
        return first + [name for name in self.families if name not in first]

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
            family=str(settings.value("reading/family", default.family)),
            line_height=_bounded(
                settings.value("reading/line_height"), default.line_height, *LINE_HEIGHT_RANGE
            ),
            paragraph_spacing=_bounded(
                settings.value("reading/paragraph_spacing"),
                default.paragraph_spacing,
                *PARAGRAPH_RANGE,
            ),
            measure=_bounded(settings.value("reading/measure"), default.measure, *MEASURE_RANGE),
        )

    def save(self, settings: QSettings) -> None:
        settings.setValue("reading/font", self.font)
        settings.setValue("reading/size", self.size)
        settings.setValue("reading/theme", self.theme)
        settings.setValue("reading/zoom", self.zoom)
        settings.setValue("reading/family", self.family)
        settings.setValue("reading/line_height", self.line_height)
        settings.setValue("reading/paragraph_spacing", self.paragraph_spacing)
        settings.setValue("reading/measure", self.measure)


def _bounded(value: object, default: int, low: int, high: int) -> int:
    # QSettings hands back strings from INI files and ints from the registry.
    try:
        number = int(str(value))
    except ValueError:
        return default
    return max(low, min(high, number))
