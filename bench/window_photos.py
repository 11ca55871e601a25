"""The window opening articles full of photos: what the UI thread pays, against decoding them.

Two articles of PHOTOS photos each (PHOTO_SIZE JPEGs of smooth noise, as a camera's photo
compresses) are imported as saved pages, then opened in turn. For each open: the UI thread's
time until it returns to the event loop (the page shown), the time until every photo is in,
and the longest UI-thread stall meanwhile. The baseline, measured in the same run: decoding
the same photos one after another on the UI thread, which is what an open cost when the pane
decoded them while laying the page out.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING

from window_load import Heartbeat, ui_busy_ms, wait_until

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow
    from reader.services.library import Library

PHOTOS = 15
PHOTO_SIZE = (1600, 1067)
OPENS = 10


def _photo(path: Path) -> None:
    """A photo-like JPEG: random colours at a 40th of the size, smoothly scaled up."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    width, height = PHOTO_SIZE
    small_w, small_h = width // 40, height // 40
    noise = os.urandom(small_w * small_h * 4)
    small = QImage(noise, small_w, small_h, small_w * 4, QImage.Format.Format_RGB32)
    photo = small.scaled(
        width,
        height,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    assert photo.save(str(path), "JPEG", 85)


def add_photo_articles(library: Library, folder: Path) -> list[int]:
    """Two saved pages of PHOTOS photos each, imported; their article ids."""
    ids = []
    for page_number in range(2):
        files = folder / f"photos{page_number}_files"
        files.mkdir(parents=True)
        body = []
        for n in range(PHOTOS):
            _photo(files / f"p{n}.jpg")
            body.append(
                f"<p>Page {page_number}, paragraph {n}: the ferry crossed the bay at dawn, "
                "the gulls behind it and the harbour lights going out one by one.</p>"
                f'<figure><img src="{files.name}/p{n}.jpg"><figcaption>Photo {n}'
                "</figcaption></figure>"
            )
        page = folder / f"photos{page_number}.html"
        page.write_text(
            f"<html><head><title>Photos {page_number}</title></head><body><article>"
            f"<h1>Photos {page_number}</h1>{''.join(body)}</article></body></html>",
            "utf-8",
        )
        result = library.import_path(page)
        assert result.article_id is not None, result
        ids.append(result.article_id)
    return ids


def decode_on_this_thread(folder: Path) -> float:
    """Milliseconds to decode one page's photos here, one after another (the baseline)."""
    from PySide6.QtGui import QImage

    paths = sorted((folder / "photos0_files").glob("*.jpg"))
    started = time.perf_counter()
    for path in paths:
        assert not QImage(str(path)).isNull()
    return (time.perf_counter() - started) * 1000


def photo_articles(window: MainWindow, ids: list[int], folder: Path) -> dict[str, float]:
    pane = window.parts.pane
    window.open_article(ids[1])  # warm fonts and caches
    wait_until(lambda: window.settled and not getattr(pane, "images_loading", False), poll_ms=5)
    opened, complete, stalls, baselines = [], [], [], []
    for n in range(OPENS):
        baselines.append(decode_on_this_thread(folder))
        article_id = ids[n % 2]
        heartbeat = Heartbeat()
        heartbeat.start()
        started = time.perf_counter()

        def open_and_paint(chosen: int = article_id) -> None:
            window.open_article(chosen)
            pane.viewport().repaint()

        opened.append(ui_busy_ms(open_and_paint))
        wait_until(lambda: not getattr(pane, "images_loading", False), poll_ms=1)
        complete.append((time.perf_counter() - started) * 1000)
        wait_until(lambda: window.settled, poll_ms=5)
        heartbeat.stop()
        stalls.append(heartbeat.longest())
    baseline = statistics.median(baselines)
    return {
        f"open {PHOTOS}-photo article (median)": statistics.median(opened),
        f"open {PHOTOS}-photo article (max)": max(opened),
        "all its photos shown after (median)": statistics.median(complete),
        "longest stall while its photos load": max(stalls),
        f"baseline: decode its {PHOTOS} photos here": baseline,
        "open / baseline, median (ratio)": statistics.median(opened) / baseline,
    }
