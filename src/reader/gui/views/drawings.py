"""SVG drawings for the reading pane: rendered by QtSvg only after sanitize_svg rewrote them.

Qt's SVG image plugin would read the bytes as the page wrote them (and open the files they
name); here the renderer only ever sees our own re-serialisation, which references nothing
outside itself, and draws it onto a canvas of a bounded size.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from reader.core.svg import sanitize_svg
from reader.gui.painting import painting


def render_drawing(
    data: bytes, width: int | None = None, height: int | None = None
) -> QImage | None:
    """The drawing as an image at `width` x `height` px (drawn at that size, not scaled after),
    by default at the size it declares (bounded); None when refused."""
    svg = sanitize_svg(data)
    if svg is None:
        return None
    renderer = QSvgRenderer(QByteArray(svg.data))
    if not renderer.isValid():
        return None
    image = QImage(
        width or svg.width, height or svg.height, QImage.Format.Format_ARGB32_Premultiplied
    )
    if image.isNull():
        return None
    image.fill(Qt.GlobalColor.transparent)
    with painting(image) as painter:
        renderer.render(painter)
    return image
