"""The reading pane measures its tables on a worker: the page is shown at once, then set."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFont, QTextCursor
from pytestqt.qtbot import QtBot

from reader.core.article import Article, StoredArticle
from reader.gui.views import pane_tables
from reader.gui.views.pane_tables import Face, measured_widths
from reader.gui.views.reading_pane import ReadingPane
from reader.gui.views.tables import (
    Fit,
    Measure,
    Table,
    measurer,
    read_tables,
    set_cells,
)
from reader.services.library import Library
from tests.gui.panes import new_pane, recording_measurer, tables_measured

DATA = Path(__file__).parent.parent / "data" / "html"


def figures_table(seed: int, columns: int = 6) -> str:
    """Columns of figures: too wide for a narrow pane to be set without measuring."""
    head = "".join(f"<th>Week {n}</th>" for n in range(1, columns + 1))
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{1000 + 7919 * (seed + r * columns + c) % 90000:,}</td>" for c in range(columns)
        )
        + "</tr>"
        for r in range(4)
    )
    return f"<table><tr>{head}</tr>{rows}</table>"


def manual_page(tables: int, seed: int = 0) -> str:
    paragraphs = "".join(
        f"<p>Paragraph {n}: the catch landed at the north pier, by week, in kilograms.</p>"
        for n in range(8)
    )
    return "".join(paragraphs + figures_table(seed + n) for n in range(tables)) + paragraphs


def stored(library: Library, body: str, title: str = "Catch") -> StoredArticle:
    result = library.add_article(Article(title=title, text=title, html=body))
    assert result.article_id is not None
    return library.get_article(result.article_id)


@pytest.fixture
def pane(qtbot: QtBot) -> ReadingPane:
    return new_pane(qtbot, 480, 700)


def threads_measuring(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The thread each table is laid out on to measure it, from now on."""
    threads: list[int] = []
    recording_measurer(monkeypatch, lambda _piece: threads.append(threading.get_ident()))
    return threads


def at_once(pane: ReadingPane, body: str) -> tuple[Fit, ...]:
    """How the tables of `body` were set when the UI thread measured them before showing."""
    document = pane.document()
    measure = measurer(document.defaultFont(), document.defaultStyleSheet())
    return tuple(table.fit(pane.column_width()) for table in read_tables(body, measure))


def test_a_page_of_many_tables_is_shown_before_they_are_measured_off_the_ui_thread(
    pane: ReadingPane, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads = threads_measuring(monkeypatch)
    body = manual_page(12)
    pane.show_article(stored(library, body), None)
    assert pane.tables_measuring
    assert "Paragraph 7" in pane.toPlainText()  # shown already
    guessed = pane.table_fits
    tables_measured(pane)
    assert threads  # the tables were measured...
    assert threading.get_ident() not in threads  # ...and none of them on the UI thread
    assert pane.table_fits == at_once(pane, body)
    assert Fit.NORMAL not in pane.table_fits
    assert pane.document().size().width() <= pane.viewport().width()
    # Columns of figures are first set as their estimated widths suggest: not as they are,
    # wider than the pane, and mostly as they are set once measured.
    assert Fit.NORMAL not in guessed
    assert sum(a == b for a, b in zip(guessed, pane.table_fits, strict=True)) >= 6


def test_a_worker_measures_the_widths_the_ui_thread_measured(pane: ReadingPane) -> None:
    pages = [manual_page(2), *(p.read_text(encoding="utf-8") for p in DATA.glob("*table*.html"))]
    document = pane.document()
    face = Face.of(document)
    tables = [t.html for page in pages for t in read_tables(page, measurer(QFont(), ""))]
    assert len(tables) >= 4
    found: dict[pane_tables.Key, float] = {}
    worker = threading.Thread(
        target=lambda: found.update(measured_widths(face, tables, 1, {}, lambda: False))
    )
    worker.start()
    worker.join(60)
    measure = measurer(document.defaultFont(), document.defaultStyleSheet())
    # In a column of one pixel each table is measured in all three sizes.
    pieces = [
        set_cells(t, compact=compact, whole_cells=whole)
        for t in tables
        for compact, whole in ((False, True), (True, True), (True, False))
    ]
    assert {face.key(p): measure(p) for p in pieces} == found


def test_switching_articles_quickly_applies_no_result_of_the_one_left(
    pane: ReadingPane, library: Library, qtbot: QtBot
) -> None:
    left = stored(library, manual_page(10, seed=1), "Left")
    body = manual_page(3, seed=50)
    kept = stored(library, body, "Kept")
    drawn: list[str] = []
    pane.rendered.connect(lambda article: drawn.append(article.summary.title))
    pane.show_article(left, None)
    pane.show_article(kept, None)
    tables_measured(pane)
    qtbot.wait(50)  # anything still queued for the article left arrives
    assert pane.article is kept
    assert drawn[0] == "Left" and set(drawn[1:]) == {"Kept"}
    assert pane.table_fits == at_once(pane, body)
    assert "Paragraph 7" in pane.toPlainText() and pane.toPlainText().count("Week 1") == 3


def test_setting_measured_tables_keeps_the_place_the_selection_and_the_find(
    pane: ReadingPane, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A guess the measuring corrects: the tables first set as they are, too wide.
    monkeypatch.setattr(Table, "guess", lambda _table, _column: Fit.NORMAL)
    drawn: list[int] = []
    pane.rendered.connect(lambda _article: drawn.append(1))
    pane.show_article(stored(library, manual_page(6)), None)
    assert pane.find_all("Paragraph 5") == 7
    pane.find_step(forward=True)  # the second match: in the text between the tables
    # The reader reads the fourth section: three tables above it are set smaller.
    top = pane.document().find("Paragraph 3:", pane.document().find("Week 6", 0))
    for _ in range(2):
        top = pane.document().find("Paragraph 3:", pane.document().find("Week 6", top))
    bar = pane.verticalScrollBar()
    bar.setValue(bar.value() + pane.cursorRect(top).top() - 10)
    assert pane.cursorRect(top).top() == 10
    place = top.position()  # the page is replaced: its cursors go with it
    cursor = pane.cursorForPosition(pane.viewport().rect().center())
    cursor.select(QTextCursor.SelectionType.LineUnderCursor)
    value = bar.value()
    pane.setTextCursor(cursor)
    bar.setValue(value)
    selected = cursor.selectedText()
    assert selected
    tables_measured(pane)
    assert len(drawn) == 2  # set again with the tables measured
    moved = QTextCursor(pane.document())  # the same text, at the same height in the pane
    moved.setPosition(place)
    assert pane.cursorRect(moved).top() == pytest.approx(10, abs=1)
    assert pane.textCursor().selectedText() == selected
    assert pane.find_count == 7 and pane.find_step(forward=True) == 3


def test_a_resize_that_sets_a_table_again_keeps_the_selection_and_the_find(
    pane: ReadingPane, library: Library
) -> None:
    pane.resize(1400, 700)
    pane.show_article(stored(library, manual_page(1)), None)
    tables_measured(pane)
    assert pane.table_fits == (Fit.NORMAL,)
    assert pane.find_all("Paragraph 3") == 2
    cursor = QTextCursor(pane.document())
    cursor.movePosition(QTextCursor.MoveOperation.NextWord, QTextCursor.MoveMode.KeepAnchor, 4)
    pane.setTextCursor(cursor)
    selected = cursor.selectedText()
    pane.resize(480, 700)
    tables_measured(pane)
    assert pane.table_fits != (Fit.NORMAL,)
    assert pane.textCursor().selectedText() == selected
    assert pane.find_count == 2 and pane.find_step(forward=True) == 2


@pytest.mark.logs  # the failure is logged as the worker's
def test_tables_whose_measuring_fails_stay_as_guessed_and_the_pane_settles(
    pane: ReadingPane, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_font: QFont, _stylesheet: str) -> Measure:
        def measure(_piece: str) -> float:
            raise RuntimeError("no layout")

        return measure

    monkeypatch.setattr(pane_tables, "measurer", broken)
    pane.show_article(stored(library, manual_page(3)), None)
    guessed = pane.table_fits
    tables_measured(pane)  # not for ever
    assert pane.table_fits == guessed
    pane.resize(470, 700)  # not asked again for the same page
    assert not pane.tables_measuring


def test_a_table_shown_as_a_preview_once_measured_keeps_the_text_below_in_place(
    pane: ReadingPane, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Table, "guess", lambda _table, _column: Fit.NORMAL)
    reading = "<p>Here&nbsp;the reader reads on, below a table far too wide for the pane.</p>"
    body = manual_page(1) + figures_table(7, columns=24) + reading + manual_page(1, seed=3)
    pane.show_article(stored(library, body), None)
    below = pane.document().find("Here the reader reads on")
    bar = pane.verticalScrollBar()
    bar.setValue(bar.value() + pane.cursorRect(below).top() - 10)
    tables_measured(pane)
    assert Fit.PREVIEW in pane.table_fits  # the page's text changed
    below = pane.document().find("Here the reader reads on")
    assert pane.cursorRect(below).top() == pytest.approx(10, abs=1)


def test_a_short_manual_page_is_mapped_to_its_text_off_the_ui_thread(
    pane: ReadingPane, library: Library, qtbot: QtBot
) -> None:
    # A page of 1,700 characters whose text differs from its page (labels, tables) cost the
    # UI thread 200 ms to map while an import ran.
    labels = "".join(
        f"<p><b>option_{n}</b>: sets the {n}th limit of the pool.</p>" for n in range(30)
    )
    article = stored(library, labels)
    pane.show_article(article, None)
    assert 500 < pane.document().characterCount() < 2_000
    assert not pane.text_map_ready
    with qtbot.waitSignal(pane.text_map_built, timeout=10_000):
        pass
    assert pane.text_map_ready


def test_the_same_page_set_again_keeps_its_tables_until_its_faces_change(qtbot: QtBot) -> None:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    tables = pane_tables.PaneTables(parent)
    document = QTextDocument()
    page = f"<p>Before.</p>{figures_table(1)}<p>After.</p>"
    tables.fitted(page, document, 600)
    read = list(tables._tables)
    tables.fitted(page, document, 400)  # resized: the same tables, their cells read once
    assert all(a is b for a, b in zip(tables._tables, read, strict=True))
    document.setDefaultStyleSheet("td { padding: 9px }")  # widths measured before do not hold
    tables.fitted(page, document, 400)
    assert not any(a is b for a, b in zip(tables._tables, read, strict=True))


def long_table(seed: int, rows: int) -> str:
    cells = "".join(
        f"<tr><td>Pier {seed}-{r}</td><td>{1000 + 7919 * (seed + r) % 90000:,}</td>"
        f"<td>{r % 28 + 1} March</td></tr>"
        for r in range(rows)
    )
    return f"<table><tr><th>Where</th><th>Catch (kg)</th><th>Day</th></tr>{cells}</table>"


def test_tables_past_the_pages_first_cells_are_never_estimated_on_the_ui_thread(
    pane: ReadingPane, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A manual's page of thousands of cells cost the UI thread 0.3 s of estimates on
    opening: the tables past the first ESTIMATED_CHARS are set as they are until the
    worker has measured them, then as the UI thread would have set them."""
    estimated: list[tuple[int, str]] = []
    real = Table._columns

    def columns(table: Table, whole: Any) -> tuple[float, ...]:
        estimated.append((threading.get_ident(), table.html))
        return real(table, whole)

    monkeypatch.setattr(Table, "_columns", columns)
    tables = [long_table(n, 300) for n in range(3)]
    monkeypatch.setattr(pane_tables, "ESTIMATED_CHARS", len(tables[0]) + 100)
    tables[2] = tables[2].replace("Pier 2-5<", "Zanzibar<")
    body = "".join(f"<p>Landings at pier {n}, by day.</p>{t}" for n, t in enumerate(tables))
    pane.show_article(stored(library, body), None, terms=("Zanzibar",))
    assert pane.table_fits[1:] == (Fit.NORMAL, Fit.NORMAL)
    assert pane.tables_measuring
    assert "Pier 2-0" in pane.toPlainText()
    ui = threading.get_ident()
    assert {html for thread, html in estimated if thread == ui} <= {tables[0]}
    tables_measured(pane)
    assert pane.table_fits == at_once(pane, body)
    assert {html for thread, html in estimated if thread == ui} <= {tables[0]}
    # A search term found only in a table measured later is still marked.
    assert [c.selectedText() for c in pane._term_cursors] == ["Zanzibar"]


def test_a_page_of_tables_measured_later_reopens_where_it_was_read(
    qtbot: QtBot, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reading position is a fraction of the page: restored on a page whose tables
    are not measured yet, it must land where it was saved once they are."""
    monkeypatch.setattr(pane_tables, "ESTIMATED_CHARS", len(long_table(0, 300)) + 100)
    tables = "".join(f"<p>Landings at pier {n}.</p>{long_table(n, 300)}" for n in range(3))
    notes = "".join(f"<p>Note {n} on the landings, after the tables.</p>" for n in range(60))
    article = stored(library, tables + notes)

    def opened(fraction: float) -> ReadingPane:
        view = ReadingPane()  # a new window: no widths measured before
        qtbot.addWidget(view)
        view.resize(480, 700)
        view.show()
        qtbot.waitExposed(view)
        view.show_article(replace(article, reading_position=fraction), None)
        tables_measured(view)
        return view

    def top_line(view: ReadingPane) -> str:
        return view.cursorForPosition(view.viewport().rect().topLeft()).block().text()

    first = opened(0.0)
    first.set_fraction(0.97)
    saved_top = top_line(first)
    assert saved_top.startswith("Note ")
    again = opened(first.fraction())
    assert top_line(again) == saved_top
