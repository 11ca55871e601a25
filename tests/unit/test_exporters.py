"""Exports of annotations and citations, and the W3C round trip into an empty library."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts

from reader.core.annotation import (
    AnchorStatus,
    ArticleAnnotations,
    Color,
    Highlight,
    TextPositionSelector,
)
from reader.core.article import Article
from reader.errors import InvalidAnnotations
from reader.exporters import (
    FORMATS,
    AnnotatedArticle,
    Meanings,
    citations,
    markdown,
    render,
    safe_filename,
    w3c,
    w3c_import,
)
from reader.exporters.csv import BOM, COLUMNS, annotations_csv
from reader.storage.annotations import AnnotationStore
from reader.storage.articles import ArticleStore
from reader.storage.database import Database

HARBOUR_V1 = (
    "The harbour wakes before the town does.\n\n"
    "Fishing boats leave at four, their lamps swinging over black water.\n\n"
    "The council approved the new breakwater on Tuesday after a long debate.\n\n"
    "A ferry strike was called off late on Monday evening.\n\n"
    "Tourists arrive later, drawn by the painted warehouses and fresh bread."
)
# The version imported later: the council sentence edited, the ferry paragraph gone.
HARBOUR_V2 = HARBOUR_V1.replace("The council approved", "The town council approved").replace(
    "A ferry strike was called off late on Monday evening.\n\n", ""
)
KITES = (
    "湖畔小城举办国际风筝节,三十多个国家的队伍同场竞技。\n\n"
    "带灯的风筝在湖面上空组成了一条发光的长龙。\n\n明年将邀请更多学校参与。"
)


def harbour(text: str = HARBOUR_V2) -> Article:
    return Article(
        title="Morning in the harbour: a {quiet} start",
        text=text,
        html="<p></p>",
        section="Coast & Sea",
        site="Harbour Times",
        author="By Jane Doe and John Roe",
        published=date(2024, 10, 26),
        url="https://news.example.org/harbour?id=7&lang=en",
        language="en",
    )


def kites() -> Article:
    return Article(
        title="湖畔小城举办国际风筝节",
        text=KITES,
        html="<p></p>",
        section="国际",
        site="华文天下",
        author="记者 张三、李四",
        language="zh",
    )


def add(db: Database, item: Article) -> int:
    with db.transaction() as conn:
        return ArticleStore(db).insert(conn, item, item.section)


def span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def annotate(db: Database) -> list[int]:
    """A small annotated library: highlights of every status, notes, tags and meanings."""
    store = AnnotationStore(db)
    first, second = add(db, harbour(HARBOUR_V1)), add(db, kites())
    store.add_highlight(first, *span(HARBOUR_V1, "black water"), "blue", "Night *fishing*.")
    council = "The council approved the new breakwater on Tuesday"
    store.add_highlight(first, *span(HARBOUR_V1, council), "pink", "A turning point", ["policy"])
    store.add_highlight(first, *span(HARBOUR_V1, "ferry strike was called off"), "green")
    store.set_article_note(first, "Read for the **port** project.")
    store.set_article_tags(first, ["coast", "to read"])
    store.add_highlight(second, *span(KITES, "一条发光的长龙"), "yellow", "很美的画面", ["节日"])
    store.set_color_meaning("pink", "key claim")
    store.set_color_meaning("yellow", "美")
    with db.transaction(durable=True) as conn:  # the re-import of a new version
        ArticleStore(db).replace_content(conn, first, harbour(), None)
        store.reanchor_article(conn, first, HARBOUR_V2)
    return [first, second]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(tmp_path / "library.sqlite3")
    yield database
    database.close()


@pytest.fixture
def items(db: Database) -> list[AnnotatedArticle]:
    articles, store = ArticleStore(db), AnnotationStore(db)
    return [AnnotatedArticle(articles.get(i), store.for_article(i)) for i in annotate(db)]


@pytest.fixture
def meanings(db: Database, items: list[AnnotatedArticle]) -> Meanings:
    return AnnotationStore(db).color_meanings()


def test_sample_library_has_every_status(items: list[AnnotatedArticle]) -> None:
    statuses = [h.status for h in items[0].annotations.highlights]
    assert statuses == [AnchorStatus.ANCHORED, AnchorStatus.FUZZY, AnchorStatus.ORPHANED]


# -- W3C Web Annotation ---------------------------------------------------------------------------

MOTIVATIONS = {
    "assessing", "bookmarking", "classifying", "commenting", "describing", "editing",
    "highlighting", "identifying", "linking", "moderating", "questioning", "replying", "tagging",
}  # fmt: skip
# Terms of the Web Annotation vocabulary we use; anything else must carry our own prefix.
TERMS = {
    "@context", "id", "type", "label", "total", "first", "items", "startIndex", "generator",
    "generated", "name", "motivation", "created", "modified", "body", "target", "source",
    "selector", "exact", "prefix", "suffix", "start", "end", "value", "format", "purpose",
    "stylesheet", "styleClass", "partOf", "last", "creator",
}  # fmt: skip
STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def keys_everywhere(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            if key != "@context":
                yield from keys_everywhere(value)
    elif isinstance(node, list):
        for value in node:
            yield from keys_everywhere(value)


def check_annotation(item: dict[str, object]) -> None:
    assert item["type"] == "Annotation"
    assert str(item["id"]).startswith("urn:uuid:")
    assert item["motivation"] in MOTIVATIONS
    assert STAMP.match(str(item["created"])) and STAMP.match(str(item["modified"]))
    target = item["target"]
    assert isinstance(target, dict)
    assert re.match(r"^(https?://|urn:reader:article:[0-9a-f]{64}$)", target["source"])
    for body in item.get("body", []):  # type: ignore[attr-defined]
        assert body["type"] == "TextualBody" and isinstance(body["value"], str)
        assert body["purpose"] in MOTIVATIONS
    if "selector" not in target:
        return
    quote, *position_given = target["selector"]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"]
    # An orphan carries no position: it would belong to a version of the text that is gone.
    assert bool(position_given) is (item.get("reader:status") != "orphaned")
    for position in position_given:
        assert position["type"] == "TextPositionSelector"
        assert 0 <= position["start"] < position["end"]
    assert target["styleClass"] in item["stylesheet"]["value"]  # type: ignore[index]


def test_w3c_export_is_an_annotation_collection(
    items: list[AnnotatedArticle], meanings: Meanings
) -> None:
    document = json.loads(w3c.dumps(w3c.annotation_collection(items, meanings)))
    assert document["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert document["@context"][1] == {"reader": "urn:reader:vocab#"}
    assert document["type"] == "AnnotationCollection" and document["id"].startswith("urn:uuid:")
    page = document["first"]
    assert page["type"] == "AnnotationPage" and page["startIndex"] == 0
    assert page["partOf"] == document["id"] and document["last"] == page["id"]
    assert all("creator" not in item for item in page["items"])  # no name set: none claimed
    assert document["total"] == len(page["items"]) == 5  # 4 highlights, 1 article note
    for item in page["items"]:
        check_annotation(item)
    assert {k for k in keys_everywhere(document) if not k.startswith("reader:")} <= TERMS
    highlights = [i for i in page["items"] if "selector" in i["target"]]
    text = items[0].article.text
    for item in highlights[:2]:
        quote, position = item["target"]["selector"]
        assert text[position["start"] : position["end"]] == quote["exact"]
    assert items[1].article.url is None
    assert page["items"][-1]["target"]["source"].startswith("urn:reader:article:")


def test_w3c_annotations_name_their_creator(
    items: list[AnnotatedArticle], meanings: Meanings
) -> None:
    document = w3c.annotation_collection(items, meanings, creator=" Ana Lima ")
    assert {json.dumps(item["creator"]) for item in document["first"]["items"]} == {
        json.dumps({"type": "Person", "name": "Ana Lima"})
    }
    assert {k for k in keys_everywhere(document) if not k.startswith("reader:")} <= TERMS


def comparable(annotations: ArticleAnnotations) -> tuple[object, ...]:
    def plain(h: Highlight) -> Highlight:
        if h.status is AnchorStatus.ORPHANED:  # exported without its stale position
            h = replace(h, position=TextPositionSelector(0, 0))
        return replace(h, id=0, article_id=0)

    note = annotations.note and replace(annotations.note, article_id=0)
    return note, annotations.tags, [plain(h) for h in annotations.highlights]


def test_w3c_round_trip_into_an_empty_library(
    tmp_path: Path, items: list[AnnotatedArticle], meanings: Meanings
) -> None:
    exported = w3c.dumps(w3c.annotation_collection(items, meanings))
    other = Database(tmp_path / "other" / "library.sqlite3")
    try:
        ids = [add(other, harbour()), add(other, kites())]
        store = AnnotationStore(other)
        read = w3c_import.loads(exported)
        report = store.import_annotations(read.groups, read.meanings)
        assert (report.articles, report.added, report.unmatched) == (ids, 4, [])
        for item, article_id in zip(items, ids, strict=True):
            assert comparable(store.for_article(article_id)) == comparable(item.annotations)
        assert store.color_meanings() == meanings
        again = store.import_annotations(w3c_import.loads(exported).groups)
        assert (again.added, again.already_present) == (0, 4), "a second import adds nothing"
        assert comparable(store.for_article(ids[0])) == comparable(items[0].annotations)
    finally:
        other.close()


def test_w3c_import_reports_articles_it_cannot_find(
    tmp_path: Path, items: list[AnnotatedArticle], meanings: Meanings
) -> None:
    read = w3c_import.loads(w3c.dumps(w3c.annotation_collection(items, meanings)))
    other = Database(tmp_path / "other.sqlite3")
    try:
        add(other, kites())
        report = AnnotationStore(other).import_annotations(read.groups)
        assert report.added == 1 and [k.title for k in report.unmatched] == [harbour().title]
    finally:
        other.close()


def test_w3c_import_of_another_tools_annotation(db: Database) -> None:
    article_id = add(db, harbour())
    foreign = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "http://example.net/anno/1",
        "type": "Annotation",
        "bodyValue": "Nice detail",
        "target": {
            "source": harbour().url,
            "selector": {"type": "TextQuoteSelector", "exact": "painted warehouses"},
        },
    }
    read = w3c_import.loads(json.dumps(foreign))
    AnnotationStore(db).import_annotations(read.groups)
    [h] = AnnotationStore(db).highlights(article_id)
    assert (h.uid, h.note, h.color) == ("http://example.net/anno/1", "Nice detail", Color.YELLOW)
    assert HARBOUR_V2[h.start : h.end] == "painted warehouses"
    assert w3c.highlight_annotation(ArticleStore(db).get(article_id), h, {})["id"] == h.uid


def test_w3c_import_refuses_what_is_not_an_annotation() -> None:
    with pytest.raises(InvalidAnnotations):
        w3c_import.loads("{not json")
    with pytest.raises(InvalidAnnotations):
        w3c_import.loads(json.dumps({"type": "Person"}))


# -- citations ----------------------------------------------------------------------------------


def test_bibtex_parses_with_bibtexparser(items: list[AnnotatedArticle]) -> None:
    text = citations.bibtex(item.article for item in items)
    library = bibtexparser.parse_string(
        text, append_middleware=[SeparateCoAuthors(), SplitNameParts()]
    )
    assert library.failed_blocks == []
    online, misc = library.entries
    assert (online.entry_type, misc.entry_type) == ("online", "misc")
    assert online.key == "doe2024morning" and misc.key != online.key
    assert online["title"] == r"{Morning in the harbour: a \{quiet\} start}"
    assert [a.last for a in online["author"]] == [["Doe"], ["Roe"]]
    assert online["organization"] == "Harbour Times"
    assert (online["date"], online["year"], online["month"]) == ("2024-10-26", "2024", "oct")
    assert online["url"] == harbour().url
    assert online["urldate"] == items[0].article.summary.added.date().isoformat()
    assert misc["howpublished"] == "华文天下"
    assert [a.last for a in misc["author"]] == [["{张三}"], ["{李四}"]]


def test_ris_parses_with_rispy(items: list[AnnotatedArticle]) -> None:
    news, web = rispy.loads(citations.ris(item.article for item in items))
    assert news["type_of_reference"] == "NEWS" and web["type_of_reference"] == "ELEC"
    assert news["title"] == harbour().title
    assert news["authors"] == ["Doe, Jane", "Roe, John"]
    assert (news["secondary_title"], news["year"], news["date"]) == (
        "Harbour Times", "2024", "2024/10/26/",
    )  # fmt: skip
    assert news["urls"] == [harbour().url]
    added = items[0].article.summary.added.date()
    assert news["access_date"] == added.strftime("%Y/%m/%d/")
    assert web["authors"] == ["张三", "李四"] and web["secondary_title"] == "华文天下"


def test_csl_json_fields(items: list[AnnotatedArticle]) -> None:
    news, web = json.loads(citations.csl_json(item.article for item in items))
    assert news["type"] == "article-newspaper" and web["type"] == "webpage"
    assert news["title"] == harbour().title and news["container-title"] == "Harbour Times"
    assert news["author"] == [
        {"family": "Doe", "given": "Jane"},
        {"family": "Roe", "given": "John"},
    ]
    assert news["issued"] == {"date-parts": [[2024, 10, 26]]}
    assert news["URL"] == harbour().url
    added = items[0].article.summary.added
    assert news["accessed"] == {"date-parts": [[added.year, added.month, added.day]]}
    assert web["author"] == [{"literal": "张三"}, {"literal": "李四"}] and "URL" not in web


def test_author_splitting() -> None:
    split = citations.split_authors
    assert split(None) == []
    assert split("Reuters") == [citations.Name(literal="Reuters")]
    assert split("By Ana María López; Bo Li & Chen") == [
        citations.Name("López", "Ana María"),
        citations.Name("Li", "Bo"),
        citations.Name(literal="Chen"),
    ]


# -- Markdown and CSV -----------------------------------------------------------------------------


def test_markdown_has_each_quote_note_and_meaning(
    items: list[AnnotatedArticle], meanings: Meanings
) -> None:
    text = markdown.article_markdown(items[0], meanings)
    assert text.startswith("# Morning in the harbour: a {quiet} start\n")
    assert "*By Jane Doe and John Roe · Harbour Times · 2024-10-26 · Coast & Sea*" in text
    assert f"Source: <{harbour().url}>" in text
    assert "Read for the **port** project." in text
    for h in items[0].annotations.highlights:
        assert f"> {h.quote.exact}" in text
        if h.note:
            assert h.note in text
    assert "*Pink: key claim · tags: policy · re-attached to edited text, please check*" in text
    assert "no longer found" in text
    whole = render("markdown", items, meanings)
    assert "> 一条发光的长龙" in whole and "很美的画面" in whole and "Yellow: 美" in whole
    head = '---\ntitle: "Annotations"\narticles: 2\n---\n\n# Annotations\n\n## Morning'
    assert whole.startswith(head)


def test_markdown_files_with_front_matter(
    tmp_path: Path, items: list[AnnotatedArticle], meanings: Meanings
) -> None:
    twice = [*items, items[0]]
    paths = markdown.write_markdown_files(twice, meanings, tmp_path / "vault")
    names = [p.name for p in paths]
    first_id = items[0].article.id
    assert names == [
        "Morning in the harbour a {quiet} start.md",
        "湖畔小城举办国际风筝节.md",
        f"Morning in the harbour a {{quiet}} start ({first_id}).md",
    ]
    text = paths[0].read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    assert 'title: "Morning in the harbour: a {quiet} start"' in front
    assert 'tags: ["coast", "policy", "to-read"]' in front and 'published: "2024-10-26"' in front
    assert "> black water" in text


def test_safe_file_names() -> None:
    assert safe_filename('a/b\\c:d*e?"f"<g>|', "x") == "a b c d e f g"
    assert safe_filename("...", "fallback", ".md") == "fallback.md"
    assert safe_filename("CON", "fallback") == "fallback"
    long = safe_filename("长" * 200, "x")
    assert len(long.encode()) <= 180 and set(long) == {"长"}


def test_csv_has_the_columns_a_bom_and_cjk(
    items: list[AnnotatedArticle], meanings: Meanings
) -> None:
    text = annotations_csv(items, meanings)
    assert text.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(text.removeprefix(BOM))))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 5  # an article note and four highlights
    note_row = rows[0]
    assert (note_row["quote"], note_row["note"]) == ("", "Read for the **port** project.")
    assert note_row["tags"] == "coast; to read"
    kite = rows[-1]
    assert (kite["title"], kite["section"], kite["quote"]) == (
        "湖畔小城举办国际风筝节", "国际", "一条发光的长龙",
    )  # fmt: skip
    assert (kite["colour"], kite["meaning"], kite["note"], kite["tags"]) == (
        "yellow", "美", "很美的画面", "节日",
    )  # fmt: skip
    assert {r["status"] for r in rows[1:4]} == {"anchored", "fuzzy", "orphaned"}
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")


def test_csv_defuses_formulas(items: list[AnnotatedArticle]) -> None:
    item = items[1]
    [h] = item.annotations.highlights
    evil = replace(item.annotations, highlights=(replace(h, note="=HYPERLINK(1)"),))
    text = annotations_csv([AnnotatedArticle(item.article, evil)], {}, bom=False)
    assert "'=HYPERLINK(1)" in text and not text.startswith(BOM)


def test_render_knows_every_format(items: list[AnnotatedArticle], meanings: Meanings) -> None:
    for name in FORMATS:
        assert render(name, items, meanings).strip()
    with pytest.raises(ValueError, match="unknown export format"):
        render("docx", items, meanings)
