"""Blocks of the rich extraction kept only when the plain extraction of the page holds them."""

from __future__ import annotations

from collections import Counter
from typing import Any

import lxml.html
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from reader.importers import html
from reader.importers.captions import restore_captions
from reader.importers.plain_check import (
    _key,
    _Plain,
    drop_overruled,
    drop_unconfirmed,
    may_drop,
    plain_text,
)

STORY = [
    "The harbour board met on Tuesday to decide the fate of the old north pier.",
    "Engineers said the timber piles had rotted below the waterline last winter.",
    "Residents asked for a survey before any demolition, and the board agreed.",
    "The survey is due in the spring; until then the pier stays closed to all.",
]
CAPTION = "The north pier at low tide, seen from the harbour wall."


def body_of(*children: tuple[str, str]) -> etree._Element:
    """An extractor body: ("p", text), ("head", text), ("graphic", src), ("list", a|b|c)."""
    body = etree.Element("body")
    for tag, value in children:
        element = etree.SubElement(body, tag)
        if tag == "graphic":
            element.set("src", value)
        elif tag == "list":
            for item in value.split("|"):
                etree.SubElement(element, "item").text = item
        else:
            element.text = value
    return body


def shown(body: etree._Element) -> list[tuple[str, str]]:
    return [(e.tag, e.get("src") or " ".join("".join(e.itertext()).split())) for e in body]


def story() -> list[tuple[str, str]]:
    return [("p", text) for text in STORY]


def test_a_block_the_plain_text_lacks_is_dropped_and_its_image_kept() -> None:
    body = body_of(*story()[:2], ("p", "Explore further"), ("p", "Buy now"), *story()[2:])
    body[2].append(etree.Element("graphic", src="a.jpg"))
    drop_unconfirmed(body, "\n".join(STORY))
    assert shown(body) == [*story()[:2], ("graphic", "a.jpg"), *story()[2:]]


def test_loose_text_the_plain_text_lacks_is_dropped() -> None:
    body = body_of(("graphic", "logo.png"), *story())
    body.text = "\n"
    body[0].tail = "\n https://news.example.org/harbour/pier-2041.php \n"
    body[2].tail = " the board agreed "  # loose, but the plain text holds it
    drop_unconfirmed(body, "\n".join(STORY))
    assert body[0].tail is None
    assert body[2].tail == " the board agreed "


def test_copies_beyond_those_in_the_plain_text_are_dropped() -> None:
    gallery = [("graphic", "1.jpg"), ("p", CAPTION), ("graphic", "2.jpg"), ("p", CAPTION)]
    body = body_of(*story()[:2], *gallery, *story()[2:])
    drop_unconfirmed(body, "\n".join([*STORY[:2], CAPTION, *STORY[2:]]))
    assert shown(body) == [*story()[:2], *gallery[:3], *story()[2:]]


def test_equal_neighbours_the_plain_text_holds_twice_both_stay() -> None:
    body = body_of(("p", STORY[0]), ("p", STORY[0]), *story()[1:])
    drop_unconfirmed(body, "\n".join([STORY[0], *STORY]))
    assert shown(body) == [("p", STORY[0]), *story()]


def test_the_first_caption_right_after_an_image_stays() -> None:
    gallery = [("graphic", "1.jpg"), ("p", CAPTION), ("graphic", "2.jpg"), ("p", CAPTION)]
    body = body_of(*story()[:2], *gallery, *story()[2:])
    drop_unconfirmed(body, "\n".join(STORY))
    assert shown(body) == [*story()[:2], *gallery[:3], *story()[2:]]


def test_a_line_before_an_image_saying_what_it_shows_stays() -> None:
    """The picture's title (its alt text said as a heading above it): the plain extraction
    has no images to judge it by; another line before a picture has no such pass."""
    titled = [("head", CAPTION), ("graphic", "1.jpg")]
    other = [("p", "Buy the print now, today only"), ("graphic", "2.jpg")]
    body = body_of(*story()[:2], *titled, ("p", STORY[2]), *other, ("p", STORY[3]))
    body[3].set("alt", CAPTION.upper())
    body[6].set("alt", "Something else shown")
    drop_unconfirmed(body, "\n".join(STORY))
    assert shown(body) == [*story()[:2], *titled, ("p", STORY[2]), other[1], ("p", STORY[3])]


def test_list_items_are_words_apart() -> None:
    """Items run together ("glassGreen") would not be found in the plain text."""
    items = ["Amber glass", "Green glass", "Blue glass"]
    body = body_of(*story()[:2], ("list", "|".join(items)), *story()[2:])
    drop_unconfirmed(body, "\n".join([*STORY[:2], *(f"- {item}" for item in items), *STORY[2:]]))
    assert [tag for tag, _ in shown(body)] == ["p", "p", "list", "p", "p"]


def test_nothing_is_dropped_when_the_plain_text_took_other_content() -> None:
    body = body_of(*story())
    drop_unconfirmed(body, "Subscribe to our newsletter for the latest harbour news today")
    assert shown(body) == story()
    drop_unconfirmed(body, None)
    assert shown(body) == story()


def test_the_plain_extraction_of_a_page_is_its_text() -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in STORY)
    page = f"<html><body><nav><a href='/'>Home</a></nav><article>{paragraphs}</article></body>"
    text = plain_text(lxml.html.document_fromstring(page)) or ""
    assert all(sentence in text for sentence in STORY)
    assert "Home" not in text


def test_a_block_found_only_in_pieces_is_kept_once() -> None:
    """A caption made of phrases of the story ("the old north pier", "the harbour board") is
    confirmed by its pieces, not found whole: under each photo of a gallery it stays once."""
    caption = "the harbour board met on Tuesday about the old north pier"
    gallery = [("graphic", "1.jpg"), ("p", caption), ("graphic", "2.jpg"), ("p", caption)]
    body = body_of(*story()[:2], *gallery, *story()[2:])
    drop_unconfirmed(body, "\n".join(STORY))
    assert shown(body) == [*story()[:2], *gallery[:3], *story()[2:]]


def test_a_caption_put_back_after_the_check_stays_out_when_the_check_dropped_its_text() -> None:
    # The rich extraction kept a figure's promotion line as a paragraph away from its image;
    # the plain check dropped it; the caption step would put it back under the image.
    promotion = "Get a subscription to our sister magazine for the latest harbour news."
    body = body_of(("graphic", "1.jpg"), *story()[:2], ("p", promotion), *story()[2:])
    body.append(etree.Element("graphic", src="2.jpg"))
    source = lxml.html.fromstring(
        "<div><figure><img src='1.jpg'><figcaption>"
        f"{promotion}</figcaption></figure><figure><img src='2.jpg'><figcaption>"
        f"{CAPTION}</figcaption></figure></div>"
    )
    verdict = drop_unconfirmed(body, "\n".join(STORY))
    restore_captions(body, source)
    drop_overruled(body, verdict)
    assert shown(body) == [
        ("graphic", "1.jpg"),
        *story(),
        ("graphic", "2.jpg"),
        ("figcaption", CAPTION),
    ]


def test_a_body_of_one_piece_of_text_is_never_changed_by_the_check() -> None:
    """The ground for skipping the plain extraction: one piece left unconfirmed is more than
    half of the text, so whatever the plain text holds, nothing is dropped."""
    for body in (body_of(("p", STORY[0])), body_of(("graphic", "a.jpg"), ("p", STORY[0]))):
        before = shown(body)
        assert not may_drop(body)
        drop_unconfirmed(body, "Subscribe to our newsletter for the latest harbour news")
        assert shown(body) == before
    loose = etree.Element("body")
    loose.text = STORY[0]
    assert not may_drop(loose)


def test_two_pieces_of_text_may_be_checked() -> None:
    assert may_drop(body_of(*story()[:2]))
    loose = body_of(("p", STORY[0]))
    loose[0].tail = "Buy now"  # loose text is a piece of its own
    assert may_drop(loose)
    assert not may_drop(body_of(("p", STORY[0]), ("p", "…"), ("graphic", "a.jpg")))


def test_a_page_of_one_paragraph_is_not_extracted_a_second_time(monkeypatch: Any) -> None:
    calls: list[object] = []

    def counted(tree: lxml.html.HtmlElement) -> str | None:
        calls.append(tree)
        return plain_text(tree)

    monkeypatch.setattr(html, "plain_text", counted)
    one = f"<html><head><title>Pier</title></head><body><article><p>{' '.join(STORY)}</p>"
    assert STORY[3] in html.import_html(one.encode(), "pier.html").text
    assert calls == []
    two = "".join(f"<p>{text}</p>" for text in STORY)
    assert STORY[3] in html.import_html(f"<html><body><article>{two}".encode(), "p.html").text
    assert len(calls) == 1


@given(st.text(alphabet="ab ßẞ\n\r\x0b\x0c\x1c\x85\u2028\u2029-", max_size=40))
def test_the_plain_texts_words_are_its_lines_words(plain: str) -> None:
    """The plain text is split into lines once and its words read line by line: the same
    words, in the same order, as read from the whole text (no word spans a line break, and
    folding "ß" to "ss" changes no line)."""
    reference = _Plain(plain)
    assert reference.joined == _key(plain)
    assert reference.lines == Counter(_key(line) for line in plain.splitlines())


def test_code_blocks_are_never_dropped_nor_their_repeats() -> None:
    # Documentation shows code the plain extraction leaves out or holds once: it is content.
    code = [("code", "make install DESTDIR=/tmp/pkg"), ("code", "</Directory>")]
    body = body_of(*story()[:2], *code, ("code", "</Directory>"), *story()[2:])
    drop_unconfirmed(body, "\n".join([*STORY[:2], "</Directory>", *STORY[2:]]))
    assert shown(body) == [*story()[:2], *code, ("code", "</Directory>"), *story()[2:]]


def test_words_the_plain_text_runs_together_confirm_a_block() -> None:
    # The plain extraction glues neighbouring inline elements: "ap_hook_insert_filter" and
    # "ap_hook_log_transaction" come out as one word.
    hooks = [("p", "ap_hook_insert_filter"), ("p", "ap_hook_log_transaction")]
    body = body_of(*story()[:2], *hooks, ("p", "Buy now"), *story()[2:])
    plain = [*STORY[:2], "ap_hook_insert_filterap_hook_log_transaction", *STORY[2:]]
    drop_unconfirmed(body, "\n".join(plain))
    assert shown(body) == [*story()[:2], *hooks, *story()[2:]]


def test_a_paragraph_the_plain_text_mangled_stays_between_its_neighbours() -> None:
    # The plain text holds most of its words, in another order, between the same neighbours.
    mangled = "Fix the problems in the old patch, then refresh it. foo.patch"
    body = body_of(*story()[:2], ("p", mangled), *story()[2:])
    plain = [*STORY[:2], "Fix the problems in the old foo.patch", *STORY[2:]]
    drop_unconfirmed(body, "\n".join(plain))
    assert shown(body) == [*story()[:2], ("p", mangled), *story()[2:]]


def test_a_line_of_the_storys_words_the_plain_text_lacks_there_is_dropped() -> None:
    # A caption away from its image speaks the story's words, but the plain text has nothing
    # between its neighbours; a line that is mostly a link is not the article's either.
    caption = "The harbour board at the old north pier on Tuesday."
    body = body_of(*story()[:2], ("p", caption), *story()[2:3], ("p", ""), *story()[3:])
    etree.SubElement(body[4], "ref", target="/survey").text = "hull inspection results posted"
    plain = [*STORY[:2], *STORY[2:3], "results posted: hull inspection", *STORY[3:]]
    drop_unconfirmed(body, "\n".join(plain))
    assert shown(body) == [*story()[:2], *story()[2:3], *story()[3:]]


def test_a_long_run_of_entries_the_plain_text_passed_over_stays() -> None:
    # A table of entries (a name, then what it does) between confirmed paragraphs, none a
    # link: the plain extraction skipped it, the reader does not.
    entries = [("p", f"Bracket type {n}: inserts a placeholder within it.") for n in range(6)]
    body = body_of(*story()[:2], *entries, *story()[2:])
    drop_unconfirmed(body, "\n".join(STORY))
    assert shown(body) == [*story()[:2], *entries, *story()[2:]]


def test_a_short_run_the_plain_text_passed_over_goes() -> None:
    lines = [("p", f"Photo {n}: the pier from the harbour wall.") for n in range(5)]
    body = body_of(*story()[:2], *lines, *story()[2:])
    drop_unconfirmed(body, "\n".join(STORY))
    assert shown(body) == story()


def note_box(text: str, link: str = "") -> etree._Element:
    """A documentation's tip: its icon and "Tip" in a row, its paragraph in the next."""
    table = etree.Element("table")
    head = etree.SubElement(table, "row")
    etree.SubElement(etree.SubElement(head, "cell"), "graphic", src="tip.png")
    etree.SubElement(head, "cell", role="head").text = "Tip"
    paragraph = etree.SubElement(etree.SubElement(etree.SubElement(table, "row"), "cell"), "p")
    paragraph.text = text
    if link:
        etree.SubElement(paragraph, "ref", target="/more").text = link
    return table


def test_a_note_box_the_plain_text_passed_over_stays() -> None:
    body = body_of(*story())
    body.insert(2, note_box("Close the pier gates before the survey starts."))
    drop_unconfirmed(body, "\n".join(STORY))
    assert shown(body)[2] == ("table", "TipClose the pier gates before the survey starts.")
    assert len(body) == len(STORY) + 1


def test_a_box_of_links_in_a_table_goes() -> None:
    body = body_of(*story())
    body.insert(2, note_box("See ", "our other stories about piers and harbours"))
    drop_unconfirmed(body, "\n".join(STORY))
    assert shown(body) == [*story()[:2], ("graphic", "tip.png"), *story()[2:]]


def _reference_occurrences(joined: str, key: str) -> int:
    count, start = 0, joined.find(key)
    while start >= 0:
        count += 1
        start = joined.find(key, start + len(key) - 1)
    return count


@given(
    st.lists(st.sampled_from(["a b", "b a", "a", "b c a", "c", "", "a a b", "a a a"]), max_size=12),
    st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=1, max_size=4),
    st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3),
)
def test_looking_pieces_up_by_their_words_answers_as_the_whole_text_does(
    lines: list[str], words: list[str], other: list[str]
) -> None:
    """The plain text's lookups go through where each word is (a page of 200,000 links asked
    the whole text once per piece); they answer as searching the whole text did."""
    plain = _Plain("\n".join(lines))
    key, last = f" {' '.join(words)} ", f" {' '.join(other)} "
    assert plain.contains(key) == (key in plain.joined)
    assert plain.occurrences(key) == (
        plain.lines[key] if key in plain.lines else _reference_occurrences(plain.joined, key)
    )
    start = plain.joined.find(key)
    end = plain.joined.find(last, start + len(key) - 1) if start >= 0 else -1
    between = frozenset(plain.joined[start + len(key) - 1 : end + 1].split())
    assert plain.between(key, last) == (between if end >= 0 else frozenset())
