"""Builds the main window's widgets and lays them out; behaviour lives in main_window.py."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QCoreApplication, QMargins, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.gui.models.articles import ArticleTableModel
from reader.gui.models.search_results import SearchResultsModel
from reader.gui.models.sidebar import SidebarModel
from reader.gui.views.article_list import ArticleListView
from reader.gui.views.reading_pane import ReadingPane
from reader.gui.views.sidebar import SidebarView
from reader.gui.widgets.find_bar import FindBar
from reader.gui.widgets.import_strip import ImportStrip
from reader.gui.widgets.search_field import SearchField
from reader.services.library import Library

SPLITTER_SIZES = (190, 480, 610)
# Small enough that all three panes fit a 480 px window; hidden panes count for nothing.
PANES_MINIMUM = (100, 160, 200)
FRAME_BORDER_PX = 4  # a window frame's side, or more than it (most are 1 or 2 px)
SQUEEZED_SLACK_PX = 8  # an article this close to its least width has been squeezed
SIDEBAR_SHARE = 0.2  # the most of the window's width the sidebar takes to fit its names


@dataclass(frozen=True)
class WindowParts:
    """The widgets and models of the main window."""

    sidebar_model: SidebarModel
    sidebar: SidebarView
    article_model: ArticleTableModel
    article_list: ArticleListView
    search_model: SearchResultsModel
    search_list: ArticleListView
    list_stack: QStackedWidget
    pane: ReadingPane
    find_bar: FindBar
    search_field: SearchField
    import_strip: ImportStrip
    splitter: QSplitter
    counts_label: QLabel
    toolbar: QToolBar


def build_parts(window: QMainWindow, library: Library, import_action: QAction) -> WindowParts:
    sidebar_model = SidebarModel(window)
    sidebar = SidebarView(sidebar_model)
    article_model = ArticleTableModel(library, window)
    article_list = ArticleListView()
    article_list.setModel(article_model)
    article_list.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    search_model = SearchResultsModel(window)
    search_list = ArticleListView(snippets=True)
    search_list.setModel(search_model)
    search_list.setSortingEnabled(False)  # hits stay in rank order
    list_stack = QStackedWidget()
    list_stack.addWidget(article_list)
    list_stack.addWidget(search_list)
    pane = ReadingPane()
    find_bar = FindBar(pane)
    splitter = _splitter(sidebar, list_stack, _stacked(pane, find_bar))
    import_strip = ImportStrip()
    window.setCentralWidget(_stacked(splitter, import_strip))
    search_field = SearchField()
    toolbar = _toolbar(window, search_field, import_action)
    counts_label = QLabel()
    window.statusBar().addPermanentWidget(counts_label)
    return WindowParts(
        sidebar_model, sidebar, article_model, article_list, search_model, search_list,
        list_stack, pane, find_bar, search_field, import_strip, splitter, counts_label, toolbar,
    )  # fmt: skip


def _stacked(main: QWidget, below: QWidget) -> QWidget:
    """A widget over a strip (the pane over the find bar, the panes over the import strip)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(main, 1)
    layout.addWidget(below)
    return box


def _splitter(sidebar: QWidget, lists: QWidget, reading: QWidget) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName("panes")
    for widget, stretch, minimum in zip(
        (sidebar, lists, reading), (0, 1, 2), PANES_MINIMUM, strict=True
    ):
        widget.setMinimumWidth(minimum)
        splitter.addWidget(widget)
        splitter.setStretchFactor(splitter.indexOf(widget), stretch)
    # Sidebar and list can be dragged shut (WindowModes then hides them); the pane stays.
    splitter.setChildrenCollapsible(True)
    splitter.setCollapsible(2, False)
    splitter.setSizes(list(SPLITTER_SIZES))
    return splitter


def _toolbar(window: QMainWindow, search_field: SearchField, import_action: QAction) -> QToolBar:
    toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Main toolbar"), window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setFloatable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    if import_action.icon().isNull():
        icon = QIcon.fromTheme(QIcon.ThemeIcon.DocumentOpen)
        if icon.isNull():
            icon = window.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton)
        import_action.setIcon(icon)
    toolbar.addAction(import_action)
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    search_field.setMaximumWidth(380)
    toolbar.addWidget(search_field)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    return toolbar


def add_highlight_buttons(toolbar: QToolBar, actions: list[QAction]) -> None:
    """Colour swatches after the Import button: highlight the pane's selection in one click."""
    # The toolbar holds [Import, spacer, search field]; the swatches go before the spacer.
    anchor = toolbar.actions()[1]
    toolbar.insertSeparator(anchor)
    for action in actions:
        toolbar.insertAction(anchor, action)
        button = toolbar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            # Clicking must not take focus from the pane, or its selection would be lost.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def fit_sidebar(parts: WindowParts) -> None:
    """Widen the sidebar until its names are no longer cut, within its share of the window;
    never narrower than it is (the user may have dragged it wider)."""
    splitter, sidebar = parts.splitter, parts.sidebar
    if sidebar.isHidden():
        return
    sizes = splitter.sizes()
    room = int(splitter.width() * SIDEBAR_SHARE)
    wanted = min(sidebar.fitting_width(), room)
    extra = wanted - sizes[0]
    if extra <= 0 or sum(sizes[1:]) - extra < sum(PANES_MINIMUM[1:]):
        return
    # Taken from the list and the pane in proportion, so the list keeps its share.
    from_list = extra * sizes[1] // max(1, sizes[1] + sizes[2])
    splitter.setSizes([wanted, sizes[1] - from_list, sizes[2] - (extra - from_list)])


def fit_notes_dock(window: QMainWindow, dock: QDockWidget, parts: WindowParts) -> None:
    """Leave the Notes panel no wider than the article beside it once the article is down to
    its least width: in a small window, or one made small, the panel kept its width and the
    article had what was left. The width it gives back goes to the article, not to the
    sidebar or the list. In a window with room, the panel keeps the width it was given."""
    pane, splitter = parts.pane, parts.splitter
    squeezed = pane.width() <= PANES_MINIMUM[2] + SQUEEZED_SLACK_PX
    if dock.isHidden() or dock.isFloating() or not squeezed or dock.width() <= pane.width():
        return
    even = max((dock.width() + pane.width()) // 2, dock.minimumSizeHint().width())
    given, sizes = dock.width() - even, splitter.sizes()
    window.resizeDocks([dock], [even], Qt.Orientation.Horizontal)
    if given > 0:
        # Once the splitter has grown: it would hand the width to the sidebar first.
        QTimer.singleShot(0, splitter, lambda: splitter.setSizes([*sizes[:2], sizes[2] + given]))


def restore_layout(window: QMainWindow, parts: WindowParts, settings: QSettings) -> None:
    """Window geometry, pane sizes and list columns as the user left them."""
    geometry, splitter = settings.value("window/geometry"), settings.value("window/splitter")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    else:
        window.resize(window.sizeHint())
    if isinstance(splitter, QByteArray):
        parts.splitter.restoreState(splitter)
    docks = settings.value("window/docks")
    if isinstance(docks, QByteArray):
        window.restoreState(docks)
    header = settings.value("list/header")
    if isinstance(header, QByteArray):
        parts.article_list.horizontalHeader().restoreState(header)


def fit_on_screen(window: QMainWindow) -> None:
    """A window larger than its screen's free area (a first start on a small screen, a size
    kept from a larger monitor) is made to fit that area, title bar included, rather than
    running off the screen's edges. (Maximizing it instead cost 300-400 ms before the first
    paint: the window was laid out at one size, then at the other.)"""
    screen = window.screen()
    room = screen.availableGeometry() if screen is not None else None
    if room is None or room.isEmpty():
        return
    # The frame the window system adds is not known before the window shows: Qt's own
    # title bar height stands for it, with a border each side.
    border = FRAME_BORDER_PX
    title = window.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight) + border
    inside = room.size().shrunkBy(QMargins(border, title, border, border))
    if window.width() <= inside.width() and window.height() <= inside.height():
        return
    window.resize(window.size().boundedTo(inside))
    window.move(room.topLeft())


def save_layout(window: QMainWindow, parts: WindowParts, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/splitter", parts.splitter.saveState())
    settings.setValue("window/docks", window.saveState())
    settings.setValue("list/header", parts.article_list.horizontalHeader().saveState())
