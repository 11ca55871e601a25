"""EPUB import and opening: a generated 2 MB book, imported and opened in the window.

Builds an EPUB 3 book of about 2 MB: 2 MB of generated English and Chinese chapter text
(about 0.65 MB once zipped; 40 chapters with section headings) and 8 photographs of 400x400
noise (1.3 MB, which no compression shrinks), then, over several runs:

  * import: `Library.import_path` of the book into a fresh library (read, unpack, sanitize,
    store, index)
  * open in the window: the time `MainWindow.open_article` keeps the UI thread busy
    (render the ~2 MB of HTML with its contents list and images), target < 300 ms, and the
    CPU time of the UI thread in it (on a busy machine the wall time is mostly waiting)
  * text map ready after opening (worker), for highlights
  * the book marked: 3 highlights in its last chapter and a reading position saved at 90%;
    opening it (UI thread wall and CPU), then the map's arrival placing the highlights (UI
    thread wall and CPU), and how much of the book Qt had laid out by then (all of it up to
    the last highlight once meant a second of UI thread in one go); then zooming in or out,
    which sets the book again and places the highlights at once (the map is kept); the
    longest stall of the UI thread from the open until Qt has laid the book out and the
    position is restored; and the open with the map built at once (a fast worker's arriving
    before Qt has laid the book out)

    python bench/epub_bench.py [--runs 5] [--megabytes 2] [--image-side 400]

`--megabytes` is the chapter text in UTF-8 bytes, `--image-side` the side of each image.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from window_load import Heartbeat, map_ready, ui_busy_ms, wait_until

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests' book builder

from tests.epubs import Book, Chapter, build_epub, sample_book
from tests.hostile_images import png

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_OPEN_MS = 300.0
ZH = "湖畔小城举办国际风筝节来自三十多个国家和地区的队伍带着各自作品参加比赛传统工艺新材料"
EN = ["the", "river", "bends", "and", "the", "town", "listens", "to", "its", "clocks"]
EN += ["while", "boats", "leave", "harbour", "keeper", "lamp", "storm", "tide"]


def generated_book(megabytes: float, image_side: int = 400, seed: int = 5) -> Book:
    """About `megabytes` of chapter text (paragraphs of mixed English and Chinese) and 8
    greyscale images of noise, `image_side` pixels square."""
    rng = random.Random(seed)
    chapters, size, number = [], 0, 0
    per_chapter = int(megabytes * 1024 * 1024 / 40)
    images = {f"images/plate{n}.png": _noise(rng, image_side) for n in range(8)}
    while size < megabytes * 1024 * 1024:
        number += 1
        paragraphs, chars = [], 0
        while chars < per_chapter:
            en = " ".join(rng.choice(EN) for _ in range(40)).capitalize()
            zh = "".join(rng.choice(ZH) for _ in range(60))
            paragraphs.append(f"{en}. {zh}。")
            chars += len(paragraphs[-1].encode())
        extra = f"<h2>Part {number}.2</h2><p>{rng.choice(EN)} and {rng.choice(EN)}.</p>"
        image = f"images/plate{number % 8}.png" if number % 5 == 0 else None
        chapters.append(Chapter(f"Chapter {number}", paragraphs, image=image, extra=extra))
        size += chars
    return Book(title="A Generated Book", chapters=chapters, images=images)


def _noise(rng: random.Random, side: int) -> bytes:
    rows = (b"\x00" + rng.randbytes(side) for _ in range(side))  # filter byte, then pixels
    return png(side, side, pixels=b"".join(rows))


def spread(values: list[float]) -> str:
    middle = statistics.median(values)
    return f"min {min(values):7.1f}  median {middle:7.1f}  max {max(values):7.1f}"


def import_once(book: Path, root: Path) -> tuple[float, int]:
    from reader.paths import DataPaths
    from reader.services.library import open_library

    library, _recovery = open_library(DataPaths(root))
    with library:
        started = time.perf_counter()
        result = library.import_path(book)
        took = (time.perf_counter() - started) * 1000
    assert result.article_id is not None, result.reason
    return took, result.article_id


def open_in_window(
    root: Path, article_id: int, runs: int
) -> tuple[list[float], list[float], list[float], dict[str, list[float]]]:
    from PySide6.QtCore import QSettings

    from reader.gui.application import GuiOptions, create_application
    from reader.gui.main_window import MainWindow
    from reader.paths import DataPaths
    from reader.services.library import open_library

    _app = create_application(GuiOptions())
    library, _recovery = open_library(DataPaths(root))
    other = library.import_text(build_epub(sample_book()), "small.epub").article_id
    assert other is not None
    settings = QSettings(str(root / "bench-settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(library, settings, theme_override="light")
    window.resize(1280, 800)
    window.show()
    wait_until(lambda: window.settled)
    pane = window.parts.pane
    opens, cpu, maps = [], [], []
    for _ in range(runs):
        window.open_article(other)  # another article between runs: each open renders anew
        wait_until(lambda: window.settled and map_ready(pane))
        started = time.thread_time()
        opens.append(ui_busy_ms(lambda: window.open_article(article_id)))
        cpu.append((time.thread_time() - started) * 1000)
        mapped_at = time.perf_counter()
        wait_until(lambda: map_ready(pane), poll_ms=5)
        maps.append((time.perf_counter() - mapped_at) * 1000)
    window.open_article(other)
    mark_book(library, article_id)
    marked = open_marked(window, article_id, other, runs)
    window.close()
    library.close()
    return opens, cpu, maps, marked


def _laid_out(document: object) -> float:
    """The share of the document Qt has laid out (its layout goes from the start)."""
    from PySide6.QtGui import QTextDocument

    assert isinstance(document, QTextDocument)
    block = document.begin()
    while block.isValid() and block.layout().lineCount() > 0:
        block = block.next()
    end = block.position() if block.isValid() else document.characterCount()
    return end / max(1, document.characterCount())


def mark_book(library: Any, article_id: int) -> None:
    """3 highlights in the book's last chapter, and 90% read."""
    end = len(library.get_article(article_id).text)
    for back in (3000, 2000, 1000):
        library.annotations.highlight_span(article_id, end - back, end - back + 30)
    library.set_reading_position(article_id, 0.9)


def open_marked(window: Any, article_id: int, other: int, runs: int) -> dict[str, list[float]]:
    """Open the marked book `runs` times: the open, and the text map's arrival on the UI
    thread (wall and CPU, ms), and the share of the book laid out once it has arrived."""
    pane = window.parts.pane
    maps = pane._text_maps
    figures: dict[str, list[float]] = {k: [] for k in MARKED}
    arrived = maps._arrived  # the worker's result reaches the UI thread here

    def timed_arrival(*args: Any) -> None:
        wall, cpu = time.perf_counter(), time.thread_time()
        arrived(*args)
        figures["map arrives, wall"].append((time.perf_counter() - wall) * 1000)
        figures["map arrives, CPU"].append((time.thread_time() - cpu) * 1000)
        figures["laid out then (%)"].append(_laid_out(pane.document()) * 100)

    maps._arrived = timed_arrival
    for _ in range(runs):
        window.open_article(other)
        wait_until(lambda: window.settled and map_ready(pane))
        window.library.set_reading_position(article_id, 0.9)
        heartbeat = Heartbeat()
        started = time.thread_time()
        figures["open, wall"].append(ui_busy_ms(lambda: window.open_article(article_id)))
        figures["open, CPU"].append((time.thread_time() - started) * 1000)
        heartbeat.start()
        wait_until(lambda: map_ready(pane) and len(pane.marks) == 3, poll_ms=5)
        wait_until(lambda: pane.document().lastBlock().layout().lineCount() > 0)
        wait_until(lambda: abs(pane.fraction() - 0.9) < 0.01)
        heartbeat.stop()
        figures["longest UI stall after, to 90%"].append(heartbeat.longest())
        _open_mapped_at_once(window, article_id, other, figures)
        _zoom_once(pane, figures)
        wait_until(lambda: window.settled)
    maps._arrived = arrived
    return figures


def _open_mapped_at_once(
    window: Any, article_id: int, other: int, figures: dict[str, list[float]]
) -> None:
    """Open it with its text map there at once (the one built before), as a fast worker's
    may arrive before Qt has laid the book out: the highlights are placed in a book not
    laid out yet."""
    pane = window.parts.pane
    maps, built = pane._text_maps, pane._text_maps.current
    update = maps.update

    def at_once(text: str, document: str, *args: Any) -> None:
        update(text, document, *args)
        if maps.current is None:  # no worker: the map of this book, ready
            maps._map, maps._mapped = built, document  # (the worker's, later, is the same)

    window.open_article(other)
    wait_until(lambda: window.settled and map_ready(pane))
    window.library.set_reading_position(article_id, 0.9)
    maps.update = at_once
    try:
        started = time.thread_time()
        figures["open, map at once, wall"].append(
            ui_busy_ms(lambda: window.open_article(article_id))
        )
        figures["open, map at once, CPU"].append((time.thread_time() - started) * 1000)
        figures["laid out after it (%)"].append(_laid_out(pane.document()) * 100)
    finally:
        del maps.update  # the class's own again
    wait_until(lambda: window.settled and len(pane.marks) == 3)


def _zoom_once(pane: Any, figures: dict[str, list[float]]) -> None:
    """Zoom in (or back out): the book is set again and its highlights placed at once."""
    zoom = pane._prefs.zoomed(1 if len(figures["zoom, wall"]) % 2 == 0 else -1)
    started = time.thread_time()
    figures["zoom, wall"].append(ui_busy_ms(lambda: pane.apply_preferences(zoom)))
    figures["zoom, CPU"].append((time.thread_time() - started) * 1000)
    figures["laid out after zoom (%)"].append(_laid_out(pane.document()) * 100)


MARKED = ("open, wall", "open, CPU", "map arrives, wall", "map arrives, CPU")
MARKED += ("laid out then (%)", "longest UI stall after, to 90%", "open, map at once, wall")
MARKED += ("open, map at once, CPU", "laid out after it (%)", "zoom, wall", "zoom, CPU")
MARKED += ("laid out after zoom (%)",)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--megabytes", type=float, default=2.0)
    parser.add_argument("--image-side", type=int, default=400)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="epub-bench-") as scratch:
        folder = Path(scratch)
        book = folder / "generated.epub"
        book.write_bytes(build_epub(generated_book(args.megabytes, args.image_side)))
        imports: list[float] = []
        article_id = 0
        for run in range(args.runs):
            took, article_id = import_once(book, folder / f"lib{run}")
            imports.append(took)
        opens, cpu, maps, marked = open_in_window(folder / "lib0", article_id, args.runs)
        _report(book, folder / "lib0", article_id, imports, opens, cpu, maps)
        print("the book with 3 highlights in its last chapter, 90% read:")
        for name, values in marked.items():
            print(f"  {name:<34}  {spread(values)}")
    return 0 if statistics.median(opens) < TARGET_OPEN_MS else 1


def _report(
    book: Path, root: Path, article_id: int, *figures: list[float], out: Callable[..., None] = print
) -> None:
    from reader.paths import DataPaths
    from reader.services.library import open_library

    library, _recovery = open_library(DataPaths(root))
    with library:
        stored = library.get_article(article_id)
    out(f"book: {book.stat().st_size / 1e6:.2f} MB EPUB, HTML {len(stored.html) / 1e6:.2f} MB, "
        f"text {len(stored.text):,} characters")  # fmt: skip
    imports, opens, cpu, maps = figures
    out(f"import (ms)                           {spread(imports)}")
    out(f"open in the window, UI thread (ms)    {spread(opens)}   target < {TARGET_OPEN_MS:.0f}")
    out(f"  of it the UI thread's CPU time (ms) {spread(cpu)}   (wall above waits on others)")
    out(f"text map ready after opening (ms)     {spread(maps)}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    out(f"load average {load:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    sys.exit(main())
