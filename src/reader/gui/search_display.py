"""Library search in the window: the results list in place of the article list, the status
line, the query's words marked in the pane, and the syntax help."""

from __future__ import annotations

# Strings moved out of the window keep its translation context ("MainWindow"), so the
# translations made for them still apply.
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMainWindow

from reader.gui.actions import WindowActions
from reader.gui.current_lists import CurrentLists
from reader.gui.dialogs.search_help import SearchHelpPopup, show_syntax
from reader.gui.layout import WindowParts
from reader.gui.library_search import LibrarySearch
from reader.gui.models.search_results import SearchOutcome


class SearchDisplay(QObject):
    """Shows what LibrarySearch found, or the article list again when the query is cleared."""

    def __init__(
        self,
        window: QMainWindow,
        search: LibrarySearch,
        parts: WindowParts,
        lists: CurrentLists,
        actions: WindowActions,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._search = search
        self._parts = parts
        self._lists = lists
        actions.search.triggered.connect(self._on_search_triggered)
        actions.search_help.triggered.connect(lambda: show_syntax(window))
        parts.search_field.query_changed.connect(search.run)
        parts.search_field.help_requested.connect(self._on_search_field_help_requested)
        search.search_finished.connect(self._on_search_search_finished)
        search.search_failed.connect(self._on_search_search_failed)
        search.search_cleared.connect(self._on_search_search_cleared)

    def _on_search_triggered(self) -> None:
        self._parts.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._parts.search_field.selectAll()

    def _on_search_search_finished(self, outcome: SearchOutcome) -> None:
        p = self._parts
        p.search_model.set_outcome(outcome)
        p.list_stack.setCurrentWidget(p.search_list)
        status, placeholder = self._search.describe(outcome)
        self._window.statusBar().showMessage(status)
        p.search_list.set_placeholder(placeholder)
        shown = self._lists.state.article_id
        row = p.search_model.row_of(shown) if shown is not None else None
        # The open article still a hit: this query's words are marked in it; else none are
        # (the last query's marks were left in place, saying what it no longer matches).
        terms = p.search_model.terms_for(row) if row is not None else ()
        p.pane.set_terms(terms, reveal=False)
        self._lists.sync(reset=True)

    def _on_search_search_failed(self, message: str) -> None:
        self._window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Search failed: {error}").format(error=message)
        )

    def _on_search_search_cleared(self) -> None:
        self._parts.search_model.set_outcome(None)
        self._parts.list_stack.setCurrentWidget(self._parts.article_list)
        self._parts.pane.set_terms(())
        self._window.statusBar().clearMessage()
        self._lists.sync()  # the list selects the article read from the results, or none

    def _on_search_field_help_requested(self) -> None:
        SearchHelpPopup(self._window).show_below(self._parts.search_field)
