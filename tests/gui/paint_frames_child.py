"""Child process for test_painting: paint widgets while another thread holds and drops the
UI thread's frames, as the stall sampler does; prints how many frames Qt saw an active
painter at their end. A painter left to go out of scope is destroyed on that other thread,
in the middle of the UI thread's painting, and the process dies."""

from __future__ import annotations

import sys
import threading
import time

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from reader.gui.focus_ring import FocusRing
from reader.gui.views.article_list import ArticleListView

ROUNDS = 2000
warnings: list[str] = []


def keep(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    warnings.append(message)


def hold_and_drop(ui: int, stop: threading.Event) -> None:
    while not stop.is_set():
        frames = sys._current_frames()
        frame = frames.pop(ui, None)
        time.sleep(0.0005)  # the sampler held what it took across its sleep
        del frame, frames  # the last reference to the frame (and its locals) goes here


def main() -> None:
    qInstallMessageHandler(keep)
    app = QApplication([])
    pane = ArticleListView()  # no model: its paintEvent has nothing to draw
    pane.resize(400, 300)
    ring = FocusRing([pane])
    ring.setParent(pane)
    ring.setGeometry(pane.rect())
    pane.show()
    ring.show()
    app.processEvents()
    stop = threading.Event()
    sampler = threading.Thread(target=hold_and_drop, args=(threading.get_ident(), stop))
    sampler.start()
    for _ in range(ROUNDS):
        ring.repaint()
        pane.viewport().repaint()
        app.processEvents()
    stop.set()
    sampler.join()
    print(sum("active painter" in w for w in warnings), "frames ended with an active painter")


if __name__ == "__main__":
    main()
