"""The window's lists kept in step with the current article, and what the Article menu acts on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from reader.gui.actions import WindowActions
from reader.gui.current_article import CurrentArticle, ListSync
from reader.gui.layout import WindowParts
from reader.gui.views.article_list import ArticleListView
from reader.services.library import Library
from reader.storage.articles import ArticleFilter


class CurrentLists(QObject):
    """Applies the CurrentArticle rules to the two list views and the article actions.

    The window opens articles (`open_article`); this object decides when a row made current
    opens one, which row the visible list selects, and which actions are on.
    """

    def __init__(
        self,
        parts: WindowParts,
        actions: WindowActions,
        library: Library,
        open_article: Callable[[int], bool],
    ) -> None:
        super().__init__(actions)
        self.state = CurrentArticle()
        self._parts = parts
        self._actions = actions
        self._library = library
        self._open_article = open_article
        for view in (parts.article_list, parts.search_list):
            view.current_article_changed.connect(self._on_list_current_article_changed)
            view.selectionModel().selectionChanged.connect(self._on_list_selection_changed)
        parts.article_model.modelReset.connect(self._on_article_model_reset)

    @property
    def searching(self) -> bool:
        return self._parts.list_stack.currentWidget() is self._parts.search_list

    def visible(self) -> ArticleListView:
        return self._parts.search_list if self.searching else self._parts.article_list

    def target_ids(self) -> list[int]:
        """What an article command acts on: several selected rows, else the current article."""
        return self.state.targets()

    # -- transitions the window reports ----------------------------------------------------

    def view_chosen(self) -> bool:
        """The article list shows another view; False when it lacks the current article,
        which is then current no more (the window shows a placeholder)."""
        model = self._parts.article_model
        had_article = self.state.article_id is not None
        self.follow(self.state.view_chosen(lambda i: model.row_of(i) is not None))
        return not had_article or self.state.article_id is not None

    def sync(self, *, reset: bool = False) -> None:
        """The visible list selects the current article's row, or none when it lacks it."""
        row_of = getattr(self.visible().model(), "row_of", None)
        if row_of is not None:
            contains = lambda i: row_of(i) is not None  # noqa: E731 - a one-line predicate
            self.follow(self.state.list_shown(contains, reset=reset))

    def follow(self, sync: ListSync) -> None:
        view = self.visible()
        if sync is not ListSync.KEEP:
            view.follow(self.state.article_id if sync is ListSync.SELECT_CURRENT else None)
        self.state.selection_changed(view.selected_ids())
        for each in (self._parts.article_list, self._parts.search_list):
            each.pick_on_focus = self.state.article_id is None
        self.update_actions()

    def update_actions(self) -> None:
        a, writable = self._actions, not self._library.read_only
        has_target = bool(self.target_ids()) and writable
        for action in a.article_actions:
            action.setEnabled(has_target)
        in_trash = self._parts.article_model.view_filter.trashed and not self.searching
        a.remove.setEnabled(has_target and not in_trash)
        a.restore.setEnabled(has_target and in_trash)
        a.empty_trash.setEnabled(writable)
        # These act on the article shown: with none (a placeholder), they would do nothing.
        shown = self.state.article_id is not None
        a.open_source.setEnabled(shown)
        a.edit_tags.setEnabled(shown and writable)
        a.download_images.setEnabled(shown and writable)

    def trash_moved(self, ids: frozenset[int]) -> bool:
        """Did an article of the list go to the Trash or come back (here or elsewhere)?

        In All Articles and the Trash, being listed depends on that alone, so an article not
        listed that now belongs is noticed too; other views are queried again when chosen.
        """
        model = self._parts.article_model
        in_trash = model.view_filter.trashed
        whole = model.view_filter in (ArticleFilter(), ArticleFilter(trashed=True))
        for article_id, summary in self._library.summaries(list(ids)).items():
            belongs = (summary.trashed is not None) == in_trash
            if belongs != (model.row_of(article_id) is not None) and (whole or not belongs):
                return True
        return False

    # -- the list views ---------------------------------------------------------------------

    def _on_list_current_article_changed(self, article_id: int) -> None:
        if not article_id:
            return
        to_open, sync = self.state.row_made_current(article_id)
        if to_open:
            self._open_article(article_id)
        else:
            self.follow(sync)

    def _on_list_selection_changed(self) -> None:
        self.state.selection_changed(self.visible().selected_ids())
        self.update_actions()

    def _on_article_model_reset(self) -> None:
        if not self.searching:
            self.sync(reset=True)
