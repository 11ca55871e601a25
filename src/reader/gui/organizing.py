"""Tags, sections as a whole and saved searches in the window: sidebar menus, the tag editor
and Save Search, each change undoable and made on the edit lane."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLineEdit, QMenu, QMessageBox, QStyle, QWidget

from reader.errors import ReaderError
from reader.gui.actions import WindowActions
from reader.gui.article_commands import ArticleCommands
from reader.gui.dialogs.asking import ask_item, ask_text
from reader.gui.dialogs.tags import TagEditorDialog
from reader.gui.layout import WindowParts
from reader.gui.tasks import TaskRunner
from reader.gui.undo import LaneCommand, UndoHistory
from reader.services.library import Library


class OrganizingCommands(QObject):
    """What the sidebar's context menus, Edit → Save Search and Article → Edit Tags do.

    `library_reshaped` says a change is stored: the sidebar and the list are queried again.
    """

    library_reshaped = Signal()

    def __init__(
        self,
        library: Library,
        lane: TaskRunner,
        window: QWidget,
        history: UndoHistory,
        current: Callable[[], int | None],
    ) -> None:
        super().__init__(window)
        self._library = library
        self._organizing = library.organizing
        self._lane = lane
        self._window = window
        self._history = history
        self._current = current
        self.editor: TagEditorDialog | None = None

    def connect_window(
        self, parts: WindowParts, actions: WindowActions, articles: ArticleCommands
    ) -> None:
        sidebar, field = parts.sidebar, parts.search_field
        sidebar.delete_requested.connect(self.delete_section)
        sidebar.merge_requested.connect(self.merge_section)
        sidebar.search_rename_requested.connect(self.rename_search)
        sidebar.search_delete_requested.connect(self.delete_search)
        sidebar.search_chosen.connect(self._on_sidebar_search_chosen)
        self._field = field
        self._articles = articles
        save = actions.save_search
        save.setIcon(field.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
        save.setToolTip(self.tr("Save this search in the sidebar"))
        save.triggered.connect(lambda: self.save_search(field.text()))
        field.addAction(save, QLineEdit.ActionPosition.TrailingPosition)
        field.textChanged.connect(lambda text: save.setEnabled(self._writable and bool(text)))
        save.setEnabled(False)
        actions.edit_tags.triggered.connect(self.edit_tags)
        parts.pane.context_menu_opening.connect(
            lambda menu, _hid: self._add_to_pane_menu(menu, actions)
        )
        parts.pane.tags_requested.connect(self.edit_tags)
        parts.pane.offer_tags = self._writable  # the byline's Tags… link
        if not self._writable:
            actions.edit_tags.setEnabled(False)

    @property
    def _writable(self) -> bool:
        return not self._library.read_only

    def _add_to_pane_menu(self, menu: QMenu, actions: WindowActions) -> None:
        if self._current() is not None:
            menu.addSeparator()
            menu.addAction(actions.edit_tags)

    # -- tags --------------------------------------------------------------------------------

    def edit_tags(self) -> TagEditorDialog | None:
        """Open the tag editor on the current article; saved (undoably) when accepted."""
        article_id = self._current()
        if article_id is None or not self._writable:
            return None
        summary = self._library.summaries([article_id]).get(article_id)
        tags = self._library.annotations.for_article(article_id).tags
        known = [name for name, _n in self._organizing.tags()]
        title = summary.title if summary else ""
        self.editor = TagEditorDialog(title, tags, known, self._window)
        editor = self.editor
        editor.accepted.connect(lambda: self._save_tags(article_id, editor.tags()))
        editor.open()
        return editor

    def _save_tags(self, article_id: int, tags: list[str]) -> None:
        self._articles.set_tags(article_id, tags)

    # -- sections ----------------------------------------------------------------------------

    def delete_section(self, name: str) -> None:
        """Delete a section: its articles stay, unsectioned; undo puts them back."""
        moved: list[int] = []

        def forward() -> None:
            moved[:] = self._organizing.delete_section(name)

        back = lambda: self._organizing.put_in_section(moved, name)  # noqa: E731
        self._push(self.tr("Delete Section “{name}”").format(name=name), forward, back)

    def merge_section(self, name: str) -> None:
        others = [n for n, _count in self._library.sections() if n != name]
        into = ask_item(
            self._window,
            self.tr("Merge Section"),
            self.tr("Move every article of “{name}” into:").format(name=name),
            others,
        )
        if into is not None and into.strip():
            self.merge_into(name, into.strip())

    def merge_into(self, name: str, into: str) -> None:
        moved: list[int] = []

        def forward() -> None:
            moved[:] = self._organizing.merge_section(name, into)

        back = lambda: self._organizing.put_in_section(moved, name)  # noqa: E731
        text = self.tr("Merge “{name}” into “{into}”").format(name=name, into=into)
        self._push(text, forward, back)

    # -- saved searches ----------------------------------------------------------------------

    def save_search(self, query: str) -> None:
        query = query.strip()
        if not query:
            return
        # As wide as its title needs: QInputDialog.getText's dialog was narrower than it.
        name = ask_text(self._window, self.tr("Save Search"), self.tr("Name:"), query)
        if name is not None and name.strip():
            self.save_search_as(name.strip(), query)

    def save_search_as(self, name: str, query: str) -> None:
        forward = lambda: self._organizing.save_search(name, query)  # noqa: E731
        back = lambda: self._organizing.delete_search(name)  # noqa: E731
        self._push(self.tr("Save Search “{name}”").format(name=name), forward, back)

    def rename_search(self, name: str) -> None:
        asked = ask_text(
            self._window,
            self.tr("Rename Saved Search"),
            self.tr("New name for “{name}”:").format(name=name),
            name,
        )
        new = " ".join((asked or "").split())
        if new and new != name:
            forward = lambda: self._organizing.rename_search(name, new)  # noqa: E731
            back = lambda: self._organizing.rename_search(new, name)  # noqa: E731
            self._push(self.tr("Rename Saved Search"), forward, back)

    def delete_search(self, name: str) -> None:
        try:
            query = self._organizing.saved_search(name).query
        except ReaderError as exc:
            self._on_task_failed(str(exc))
            return
        forward = lambda: self._organizing.delete_search(name)  # noqa: E731
        back = lambda: self._organizing.save_search(name, query)  # noqa: E731
        self._push(self.tr("Delete Saved Search “{name}”").format(name=name), forward, back)

    def _on_sidebar_search_chosen(self, query: str) -> None:
        if self._field.text() != query:
            self._field.set_query(query)

    # -- running changes ---------------------------------------------------------------------

    def _push(
        self, text: str, forward: Callable[[], object], backward: Callable[[], object]
    ) -> None:
        self._history.push(LaneCommand(text, self._run, forward, backward))

    def _run(self, change: Callable[[], object]) -> None:
        self._lane.start(
            lambda _stop: change(),
            finished=lambda _value: self.library_reshaped.emit(),
            failed=self._on_task_failed,
        )

    def _on_task_failed(self, message: str) -> None:
        QMessageBox.warning(self._window, self.tr("Reader"), message)
        self.library_reshaped.emit()
