"""What the Article menu does to the selected articles, asking the user where it must."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from reader.gui.tasks import TaskRunner
from reader.services.library import Library


class ArticleCommands(QObject):
    """Library changes started from menus, context menus and drops.

    Every change runs on the edit lane (the UI thread never writes: a write may wait behind
    an import's transaction); the signals say when one is done: `articles_changed` names
    rows to refresh, `library_reshaped` means the list and the sidebar must be queried again.
    """

    articles_changed = Signal(list)  # article ids
    library_reshaped = Signal()

    def __init__(self, library: Library, lane: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self._library = library
        self._lane = lane
        self._window = window

    def mark_read(self, ids: Sequence[int], read: bool) -> None:
        chosen = list(ids)
        self._run(lambda: self._library.mark_read(chosen, read), self.articles_changed, chosen)

    def toggle_bookmark(self, ids: Sequence[int]) -> None:
        """Bookmark the articles, or remove the bookmarks when all of them have one."""
        summaries = self._library.summaries(ids)
        if not summaries:
            return
        turn_on = not all(s.bookmarked for s in summaries.values())

        def apply() -> None:
            for article_id in summaries:
                self._library.set_bookmarked(article_id, turn_on)

        self._run(apply, self.articles_changed, list(summaries))

    def move(self, ids: Sequence[int], section: str | None = None) -> None:
        """Move to a section, asking for it (existing or new) when not given."""
        if not ids:
            return
        if section is None:
            names = [name for name, _count in self._library.sections()]
            section, ok = QInputDialog.getItem(
                self._window,
                self.tr("Move to Section"),
                self.tr("Move {n} article(s) to the section:").format(n=len(ids)),
                names,
                0,
                True,
            )
            if not ok or not section.strip():
                return
        target, chosen = section.strip(), list(ids)
        self._run(
            lambda: self._library.move_to_section(chosen, target),
            self.library_reshaped,
        )

    def remove(self, ids: Sequence[int]) -> bool:
        """Remove after a confirmation naming what goes; True when the removal started.

        Highlights and notes are the reader's own work: the confirmation says when some go
        with the articles, and only then are they removed too.
        """
        summaries = self._library.summaries(ids)
        annotated = len(set(summaries) & set(self._library.annotations.annotated_ids()))
        titles = [s.title for s in summaries.values()]
        if not summaries or not self.confirm_removal(titles, annotated):
            return False

        def apply() -> None:
            for article_id in summaries:
                self._library.remove(article_id, with_annotations=True)

        self._run(apply, self.library_reshaped)
        return True

    def confirm_removal(self, titles: list[str], annotated: int = 0) -> bool:
        if len(titles) == 1:
            question = self.tr("Remove “{title}” from the library?").format(title=titles[0])
        else:
            question = self.tr("Remove {n} articles from the library?").format(n=len(titles))
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Remove"),
            question,
            QMessageBox.StandardButton.Cancel,
            self._window,
        )
        details = self.tr("Their reading positions and bookmarks go with them.")
        if annotated:
            details += "\n\n" + self.tr(
                "{n} of them carry highlights or notes, which are deleted too. To keep them, "
                "export them first (File → Export Annotations…)."
            ).format(n=annotated)
        box.setInformativeText(details)
        confirm = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is confirm

    def rename_section(self, old: str) -> None:
        new, ok = QInputDialog.getText(
            self._window,
            self.tr("Rename Section"),
            self.tr("New name for “{name}”:").format(name=old),
            QLineEdit.EchoMode.Normal,
            old,
        )
        name = new.strip()
        if ok and name and name != old:
            self._run(
                lambda: self._library.rename_section(old, name),
                self.library_reshaped,
            )

    def _run(self, change: Callable[[], None], done: SignalInstance, *args: object) -> None:
        """Run a change on the edit lane; emit `done` with args once it has happened."""
        self._lane.start(
            lambda _stop: change(),
            finished=lambda _value: done.emit(*args),
            failed=self._on_task_failed,
        )

    def _on_task_failed(self, message: str) -> None:
        QMessageBox.warning(self._window, self.tr("Reader"), message)
        self.library_reshaped.emit()  # show what did change before the failure
