"""The reading pane's images, decoded on worker threads while the article is already shown.

Decoding a page's photos on the UI thread froze the window when an article opened: 15 photos
of 1600 x 1067 px took 0.2 s. The pane now lays each image out at once at the size its header
declares, shows nothing there until it is decoded, then the image. The decoded images of the
article shown are kept, so setting the same article again (a new font size, a wider window)
decodes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument

from reader.gui.tasks import StopFlag, TaskRunner
from reader.gui.views.figures import NATURAL_KEY
from reader.gui.views.resources import ImageSource, decode_image

_IMAGE = QTextDocument.ResourceType.ImageResource
# Two cores are what the window counts on: a photo each.
_THREADS = 2


def blank_image() -> QImage:
    """An invisible 1 x 1 image: what Qt is given for an image refused or undecodable (None
    or a null image would make it read the file itself)."""
    blank = QImage(1, 1, QImage.Format.Format_ARGB32)
    blank.fill(Qt.GlobalColor.transparent)
    return blank


def _placeholder(width: int, height: int, source: ImageSource) -> QImage:
    """Nothing to see, at the image's size: one bit a pixel, every pixel transparent."""
    image = QImage(width, height, QImage.Format.Format_Mono)
    image.setColorTable([0, 0])
    image.fill(0)
    return _natural(image, source)


def _natural(image: QImage, source: ImageSource) -> QImage:
    """`image` saying how wide it may be shown (figures.NATURAL_KEY): its source's width."""
    image.setText(NATURAL_KEY, str(source.width))
    return image


class ImageLoader(QObject):
    """Decodes images for one document at a time; the pane repaints on `decoded`."""

    decoded = Signal()
    refused = Signal(QUrl)  # an image whose bytes did not decode: the pane takes its room back

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lane = TaskRunner(_THREADS, self)
        self._document: QTextDocument | None = None
        self._article_id: int | None = None
        self._images: dict[str, QImage] = {}  # by URL
        self._sources: dict[str, ImageSource] = {}  # what they are decoded from, by URL
        self._pending: set[str] = set()
        self._wanted: dict[str, int] = {}  # widths asked for while a decode was under way
        # Counts the articles shown: two can name different files by the same URL (assets/1.png).
        self._generation = 0

    @property
    def busy(self) -> bool:
        """Whether images asked for are still being decoded."""
        return bool(self._pending)

    def begin(self, document: QTextDocument | None, article_id: int | None) -> None:
        """Images asked for from now on are `document`'s, an article's page. Those of another
        article are forgotten, and any still waiting are not decoded."""
        if article_id != self._article_id:
            self._lane.cancel_all()
            self._images.clear()
            self._sources.clear()
            self._pending.clear()
            self._wanted.clear()
            self._article_id = article_id
            self._generation += 1
        self._document = document

    def image(self, url: QUrl, source: ImageSource, width: int, height: int) -> QImage:
        """The image decoded, if it is at `width` px or wider (or was refused); else a
        transparent stand-in of `width` x `height` px, the image being decoded at that size
        meanwhile. The pane lays images out at the size it sets, whatever their pixels'."""
        key = url.toString()
        self._sources[key] = source
        found = self._images.get(key)
        if found is not None and (found.width() >= width or found.width() == 1):
            return found
        self._decode(key, url, width, height)
        return _placeholder(width, height, source)

    def grow(self, url: QUrl, width: int) -> None:
        """Decode an image again at `width` px, wider than it was (the column grew): until it
        comes, the narrower one is shown stretched."""
        key = url.toString()
        source = self._sources.get(key)
        if source is None:
            return
        width = min(width, source.width)
        found = self._images.get(key)
        if found is None or found.width() < width:
            self._decode(key, url, width, max(1, round(source.height * width / source.width)))

    def _decode(self, key: str, url: QUrl, width: int, height: int) -> None:
        if key in self._pending:
            # Decoded again once this one is in, if it comes narrower (the pane grew).
            self._wanted[key] = max(width, self._wanted.get(key, 0))
            return
        self._pending.add(key)
        arrived = self._arrival(self._generation, key, url)
        self._lane.start(
            _decoding(self._sources[key], width, height),
            finished=arrived,
            failed=lambda _message: arrived(None),  # never left pending: shown as refused
        )

    def _arrival(self, generation: int, key: str, url: QUrl) -> Callable[[QImage | None], None]:
        def arrived(image: QImage | None) -> None:
            if generation != self._generation:
                return  # another article's, decoded before it changed
            self._pending.discard(key)
            shown = image if image is not None else blank_image()
            self._images[key] = shown
            if self._document is not None:
                # Added resources come before those Qt cached from `loadResource`.
                self._document.addResource(_IMAGE, url, shown)
            wanted = self._wanted.pop(key, 0)
            if image is None:
                self.refused.emit(url)
            elif wanted > image.width():
                self.grow(url, wanted)
            self.decoded.emit()

        return arrived


def _decoding(source: ImageSource, width: int, height: int) -> Callable[[StopFlag], QImage | None]:
    def job(stop: StopFlag) -> QImage | None:
        image = None if stop() else decode_image(source, width, height)
        return _natural(image, source) if image is not None else None

    return job
