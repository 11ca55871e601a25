"""The current article: the one the pane shows, which commands act on and the list follows.

Qt-free, so its rules are tested as plain transitions; the window applies what each
transition returns to the list view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum


class ListSync(Enum):
    """What the visible list must do with its selection after a transition."""

    SELECT_CURRENT = "select"  # select the current article's row (and only it)
    CLEAR = "clear"  # clear the selection and the list's current row
    KEEP = "keep"  # leave it: several rows are chosen, or it already shows the current one


class CurrentArticle:
    """The reading pane's article and the list's selection, kept in step.

    Single-article commands act on the current article; commands on several articles act on
    the selection when more than one row is selected. A list that comes into view (a search
    cleared, another view chosen, the rows queried again) selects the current article's row,
    or no row when the article is not in it; the article stays current either way, except
    when the reader chooses another view (then the pane shows a placeholder).
    """

    def __init__(self) -> None:
        self.article_id: int | None = None
        self.selection: tuple[int, ...] = ()

    # -- transitions -------------------------------------------------------------------------

    def open(self, article_id: int) -> None:
        """The pane now shows this article."""
        self.article_id = article_id

    def close(self) -> None:
        """The pane shows a placeholder: nothing is current."""
        self.article_id = None

    def selection_changed(self, ids: Iterable[int]) -> None:
        self.selection = tuple(ids)

    def row_made_current(self, article_id: int) -> tuple[bool, ListSync]:
        """The reader moved the list's current row (click, arrows, Ctrl+Home, j/k).

        Returns whether to open the article, and what the selection must do: a single (or no)
        selected row follows the current one, a multi-selection is left alone.
        """
        to_open = article_id != self.article_id
        follows = len(self.selection) <= 1 and self.selection != (article_id,)
        return to_open, ListSync.SELECT_CURRENT if follows else ListSync.KEEP

    def list_shown(self, contains: Callable[[int], bool], *, reset: bool = False) -> ListSync:
        """Another list is in view, or the visible one was queried again (`reset`: the view
        restored its own selection, kept when it holds several rows)."""
        if reset and len(self.selection) > 1:
            return ListSync.KEEP
        if self.article_id is not None and contains(self.article_id):
            return ListSync.SELECT_CURRENT
        return ListSync.CLEAR

    def view_chosen(self, contains: Callable[[int], bool]) -> ListSync:
        """The reader chose another view: an article not in it gives way to a placeholder."""
        if self.article_id is not None and not contains(self.article_id):
            self.close()
        return self.list_shown(contains)

    def removed(self, ids: Iterable[int]) -> bool:
        """Articles went (to the Trash, or for good); True when the current one was among them."""
        gone = set(ids)
        self.selection = tuple(i for i in self.selection if i not in gone)
        if self.article_id in gone:
            self.close()
            return True
        return False

    # -- what commands act on ---------------------------------------------------------------

    def targets(self) -> list[int]:
        """The selection when it holds several rows, else the current article (if any)."""
        if len(self.selection) > 1:
            return list(self.selection)
        return [self.article_id] if self.article_id is not None else []
