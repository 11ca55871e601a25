"""The reading pane's text map (document ↔ article text), built off the UI thread."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from reader.gui.tasks import TaskRunner
from reader.gui.text_mapping import TextMap

# Only documents this short are mapped at once (about 1 ms); the rest on a worker (0.7 s for
# 800,000 characters), while the article is already shown. At once up to 20,000 characters
# cost the UI thread up to 50 ms per article opened; up to 2,000, a manual's page of 1,700
# whose text differs from its page (labels, tables) 25 ms quiet and 200 ms while an import ran.
SYNC_MAP_CHARS = 500


class PaneTextMap(QObject):
    """The map of the document shown now, or None while a worker builds it.

    A map finished for a document no longer shown is dropped; `built` tells when a map
    built on the worker has arrived (a very short document's is there at once, without a
    signal).
    """

    built = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._map: TextMap | None = None
        self._mapped = ""  # the document text the map belongs to
        self._generation = 0
        self._lane = TaskRunner(1, self)

    @property
    def current(self) -> TextMap | None:
        return self._map

    def clear(self) -> None:
        self._map, self._mapped = None, ""
        self._generation += 1
        # A map still waiting for the lane is of a document no longer shown: never built
        # (going through articles one after another queued a map of each, each holding the
        # interpreter lock beside the UI thread for up to 80 ms).
        self._lane.cancel_all()

    def update(
        self, text: str, document: str, body_start: int, hidden: Sequence[tuple[int, int]] = ()
    ) -> None:
        """Map `text` onto `document` (a re-render of the same document keeps its map);
        `hidden` document ranges are drawn but are not text (ruby readings)."""
        if self._map is not None and document == self._mapped:
            return
        self.clear()
        if len(document) <= SYNC_MAP_CHARS:
            self._map = TextMap.build(text, document, body_start, hidden)
            self._mapped = document
            return
        generation = self._generation
        self._lane.start(
            # Cancelled before it began, it builds nothing (and reports no result).
            lambda stop: None if stop() else TextMap.build(text, document, body_start, hidden),
            finished=lambda built: self._arrived(generation, document, built),
        )

    def _arrived(self, generation: int, document: str, built: TextMap) -> None:
        if generation == self._generation:
            self._map, self._mapped = built, document
            self.built.emit()
