"""Painters end and painter state is put back however a paint method leaves.

A paint method's frame can outlive the call: a traceback of an exception raised in it, a
profiler, or a sampler of the UI thread's stack holds it. A painter ended only by going out
of scope then stays active past the frame Qt paints ("QBackingStore::endPaint() called with
active painter") and is ended later wherever the last reference is dropped; under an import
with the stack sampler running this ended in a segfault.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

import reader.gui
from reader.gui.focus_ring import FocusRing
from reader.gui.models.articles import ArticleTableModel
from reader.gui.painting import saved
from reader.gui.views.article_list import ArticleListView
from reader.services.library import Library
from tests.processes import run_child


@contextmanager
def holding_paint_frames() -> Iterator[list[FrameType]]:
    """Keep every paintEvent frame alive, as a stack sampler or a traceback does."""
    held: list[FrameType] = []

    def profile(frame: FrameType, event: str, _arg: Any) -> None:
        if event == "call" and frame.f_code.co_name == "paintEvent":
            held.append(frame)

    sys.setprofile(profile)
    try:
        yield held
    finally:
        sys.setprofile(None)


def painters_in(frames: list[FrameType]) -> list[QPainter]:
    return [v for f in frames for v in f.f_locals.values() if isinstance(v, QPainter)]


def repaint_holding_frames(widget: QWidget) -> list[FrameType]:
    with holding_paint_frames() as held:
        widget.repaint()
    QCoreApplication.processEvents()
    return held


def painted_holding_frames(qtbot: QtBot, widget: QWidget) -> list[FrameType]:
    """Repaint until the widget has painted once (the first expose may come later)."""
    held: list[FrameType] = []

    def painted() -> bool:
        held[:] = repaint_holding_frames(widget)
        return bool(held)

    qtbot.waitUntil(painted)
    return held


def no_active_painters(qtlog: Any, held: list[FrameType]) -> None:
    assert not [p for p in painters_in(held) if p.isActive()]
    assert not [r for r in qtlog.records if "active painter" in r.message]


def test_focus_ring_ends_its_painter_while_its_frame_is_held(qtbot: QtBot, qtlog: Any) -> None:
    pane = QWidget()
    qtbot.addWidget(pane)
    pane.resize(200, 120)
    ring = FocusRing([pane])
    ring.setParent(pane)
    ring.setGeometry(pane.rect())
    pane.show()
    ring.show()
    qtbot.waitExposed(pane)
    no_active_painters(qtlog, painted_holding_frames(qtbot, ring))


def test_empty_list_ends_its_placeholder_painter_while_its_frame_is_held(
    qtbot: QtBot, qtlog: Any, library: Library
) -> None:
    view = ArticleListView()
    qtbot.addWidget(view)
    model = ArticleTableModel(library)
    model.reload()
    view.setModel(model)
    view.set_placeholder("No articles here")
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    no_active_painters(qtlog, painted_holding_frames(qtbot, view.viewport()))


def test_saved_puts_the_painter_back_when_the_block_raises() -> None:
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        painter.setPen(QColor("blue"))
        with pytest.raises(RuntimeError), saved(painter):
            painter.setPen(QColor("red"))
            raise RuntimeError("paint failed halfway")
        assert painter.pen().color() == QColor("blue")
        painter.restore()  # nothing saved is left: Qt only warns, the pen stays
        assert painter.pen().color() == QColor("blue")
    finally:
        painter.end()


def _unmanaged_painting(tree: ast.AST) -> list[int]:
    """Lines that make a QPainter, or save its state, outside a `with` block."""
    managed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.With):
            managed.update(id(item.context_expr) for item in node.items)
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or id(node) in managed:
            continue
        func = node.func
        made = isinstance(func, ast.Name) and func.id == "QPainter"
        kept = isinstance(func, ast.Attribute) and func.attr == "save" and _is_painter(func)
        if made or kept:
            lines.append(node.lineno)
    return lines


def _is_painter(func: ast.Attribute) -> bool:
    return isinstance(func.value, ast.Name) and "painter" in func.value.id.lower()


def test_every_painter_in_the_window_is_ended_by_a_with_block() -> None:
    root = Path(reader.gui.__file__).parent
    found = {}
    for path in sorted(root.rglob("*.py")):
        if path.name == "painting.py":
            continue  # where the with blocks' painters are made and ended
        lines = _unmanaged_painting(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            found[str(path.relative_to(root))] = lines
    assert found == {}, "use reader.gui.painting.painting() / saved()"


def test_the_guard_sees_a_painter_left_to_scope() -> None:
    source = "def paintEvent(self, e):\n    painter = QPainter(self)\n    painter.save()\n"
    assert _unmanaged_painting(ast.parse(source)) == [2, 3]
    managed = "def paintEvent(self, e):\n    with painting(self) as painter:\n        pass\n"
    assert _unmanaged_painting(ast.parse(managed)) == []


@pytest.mark.slow
def test_painting_survives_another_thread_holding_and_dropping_paint_frames(
    tmp_path: Path,
) -> None:
    proc = run_child("tests.gui.paint_frames_child")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "0 frames ended with an active painter"
