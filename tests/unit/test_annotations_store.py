"""Annotation storage on real SQLite files: highlights, notes, tags, colours, re-anchoring."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from reader.core.annotation import AnchorStatus, Color
from reader.core.article import Article
from reader.errors import InvalidSpan, NotFound, UnknownColor
from reader.storage.annotations import AnnotationStore, HighlightFilter
from reader.storage.articles import ArticleStore
from reader.storage.database import SCHEMA_VERSION, Database

HARBOUR = (
    "The harbour wakes before the town does.\n\n"
    "Fishing boats leave at four, their lamps swinging over black water.\n\n"
    "The council approved the new breakwater on Tuesday after a long debate.\n\n"
    "Tourists arrive later, drawn by the painted warehouses and fresh bread."
)
SENTENCE = "The council approved the new breakwater on Tuesday"
KITES = (
    "湖畔小城举办国际风筝节。\n\n带灯的风筝在湖面上空组成了一条发光的长龙。\n\n"
    "明年将邀请更多学校参与。"
)


def article(text: str = HARBOUR, title: str = "Morning in the harbour", **kw: object) -> Article:
    return Article(title=title, text=text, html="<p></p>", **kw)  # type: ignore[arg-type]


def add(db: Database, item: Article) -> int:
    with db.transaction() as conn:
        return ArticleStore(db).insert(conn, item, item.section)


def span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def replace_text(
    db: Database, store: AnnotationStore, article_id: int, text: str
) -> dict[str, int]:
    """What the Library does on a re-import: new text and re-anchoring, one transaction."""
    with db.transaction(durable=True) as conn:
        ArticleStore(db).replace_content(conn, article_id, article(text), None)
        counts = store.reanchor_article(conn, article_id, text)
    return {status.value: n for status, n in counts.items()}


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(tmp_path / "library.sqlite3")
    yield database
    database.close()


@pytest.fixture
def store(db: Database) -> AnnotationStore:
    return AnnotationStore(db)


# -- schema -------------------------------------------------------------------------------------


def tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_fresh_database_has_the_annotation_tables(db: Database) -> None:
    assert db.user_version() == SCHEMA_VERSION
    expected = {"highlights", "article_notes", "tags", "article_tags", "highlight_tags", "colors"}
    assert expected <= tables(db.conn)
    names = [r[0] for r in db.conn.execute("SELECT name FROM colors ORDER BY position")]
    assert names == [c.value for c in Color]


def test_schema_1_database_upgrades_and_keeps_its_articles(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    schema_1 = resources.files("reader.storage").joinpath("migrations/0001_initial.sql")
    with sqlite3.connect(path) as conn:
        conn.executescript(schema_1.read_text(encoding="utf-8") + "\nPRAGMA user_version = 1;")
        conn.execute(
            "INSERT INTO articles (title, source_hash, content_hash, added, updated) "
            "VALUES ('Old', '', 'h', '2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00')"
        )
        conn.execute("INSERT INTO article_content VALUES (1, 'Old text here.', '')")
    conn.close()
    db = Database(path)
    try:
        assert db.user_version() == SCHEMA_VERSION
        assert "highlights" in tables(db.conn)
        highlight = AnnotationStore(db).add_highlight(1, 0, 8)
        assert highlight.quote.exact == "Old text"
    finally:
        db.close()
    assert list(tmp_path.glob("old.before-v2-*.sqlite3")), "a backup is taken before migrating"


# -- highlights ---------------------------------------------------------------------------------


def test_add_highlight_computes_selectors_and_survives_a_restart(tmp_path: Path) -> None:
    db = Database(tmp_path / "library.sqlite3")
    article_id = add(db, article())
    start, end = span(HARBOUR, SENTENCE)
    made = AnnotationStore(db).add_highlight(
        article_id, start - 2, end + 1, "Green", "**Key** decision", ["Policy", "policy", "port"]
    )
    assert (made.start, made.end, made.quote.exact) == (start, end, SENTENCE)
    assert made.quote.prefix == HARBOUR[start - 32 : start]
    assert made.quote.suffix == HARBOUR[end : end + 32]
    assert (made.color, made.status, made.tags) == (
        Color.GREEN,
        AnchorStatus.ANCHORED,
        ("Policy", "port"),
    )
    db.close()
    reopened = Database(tmp_path / "library.sqlite3")
    try:
        assert AnnotationStore(reopened).highlights(article_id) == [made]
    finally:
        reopened.close()


def test_bad_highlight_requests_fail_clearly(db: Database, store: AnnotationStore) -> None:
    article_id = add(db, article())
    with pytest.raises(InvalidSpan):
        store.add_highlight(article_id, 5, 5)
    with pytest.raises(InvalidSpan):
        store.add_highlight(article_id, 0, len(HARBOUR) + 1)
    with pytest.raises(UnknownColor, match="yellow, green, blue, pink, purple"):
        store.add_highlight(article_id, 0, 3, color="orange")
    with pytest.raises(NotFound):
        store.add_highlight(999, 0, 3)
    with pytest.raises(NotFound):
        store.update_highlight(999, note="x")
    assert store.count_highlights() == 0


def test_update_and_delete(db: Database, store: AnnotationStore) -> None:
    article_id = add(db, article())
    h = store.add_highlight(article_id, *span(HARBOUR, "black water"), tags=["sea"])
    changed = store.update_highlight(h.id, color=Color.PINK, note="dark", tags=["night"])
    assert (changed.color, changed.note, changed.tags) == (Color.PINK, "dark", ("night",))
    assert store.update_highlight(h.id, note="darker").tags == ("night",), "None keeps tags"
    assert [name for name, _ in store.tag_counts()] == ["night"], "unused tags are dropped"
    assert store.delete_highlight(h.id).id == h.id
    assert store.highlights(article_id) == [] and store.tag_counts() == []


def test_lists_in_text_order_and_filters(db: Database, store: AnnotationStore) -> None:
    harbour = add(db, article(section="Coast"))
    kites = add(db, article(KITES, "风筝节", section="国际"))
    late = store.add_highlight(harbour, *span(HARBOUR, "fresh bread"), "yellow", "smell")
    early = store.add_highlight(harbour, *span(HARBOUR, "black water"), "blue", tags=["sea"])
    kite = store.add_highlight(kites, *span(KITES, "发光的长龙"), "yellow", "很美")
    store.set_article_tags(kites, ["festival"])
    assert [h.id for h in store.highlights(harbour)] == [early.id, late.id]
    assert [h.id for h in store.list_highlights()] == [early.id, late.id, kite.id]
    assert store.list_highlights(newest_first=True)[0].id == kite.id

    def ids(**kw: object) -> list[int]:
        return [h.id for h in store.list_highlights(HighlightFilter(**kw))]  # type: ignore[arg-type]

    assert ids(color=Color.YELLOW) == [late.id, kite.id]
    assert ids(tag="SEA") == [early.id]
    assert ids(tag="festival") == [kite.id], "an article's tag covers its highlights"
    assert ids(section="国际") == [kite.id]
    assert ids(text="SMELL") == [late.id] and ids(text="长龙") == [kite.id]
    assert ids(text="100%") == []
    assert store.count_highlights(HighlightFilter(color=Color.YELLOW)) == 2


def test_article_note_tags_and_colour_meanings(db: Database, store: AnnotationStore) -> None:
    article_id = add(db, article())
    assert store.article_note(article_id) is None
    note = store.set_article_note(article_id, "  # Summary\n\nA calm morning.  ")
    assert note is not None and note.text == "# Summary\n\nA calm morning."
    assert store.set_article_note(article_id, "") is None
    assert store.article_note(article_id) is None
    assert store.set_article_tags(article_id, ["b", "A", "a "]) == ("A", "b")
    assert store.article_tags(article_id) == ("A", "b")
    store.set_color_meaning("pink", "  key   claim ")
    meanings = store.color_meanings()
    assert list(meanings) == list(Color) and meanings[Color.PINK] == "key claim"
    store.set_color_meaning(Color.PINK, "")
    assert store.color_meanings()[Color.PINK] is None
    with pytest.raises(NotFound):
        store.set_article_note(999, "x")


def test_search_fields_of_an_article(db: Database, store: AnnotationStore) -> None:
    article_id = add(db, article())
    assert not store.has_notes(article_id) and store.notes_text(article_id) == ""
    store.add_highlight(article_id, *span(HARBOUR, "fresh bread"), "pink", "smell", ["food"])
    store.add_highlight(article_id, *span(HARBOUR, "black water"), "green")
    store.set_article_note(article_id, "Calm.")
    store.set_article_tags(article_id, ["coast"])
    assert store.has_notes(article_id) and store.annotation_count(article_id) == 3
    assert store.colors(article_id) == (Color.GREEN, Color.PINK)
    assert store.notes_text(article_id) == "Calm.\n\nblack water\n\nfresh bread\n\nsmell"
    assert store.for_article(article_id).all_tags == ("coast", "food")


def test_removing_an_article_cascades_so_the_library_must_ask_first(
    db: Database, store: AnnotationStore
) -> None:
    article_id = add(db, article())
    store.add_highlight(article_id, 0, 11)
    assert store.annotation_count(article_id) == 1  # what Library.remove checks before deleting
    with db.transaction() as conn:
        ArticleStore(db).delete(conn, article_id)
    assert store.count_highlights() == 0


# -- re-anchoring -------------------------------------------------------------------------------


def test_reimport_with_a_paragraph_inserted_reanchors_exactly(
    db: Database, store: AnnotationStore
) -> None:
    article_id = add(db, article())
    h = store.add_highlight(article_id, *span(HARBOUR, SENTENCE), note="keep me")
    new_text = HARBOUR.replace("\n\n", "\n\nA storm warning was lifted overnight.\n\n", 1)
    assert replace_text(db, store, article_id, new_text) == {"anchored": 1}
    [moved] = store.highlights(article_id)
    assert (moved.start, moved.end) == span(new_text, SENTENCE)
    assert moved.status is AnchorStatus.ANCHORED and moved.note == "keep me"
    assert moved.quote.prefix == new_text[moved.start - 32 : moved.start]
    assert (moved.uid, moved.created, moved.updated) == (h.uid, h.created, h.updated)


def test_reimport_with_the_sentence_edited_is_fuzzy_until_confirmed(
    db: Database, store: AnnotationStore
) -> None:
    article_id = add(db, article())
    h = store.add_highlight(article_id, *span(HARBOUR, SENTENCE))
    edited = "The town council approved the new stone breakwater on Tuesday"
    new_text = HARBOUR.replace(SENTENCE, edited)
    assert replace_text(db, store, article_id, new_text) == {"fuzzy": 1}
    fuzzy = store.get_highlight(h.id)
    assert fuzzy.quote.exact == edited and fuzzy.status is AnchorStatus.FUZZY
    # Another re-import finds the (updated) quote exactly, but nobody has checked it yet.
    assert replace_text(db, store, article_id, "New intro.\n\n" + new_text) == {"fuzzy": 1}
    assert store.confirm(h.id).status is AnchorStatus.ANCHORED


def test_reimport_without_the_sentence_orphans_but_keeps_it(
    db: Database, store: AnnotationStore
) -> None:
    article_id = add(db, article())
    kept = store.add_highlight(article_id, *span(HARBOUR, "black water"))
    h = store.add_highlight(article_id, *span(HARBOUR, SENTENCE), note="precious")
    paragraph = HARBOUR.split("\n\n")[2]
    new_text = HARBOUR.replace(paragraph + "\n\n", "")
    assert replace_text(db, store, article_id, new_text) == {"anchored": 1, "orphaned": 1}
    listed = store.highlights(article_id)
    assert [x.id for x in listed] == [kept.id, h.id], "orphans are listed, after the rest"
    orphan = listed[1]
    assert orphan.status is AnchorStatus.ORPHANED
    assert (orphan.quote, orphan.note) == (h.quote, "precious")
    assert store.list_highlights(HighlightFilter(orphaned=True)) == [orphan]
    # The reader re-attaches it to new text by selecting it.
    fixed = store.reattach(h.id, *span(new_text, "Tourists arrive later"))
    assert (fixed.status, fixed.quote.exact) == (AnchorStatus.ANCHORED, "Tourists arrive later")
    assert fixed.note == "precious"


def test_an_orphan_comes_back_when_its_text_returns(db: Database, store: AnnotationStore) -> None:
    article_id = add(db, article())
    h = store.add_highlight(article_id, *span(HARBOUR, SENTENCE))
    replace_text(db, store, article_id, "Nothing of the old article remains.")
    assert store.get_highlight(h.id).status is AnchorStatus.ORPHANED
    assert replace_text(db, store, article_id, HARBOUR) == {"anchored": 1}
    assert store.get_highlight(h.id).position == h.position


def test_emoji_inserted_before_a_cjk_highlight(db: Database, store: AnnotationStore) -> None:
    article_id = add(db, article(KITES, "风筝节"))
    h = store.add_highlight(article_id, *span(KITES, "发光的长龙"))
    new_text = "🎏🪁 " + KITES
    assert replace_text(db, store, article_id, new_text) == {"anchored": 1}
    moved = store.get_highlight(h.id)
    assert new_text[moved.start : moved.end] == "发光的长龙"
    assert moved.start == h.start + 3
