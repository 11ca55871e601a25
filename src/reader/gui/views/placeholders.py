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
MAX_WIDTH, HEIGHT = 520, 60


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


def placeholder_image(alt: str, width: int, font: QFont, text: QColor, line: QColor) -> QImage:
    """A dashed box holding the alt text and how to get the image."""
    width = max(120, min(width, MAX_WIDTH))
    image = QImage(width, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    with painting(image) as painter:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(line, 1, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(image.rect().adjusted(1, 1, -1, -1), 6, 6)
        painter.setPen(text)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        shown = alt.strip() or QCoreApplication.translate("ReadingPane", "Image")
        first = metrics.elidedText(shown, Qt.TextElideMode.ElideRight, width - 24)
        hint = QCoreApplication.translate(
            "ReadingPane", "Not downloaded (Article \u25b8 Download Images)"
        )
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        painter.drawText(QRect(12, 8, width - 24, 24), Qt.AlignmentFlag.AlignVCenter, first)
        painter.setFont(small)
        second = QFontMetrics(small).elidedText(hint, Qt.TextElideMode.ElideRight, width - 24)
        painter.drawText(QRect(12, 32, width - 24, 20), Qt.AlignmentFlag.AlignVCenter, second)
    return image
