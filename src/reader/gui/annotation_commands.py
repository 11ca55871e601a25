"""Highlighting and note-taking in the open article: pane, notes panel and Library in step."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from reader.core.annotation import AnchorStatus, ArticleAnnotations, Color, Highlight
from reader.core.article import StoredArticle
from reader.errors import ReaderError
from reader.gui.actions import WindowActions
from reader.gui.tasks import TaskRunner
from reader.gui.undo import DeleteHighlight, LaneCommand, UndoHistory
from reader.gui.views.notes_panel import NotesPanel
from reader.gui.views.reading_pane import ReadingPane
from reader.services.library import Library

log = logging.getLogger(__name__)


class AnnotationCommands(QObject):
    """Turns selections and panel edits into Annotating calls on the edit lane.

    Every change updates the search index, hence the lane. What the reader sees is refreshed
    from the Library once a change is stored; a failed save is reported in the panel, whose
    editors keep the typed text.
    """

    annotations_changed = Signal(int)  # article id
    saved = Signal()
    save_failed = Signal(str)

    def __init__(
        self,
        library: Library,
        lane: TaskRunner,
        pane: ReadingPane,
        panel: NotesPanel,
        actions: WindowActions,
        window: QWidget,
        status: Callable[[str], None],
        history: UndoHistory,
    ) -> None:
        super().__init__(window)
        self._history = history
        self._library = library
        self._annotating = library.annotations
        self._lane = lane
        self._pane = pane
        self._panel = panel
        self._actions = actions
        self._window = window
        self._status = status
        self._article: StoredArticle | None = None
        self._annotations: ArticleAnnotations | None = None
        panel.is_mine = self._annotating.is_mine
        self._connect()

    def _connect(self) -> None:
        a, pane, panel = self._actions, self._pane, self._panel
        for action in a.highlight_colors.values():
            pane.addAction(action)  # the digit shortcuts act only while the pane has focus
            action.triggered.connect(self._on_color_action_triggered)
        a.reattach.triggered.connect(lambda: self.reattach(panel.chosen))
        a.delete_highlight.triggered.connect(lambda: self.delete(panel.chosen))
        a.confirm_highlight.triggered.connect(lambda: self.confirm(panel.chosen))
        a.next_highlight.triggered.connect(lambda: self.step_highlight(forward=True))
        a.previous_highlight.triggered.connect(lambda: self.step_highlight(forward=False))
        pane.article_changed.connect(self._on_pane_article_changed)
        pane.highlight_clicked.connect(self._on_pane_highlight_clicked)
        pane.context_menu_opening.connect(self._on_pane_context_menu_opening)
        pane.selectionChanged.connect(self._update_actions)
        pane.text_map_built.connect(self._update_actions)
        panel.highlight_chosen.connect(self._on_panel_highlight_chosen)
        panel.article_note_edited.connect(self._on_panel_article_note_edited)
        panel.highlight_note_edited.connect(lambda hid, text: self._update(hid, note=text))
        panel.highlight_tags_edited.connect(lambda hid, tags: self._update(hid, tags=tags))
        panel.highlight_color_chosen.connect(lambda hid, color: self._update(hid, color=color))
        panel.delete_requested.connect(self.delete)
        panel.list.installEventFilter(self)  # Delete in the highlights list deletes one
        panel.reattach_requested.connect(self.reattach)
        panel.confirm_requested.connect(self.confirm)
        self._update_actions()

    @property
    def article_id(self) -> int | None:
        return self._article.id if self._article is not None else None

    @property
    def highlights(self) -> tuple[Highlight, ...]:
        return self._annotations.highlights if self._annotations else ()

    # -- following the pane -----------------------------------------------------------------

    def _on_pane_article_changed(self, article: StoredArticle | None) -> None:
        self._panel.flush()  # edits of the previous article are saved under its id
        self._article = article
        self.reload()

    def reload(self, chosen: int | None = None) -> None:
        """Read the open article's annotations again and show them in the pane and panel."""
        if self._article is None:
            self._annotations = None
            self._panel.show_annotations(None)
            self._update_actions()
            return
        try:
            found = self._annotating.for_article(self._article.id)
        except ReaderError as exc:
            self._status(str(exc))
            return
        first = self._annotations is None or self._annotations.article_id != found.article_id
        self._annotations = found
        if first:
            self._panel.show_annotations(found)
        else:
            self._panel.set_highlights(found.highlights, chosen)
        self._pane.set_highlights(found.highlights, self._panel.chosen)
        self._update_actions()

    def _update_actions(self) -> None:
        writable = not self._library.read_only
        has_article = self._article is not None
        # A long article can be highlighted once its text map is built (on a worker).
        has_selection = (
            writable
            and has_article
            and self._pane.text_map_ready
            and self._pane.textCursor().hasSelection()
        )
        for action in self._actions.highlight_colors.values():
            action.setEnabled(has_selection)
        chosen = self._chosen()
        mine = chosen is not None and self._annotating.is_mine(chosen)
        self._actions.delete_highlight.setEnabled(writable and mine)
        self._actions.reattach.setEnabled(
            mine and chosen is not None and chosen.status is not AnchorStatus.ANCHORED
            and has_selection
        )  # fmt: skip
        self._actions.confirm_highlight.setEnabled(
            writable and mine and chosen is not None and chosen.status is AnchorStatus.FUZZY
        )
        for action in (self._actions.next_highlight, self._actions.previous_highlight):
            action.setEnabled(any(h.status is not AnchorStatus.ORPHANED for h in self.highlights))

    def _chosen(self) -> Highlight | None:
        return next((h for h in self.highlights if h.id == self._panel.chosen), None)

    def choose(self, highlight_id: int, *, reveal: bool = False) -> None:
        """Make a highlight the one being edited; reveal scrolls the pane to it."""
        self._panel.choose(highlight_id)
        self._pane.choose_highlight(highlight_id)
        if reveal:
            self._pane.reveal_highlight(highlight_id)
        self._update_actions()

    def step_highlight(self, *, forward: bool) -> bool:
        """Choose and show the next (or previous) highlight in the text, wrapping around;
        from the pane's cursor when none is chosen. False when the article has none."""
        marks = sorted(self._pane.marks, key=lambda m: m.cursor.selectionStart())
        if not marks:
            self._status(self.tr("This article has no highlights."))
            return False
        current = next((m for m in marks if m.highlight_id == self._panel.chosen), None)
        here = current.cursor.selectionStart() if current else self._pane.textCursor().position()
        if forward:
            later = [m for m in marks if m.cursor.selectionStart() > here]
            target = later[0] if later else marks[0]
        else:
            earlier = [m for m in marks if m.cursor.selectionStart() < here]
            target = earlier[-1] if earlier else marks[-1]
        self.choose(target.highlight_id, reveal=True)
        return True

    def _on_pane_highlight_clicked(self, highlight_id: int) -> None:
        self.choose(highlight_id)
        dock = self._panel.parentWidget()
        if dock is not None and not dock.isVisible():
            dock.show()

    def _on_panel_highlight_chosen(self, highlight_id: int) -> None:
        self._pane.choose_highlight(highlight_id)
        self._pane.reveal_highlight(highlight_id)
        self._update_actions()

    def _on_pane_context_menu_opening(self, menu: QMenu, highlight_id: int) -> None:
        first = menu.actions()[0] if menu.actions() else None
        added: list[QAction] = []
        if self._pane.textCursor().hasSelection() and self._article is not None:
            submenu = QMenu(self.tr("Highlight"), menu)
            submenu.addActions(list(self._actions.highlight_colors.values()))
            added.append(submenu.menuAction())
            if self._actions.reattach.isEnabled():
                added.append(self._actions.reattach)
        if highlight_id:
            self.choose(highlight_id)
            added.append(self._actions.delete_highlight)
        if added:
            menu.insertActions(first, added)  # type: ignore[arg-type]
            menu.insertSeparator(first)  # type: ignore[arg-type]

    # -- changes ----------------------------------------------------------------------------

    def _on_color_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.highlight_selection(Color.parse(str(action.data())))

    def highlight_selection(self, color: Color) -> bool:
        """Highlight the pane's selection; False when nothing of the article is selected."""
        span = self._pane.selected_span()
        if self._article is None or span is None:
            if self._article is not None and not self._pane.text_map_ready:
                self._status(self.tr("Still preparing this long article for highlighting…"))
            else:
                self._status(self.tr("Select some text of the article to highlight it."))
            return False
        article_id = self._article.id
        self._run(
            lambda: self._annotating.highlight_span(article_id, *span, color=color),
            article_id,
            self._on_highlight_created,
        )
        return True

    def _on_highlight_created(self, highlight: Highlight) -> None:
        if highlight.article_id == self.article_id:
            cursor = self._pane.textCursor()
            cursor.clearSelection()
            self._pane.setTextCursor(cursor)
            self.reload(chosen=highlight.id)
            self._pane.choose_highlight(highlight.id)

    def _update(
        self,
        highlight_id: int,
        *,
        note: str | None = None,
        tags: Sequence[str] | None = None,
        color: str | None = None,
    ) -> None:
        self._run(
            lambda: self._annotating.update_highlight(
                highlight_id, note=note, tags=tags, color=color
            ),
            self.article_id,
            self._on_highlight_updated,
        )

    def _on_highlight_updated(self, highlight: Highlight) -> None:
        if highlight.article_id != self.article_id or self._annotations is None:
            return
        items = tuple(highlight if h.id == highlight.id else h for h in self.highlights)
        self._annotations = ArticleAnnotations(
            self._annotations.article_id, self._annotations.note, self._annotations.tags, items
        )
        self._panel.update_highlight(highlight)
        self._pane.set_highlights(items, self._panel.chosen)

    def _on_panel_article_note_edited(self, text: str) -> None:
        if self._article is None:
            return
        article_id = self._article.id
        self._run(lambda: self._annotating.set_note(article_id, text), article_id)

    def delete(self, highlight_id: int) -> None:
        """Delete a highlight, note and tags with it; Edit → Undo puts it all back."""
        highlight = next((h for h in self.highlights if h.id == highlight_id), None)
        if highlight is None or self._library.read_only:
            return

        def run(change: Callable[[], object]) -> None:
            self._run(change, highlight.article_id, lambda _value: self.reload(chosen=0))

        command = DeleteHighlight(self.tr("Delete Highlight"), run, self._library, highlight)
        self._history.push(command)
        self._status(self.tr("Highlight deleted. Undo with {key}.").format(key=self._undo_key()))

    def delete_many(self, ids: Sequence[int]) -> None:
        """Delete several highlights as one step of Edit → Undo."""
        if len(ids) <= 1:
            for highlight_id in ids:
                self.delete(highlight_id)
            return
        stack = self._history.stack
        stack.beginMacro(self.tr("Delete %n Highlight(s)", "", len(ids)))
        for highlight_id in ids:
            self.delete(highlight_id)
        stack.endMacro()

    def _undo_key(self) -> str:
        return self._history.undo.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete (or Backspace) in the highlights list deletes the selected highlights, before
        the window's Delete shortcut (Move to Trash) can take the key."""
        if watched is not self._panel.list or not isinstance(event, QKeyEvent):
            return False
        if event.key() not in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) or event.modifiers():
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyPress:
            self.delete_many(self._panel.selected_ids)
            return True
        return False

    def reattach(self, highlight_id: int) -> bool:
        """Attach a highlight (orphaned or approximate) to the pane's selection; undoable."""
        span = self._pane.selected_span()
        before = next((h for h in self.highlights if h.id == highlight_id), None)
        if before is None or span is None:
            self._status(self.tr("Select the passage in the article, then re-attach."))
            return False
        change = lambda: self._annotating.reattach(before.id, *span)  # noqa: E731
        self._push_anchor(self.tr("Re-attach Highlight"), before, change)
        return True

    def confirm(self, highlight_id: int) -> bool:
        """Accept where a fuzzy highlight was found after the article changed; undoable."""
        before = next((h for h in self.highlights if h.id == highlight_id), None)
        if before is None or before.status is not AnchorStatus.FUZZY or self._library.read_only:
            return False
        change = lambda: self._annotating.confirm(before.id)  # noqa: E731
        self._push_anchor(self.tr("Confirm Highlight Position"), before, change)
        return True

    def _push_anchor(self, text: str, before: Highlight, change: Callable[[], Highlight]) -> None:
        """A change of where a highlight is anchored; undo puts the old anchor back."""

        def run(step: Callable[[], object]) -> None:
            self._run(step, before.article_id, self._on_highlight_created)

        back = lambda: self._annotating.restore_anchor(before)  # noqa: E731
        self._history.push(LaneCommand(text, run, change, back))

    def _run(
        self,
        change: Callable[[], object],
        article_id: int | None,
        then: Callable[[Any], None] | None = None,
    ) -> None:
        def done(value: object) -> None:
            self._panel.show_saved()
            if then is not None:
                then(value)
            if article_id is not None:
                self.annotations_changed.emit(article_id)
            self.saved.emit()

        self._lane.start(lambda _stop: change(), finished=done, failed=self._on_task_failed)

    def _on_task_failed(self, message: str) -> None:
        log.warning("annotation change failed: %s", message)
        self._panel.show_error(self.tr("Not saved: {error}").format(error=message))
        self.save_failed.emit(message)
