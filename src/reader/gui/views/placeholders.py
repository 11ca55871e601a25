"""What the pane shows for a web image that was never saved: a box with its alt text."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen

from reader.gui.painting import painting

# A placeholder's name, as the importers write it (importers/local_images.py).
WEB_IMAGE = re.compile(r"(?:assets/)?(web-[0-9a-f]{32}\.png)")
_IMG = re.compile(r"<img\b[^>]*>")
_SOURCE = re.compile(r'\ssrc="(?:assets/)?(web-[0-9a-f]{32}\.png)"')
_ALT = re.compile(r'\salt="([^"]*)"')
MAX_WIDTH = 520
MIN_WIDTH = 120  # as first drawn; narrowed to fit a table, down to SMALLEST_WIDTH
SMALLEST_WIDTH = 48
ALT_LINES = 3  # a narrowed box wraps its alt text on up to this many lines
# Kept in the image itself, so that whoever narrows it can draw it again at the new width
# (scaled, its text would shrink with it).
ALT_KEY = "reader-placeholder-alt"


def web_image_alts(html: str) -> dict[str, str]:
    """The alt text of each web image placeholder in sanitized article HTML, by asset name."""
    alts: dict[str, str] = {}
    for tag in _IMG.findall(html):
        source = _SOURCE.search(tag)
        if source is not None:
            alt = _ALT.search(tag)
            alts[source.group(1)] = _unescape(alt.group(1)) if alt else ""
    return alts


def _unescape(text: str) -> str:
    for escaped, plain in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&amp;", "&")):
        text = text.replace(escaped, plain)
    return text


def placeholder_image(
    alt: str, width: int, font: QFont, text: QColor, line: QColor, *, smallest: int = MIN_WIDTH
) -> QImage:
    """A dashed box holding the alt text and how to get the image; narrower than the alt
    text, the box grows taller and wraps it, at the same size of type."""
    width = max(smallest, SMALLEST_WIDTH, min(width, MAX_WIDTH))
    shown = alt.strip() or QCoreApplication.translate("ReadingPane", "Image")
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
    metrics = QFontMetrics(font)
    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
    inner = max(1, width - 24)
    wrapped = metrics.boundingRect(QRect(0, 0, inner, 10_000), flags, shown).height()
    alt_height = max(24, min(wrapped, ALT_LINES * metrics.lineSpacing()))
    image = QImage(width, alt_height + 36, QImage.Format.Format_ARGB32_Premultiplied)
    image.setText(ALT_KEY, alt or " ")  # never empty: an empty text is no text
    image.fill(Qt.GlobalColor.transparent)
    first = shown if wrapped <= alt_height else _clipped(shown, metrics, inner, alt_height)
    hint = QCoreApplication.translate(
        "ReadingPane", "Not downloaded (Article \u25b8 Download Images)"
    )
    second = QFontMetrics(small).elidedText(hint, Qt.TextElideMode.ElideRight, inner)
    with painting(image) as painter:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(line, 1, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(image.rect().adjusted(1, 1, -1, -1), 6, 6)
        painter.setPen(text)
        painter.setFont(font)
        middle = flags | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRect(12, 8, inner, alt_height), middle, first)
        painter.setFont(small)
        painter.drawText(QRect(12, alt_height + 8, inner, 20), middle, second)
    return image


def _clipped(text: str, metrics: QFontMetrics, width: int, height: int) -> str:
    """`text` cut at a word, with an ellipsis, to fit `height` when wrapped in `width`."""
    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
    words = text.split()
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words) + "\u2026"
        if metrics.boundingRect(QRect(0, 0, width, 10_000), flags, candidate).height() <= height:
            return candidate
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
