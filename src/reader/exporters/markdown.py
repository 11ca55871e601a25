"""Markdown export: an article's highlights as quotes with their notes, alone or many in one."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from reader.core.annotation import AnchorStatus, Highlight
from reader.core.article import StoredArticle
from reader.exporters import AnnotatedArticle, Meanings, safe_filename

# Characters that Markdown would read as formatting inside a line.
_INLINE = re.compile(r"([\\`*_\[\]<>|])")
# Line starts that Markdown would read as a heading, quote, list item or rule.
_BLOCK_START = re.compile(r"^(\s*)([#>+=-])", re.MULTILINE)
# A backslash before a digit is no escape: "1." is made literal by escaping the dot.
_ORDERED_START = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)
# An ATX heading's hashes (up to three spaces of indent), and a code fence's opening.
_ATX = re.compile(r"^ {0,3}(#{1,6})(?=\s|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def escape(text: str) -> str:
    """Quoted article text shown literally, not as Markdown."""
    text = _INLINE.sub(r"\\\1", text)
    return _ORDERED_START.sub(r"\1\\\2", _BLOCK_START.sub(r"\1\\\2", text))


def article_markdown(
    item: AnnotatedArticle, meanings: Meanings, *, front_matter: bool = False, level: int = 1
) -> str:
    """One article: title, byline, source link, its note, then each highlight in text order."""
    article, annotations = item.article, item.annotations
    parts = [front_matter_block(item)] if front_matter else []
    parts.append(f"{'#' * level} {escape(article.summary.title)}")
    parts += [line for line in (_byline(article), _source(article)) if line]
    if annotations.tags:
        parts.append("Tags: " + ", ".join(escape(t) for t in annotations.tags))
    if annotations.note is not None:
        parts += [f"{'#' * (level + 1)} Note", _nested(annotations.note.text, level + 1)]
    if annotations.highlights:
        parts.append(f"{'#' * (level + 1)} Highlights")
        parts += [highlight_markdown(h, meanings) for h in annotations.highlights]
    return "\n\n".join(parts) + "\n"


def highlight_markdown(highlight: Highlight, meanings: Meanings) -> str:
    """A highlight as a block quote, a line naming its colour (and meaning, tags), its note."""
    quote = "\n".join(
        f"> {line}" if line else ">" for line in escape(highlight.quote.exact).split("\n")
    )
    colour = highlight.color.value.capitalize()
    meaning = meanings.get(highlight.color)
    details = [f"{colour}: {escape(meaning)}" if meaning else colour]
    if highlight.tags:
        details.append("tags: " + ", ".join(escape(t) for t in highlight.tags))
    if highlight.status is AnchorStatus.FUZZY:
        details.append("re-attached to edited text, please check")
    elif highlight.status is AnchorStatus.ORPHANED:
        details.append("no longer found in the article's text")
    block = [quote, "*" + " · ".join(details) + "*"]
    if highlight.note:
        block.append(highlight.note)
    return "\n\n".join(block)


def collection_markdown(
    items: Sequence[AnnotatedArticle], meanings: Meanings, title: str = "Annotations"
) -> str:
    """One article as a note with front matter; many (the library, a section, a search
    result) in one file under a heading of their own."""
    if len(items) == 1:
        return article_markdown(items[0], meanings, front_matter=True)
    body = [article_markdown(item, meanings, level=2).rstrip("\n") for item in items]
    head = "\n".join(["---", f"title: {json.dumps(title)}", f"articles: {len(items)}", "---"])
    return "\n\n".join([head, f"# {escape(title)}", *body]) + "\n"


def _nested(text: str, level: int) -> str:
    """A note's own headings moved below `level`, so a note starting with "# " does not
    make a second top-level heading (code blocks are left alone)."""
    lines, fence = [], ""
    for line in text.split("\n"):
        found = _FENCE.match(line)
        if found and (not fence or found[1].startswith(fence)):
            fence = "" if fence else found[1][:3]
        elif not fence and (heading := _ATX.match(line)):
            depth = min(6, len(heading[1]) + level)
            line = "#" * depth + line[len(heading[1]) :]
        lines.append(line)
    return "\n".join(lines)


def write_markdown_files(
    items: Iterable[AnnotatedArticle], meanings: Meanings, folder: Path
) -> list[Path]:
    """One file per article with front matter (an Obsidian vault folder, say); returns them.

    Names come from titles; a second article with the same title gets its id appended, so a
    later export of the same articles overwrites the same files.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    taken: set[str] = set()
    for item in items:
        summary = item.article.summary
        name = safe_filename(summary.title, f"article {summary.id}")
        if name.casefold() in taken:
            name = f"{name} ({summary.id})"
        taken.add(name.casefold())
        path = folder / f"{name}.md"
        path.write_text(article_markdown(item, meanings, front_matter=True), encoding="utf-8")
        written.append(path)
    return written


def front_matter_block(item: AnnotatedArticle) -> str:
    """YAML front matter: strings as JSON (a subset of YAML), tags as a list without spaces."""
    article = item.article
    summary = article.summary
    fields: list[tuple[str, object]] = [
        ("title", summary.title),
        ("author", summary.author),
        ("site", summary.site),
        # A web address only: where a file was imported from is the user's own business.
        ("source", _web_url(article)),
        ("published", summary.published.isoformat() if summary.published else None),
        ("saved", summary.added.date().isoformat()),
        ("section", summary.section),
        # Obsidian tags cannot hold spaces.
        ("tags", ["-".join(tag.split()) for tag in item.annotations.all_tags] or None),
        ("reader-id", summary.id),
    ]
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields if value]
    return "\n".join(["---", *lines, "---"])


def _byline(article: StoredArticle) -> str:
    summary = article.summary
    # The author as the page gave it: "By Jane Doe", "记者 张三" (no English "By" added).
    parts = [summary.author or "", summary.site or ""]
    if summary.published:
        parts.append(summary.published.isoformat())
    if summary.section:
        parts.append(summary.section)
    text = " · ".join(escape(p) for p in parts if p)
    return f"*{text}*" if text else ""


def _source(article: StoredArticle) -> str:
    url = _web_url(article)
    return f"Source: <{url}>" if url else ""


def _web_url(article: StoredArticle) -> str | None:
    """The article's web address; never a local file path (that would leak a folder name
    into a shared note)."""
    url = article.url or ""
    return url if re.match(r"https?://", url, re.IGNORECASE) else None
