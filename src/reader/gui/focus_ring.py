"""A ring drawn round the pane that has the keyboard focus (sidebar, list, results, article).

The selected rows of the sidebar and the list look the same with and without the focus in
Qt's styles, and the reading pane shows none: without the ring, Tab and Esc move the keyboard
somewhere the reader cannot see.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

from reader.gui.painting import painting

RING_WIDTH = 2


class FocusRing(QWidget):
    """Lies over whichever of `panes` holds the focus; hidden when none does."""

    def __init__(self, panes: Sequence[QWidget]) -> None:
        super().__init__(panes[0])
        self._panes = tuple(panes)
        # The first pane is the ring's parent from the start, so the focus moving there
        # changes no parent: its resizes must be followed from now on.
        panes[0].installEventFilter(self)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)

    @property
    def around(self) -> QWidget | None:
        """The pane the ring is drawn round, or None."""
        return self.parentWidget() if self.isVisible() else None

    def _on_app_focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        pane = next((p for p in self._panes if now is not None and _within(now, p)), None)
        if pane is None:
            # Focus in a dialog or the menu bar: the ring stays where the keyboard returns.
            if now is not None and now.window() is self._panes[0].window():
                self.hide()
            return
        before = self.parentWidget()
        if before is not pane:
            if before is not None:
                before.removeEventFilter(self)
            self.setParent(pane)
            pane.installEventFilter(self)
        self.setGeometry(pane.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        pane = self.parentWidget()
        if pane is not None and watched is pane and event.type() == QEvent.Type.Resize:
            self.setGeometry(pane.rect())
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), RING_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        inset = RING_WIDTH / 2
        with painting(self) as painter:
            painter.setPen(pen)
            painter.drawRect(self.rect().toRectF().adjusted(inset, inset, -inset, -inset))


def _within(widget: QWidget, pane: QWidget) -> bool:
    return widget is pane or pane.isAncestorOf(widget)
