"""What the Article menu does to the current or selected articles: undoable, on the edit lane."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.core.edits import Snapshot
from reader.gui.dialogs.asking import ask_item, ask_text
from reader.gui.dialogs.edit_details import EditDetailsDialog
from reader.gui.tasks import TaskRunner
from reader.gui.undo import LaneCommand, UndoHistory
from reader.services.library import Library


class ArticleCommands(QObject):
    """Library changes started from menus, context menus and drops.

    Every change runs on the edit lane (the UI thread never writes: a write may wait behind
    an import's transaction) and goes on the undo stack with its reverse; the signals say when
    one is done: `articles_changed` names rows to refresh, `library_reshaped` means the list
    and the sidebar must be queried again.
    """

    articles_changed = Signal(list)  # article ids
    library_reshaped = Signal()
    details_edited = Signal(int)  # an article's title, date, site… changed (or changed back)

    def __init__(
        self, library: Library, lane: TaskRunner, window: QWidget, history: UndoHistory
    ) -> None:
        super().__init__(window)
        self._library = library
        self._lane = lane
        self._window = window
        self._history = history

    def mark_read(self, ids: Sequence[int], read: bool) -> None:
        before = self._library.summaries(ids)
        chosen = list(before)
        was_read = [i for i, s in before.items() if s.read]
        was_unread = [i for i, s in before.items() if not s.read]

        def back() -> None:
            self._library.mark_read(was_read, True)
            self._library.mark_read(was_unread, False)

        text = self.tr("Mark as Read") if read else self.tr("Mark as Unread")
        forward = lambda: self._library.mark_read(chosen, read)  # noqa: E731
        self._push(text, forward, back, self.articles_changed, chosen)

    def toggle_bookmark(self, ids: Sequence[int]) -> None:
        """Bookmark the articles, or remove the bookmarks when all of them have one."""
        before = self._library.summaries(ids)
        if not before:
            return
        turn_on = not all(s.bookmarked for s in before.values())

        def apply(states: dict[int, bool]) -> None:
            for article_id, on in states.items():
                self._library.set_bookmarked(article_id, on)

        text = self.tr("Bookmark") if turn_on else self.tr("Remove Bookmark")
        self._push(
            text,
            lambda: apply(dict.fromkeys(before, turn_on)),
            lambda: apply({i: s.bookmarked for i, s in before.items()}),
            self.articles_changed,
            list(before),
        )

    def set_tags(self, article_id: int, tags: Sequence[str]) -> None:
        """Give an article these tags (undo gives back the ones it had)."""
        old = self._library.annotations.for_article(article_id).tags
        new = list(tags)
        self._push(
            self.tr("Edit Tags"),
            lambda: self._library.annotations.set_tags(article_id, new),
            lambda: self._library.annotations.set_tags(article_id, old),
            self.articles_changed,
            [article_id],
        )

    def edit_details(self, article_id: int) -> bool:
        """Ask for corrected metadata and store it (undo puts back the values and which of
        them were the user's); True when something was changed."""
        dialog = EditDetailsDialog(
            self._library.details(article_id),
            [name for name, _count in self._library.sections()],
            self._window,
        )
        if dialog.exec() != EditDetailsDialog.DialogCode.Accepted or not dialog.changes():
            return False
        values: dict[str, str | None] = dict(dialog.changes())
        before: list[Snapshot] = []  # set on the lane by the change, read by its undo

        def forward() -> None:
            before[:] = [self._library.edit_details(article_id, values)]

        def back() -> None:
            if before:
                self._library.restore_details(article_id, before[0])

        self._push(self.tr("Edit Details"), forward, back, self.details_edited, article_id)
        return True

    def move(self, ids: Sequence[int], section: str | None = None) -> None:
        """Move to a section, asking for it (existing or new) when not given."""
        if not ids:
            return
        if section is None:
            section = self._ask_section(len(ids))
            if section is None:
                return
        target, before = section.strip(), self._library.summaries(ids)
        chosen = list(before)

        def back() -> None:
            for old in {s.section for s in before.values()}:
                self._library.move_to_section(
                    [i for i, s in before.items() if s.section == old], old
                )

        forward = lambda: self._library.move_to_section(chosen, target)  # noqa: E731
        self._push(self.tr("Move to Section"), forward, back, self.library_reshaped)

    def _ask_section(self, count: int) -> str | None:
        names = [name for name, _count in self._library.sections()]
        section = ask_item(
            self._window,
            self.tr("Move to Section"),
            self.tr("Move %n article(s) to the section:", "", count),
            names,
        )
        return section if section is not None and section.strip() else None

    def remove(self, ids: Sequence[int]) -> bool:
        """Move articles to the Trash (undoable; notes and highlights stay with them); True
        when there was something to move."""
        summaries = self._library.summaries(ids)
        chosen = [i for i, s in summaries.items() if s.trashed is None]
        if not chosen:
            return False
        if len(chosen) == 1:
            text = self.tr("Move “{title}” to the Trash").format(title=summaries[chosen[0]].title)
        else:
            text = self.tr("Move %n article(s) to the Trash", "", len(chosen))
        self._push(
            text,
            lambda: self._library.trash(chosen),
            lambda: self._library.restore_from_trash(chosen),
            self.library_reshaped,
        )
        return True

    def restore(self, ids: Sequence[int]) -> bool:
        """Bring articles back from the Trash (undo sends them back)."""
        chosen = [i for i, s in self._library.summaries(ids).items() if s.trashed is not None]
        if not chosen:
            return False
        self._push(
            self.tr("Restore from Trash"),
            lambda: self._library.restore_from_trash(chosen),
            lambda: self._library.trash(chosen),
            self.library_reshaped,
        )
        return True

    def empty_trash(self) -> bool:
        """Delete what the Trash holds for good, after a confirmation (this cannot be undone)."""
        count = len(self._library.trashed())
        if not count or not self.confirm_empty_trash(count):
            return False
        self._run(self._library.empty_trash, self.library_reshaped)
        return True

    def confirm_empty_trash(self, count: int) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Empty Trash"),
            self.tr("Delete the %n article(s) in the Trash for good?", "", count),
            QMessageBox.StandardButton.Cancel,
            self._window,
        )
        box.setInformativeText(
            self.tr("Their highlights and notes are deleted too. This cannot be undone.")
        )
        confirm = box.addButton(self.tr("Empty Trash"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is confirm

    def rename_section(self, old: str) -> None:
        new = ask_text(
            self._window,
            self.tr("Rename Section"),
            self.tr("New name for “{name}”:").format(name=old),
            old,
        )
        name = (new or "").strip()
        if name and name != old:
            self._run(
                lambda: self._library.rename_section(old, name),
                self.library_reshaped,
            )

    def _push(
        self,
        text: str,
        forward: Callable[[], object],
        backward: Callable[[], object],
        done: SignalInstance,
        *args: object,
    ) -> None:
        """Make a change undoable: its reverse runs on the same lane, and `done` follows both."""
        run = lambda change: self._run(change, done, *args)  # noqa: E731
        self._history.push(LaneCommand(text, run, forward, backward))

    def _run(self, change: Callable[[], object], done: SignalInstance, *args: object) -> None:
        """Run a change on the edit lane; emit `done` with args once it has happened."""
        self._lane.start(
            lambda _stop: change(),
            finished=lambda _value: done.emit(*args),
            failed=self._on_task_failed,
        )

    def _on_task_failed(self, message: str) -> None:
        QMessageBox.warning(self._window, self.tr("Reader"), message)
        self.library_reshaped.emit()  # show what did change before the failure
