"""Keeping the window's views in step with the library through its change log: one handler
reads each update and tells the article list, the sidebar counts (and the status bar's), the
pane and the notes panel whether they must refresh (Anki's OpChanges)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# Strings moved out of the window keep its translation context ("MainWindow"), so the
# translations made for them still apply.
from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Signal

from reader.core.article import ArticleSummary
from reader.core.changes import ANNOTATION_ENTITIES
from reader.gui.change_feed import COMMAND, NOTES, ChangeFeed, Update
from reader.gui.current_lists import CurrentLists
from reader.gui.layout import WindowParts
from reader.gui.models.sidebar import LibraryCounts
from reader.gui.pacing import ms_until, rest_until, timed
from reader.gui.tasks import TaskRunner
from reader.services.library import Library
from reader.storage.articles import ArticleFilter

COUNTS_DELAY_MS = 250
RELOAD_DELAY_MS = 400

# What the sidebar counts: the smart views, sections, sites, tags and saved searches.
COUNTED = frozenset(
    {"article", "reading", "bookmark", "highlight", "note", "article_tag", "highlight_tag"}
    | {"tag", "section", "saved_search"}
)


@dataclass(frozen=True)
class ViewChanges:
    """What one update of the change log asks of each view."""

    reload_list: bool = False  # articles came, went, or a command changed what is listed
    rows: frozenset[int] = frozenset()  # rows drawn again (when the list is not reloaded)
    counts: bool = False  # the sidebar's and the status bar's counts
    details: bool = False  # the shown article's header and the window title
    notes: bool = False  # the notes panel: the shown article's annotations changed elsewhere
    now: bool = False  # an explicit command: at once, not after the burst delay


class ViewRefresh(QObject):
    """The one handler of the change feed's updates; bursts of changes make one query.

    The window's own operations say they are done (`after`), the feed reads the log, and
    every view refreshes from that read alone, as it does for other processes' changes.
    """

    details_changed = Signal(int)  # the shown article's metadata: its header, the title
    notes_changed = Signal()  # the shown article's annotations, changed by someone else
    refreshed = Signal(object)  # the ViewChanges just applied
    counted = Signal(int)  # the library's article count, each time it is read

    def __init__(
        self,
        parent: QObject,
        library: Library,
        parts: WindowParts,
        lists: CurrentLists,
        count_lane: TaskRunner,
        feed: ChangeFeed,
        show_placeholder: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._parts = parts
        self._lists = lists
        self._count_lane = count_lane
        self._feed = feed
        feed.updated.connect(self.on_update)
        self._show_placeholder = show_placeholder
        self._counts_timer = _single_shot(self, COUNTS_DELAY_MS, self.count_in_background)
        self._counting = False  # a count is running on the lane
        self._count_again = False  # and another was asked for meanwhile
        self._next_count_at = 0.0  # time.monotonic() before which no count starts
        self._stopped = False
        self._reload_timer = _single_shot(self, RELOAD_DELAY_MS, self.update_list)
        # Ids queried on a worker (at start) are listed later: the list then selects the
        # current article's row, as after any reload (the last article may be open already).
        parts.article_model.loaded.connect(lambda: lists.sync(reset=True))

    @property
    def pending(self) -> bool:
        """A refresh is due but not done yet (the log being read counts)."""
        timers = self._counts_timer.isActive() or self._reload_timer.isActive()
        return timers or self._feed.busy

    def after(self, origin: str | None = None) -> None:
        """An operation of this window has finished: the views follow what it wrote."""
        self._feed.catch_up(origin)

    def stop(self) -> None:
        self._stopped = True
        self._counts_timer.stop()
        self._reload_timer.stop()

    def reload_soon(self) -> None:
        """Several changes in a burst make one reload."""
        if not self._reload_timer.isActive():
            rest = ms_until(self._parts.article_model.next_update_at)
            self._reload_timer.start(max(RELOAD_DELAY_MS, rest))

    def counts_soon(self) -> None:
        if not self._counts_timer.isActive():
            self._counts_timer.start(max(COUNTS_DELAY_MS, ms_until(self._next_count_at)))

    def reload(self) -> None:
        """Query the list and the counts again after the library changed shape, at once (a
        caller about to select a new article's row needs it listed)."""
        self._parts.article_model.reload()
        self.count_in_background()
        shown = self._lists.state.article_id
        if shown is not None:
            self._check_shown(shown, self._library.summaries([shown]).get(shown))

    def update_list(self) -> None:
        """Query the list and the counts again on the count lane: what the change log asks
        for (an import adds articles a few times a second), so the UI thread never waits on
        the database and a few new articles are inserted, not the list reset."""
        shown = self._lists.state.article_id
        if shown is not None:
            # Queued first on the serial lane: the pane has let a removed article go by the
            # time the list no longer has its row, as when both were done here at once.
            self._count_lane.start(
                lambda _stop: self._library.summaries([shown]).get(shown),
                finished=lambda summary: self._check_shown(shown, summary),
            )
        self._parts.article_model.update_on(self._count_lane)
        self.count_in_background()

    def _check_shown(self, shown: int, summary: ArticleSummary | None) -> None:
        """The shown article, removed or moved to the Trash, here or by another process."""
        current = self._lists.state
        if current.article_id != shown:
            return  # another article was opened meanwhile
        in_trash_view = self._parts.article_model.view_filter.trashed
        if summary is None or (summary.trashed is not None and not in_trash_view):
            current.removed([shown])
            self._show_placeholder()

    def start(self) -> None:
        """At start: the smart views at once, blank; the list's ids and every count are
        read on the count lane, so the window paints without waiting for the database
        (counting and sorting 100,000 articles) and fills in when they arrive."""
        self._parts.article_model.reload_next_on(self._count_lane)
        self._parts.sidebar_model.show_views()  # choosing All Articles queries the list
        self.count_in_background()

    def refresh_counts(self) -> None:
        """Count now, on the UI thread (at start, before the first paint)."""
        self._show_counts(LibraryCounts.read(self._library))

    def count_in_background(self) -> None:
        # Counting scans the library (about 90 ms at 100,000 articles, far more on a busy
        # machine): done on a worker, and one count at a time. Asked again while one runs
        # (an import's updates come a few times a second), one more follows it, not one per
        # ask: queued counts kept a core busy for the whole import, starving the UI thread.
        if self._counting:
            self._count_again = True
            return
        if self._stopped:
            return
        rest = ms_until(self._next_count_at)
        if rest > 0:  # the last one ended too recently: the timer asks again
            if not self._counts_timer.isActive():
                self._counts_timer.start(rest)
            return
        self._counting = True

        self._count_lane.start(
            lambda _stop: timed(lambda: LibraryCounts.read(self._library)),
            finished=lambda result: self._on_counted(*result),
            failed=lambda _message: self._on_counted(None),
            cancelled=lambda: self._on_counted(None),
        )

    def _on_counted(self, counts: LibraryCounts | None, cost_s: float = 0.0) -> None:
        self._counting = False
        self._next_count_at = rest_until(cost_s)
        if counts is not None:
            self._show_counts(counts)
        if self._count_again:
            self._count_again = False
            self.count_in_background()

    def _show_counts(self, counts: LibraryCounts) -> None:
        self._parts.sidebar_model.populate(counts)
        total, unread = counts.views["all"], counts.views["unread"]
        self.counted.emit(total)
        self._parts.article_list.set_placeholder(
            QCoreApplication.translate("MainWindow", "No articles here.")
            if total
            else QCoreApplication.translate(
                "MainWindow", "Your library is empty.\nDrop saved articles here to import them."
            )
        )
        self._parts.counts_label.setText(
            # %Ln: the total in the language's plural form and digit grouping
            self.tr("%Ln article(s) · {unread} unread", "", total).format(
                unread=QLocale().toString(unread)
            )
        )

    def on_update(self, update: Update) -> None:
        """Any process changed the library, this window included: each view refreshes only
        when the change touched what it shows."""
        wanted = self.decide(update)
        model = self._parts.article_model
        if wanted.reload_list:
            if wanted.now:
                self.update_list()
            else:
                self.reload_soon()
        elif wanted.rows:
            model.refresh(wanted.rows)
        if wanted.counts and not (wanted.reload_list and wanted.now):
            self.counts_soon()
        shown = self._lists.state.article_id
        if wanted.details and shown is not None:
            self.details_changed.emit(shown)
        if wanted.notes:
            self.notes_changed.emit()
        self.refreshed.emit(wanted)

    def decide(self, update: Update) -> ViewChanges:
        """What this update asks of each view. The list is reset only when articles came or
        went, or when a command changed what it lists (an Unread view drops what the reader
        marked read; a moved article leaves its section); opening an article leaves its row."""
        changes, model = update.changes, self._parts.article_model
        came_or_went = (
            any(model.row_of(i) is None for i in changes.added)
            or any(model.row_of(i) is not None for i in changes.removed)
            or (changes.touches("article") and self._lists.trash_moved(changes.article_ids))
        )
        asked = bool(update.origins & {COMMAND, NOTES})
        filtered = model.view_filter != ArticleFilter() or changes.touches("article")
        shown = self._lists.state.article_id
        here = shown is not None and shown in changes.article_ids
        return ViewChanges(
            reload_list=came_or_went or (asked and filtered and bool(changes.article_ids)),
            rows=changes.article_ids,
            counts=changes.touches(*COUNTED),
            details=here and changes.touches("article", "content", "bookmark"),
            notes=here and changes.touches(*ANNOTATION_ENTITIES) and update.origins != {NOTES},
            now=COMMAND in update.origins,
        )


def _single_shot(parent: QObject, interval_ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
