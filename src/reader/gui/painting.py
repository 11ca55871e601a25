"""Painters that end, and painter state that is put back, however a paint method leaves.

A QPainter left to Python's reference counting to end is not ended when its paint method
returns if anything still holds that method's frame: a traceback of an exception, a
debugger, a profiler, or a sampler of the UI thread's stack. Qt then finishes the frame
with the painter still active ("QBackingStore::endPaint() called with active painter"),
and the painter ends later wherever the last reference goes, possibly on another thread
while the window paints: a crash. So painters are ended, and saved states restored, by
`with` blocks here, never by going out of scope.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QPaintDevice, QPainter


@contextmanager
def painting(device: QPaintDevice) -> Iterator[QPainter]:
    """A painter on `device`, ended when the block is left (by return or by exception)."""
    painter = QPainter(device)
    try:
        yield painter
    finally:
        painter.end()


@contextmanager
def saved(painter: QPainter) -> Iterator[QPainter]:
    """The painter's state as it was before the block, put back even if the block raises:
    a delegate paints with the view's painter, and must hand it back as it got it."""
    painter.save()
    try:
        yield painter
    finally:
        painter.restore()
