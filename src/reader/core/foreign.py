"""Highlights read from other tools (Hypothesis, Kindle, Zotero…): one shape for every source."""

from __future__ import annotations

import colorsys
import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from reader.core.annotation import Color, TextQuoteSelector
from reader.core.text import normalize_text

# The tools whose files `annotations import --from` reads, by the names it spells them
# (each has its parser in reader.importers.annotations; listed here for the command line's
# choices without loading the parsers).
TOOLS = ("hypothesis", "readwise", "kindle", "koreader", "obsidian", "zotero")

# The hue (degrees) each colour of our palette is drawn with; a foreign colour goes to the nearest.
_PALETTE_HUES = {
    Color.YELLOW: 55.0,
    Color.GREEN: 120.0,
    Color.BLUE: 215.0,
    Color.PURPLE: 275.0,
    Color.PINK: 330.0,
}
# Colour names the tools use (Readwise, KOReader, Kindle), as RGB.
_NAMED = {
    "yellow": "#ffd400",
    "orange": "#ff9900",
    "red": "#ff4040",
    "green": "#5fb236",
    "olive": "#889944",
    "cyan": "#22bbcc",
    "blue": "#2ea8e5",
    "purple": "#a28ae5",
    "violet": "#a28ae5",
    "magenta": "#e56eee",
    "pink": "#ff6fa8",
    "gray": "#aaaaaa",
    "grey": "#aaaaaa",
}
# Below this saturation a colour has no hue worth matching (grey, white): the default colour.
_GREY = 0.15


@dataclass(frozen=True)
class ForeignKey:
    """What another tool says about the article or book a highlight belongs to."""

    url: str | None = None
    title: str | None = None
    author: str | None = None

    def label(self) -> str:
        return self.title or self.url or "(untitled)"

    def to_json(self) -> dict[str, str | None]:
        return {"url": self.url, "title": self.title, "author": self.author}


@dataclass(frozen=True)
class ForeignHighlight:
    """One highlight as another tool exported it, before it is matched to an article.

    `book` marks highlights made on a device's book (Kindle, KOReader): when the book is not in
    the library, a book entry is made of its quotes so that they anchor somewhere.
    """

    source: str  # the format name: "hypothesis", "kindle"…
    key: ForeignKey
    quote: str
    source_id: str | None = None
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    tags: tuple[str, ...] = ()
    source_color: str | None = None
    created: datetime | None = None
    location: str | None = None
    book: bool = False

    @property
    def color(self) -> Color:
        return nearest_color(self.source_color)

    @property
    def selector(self) -> TextQuoteSelector:
        return TextQuoteSelector(self.quote, self.prefix, self.suffix)

    @property
    def uid(self) -> str:
        """Stable across imports of the same file (or a later export of the same tool)."""
        if self.source_id:
            seed = f"reader-import:{self.source}:{self.source_id}"
        else:
            made = self.created.isoformat() if self.created else ""
            parts = (self.source, self.key.url or "", self.key.title or "", self.quote, made)
            seed = "reader-import:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
        return str(uuid.uuid5(uuid.NAMESPACE_URL, seed))


def clean_quote(text: str) -> str:
    """A quote as our texts hold it: normalized, paragraphs kept, no surrounding space."""
    return normalize_text(text).strip()


def nearest_color(spec: str | None) -> Color:
    """The palette colour nearest in hue to a tool's colour (a name or #rrggbb)."""
    rgb = _rgb(spec) if spec else None
    if rgb is None:
        return Color.YELLOW
    hue, _light, saturation = colorsys.rgb_to_hls(*rgb)
    if saturation < _GREY:
        return Color.YELLOW
    degrees = hue * 360

    def distance(color: Color) -> float:
        gap = abs(degrees - _PALETTE_HUES[color])
        return min(gap, 360 - gap)

    return min(_PALETTE_HUES, key=distance)


def _rgb(spec: str) -> tuple[float, float, float] | None:
    value = spec.strip().lower()
    value = _NAMED.get(value, value)
    if value.startswith("#"):
        value = value[1:]
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    if len(value) != 6:
        return None
    try:
        number = int(value, 16)
    except ValueError:
        return None
    return ((number >> 16) / 255, ((number >> 8) & 255) / 255, (number & 255) / 255)


def utc(moment: datetime) -> datetime:
    """A time with a zone (UTC when the tool gave none)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
