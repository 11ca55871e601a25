"""Logseq pages of annotated articles: page properties, then one block of Reader's own whose
children are the highlights, each with a stable `id::` so block references keep working."""

from __future__ import annotations

import re
import uuid
from itertools import pairwise

from reader.core.annotation import AnchorStatus, Highlight
from reader.exporters import AnnotatedArticle, Meanings, safe_filename

NAME = "Logseq graph"
# Logseq keeps pages in pages/; logseq/ holds its settings and page backups (which carry our
# reader-id too and must never be taken for the note).
NOTES_FOLDER = "pages"
STATE = ".reader/logseq-export.json"
REGION_TITLE = "Highlights from Reader"
# The property that marks Reader's block: everything under it is rewritten on each export.
REGION_PROPERTY = "reader-region:: true"
_TOP_BLOCK = re.compile(r"^- ", re.MULTILINE)
_REGION = re.compile(r"^[ \t]+reader-region::[ \t]*true[ \t]*\r?$", re.MULTILINE)
_READER_ID = re.compile(r"^reader-id::[ \t]*(\S[^\r\n]*?)[ \t]*\r?$", re.MULTILINE)
# The namespace block ids are derived in (any fixed UUID would do; this one must never change).
_BLOCK_IDS = uuid.UUID("6b1a4f43-5d0c-4c1e-9a59-0c2f6f7e2d51")


def note_path(item: AnnotatedArticle) -> str:
    """Where a new page goes, relative to the graph: pages/<title>.md."""
    summary = item.article.summary
    return f"{NOTES_FOLDER}/{safe_filename(summary.title, f'Article {summary.id}', '.md')}"


def reader_id_of(text: str) -> str | None:
    """The reader-id page property (the properties come before the first block)."""
    first_block = _TOP_BLOCK.search(text)
    found = _READER_ID.search(text[: first_block.start() if first_block else len(text)])
    return found[1] if found else None


def new_note(item: AnnotatedArticle, meanings: Meanings, reader_id: str) -> str:
    return f"{properties(item, reader_id)}\n{region(item, meanings)}\n"


def merged(existing: str, item: AnnotatedArticle, meanings: Meanings) -> str:
    """The page with only Reader's block replaced (the user's blocks, before or after it,
    untouched); a page whose Reader block was deleted gets a new one at its end."""
    starts = [m.start() for m in _TOP_BLOCK.finditer(existing)] + [len(existing)]
    fresh = region(item, meanings) + "\n"
    for start, end in pairwise(starts):
        if _REGION.search(existing, start, end):
            return existing[:start] + fresh + existing[end:]
    return existing.rstrip("\r\n") + "\n" + fresh


def properties(item: AnnotatedArticle, reader_id: str) -> str:
    summary = item.article.summary
    values = [
        ("author", summary.author),
        ("site", summary.site),
        ("url", item.article.url),
        ("published", summary.published.isoformat() if summary.published else None),
    ]
    lines = [f"{key}:: {_one_line(value)}" for key, value in values if value]
    tags = [_page_ref(tag) for tag in item.annotations.all_tags]
    if tags:
        lines.append(f"tags:: {', '.join(tags)}")
    lines.append(f"reader-id:: {reader_id}")
    return "\n".join(lines) + "\n"


def region(item: AnnotatedArticle, meanings: Meanings) -> str:
    """Reader's block: the article note, then each highlight in text order, as children."""
    lines = [f"- {REGION_TITLE}", f"  {REGION_PROPERTY}"]
    note = item.annotations.note
    if note is not None and note.text.strip():
        lines += _block(note.text.strip(), depth=1)
    for highlight in item.annotations.highlights:
        lines += highlight_block(highlight, meanings)
    return "\n".join(lines)


def highlight_block(highlight: Highlight, meanings: Meanings) -> list[str]:
    """A quote block coloured like the highlight, its meaning and tags as properties, its
    note as a child block."""
    lines = [f"\t- > {_one_line(highlight.quote.exact)}"]
    # Logseq has a block colour of the same name for each of ours.
    props = [("id", str(block_uuid(highlight.uid))), ("background-color", highlight.color.value)]
    meaning = meanings.get(highlight.color)
    if meaning:
        props.append(("color-meaning", _one_line(meaning)))
    if highlight.tags:
        props.append(("tags", ", ".join(_page_ref(t) for t in highlight.tags)))
    if highlight.status is AnchorStatus.ORPHANED:
        props.append(("reader-status", "not found in the current text"))
    lines += [f"\t  {key}:: {value}" for key, value in props]
    if highlight.note and highlight.note.strip():
        lines += _block(highlight.note.strip(), depth=2)
    return lines


def block_uuid(uid: str) -> uuid.UUID:
    """Logseq block ids are UUIDs: one derived from the highlight's uid, the same on every
    export and every device."""
    return uuid.uuid5(_BLOCK_IDS, uid)


def _block(text: str, depth: int) -> list[str]:
    """A block of several lines: continuation lines indented under the bullet's text. A line
    that would start a new block of ours ("- ") at the top is shifted in with the rest."""
    indent = "\t" * depth
    first, *rest = text.split("\n")
    return [f"{indent}- {first}".rstrip(), *(f"{indent}  {line}".rstrip() for line in rest)]


def _page_ref(name: str) -> str:
    plain = _one_line(name)
    return f"[[{plain}]]" if re.search(r"[\s,\[\]#]", plain) else plain


def _one_line(text: str) -> str:
    return " ".join(text.split())
