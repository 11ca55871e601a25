"""Colour themes of the reading pane (light, sepia, dark) and the matching window palette."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEME_CHOICES = ("system", "light", "sepia", "dark")


@dataclass(frozen=True)
class Theme:
    """Colours of one reading theme, as CSS hex strings."""

    name: str
    dark: bool
    background: str
    text: str
    secondary: str
    link: str
    rule: str
    term: str  # search terms found in the article
    find: str  # find-in-article matches
    find_current: str
    code_background: str  # inline code and code blocks: a tint just off the page colour


THEMES = {
    "light": Theme(
        name="light",
        dark=False,
        background="#ffffff",
        text="#1f2328",
        secondary="#6a717b",
        link="#1f5fbf",
        rule="#e3e5e8",
        term="#ffe58f",
        find="#cfe3ff",
        find_current="#ffb347",
        code_background="#f3f4f6",
    ),
    "sepia": Theme(
        name="sepia",
        dark=False,
        background="#f6efe0",
        text="#3b3024",
        secondary="#857562",
        link="#8a4b14",
        rule="#e2d6bf",
        term="#f5d67a",
        find="#e3d3b0",
        find_current="#f0a046",
        code_background="#ede3cf",
    ),
    "dark": Theme(
        name="dark",
        dark=True,
        background="#1c1d21",
        text="#dcdde0",
        secondary="#8e929a",
        link="#7cb0ff",
        rule="#33353b",
        term="#6b5714",
        find="#274673",
        find_current="#a15c12",
        code_background="#26282d",
    ),
}


# Highlight colours by palette name (core.annotation.Color): a hue per name, laid translucently
# over the page so text keeps its own colour. Dark pages take deeper hues at lower opacity,
# which keeps light text readable on them; light and sepia pages take paler, brighter ones.
HIGHLIGHT_HUES = {
    False: {
        "yellow": ("#ffd400", 110),
        "green": ("#5fd068", 95),
        "blue": ("#5aa9ff", 90),
        "pink": ("#ff6fa8", 85),
        "purple": ("#a77bff", 85),
    },
    True: {
        "yellow": ("#d9b200", 95),
        "green": ("#3fa650", 100),
        "blue": ("#3b82d6", 110),
        "pink": ("#d64f8a", 105),
        "purple": ("#8a63d9", 110),
    },
}


def highlight_colour(theme: Theme, name: str) -> QColor:
    """The translucent background of a highlight of the named colour in a theme."""
    hue, alpha = HIGHLIGHT_HUES[theme.dark].get(name, HIGHLIGHT_HUES[theme.dark]["yellow"])
    colour = QColor(hue)
    colour.setAlpha(alpha)
    return colour


def swatch_colour(name: str) -> QColor:
    """An opaque colour for a palette entry in menus, buttons and lists."""
    return QColor(HIGHLIGHT_HUES[False].get(name, ("#ffd400", 255))[0])


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark


def resolve_theme(choice: str) -> Theme:
    """The theme for a preference: "system" follows the platform's colour scheme."""
    if choice in THEMES:
        return THEMES[choice]
    return THEMES["dark" if system_is_dark() else "light"]


def dark_palette() -> QPalette:
    """A window palette for an explicit dark choice when the platform itself is light."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2c31",
        QPalette.ColorRole.WindowText: "#dcdde0",
        QPalette.ColorRole.Base: "#1c1d21",
        QPalette.ColorRole.AlternateBase: "#26272c",
        QPalette.ColorRole.ToolTipBase: "#2c2d32",
        QPalette.ColorRole.ToolTipText: "#dcdde0",
        QPalette.ColorRole.PlaceholderText: "#7c8088",
        QPalette.ColorRole.Text: "#dcdde0",
        QPalette.ColorRole.Button: "#34353b",
        QPalette.ColorRole.ButtonText: "#dcdde0",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#2f5d9e",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#7cb0ff",
        QPalette.ColorRole.Light: "#3a3b41",
        QPalette.ColorRole.Midlight: "#303137",
        QPalette.ColorRole.Mid: "#2a2b30",
        QPalette.ColorRole.Dark: "#141518",
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, value in colours.items():
        palette.setColor(role, QColor(value))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6c7078"))
    return palette


def secondary_text(palette: QPalette) -> QColor:
    """A dimmer text colour for counts and snippets, readable on the palette's base."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return QColor(
        (text.red() * 3 + base.red() * 2) // 5,
        (text.green() * 3 + base.green() * 2) // 5,
        (text.blue() * 3 + base.blue() * 2) // 5,
    )


def read_text(palette: QPalette) -> QColor:
    """Titles already read: dimmer than unread ones (which are also heavier and dotted), still
    brighter than secondary text, in every theme."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return QColor(
        (text.red() * 7 + base.red() * 3) // 10,
        (text.green() * 7 + base.green() * 3) // 10,
        (text.blue() * 7 + base.blue() * 3) // 10,
    )


class WindowPalette:
    """Switches the window palette with the theme, remembering what the platform gave us."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._platform = app.palette()
        self._overridden = False

    @property
    def platform_dark(self) -> bool:
        return self._platform.color(QPalette.ColorRole.Window).lightness() < 128

    def apply(self, theme: Theme) -> None:
        """A dark reading theme wants a dark window, a light one a light window."""
        if theme.dark and not self.platform_dark:
            self._app.setPalette(dark_palette())
        elif not theme.dark and self.platform_dark:
            self._app.setPalette(self._app.style().standardPalette())
        else:
            self._app.setPalette(self._platform)
        self._overridden = theme.dark != self.platform_dark

    def platform_changed(self) -> None:
        """The system switched between light and dark: remember its new palette."""
        if not self._overridden:
            self._platform = self._app.palette()
