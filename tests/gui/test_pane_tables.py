"""Tables, code blocks and figures in the reading pane at real pane widths: never sideways."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QTextBlock, QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot

from reader.core.article import Article
from reader.gui.style import THEMES
from reader.gui.views.reading_pane import ReadingPane
from reader.gui.views.table_viewer import TableViewer
from reader.gui.views.tables import (
    TABLE_LINK,
    Fit,
    estimator,
    measurer,
    read_tables,
    set_cells,
    split_tables,
)
from reader.services.library import Library
from tests.gui.panes import images_decoded, recording_measurer, tables_measured

DATA = Path(__file__).parent.parent / "data" / "html"
WIDTHS = (480, 700, 1000)
# Six columns of figures: fits a wide pane as it is, a middling one only in the smaller face.
MEDIUM_TABLE = (
    "<p>Catch landed at the north pier, in kilograms, by week.</p><table><tr>"
    + "".join(f"<th>Week {n}</th>" for n in range(1, 7))
    + "</tr>"
    + "".join(
        "<tr>"
        + "".join(f"<td>{1000 + 7919 * (r * 6 + c) % 90000:,}</td>" for c in range(6))
        + "</tr>"
        for r in range(4)
    )
    + "</table><p>Figures for the last week are provisional.</p>"
)


@pytest.fixture
def pane(qtbot: QtBot) -> ReadingPane:
    view = ReadingPane()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def shown(pane: ReadingPane, library: Library, name: str, width: int) -> None:
    result = library.import_path(DATA / name)
    assert result.article_id is not None
    pane.resize(width, 700)
    pane.show_article(library.get_article(result.article_id), None)
    tables_measured(pane)


def resized(pane: ReadingPane, width: int) -> None:
    """The pane `width` wide, its tables measured for it."""
    pane.resize(width, 700)
    tables_measured(pane)


def shown_html(pane: ReadingPane, library: Library, body: str, width: int) -> None:
    result = library.add_article(Article(title="Catch", text="Catch", html=body))
    assert result.article_id is not None
    pane.resize(width, 700)
    pane.show_article(library.get_article(result.article_id), None)
    tables_measured(pane)


def blocks(document: QTextDocument) -> list[QTextBlock]:
    found, block = [], document.begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def cell_blocks(document: QTextDocument) -> list[QTextBlock]:
    return [b for b in blocks(document) if QTextCursor(b).currentTable() is not None]


def words_broken(block: QTextBlock) -> list[str]:
    """Lines of a laid-out block that end inside a word or a number."""
    layout, text, broken = block.layout(), block.text(), []
    for index in range(layout.lineCount() - 1):
        line = layout.lineAt(index)
        end = line.textStart() + line.textLength()
        if 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
            broken.append(text)
    return broken


def assert_never_sideways(pane: ReadingPane) -> None:
    document = pane.document()
    assert document.size().width() <= pane.viewport().width()
    assert pane.horizontalScrollBar().maximum() == 0
    broken = [t for b in cell_blocks(document) for t in words_broken(b)]
    assert broken == []


@pytest.mark.parametrize("name", ["numbers-table.html", "wide-csv-table.html", "table.html"])
@pytest.mark.parametrize("width", WIDTHS)
def test_tables_never_break_a_number_nor_push_the_pane_sideways(
    pane: ReadingPane, library: Library, name: str, width: int
) -> None:
    shown(pane, library, name, width)
    assert_never_sideways(pane)


def test_a_small_table_is_shown_whole_at_every_width(pane: ReadingPane, library: Library) -> None:
    for width in WIDTHS:
        shown(pane, library, "table.html", width)
        assert pane.table_fits == (Fit.NORMAL,)
        assert "412345" in pane.toPlainText()


def test_a_table_takes_the_smaller_face_before_it_gives_up(
    pane: ReadingPane, library: Library
) -> None:
    shown_html(pane, library, MEDIUM_TABLE, 1400)
    seen = []
    for width in range(1400, 300, -20):
        resized(pane, width)  # the pane sets its tables again as it narrows
        fit = pane.table_fits[0]
        if not seen or seen[-1] != fit:
            seen.append(fit)
        assert_never_sideways(pane)
        if fit in (Fit.COMPACT, Fit.NARROW):
            cell = next(b for b in cell_blocks(pane.document()) if "," in b.text())
            body = pane.document().defaultFont().pointSizeF()
            assert 0 < cell.charFormat().fontPointSize() < body
    assert seen == [Fit.NORMAL, Fit.COMPACT, Fit.NARROW, Fit.PREVIEW]
    resized(pane, 1400)
    assert pane.table_fits == (Fit.NORMAL,)


def test_a_table_too_wide_opens_whole_in_its_own_scrolling_window(
    qtbot: QtBot, pane: ReadingPane, library: Library
) -> None:
    shown(pane, library, "numbers-table.html", 480)
    assert pane.table_fits == (Fit.PREVIEW,)
    text = pane.toPlainText()
    assert "Open Table" in text and "Region · Jan · Feb" in text
    with qtbot.waitSignal(pane.table_opened) as opened:
        pane.anchorClicked.emit(QUrl(f"{TABLE_LINK}0"))
    assert opened.args is not None
    viewer = opened.args[0]
    assert isinstance(viewer, TableViewer)
    qtbot.addWidget(viewer)
    viewer.resize(400, 300)
    qtbot.waitExposed(viewer)
    table_text = viewer.browser.toPlainText()
    assert "Old town" in table_text and "Dec" in table_text
    # The whole table, at its own width: the window scrolls sideways, not the pane.
    bar = viewer.browser.horizontalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0  # from the first column
    assert all(words_broken(b) == [] for b in cell_blocks(viewer.browser.document()))


def test_a_link_to_a_table_that_is_not_there_opens_nothing(
    qtbot: QtBot, pane: ReadingPane, library: Library
) -> None:
    shown(pane, library, "numbers-table.html", 480)
    with qtbot.assertNotEmitted(pane.table_opened):
        pane.anchorClicked.emit(QUrl(f"{TABLE_LINK}7"))
        pane.anchorClicked.emit(QUrl(f"{TABLE_LINK}x"))


def test_a_long_code_line_wraps_inside_its_block_on_a_tint(
    pane: ReadingPane, library: Library
) -> None:
    shown(pane, library, "long-code-line.html", 480)
    document = pane.document()
    assert document.size().width() <= pane.viewport().width()
    assert pane.horizontalScrollBar().maximum() == 0
    code = next(b for b in blocks(document) if b.text().startswith("result = client"))
    assert len(code.text()) == 300
    assert code.layout().lineCount() > 3
    assert code.blockFormat().background().color() == QColor(THEMES["light"].code_background)
    # Inline code stays inside its sentence.
    sentence = next(b for b in blocks(document) if "raise_for_status call" in b.text())
    assert sentence.text().startswith("The gauge publishes")


def wide_png(width: int, height: int) -> str:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(0x3366AA)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return "data:image/png;base64," + base64.b64encode(bytes(data.data())).decode()


def test_a_figure_fits_the_column_at_every_width_with_its_caption_under_it(
    pane: ReadingPane, library: Library
) -> None:
    body = (
        "<p>The pier at low water.</p><figure>"
        f'<img src="{wide_png(1600, 400)}" alt="The pier">'
        "<figcaption>The north pier at low water, March.</figcaption></figure><p>After.</p>"
    )
    shown_html(pane, library, body, 1000)
    for width in (1000, 480, 700):
        pane.resize(width, 700)
        document = pane.document()
        image = next(b for b in blocks(document) if "\ufffc" in b.text())
        assert image.text() == "\ufffc"  # a block of its own, not the end of a paragraph
        fmt = image.begin().fragment().charFormat().toImageFormat()
        assert 0 < fmt.width() <= pane.column_width()
        assert fmt.height() == pytest.approx(fmt.width() / 4, abs=1)
        assert document.size().width() <= pane.viewport().width()
        caption = image.next()
        assert caption.text() == "The north pier at low water, March."
        colour = caption.begin().fragment().charFormat().foreground().color()
        assert colour == QColor(THEMES["light"].secondary)


def test_a_saved_pages_picture_is_a_block_of_its_own_above_its_caption(
    pane: ReadingPane, library: Library, tmp_path: Path
) -> None:
    # A browser's "Webpage, complete" save: the stored body holds the picture between the
    # paragraphs, with its caption after it, and no <figure> around them.
    (tmp_path / "page_files").mkdir()
    picture = QImage(400, 250, QImage.Format.Format_RGB32)
    picture.fill(0x3366AA)
    assert picture.save(str(tmp_path / "page_files" / "photo.png"))
    opening = (
        "The harbour festival opened on Saturday with a parade of boats, music on the quay and"
        " food stalls selling grilled fish to thousands of visitors from all over the region."
    )
    (tmp_path / "page.html").write_text(
        f"<html><head><title>Harbour festival opens</title></head><body><article>"
        f"<h1>Harbour festival opens</h1><p>{opening}</p><figure>"
        '<img src="page_files/photo.png" alt="Boats" width="400" height="250">'
        "<figcaption>Boats in the harbour at dawn.</figcaption></figure>"
        "<p>Organisers said the festival would continue all week, with fireworks planned for"
        " Friday night if the weather holds, and a rowing race on Sunday morning.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    result = library.import_path(tmp_path / "page.html")
    assert result.article_id is not None
    pane.resize(1000, 700)
    pane.show_article(library.get_article(result.article_id), None)
    found = blocks(pane.document())
    image = next(b for b in found if "\ufffc" in b.text())
    assert image.text() == "\ufffc"  # not the end of the paragraph before it
    assert image.previous().text() == opening
    assert image.next().text() == "Boats in the harbour at dawn."


def test_search_terms_stay_marked_when_a_resize_sets_a_table_again(
    pane: ReadingPane, library: Library
) -> None:
    shown_html(pane, library, MEDIUM_TABLE, 1400)
    pane.set_terms(("provisional",))
    resized(pane, 480)
    assert pane.table_fits != (Fit.NORMAL,)
    marked = [s.cursor.selectedText() for s in pane.extraSelections()]
    assert marked == ["provisional"]


def test_nested_tables_are_set_with_the_table_around_them() -> None:
    body = "<p>a</p><table><tr><td><table><tr><td>1</td></tr></table></td></tr></table><p>b</p>"
    assert split_tables(body) == [(8, len(body) - 8)]


def test_numbers_and_their_units_never_split_at_a_space() -> None:
    table = '<table><tr><td title="a 1 b">1 234 567 kg, about 12 cm in 2 weeks</td></tr></table>'
    cell = set_cells(table)
    assert "1\u00a0234\u00a0567\u00a0kg" in cell and "12\u00a0cm" in cell
    assert "2\u00a0weeks" not in cell and 'title="a 1 b"' in cell


def test_figures_are_set_right_so_their_digits_line_up(pane: ReadingPane, library: Library) -> None:
    shown(pane, library, "table.html", 700)
    cells = {b.text(): b.blockFormat().alignment() for b in cell_blocks(pane.document())}
    assert cells["412345"] & Qt.AlignmentFlag.AlignRight
    assert cells["06:12"] & Qt.AlignmentFlag.AlignRight
    assert not cells["Day"] & Qt.AlignmentFlag.AlignRight  # a heading keeps its own place


def test_an_image_in_a_table_narrows_until_the_table_fits_the_column(
    pane: ReadingPane, library: Library
) -> None:
    # An infobox: a wide picture in one cell, short facts kept on one line beside it. The
    # table is measured before its images are drawn; the images must make room.
    body = (
        "<p>The harbour office.</p><table>"
        f'<tr><td><img src="{wide_png(900, 300)}" alt="The office"></td>'
        "<td>Opened on February 28, 1998</td></tr>"
        "<tr><td>Keeper</td><td>The harbour board</td></tr></table><p>After.</p>"
    )
    shown_html(pane, library, body, 1000)
    for width in (480, 700, 1000):
        resized(pane, width)
        document = pane.document()
        assert document.size().width() <= pane.viewport().width()
        assert pane.horizontalScrollBar().maximum() == 0
        image = next(b for b in cell_blocks(document) if "\ufffc" in b.text())
        fmt = image.begin().fragment().charFormat().toImageFormat()
        assert 0 < fmt.width() < pane.column_width()
        assert fmt.height() == pytest.approx(fmt.width() / 3, abs=1)


@pytest.mark.parametrize("width", (420, 480, 560))
def test_a_table_with_a_picture_and_prose_is_measured_as_it_is_set(
    pane: ReadingPane, library: Library, width: int
) -> None:
    # A Wikipedia infobox: a flag, a caption of prose, and labels and values of 17 to 32
    # characters. Beside a picture such cells are kept on one line; measured without the
    # picture, they were taken for wrapping beside prose. The table was judged to fit, then
    # set 588 px wide in a 412 px column: its right-hand column cut off, out of reach.
    facts = [
        ("• September 2019 estimate", "New Zealand dollar ($) (NZD)"),
        ("• Summer (daylight saving)", "18.2/km2 (47.1/sq mi) (203rd)"),
        ("Stages of independence", "Unitary parliamentary monarchy"),
    ]
    body = (
        "<p>The country at a glance.</p><table>"
        f'<tr><td><img src="{wide_png(120, 60)}" alt="Flag"></td><td>Flag</td></tr>'
        "<tr><td>Location of the islands, including outlying ones and a territorial claim in"
        " the far south, as drawn on the map above</td><td></td></tr>"
        + "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in facts)
        + "</table><p>After.</p>"
    )
    shown_html(pane, library, body, width)
    images_decoded(pane)
    document = pane.document()
    assert document.size().width() <= pane.viewport().width()
    assert pane.horizontalScrollBar().maximum() == 0
    assert pane.table_fits != (Fit.PREVIEW,)  # set in the pane, smaller, not given up


@pytest.mark.parametrize("wrapper", [("<ul><li>", "</li></ul>"), ("<blockquote>", "</blockquote>")])
def test_an_image_in_a_list_or_a_quotation_fits_beside_its_indent(
    pane: ReadingPane, library: Library, wrapper: tuple[str, str]
) -> None:
    opening, closing = wrapper
    body = (
        f"<p>The pier.</p>{opening}<p>North end:</p>"
        f'<p><img src="{wide_png(1600, 400)}" alt="The pier"></p>{closing}<p>After.</p>'
    )
    shown_html(pane, library, body, 1000)
    for width in (480, 700, 1000):
        pane.resize(width, 700)
        assert pane.document().size().width() <= pane.viewport().width()
        assert pane.horizontalScrollBar().maximum() == 0


def test_a_line_of_cjk_text_never_shows_a_sideways_scroll_bar(
    pane: ReadingPane, library: Library
) -> None:
    # A line ending in "。" can overhang its column by a fraction of a pixel, into the margin.
    sentence = (
        "<b>港のフェリーは毎朝 <code>&lt;Harbour /&gt;</code> から出ることに注意してください。\n"
        "    <code>Allow from North</code> になっていることに注意してください。\n"
        "    これは、北の桟橋からマップされたどの船でも港は送るということです。</b>"
    )
    for width in range(560, 600):
        shown_html(pane, library, f"<p>{sentence}</p>", width)
        assert not pane.horizontalScrollBar().isVisible()
        assert pane.horizontalScrollBar().value() == 0


def test_a_table_is_measured_in_the_smaller_faces_only_when_it_does_not_fit(
    pane: ReadingPane,
) -> None:
    # Measuring all three sizes of every table at once cost the UI thread each article opened.
    document = pane.document()
    measure = measurer(document.defaultFont(), document.defaultStyleSheet())
    measured: list[str] = []

    def counted(piece: str) -> float:
        measured.append(piece)
        return measure(piece)

    [table] = read_tables(MEDIUM_TABLE, counted)
    assert table.fit(10_000) is Fit.NORMAL
    assert len(measured) == 1
    assert table.fit(1) is Fit.PREVIEW
    assert len(measured) == 3
    assert table.fit(1) is Fit.PREVIEW  # each size measured once
    assert len(measured) == 3


def test_an_article_opened_again_has_its_tables_measured_only_once(
    pane: ReadingPane, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    measured = counting_measurer(monkeypatch)
    shown_html(pane, library, MEDIUM_TABLE, 480)  # too tight to fit without measuring
    first = len(measured)
    assert first > 0
    article = pane.article
    assert article is not None
    shown(pane, library, "table.html", 1000)
    resized(pane, 480)
    pane.show_article(article, None)
    assert not pane.tables_measuring  # its widths are kept
    resized(pane, 1000)  # the table shown as it is: the page is set again
    resized(pane, 480)
    assert pane.table_fits != (Fit.NORMAL,)
    assert measured.count(measured[0]) == 1


def counting_measurer(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pieces the pane lays out to measure them, from now on."""
    measured: list[str] = []
    recording_measurer(monkeypatch, measured.append)
    return measured


def test_a_table_that_plainly_fits_is_set_without_being_laid_out_first(
    pane: ReadingPane, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A manual's page of 34 small tables cost the UI thread 100-300 ms per open, measuring.
    measured = counting_measurer(monkeypatch)
    shown_html(pane, library, MEDIUM_TABLE, 1000)
    assert pane.table_fits == (Fit.NORMAL,)
    assert measured == []
    assert_never_sideways(pane)


# Long cells of Chinese and Japanese (no spaces: Qt breaks between any two characters) and of
# Korean (spaced words, which Qt keeps whole), as in a manual's tables of options.
CJK_TABLE = (
    "<table><tr><th>指令</th><th>说明</th></tr>"
    + "".join(
        f"<tr><td>opt{n}</td><td>在监听套接字上启用操作系统特定的协议优化，直到数据到达或整个请求被缓冲为止。"
        f"プロトコルについての最適化を有効にするディレクティブです。</td></tr>"
        for n in range(6)
    )
    + "<tr><td>ko</td><td>리스닝 소켓에 대해 운영 체제가 제공하는 "
    + "프로토콜별 최적화를 활성화합니다.</td></tr>"
    + "</table>"
)


def test_a_table_of_long_chinese_and_japanese_cells_plainly_fits_as_it_wraps(
    pane: ReadingPane, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run of Han or kana breaks between any two characters: counted as one word as wide
    as the cell, it made such a table seem too wide, set smaller or as a preview first and
    set again once measured."""
    measured = counting_measurer(monkeypatch)
    shown_html(pane, library, CJK_TABLE, 1000)
    assert pane.table_fits == (Fit.NORMAL,)
    assert measured == []
    # In the column (a run of Han or kana wraps where it must: no word is broken there).
    assert pane.document().size().width() <= pane.viewport().width()
    assert pane.horizontalScrollBar().maximum() == 0


@pytest.mark.parametrize("size", [9.0, 12.0, 18.0])
def test_a_tables_estimated_width_is_never_less_than_its_measured_width(
    pane: ReadingPane, size: float
) -> None:
    document = pane.document()
    font = QFont(document.defaultFont())
    font.setPointSizeF(size)
    measure, estimate = measurer(font, document.defaultStyleSheet()), estimator(font)
    pages = [MEDIUM_TABLE, *(p.read_text(encoding="utf-8") for p in DATA.glob("*table*.html"))]
    prose = "<table><tr><th>名称</th><th>Description</th></tr>" + "".join(
        f"<tr><td><code>option_{n}</code></td><td>Sets the {n}th limit of the pool, in "
        f"bytes; 1 234 567 by default. 风筝节的第{n}个参数。</td></tr>"
        for n in range(12)
    )
    pages += [prose + "</table>", CJK_TABLE]
    tables = [t for page in pages for t in read_tables(page, measure, estimate)]
    bounds = [(t.width_bound(), t) for t in tables]
    bounded = [(bound, t) for bound, t in bounds if bound is not None]
    assert len(bounded) >= 3
    for bound, table in bounded:
        assert bound >= table.normal_width
