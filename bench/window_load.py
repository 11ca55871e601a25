"""Window scenarios under load, for gui_bench.py: a very long article, an import running.

* large article: open a generated article of ~800,000 characters, then highlight a passage
  in it; the time each step keeps the UI thread busy (targets < 100 ms and < 50 ms).
* import while browsing: import files on the window's import lane while the list scrolls,
  articles open and queries are typed; the longest gap between 5 ms heartbeats on the UI
  thread (target < 50 ms).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QLineEdit

    from reader.gui.main_window import MainWindow
    from reader.services.library import Library

LARGE_CHARS = 800_000
ZH = "湖畔小城举办国际风筝节来自三十多个国家和地区的队伍带着各自作品参加比赛传统工艺新材料"
EN = ["the", "river", "bends", "and", "the", "town", "listens", "to", "its", "clocks"]
EN += ["while", "boats", "leave", "harbour"]


def large_article_paragraphs(chars: int = LARGE_CHARS, seed: int = 11) -> list[str]:
    """Mixed Chinese and English paragraphs adding up to about `chars` characters."""
    rng = random.Random(seed)
    paragraphs, total = [], 0
    while total < chars:
        zh = "".join(rng.choice(ZH) for _ in range(rng.randint(60, 180)))
        en = " ".join(rng.choice(EN) for _ in range(rng.randint(10, 40)))
        paragraph = f"{zh}。{en}. ({len(paragraphs)})"
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return paragraphs


def add_large_article(library: Library, chars: int = LARGE_CHARS) -> int:
    from reader.core.article import Article

    paragraphs = large_article_paragraphs(chars)
    html = "".join(
        f"<h2>Part {n // 200}</h2><p>{p}</p>" if n % 200 == 0 else f"<p>{p}</p>"
        for n, p in enumerate(paragraphs)
    )
    text = "\n\n".join(
        f"Part {n // 200}\n\n{p}" if n % 200 == 0 else p for n, p in enumerate(paragraphs)
    )
    article = Article(title="A very long article", text=text, html=html, section="Long")
    result = library.add_article(article, path="generated-long-article")
    assert result.article_id is not None
    return result.article_id


def wait_until(condition: Callable[[], bool], poll_ms: int = 20) -> None:
    """Run the event loop until condition() holds (timers and signals, no sleeping)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if condition() else None)
    timer.start(poll_ms)
    if not condition():
        loop.exec()
    timer.stop()


def map_ready(pane: object) -> bool:
    # Before the map was built off the UI thread there was nothing to wait for.
    return bool(getattr(pane, "text_map_ready", True))


def ui_busy_ms(action: Callable[[], object]) -> float:
    """How long `action` keeps the UI thread from returning to the event loop."""
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def large_article(window: MainWindow, article_id: int) -> dict[str, float]:
    """Open the long article, then highlight a passage near its end; UI-thread times."""
    from PySide6.QtGui import QTextCursor

    from reader.core.annotation import Color

    pane = window.parts.pane
    window.open_article(article_id)  # once to warm fonts and caches; then on another article
    wait_until(lambda: window.settled and map_ready(pane))
    others = [i for i in window.library.articles.ids() if i != article_id]
    if others:
        window.open_article(others[0])
        wait_until(lambda: window.settled)
    opened = ui_busy_ms(lambda: window.open_article(article_id))
    heartbeat = Heartbeat()  # what Qt's layout steps and the map's worker cost the UI thread
    heartbeat.start()
    mapped_at = time.perf_counter()
    wait_until(lambda: map_ready(pane), poll_ms=5)
    mapped = (time.perf_counter() - mapped_at) * 1000
    settle = time.perf_counter() + 1.0
    wait_until(lambda: time.perf_counter() > settle)
    heartbeat.stop()
    cursor = QTextCursor(pane.document())
    end = pane.document().characterCount() - 1
    cursor.setPosition(end - 5000)
    cursor.setPosition(end - 4960, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    before = len(window.library.annotations.highlights(article_id))
    highlighted = ui_busy_ms(lambda: window.annotations.commands.highlight_selection(Color.YELLOW))
    wait_until(lambda: len(window.library.annotations.highlights(article_id)) > before)
    wait_until(lambda: window.settled)
    return {
        "open 800k-char article (UI thread)": opened,
        "text map ready after open (worker)": mapped,
        "highlight in it (UI thread)": highlighted,
        "longest stall after opening it": heartbeat.longest(),
    }


def thread_times() -> tuple[float, float] | None:
    """The calling thread's time on a CPU and waiting for one (ms), where the kernel says.

    A stall the UI thread spent runnable but not run is the machine's load, not the
    program's work: on a shared machine that part of a long gap is noise.
    """
    try:
        with Path("/proc/thread-self/schedstat").open("rb") as stats:
            on_cpu, waiting = stats.read().split()[:2]
    except (OSError, ValueError):
        return None
    return int(on_cpu) / 1e6, int(waiting) / 1e6


# Gaps longer than this keep their CPU / run-queue split by start, for the stall report.
SPLIT_KEPT_MS = 30.0


class Heartbeat:
    """A 5 ms timer on the UI thread; a longer gap between beats is a stall."""

    PERIOD_MS = 5

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.gaps: list[float] = []
        # Per gap, where the kernel can say: the UI thread's CPU time and run-queue wait in it.
        self.splits: list[tuple[float, float]] = []
        self.split_at: dict[float, tuple[float, float]] = {}  # the same, by the gap's start
        self.long_at: dict[float, float] = {}  # gaps over SPLIT_KEPT_MS (ms) by their start
        self._last = time.perf_counter()
        self._times = thread_times()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now, times = time.perf_counter(), thread_times()
        self.gaps.append((now - self._last) * 1000 - self.PERIOD_MS)
        if (now - self._last) * 1000 > SPLIT_KEPT_MS:
            self.long_at[self._last] = self.gaps[-1]
        if times is not None and self._times is not None:
            split = (times[0] - self._times[0], times[1] - self._times[1])
            self.splits.append(split)
            if (now - self._last) * 1000 > SPLIT_KEPT_MS:
                self.split_at[self._last] = split
        self._last, self._times = now, times

    def start(self) -> None:
        self._last, self._times = time.perf_counter(), thread_times()
        self._timer.start(self.PERIOD_MS)

    def last(self) -> float:
        """When the UI thread last beat (perf_counter seconds)."""
        return self._last

    def stop(self) -> None:
        self._timer.stop()

    def longest(self) -> float:
        return max(self.gaps[1:], default=0.0)

    def over(self, ms: float) -> int:
        return sum(1 for gap in self.gaps[1:] if gap > ms)

    def split_figures(self) -> dict[str, float]:
        """The longest stall's CPU and run-queue parts, and the longest stall less its
        run-queue wait (what the process itself held the UI thread for: its work, the GIL,
        disk waits); empty where the kernel does not say."""
        if len(self.splits) != len(self.gaps) or len(self.gaps) < 2:
            return {}
        beats = list(zip(self.gaps, self.splits, strict=True))[1:]
        _gap, (cpu, queued) = max(beats, key=lambda beat: beat[0])
        return {
            "longest stall: UI thread on CPU": cpu,
            "longest stall: UI thread runnable, not run": queued,
            "longest stall less run-queue wait": max(g - q for g, (_c, q) in beats),
            "UI CPU in one stall (max)": max(c for _g, (c, _q) in beats),
        }


def press(field: QLineEdit, key: str | None) -> None:
    """One keystroke: None clears the field; CJK comes from an input method, committed."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    if key is None:
        field.clear()
    elif key.isascii():
        QTest.keyClicks(field, key)
    else:
        event = QInputMethodEvent()
        event.setCommitString(key)
        QApplication.sendEvent(field, event)


class Browsing:
    """What a reader does while an import runs: scroll the list, open articles, type queries."""

    QUERIES: tuple[str | None, ...] = (*"风筝节", None, *"harbour", None, *"国际 -体育", None)

    def __init__(self, window: MainWindow) -> None:
        from PySide6.QtCore import QTimer

        self.window = window
        self.actions = {"scrolls": 0, "opens": 0, "keys": 0}
        self._keys: list[str | None] = []
        self._timers: list[QTimer] = []
        for interval, step in ((150, self.scroll), (400, self.open_next), (90, self.type_key)):
            timer = QTimer()
            timer.timeout.connect(step)
            timer.start(interval)
            self._timers.append(timer)

    def scroll(self) -> None:
        bar = self.window.current_list().verticalScrollBar()
        bar.setValue(bar.value() + bar.pageStep() if bar.value() < bar.maximum() else 0)
        self.actions["scrolls"] += 1

    def open_next(self) -> None:
        view = self.window.current_list()
        model = view.model()
        if model.rowCount() == 0:
            return
        row = (view.currentIndex().row() + 1) % model.rowCount()
        view.setCurrentIndex(model.index(row, 0))
        self.actions["opens"] += 1

    def type_key(self) -> None:
        if not self._keys:
            self._keys = list(self.QUERIES)
        press(self.window.parts.search_field, self._keys.pop(0))
        self.actions["keys"] += 1

    def stop(self) -> None:
        for timer in self._timers:
            timer.stop()


def import_while_browsing(
    window: MainWindow, folder: Path, *, sample: bool = False
) -> dict[str, float]:
    """Import every file of `folder` on the import lane while browsing; UI-thread stalls.
    With `sample`, the UI thread's stack is sampled during stalls and the longest printed."""
    from stall_sampler import StallSampler

    finished: list[object] = []
    window.imports.import_finished.connect(finished.append)
    window.imports._ask = lambda _result: False  # an unsure version: no modal question here
    files = len(window.library.files_to_import([folder]))
    heartbeat = Heartbeat()
    heartbeat.start()
    sampler = StallSampler(heartbeat.last)
    sampler.start(sample=sample)  # the watcher process always: the machine's own stalls
    browsing = Browsing(window)
    started = time.perf_counter()
    window.import_paths([folder])
    wait_until(lambda: bool(finished), poll_ms=50)
    took = time.perf_counter() - started
    browsing.stop()
    heartbeat.stop()
    sampler.stop()
    if sample:
        print(sampler.report(split=heartbeat.split_at.get), flush=True)
    wait_until(lambda: window.settled)
    gaps = sorted(heartbeat.gaps[1:])
    print(
        f"imported {files:,} files in {took:.1f} s while browsing "
        f"({', '.join(f'{n} {what}' for what, n in browsing.actions.items())}); "
        f"{heartbeat.over(50)} of {len(gaps):,} heartbeat gaps over 50 ms",
        flush=True,
    )
    return (
        heartbeat.split_figures()
        | sampler.machine_figures(heartbeat.long_at)
        | {
            "longest stall during import": heartbeat.longest(),
            "stall p99 during import": gaps[int(len(gaps) * 0.99)] if gaps else 0.0,
            "import while browsing (s)": took,
        }
    )
