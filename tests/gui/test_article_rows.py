"""Two-line article rows: elision at narrow widths, markers, read vs unread, the View option."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.article import Article, ArticleSummary
from reader.core.ordering import natural_key
from reader.gui.main_window import MainWindow
from reader.gui.models.articles import SUMMARY_ROLE, ArticleTableModel
from reader.gui.models.sidebar import VIEW
from reader.gui.style import dark_palette
from reader.gui.views.article_list import TITLE_CHARS, ArticleListView
from reader.gui.views.article_rows import GAP, colours_of
from reader.services.library import Library

ENGLISH = "Why cities are planting forests on their rooftops, and what it means for summer heat"
CHINESE = "湖畔小城举办国际风筝节来自三十多个国家和地区的队伍参加比赛夜间项目首次亮相引来众多游客"
UNBROKEN = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller"


def add(library: Library, title: str, **fields: object) -> int:
    body = f"Body of {title}. " * 40
    article = Article(title=title, text=body, html=f"<p>{body}</p>", **fields)  # type: ignore[arg-type]
    result = library.add_article(article)
    assert result.article_id is not None
    return result.article_id


def two_line_list(qtbot: QtBot, library: Library, width: int) -> ArticleListView:
    model = ArticleTableModel(library)
    view = ArticleListView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.reload()
    view.set_compact(False)
    view.resize(width, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def summary_of(view: ArticleListView, article_id: int) -> ArticleSummary:
    model = view.model()
    assert isinstance(model, ArticleTableModel)
    row = model.row_of(article_id)
    assert row is not None
    summary = model.index(row, 0).data(SUMMARY_ROLE)
    assert isinstance(summary, ArticleSummary)
    return summary


@pytest.mark.parametrize("width", [240, 300, 480, 960])
@pytest.mark.parametrize("title", [ENGLISH, CHINESE, UNBROKEN])
def test_a_title_shows_its_first_20_characters_at_every_width_from_240(
    qtbot: QtBot, library: Library, title: str, width: int
) -> None:
    article_id = add(library, title, site="Green Desk", section="Science")
    view = two_line_list(qtbot, library, width)
    delegate = view.row_delegate()
    row_width = view.visualRect(view.model().index(0, 0)).width()
    assert row_width <= width
    text = delegate.row_text(summary_of(view, article_id), row_width)
    shown = "".join(line.removesuffix("…") for line in text.title_lines).replace(" ", "")
    assert shown.startswith(title[:TITLE_CHARS].replace(" ", ""))
    assert 1 <= len(text.title_lines) <= 2
    # Measured as painted: each line fits its room, in the font of an unread title.
    metrics = QFontMetrics(delegate.unread_font)
    for line in text.title_lines:
        assert metrics.horizontalAdvance(line) <= delegate.text_width(row_width)
    if metrics.horizontalAdvance(title) > 2 * delegate.text_width(row_width):
        assert text.title_lines[1].endswith("…")  # elided, never a third line
    # The row is tall enough for two title lines and the details line.
    two_lines = 2 * metrics.lineSpacing() + QFontMetrics(delegate.meta_font).lineSpacing()
    assert view.rowHeight(0) >= two_lines
    assert delegate.row_height() == view.rowHeight(0)


def test_details_line_names_site_section_date_and_reading_time(
    qtbot: QtBot, library: Library
) -> None:
    dated = add(library, "Dated", site="Green Desk", section="Science", published=date(2024, 7, 9))
    undated = add(library, "Undated", site="example.org")
    view = two_line_list(qtbot, library, 600)
    width = view.viewport().width()
    meta = view.row_delegate().row_text(summary_of(view, dated), width).meta
    assert meta.startswith("Green Desk · Science · 2024-07-09 · ")
    assert meta.endswith(" min")
    undated_summary = summary_of(view, undated)
    meta = view.row_delegate().row_text(undated_summary, width).meta
    assert f"added {undated_summary.added.date().isoformat()}" in meta


def test_bookmarked_and_annotated_rows_carry_their_markers(qtbot: QtBot, library: Library) -> None:
    plain = add(library, "Plain", published=date(2024, 1, 3))
    marked = add(library, "Marked", published=date(2024, 1, 2))
    noted = add(library, "Noted", published=date(2024, 1, 1))
    library.set_bookmarked(marked)
    library.annotations.highlight_span(marked, 0, 4)
    library.annotations.set_note(noted, "a note on the whole article")
    library.set_reading_position(noted, 0.5)
    view = two_line_list(qtbot, library, 500)
    delegate, width = view.row_delegate(), view.viewport().width()
    rows = {i: delegate.row_text(summary_of(view, i), width) for i in (plain, marked, noted)}
    assert rows[plain].markers == ()
    assert rows[marked].markers == ("bookmark", "annotated")
    assert rows[noted].markers == ("annotated",)
    assert rows[noted].progress == pytest.approx(0.5)
    assert rows[plain].progress == 0
    # And they are painted: the marker corner of each row has ink only where a marker is.
    image = view.viewport().grab().toImage()
    background = image.pixelColor(2, 2)

    def inked(row: int) -> bool:
        rect = view.visualRect(view.model().index(row, 0))
        xs = range(rect.right() - 34, rect.right() - 2)
        ys = range(rect.top() + rect.height() // 2, rect.bottom() - 3)
        return any(image.pixelColor(x, y) != background for x in xs for y in ys)

    assert [inked(row) for row in range(3)] == [False, True, True]


def test_read_and_unread_titles_differ_in_colour_and_weight_in_every_theme(
    qtbot: QtBot, library: Library
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palettes = {"light": app.style().standardPalette(), "dark": dark_palette()}
    sepia = QPalette(palettes["light"])
    sepia.setColor(QPalette.ColorRole.Base, QColor("#f6efe0"))
    sepia.setColor(QPalette.ColorRole.Text, QColor("#3b3024"))
    palettes["sepia"] = sepia
    for name, palette in palettes.items():
        colours = colours_of(palette, selected=False)
        base = palette.color(QPalette.ColorRole.Base)
        assert colours.read != colours.text, name
        # Both stay readable: read titles keep clear contrast with the row's background.
        assert abs(colours.read.lightness() - base.lightness()) > 90, name
    article_id = add(library, CHINESE)
    view = two_line_list(qtbot, library, 400)
    delegate = view.row_delegate()
    assert delegate.unread_font.weight() > delegate.title_font.weight()
    # The compact table dims read titles too (the dark palette was the case that failed).
    app.setPalette(palettes["dark"])
    try:
        model = view.model()
        index = model.index(0, 0)
        assert index.data(Qt.ItemDataRole.ForegroundRole) is None  # unread: the text colour
        library.mark_read([article_id])
        assert isinstance(model, ArticleTableModel)
        model.refresh([article_id])
        colour = index.data(Qt.ItemDataRole.ForegroundRole)
        assert isinstance(colour, QColor)
        assert colour != palettes["dark"].color(QPalette.ColorRole.Text)
    finally:
        app.setPalette(palettes["light"])


def test_compact_list_is_a_view_option_remembered_across_restarts(
    qtbot: QtBot, window: MainWindow, library: Library, settings: QSettings
) -> None:
    view = window.parts.article_list
    assert not view.compact  # two-line rows by default
    assert view.horizontalHeader().isHidden()
    assert all(view.isColumnHidden(c) for c in (1, 2, 3))
    window.list_options.compact.trigger()
    assert view.compact and not view.horizontalHeader().isHidden()
    assert not view.isColumnHidden(3)
    window.close()
    again = MainWindow(library, settings, theme_override="light")
    qtbot.addWidget(again)
    assert again.list_options.compact.isChecked()
    assert again.parts.article_list.compact


@pytest.mark.parametrize("width", [260, 420, 700])
def test_compact_title_column_never_narrower_than_20_characters(
    qtbot: QtBot, window: MainWindow, width: int
) -> None:
    window.list_options.compact.trigger()
    view = window.parts.article_list
    sizes = window.parts.splitter.sizes()
    window.parts.splitter.setSizes([sizes[0], width, sum(sizes) - sizes[0] - width])
    qtbot.waitUntil(lambda: abs(view.width() - width) < 40)
    needed = QFontMetrics(view.font()).averageCharWidth() * TITLE_CHARS
    assert view.columnWidth(0) >= needed
    shown = sum(view.columnWidth(c) for c in range(4) if not view.isColumnHidden(c))
    assert shown <= view.viewport().width() + 1  # nothing falls off the right edge


def test_sort_by_menu_orders_the_two_line_list(qtbot: QtBot, window: MainWindow) -> None:
    by_title = next(a for a in window.list_options.sort_actions if a.data() == 0)
    model = window.parts.article_model

    def titles() -> list[str]:
        return [model.index(r, 0).data() for r in range(model.rowCount())]

    by_title.trigger()  # sorted on a worker: the list changes when the order arrives
    qtbot.waitUntil(lambda: window.settled and titles()[0] == "A long essay about rivers")
    ascending = titles()
    assert ascending == sorted(ascending, key=natural_key)
    by_title.trigger()  # again: the other way round
    qtbot.waitUntil(lambda: window.settled and titles() == ascending[::-1])
    assert by_title.isChecked()


def test_recently_read_lists_the_last_opened_first(
    qtbot: QtBot, window: MainWindow, filled: dict[str, int], library: Library
) -> None:
    opened = [filled["kite"], filled["essay"], filled["harbour"], filled["kite"]]
    for article_id in opened:
        before = library.last_change()
        window.open_article(article_id)
        qtbot.waitUntil(lambda b=before: window.settled and library.last_change() > b)
    window.parts.sidebar.choose(VIEW, "recent")
    model = window.parts.article_model
    listed = [model.article_id(r) for r in range(model.rowCount())]
    assert listed == [filled["kite"], filled["harbour"], filled["essay"]]


@pytest.mark.parametrize("short", ["Rooftop forests", "风筝节"])
def test_a_one_line_title_has_its_details_right_under_it_in_the_middle_of_the_row(
    qtbot: QtBot, library: Library, short: str
) -> None:
    one, two = add(library, short, site="example.org"), add(library, ENGLISH, site="example.org")
    view = two_line_list(qtbot, library, 300)
    delegate, model = view.row_delegate(), view.model()
    assert isinstance(model, ArticleTableModel)
    rects = {}
    for article_id, lines in ((one, 1), (two, 2)):
        rect = view.visualRect(model.index(model.row_of(article_id) or 0, 0))
        text = delegate.row_text(summary_of(view, article_id), rect.width())
        assert len(text.title_lines) == lines
        where = delegate.geometry(rect, lines)
        # The details start under the last title line, with no empty line between.
        assert 0 <= where.meta.top() - where.title_lines[-1].bottom() - 1 <= GAP
        assert where.title_lines[-1].bottom() - where.title_lines[0].top() < lines * 2 * GAP + (
            lines * where.title_lines[0].height()
        )
        # Balanced: as much room above the title as below the details (to a pixel).
        above, below = where.title_lines[0].top() - rect.top(), rect.bottom() - where.meta.bottom()
        assert abs(above - below) <= 1
        rects[lines] = (rect, where)
    assert rects[1][0].height() == rects[2][0].height()  # still uniform rows
    # What is painted follows the geometry: the one-line row's ink is in its middle.
    rect, where = rects[1]
    image = view.viewport().grab(rect).toImage()
    inked = [
        y for y in range(image.height()) if ink_in_line(image, y, where.meta.left() - rect.left())
    ]
    assert inked
    top_gap, bottom_gap = inked[0], image.height() - 1 - inked[-1]
    assert abs(top_gap - bottom_gap) <= where.title_lines[0].height() // 2
    # …with no empty line between the title and the details.
    blank = [y for y in range(inked[0], inked[-1]) if y not in inked]
    assert len(blank) < where.title_lines[0].height() // 2


def ink_in_line(image: QImage, y: int, left: int) -> bool:
    """Whether the pixel row y holds text right of `left` (anything unlike the background)."""
    background = image.pixelColor(image.width() - 1, y)
    return any(image.pixelColor(x, y) != background for x in range(left, image.width() - 20))
