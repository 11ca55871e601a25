"""Images in the reading pane never wider than its column, whatever its width now."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QImage,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
    QTextTable,
)

# The width an image asked for (its own, or its decoded width) before we narrowed it.
_NATURAL_WIDTH = QTextFormat.Property.UserProperty + 1
# An image in a table too wide for the column narrows to no less than this, in a few rounds.
_SMALLEST_IN_TABLE = 48
_TABLE_ROUNDS = 3
# Sanitized HTML: these tags never carry attributes.
_FIGURE = re.compile(r"<(/?)figure>")
_CAPTION_OPEN, _CAPTION_CLOSE = "<figcaption>", "</figcaption>"
# A picture between blocks rather than inside one: right after a block ends (or first in the
# body). The importer stores a saved page's figure so: the image, then its <figcaption>.
_LOOSE_IMAGE = re.compile(
    r"(\A|</(?:p|h[1-6]|ul|ol|dl|blockquote|pre|table|div|figure|figcaption)>|<hr>)"
    r"(\s*)(<img\b[^>]*>)"
)

_DRAWN_AT = "reader-width-"
# Text of an image the pane loaded: the widest it is shown at, room allowing (a photo's own
# width, whatever width it was decoded at; a placeholder's box: the column's).
NATURAL_KEY = "reader-natural-width"
Redraw = Callable[[QUrl, QImage, int], QImage | None]
"""An image the pane drew itself (a placeholder's box of text), drawn again at a width;
None for any other image, which is scaled (and may be decoded again, wider, meanwhile)."""


def figures_as_blocks(body: str) -> str:
    """Qt's rich text knows neither <figure> nor <figcaption>, and puts an image standing
    between blocks at the end of the paragraph before it: the image would join that paragraph
    and the caption the image. A <div> and a paragraph of the caption's class keep each a
    block of its own."""
    if "<img" in body:
        body = _LOOSE_IMAGE.sub(r"\1\2<div>\3</div>", body)
    if "<fig" not in body:
        return body
    body = _FIGURE.sub(r"<\1div>", body)
    return body.replace(_CAPTION_OPEN, '<p class="figcaption">').replace(_CAPTION_CLOSE, "</p>")


def image_positions(document: QTextDocument) -> list[int]:
    """Where the document's images are (once per document: resizing only reads this list)."""
    # An image is an object replacement character, and the plain text has one character per
    # document position: one search in C instead of a walk over every fragment (0.2 s for a
    # book). Other objects (and a U+FFFC the text itself held) are not images.
    cursor = QTextCursor(document)
    positions: list[int] = []
    cursor.beginEditBlock()  # no layout asked for (see fit_images)
    for found in re.finditer("\ufffc", document.toPlainText()):
        cursor.setPosition(found.start() + 1)
        if cursor.charFormat().isImageFormat():  # the character before the cursor
            positions.append(found.start())
    cursor.endEditBlock()
    return positions


def fit_images(
    document: QTextDocument, positions: list[int], column_width: int, redraw: Redraw | None = None
) -> None:
    """Narrow each image wider than the column to it (keeping its shape; inside a list or a
    quotation, to the room left beside the indent), and give images narrowed before back
    their width as the column grows. An image in a table narrows
    further while the table is wider than the column: beside the other cells of its row.
    Images `redraw` knows are drawn again at their new width instead of scaled."""
    cursor = QTextCursor(document)
    tables: dict[int, tuple[QTextTable, list[int]]] = {}
    # In an edit block a cursor set at a position does not ask the layout where it lies,
    # which lays the shown document out up to there (all of a book, for its last image).
    cursor.beginEditBlock()
    for position in positions:
        cursor.setPosition(position + 1)
        fmt = cursor.charFormat()  # the format of the character before the cursor
        if fmt.isImageFormat():
            room = column_width - _indentation(document, cursor.block())
            _fit(document, cursor, position, fmt, max(_SMALLEST_IN_TABLE, int(room)), redraw)
            table = _outermost_table(cursor)
            if table is not None:
                tables.setdefault(table.firstPosition(), (table, []))[1].append(position)
    cursor.endEditBlock()
    for table, inside in tables.values():
        _fit_table(document, table, inside, column_width, redraw)


def collapse_images(document: QTextDocument, positions: list[int], url: QUrl) -> None:
    """Give the images `url` names (at `positions`) no room: 1 x 1 px, nothing drawn."""
    name = url.toString()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()  # no layout asked for here (see fit_images)
    for position in positions:
        cursor.setPosition(position + 1)
        fmt = cursor.charFormat()
        if not fmt.isImageFormat():
            continue
        image_format = fmt.toImageFormat()
        if image_format.name().partition(f"#{_DRAWN_AT}")[0] != name:
            continue
        image_format.setWidth(1)
        image_format.setHeight(1)
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(image_format)
    cursor.endEditBlock()


def _indentation(document: QTextDocument, block: QTextBlock) -> float:
    """How far a block's lines sit inside the column: a list item's or a quotation's indent
    (an image as wide as the column would stick out by as much)."""
    fmt = block.blockFormat()
    indent = fmt.leftMargin() + fmt.rightMargin() + max(0.0, fmt.textIndent())
    levels = fmt.indent()
    text_list = block.textList()
    if text_list is not None:
        levels += text_list.format().indent()
    return indent + levels * document.indentWidth()


def _outermost_table(cursor: QTextCursor) -> QTextTable | None:
    table = None
    frame = cursor.currentFrame()
    while frame is not None:
        if isinstance(frame, QTextTable):
            table = frame
        frame = frame.parentFrame()
    return table


def _fit_table(
    document: QTextDocument,
    table: QTextTable,
    positions: list[int],
    column_width: int,
    redraw: Redraw | None,
) -> None:
    """Narrow the table's images while it overflows the column, the images of one row
    sharing the overflow by their widths (a few rounds: the other cells may take a
    different shape once the images are narrower)."""
    layout = document.documentLayout()
    cursor = QTextCursor(document)
    for _round in range(_TABLE_ROUNDS):
        excess = layout.frameBoundingRect(table).width() - column_width
        if excess < 1:
            return
        images = [(p, f) for p in positions if (f := _image_format(cursor, p)) is not None]
        rows: dict[int, float] = {}
        for position, fmt in images:
            row = table.cellAt(position).row()
            rows[row] = rows.get(row, 0.0) + fmt.width()
        for position, fmt in images:
            width = fmt.width()
            share = excess * width / max(1.0, rows[table.cellAt(position).row()])
            if width > _SMALLEST_IN_TABLE:
                shown = max(_SMALLEST_IN_TABLE, width - share)
                cursor.setPosition(position + 1)
                _fit(document, cursor, position, fmt, int(shown), redraw)


def _image_format(cursor: QTextCursor, position: int) -> QTextImageFormat | None:
    cursor.setPosition(position + 1)
    fmt = cursor.charFormat()  # the format of the character before the cursor
    return fmt.toImageFormat() if fmt.isImageFormat() else None


def _fit(
    document: QTextDocument,
    cursor: QTextCursor,
    position: int,
    fmt: QTextFormat,
    width: int,
    redraw: Redraw | None = None,
) -> None:
    image_format = fmt.toImageFormat()
    # The image as first loaded, not one drawn at another width.
    url = QUrl(image_format.name().partition(f"#{_DRAWN_AT}")[0])
    image = document.resource(QTextDocument.ResourceType.ImageResource, url)
    if not isinstance(image, QImage) or image.isNull() or image.width() <= 1:
        return
    natural = image_format.property(_NATURAL_WIDTH)
    if not isinstance(natural, float | int):
        # The page's own width for it, else what the image says it can fill, else its pixels.
        declared = image.text(NATURAL_KEY)
        natural = image_format.width() or (float(declared) if declared else image.width())
    shown = min(float(natural), float(width))
    if abs(image_format.width() - shown) < 0.5 and image_format.hasProperty(_NATURAL_WIDTH):
        return
    ratio = image.height() / image.width()
    if image_format.height() > 0 and image_format.width() > 0:
        ratio = image_format.height() / image_format.width()
    fitted = QTextImageFormat(image_format)
    fitted.setProperty(_NATURAL_WIDTH, float(natural))
    fitted.setWidth(shown)
    fitted.setHeight(shown * ratio)
    # Only when its width changes: a box drawn again at its own width makes Qt set the
    # table around it anew, squeezing the other columns rather than showing the overflow.
    changed = abs(image.width() - shown) >= 1
    drawn = redraw(url, image, int(shown)) if redraw is not None and changed else None
    if drawn is not None:  # its text stays the size of the text around it
        drawn_url = QUrl(url)
        drawn_url.setFragment(f"{_DRAWN_AT}{drawn.width()}")
        document.addResource(QTextDocument.ResourceType.ImageResource, drawn_url, drawn)
        fitted.setName(drawn_url.toString())
        fitted.setWidth(drawn.width())
        fitted.setHeight(drawn.height())
    cursor.setPosition(position)
    cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.setCharFormat(fitted)
