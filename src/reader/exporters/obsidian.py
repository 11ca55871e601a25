"""Obsidian notes of annotated articles: properties, then Reader's region of callouts with ids."""

from __future__ import annotations

import json
import re

from reader.core.annotation import AnchorStatus, Color, Highlight
from reader.exporters import AnnotatedArticle, Meanings, safe_filename

START = "%% reader:start (Reader rewrites everything up to reader:end on each export) %%"
END = "%% reader:end %%"
_START = re.compile(r"^%% reader:start\b.*$", re.MULTILINE)
_END = re.compile(r"^%% reader:end %%[ \t]*$", re.MULTILINE)
_MARKER_LINE = re.compile(r"^%% reader:", re.MULTILINE)
_NOT_IN_BLOCK_ID = re.compile(r"[^A-Za-z0-9-]+")
# Characters a note's name cannot hold for Obsidian to link to it ([[name]], name#heading,
# name^block, name|alias).
_LINKABLE = re.compile(r"[#^\[\]|]+")
_READER_ID = re.compile(r"^reader-id:\s*\"?([^\"\n]+?)\"?\s*$", re.MULTILINE)
# The callout type each colour is drawn with (Obsidian's own types, so every theme shows them).
CALLOUTS = {
    Color.YELLOW: "quote",
    Color.GREEN: "success",
    Color.BLUE: "info",
    Color.PINK: "warning",
    Color.PURPLE: "example",
}
FOLDER = "Reader"
NAME = "Obsidian vault"
NOTES_FOLDER = ""  # notes live anywhere in the vault
STATE = ".reader/obsidian-export.json"


def note_path(item: AnnotatedArticle) -> str:
    """Where a new note goes, relative to the vault: Reader/<site>/<title>.md."""
    summary = item.article.summary
    site = safe_filename(_LINKABLE.sub(" ", summary.site or ""), "Unknown site")
    title = _LINKABLE.sub(" ", summary.title)
    return f"{FOLDER}/{site}/{safe_filename(title, f'Article {summary.id}', '.md')}"


def reader_id_of(text: str) -> str | None:
    """The reader-id property of a note's front matter, if it has one."""
    if not text.startswith("---"):
        return None
    end = text.find("\n---", 3)
    found = _READER_ID.search(text[: end if end > 0 else 0])
    return found[1].strip() if found else None


def new_note(item: AnnotatedArticle, meanings: Meanings, reader_id: str) -> str:
    """A whole note: YAML properties, then Reader's region."""
    return f"{properties(item, reader_id)}\n{region(item, meanings)}\n"


def merged(existing: str, item: AnnotatedArticle, meanings: Meanings) -> str:
    """The note with only Reader's region replaced; a note whose region the user removed gets
    a new one at its end. Nothing outside the markers changes."""
    start, end = _START.search(existing), None
    if start is not None:
        end = _END.search(existing, start.end())
    fresh = region(item, meanings)
    if start is None or end is None:
        return existing.rstrip("\n") + "\n\n" + fresh + "\n"
    return existing[: start.start()] + fresh + existing[end.end() :]


def properties(item: AnnotatedArticle, reader_id: str) -> str:
    summary = item.article.summary
    values: list[tuple[str, object]] = [
        ("title", summary.title),
        ("author", summary.author),
        ("site", summary.site),
        ("url", item.article.url),
        ("published", summary.published.isoformat() if summary.published else None),
    ]
    # JSON strings are valid YAML scalars: no title can break the front matter.
    lines = ["---", *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in values if v)]
    tags = [_tag(t) for t in item.annotations.all_tags]
    if tags:
        lines += ["tags:", *(f"  - {json.dumps(t, ensure_ascii=False)}" for t in tags)]
    lines += [f"reader-id: {json.dumps(reader_id)}", "---"]
    return "\n".join(lines) + "\n"


def _tag(name: str) -> str:
    # Obsidian tags hold no spaces.
    return "-".join(name.split())


def region(item: AnnotatedArticle, meanings: Meanings) -> str:
    """Reader's part of the note: the article note, then each highlight in text order."""
    parts = [START]
    note = item.annotations.note
    if note is not None:
        # A marker line inside the note would cut the region short on the next export.
        parts.append(_MARKER_LINE.sub(r"\\\g<0>", note.text.strip()))
    parts += [callout(h, meanings) for h in item.annotations.highlights]
    parts.append(END)
    return "\n\n".join(parts)


def callout(highlight: Highlight, meanings: Meanings) -> str:
    """A callout whose type follows the colour, titled with what the colour means, and a
    block id that stays the same across exports (links to it keep working)."""
    title = meanings.get(highlight.color) or highlight.color.value.capitalize()
    if highlight.status is AnchorStatus.ORPHANED:
        title += " (not found in the current text)"
    lines = [f"> [!{CALLOUTS[highlight.color]}] {_one_line(title)}"]
    lines += [f"> {line}".rstrip() for line in highlight.quote.exact.split("\n")]
    if highlight.note:
        lines.append(">")
        lines += [f"> {line}".rstrip() for line in highlight.note.strip().split("\n")]
    if highlight.tags:
        lines.append("> " + " ".join(f"#{_tag(t)}" for t in highlight.tags))
    lines.append(f"^{block_id(highlight.uid)}")
    return "\n".join(lines)


def block_id(uid: str) -> str:
    """`rdr-<uid>`: block ids hold only letters, digits and dashes."""
    return "rdr-" + _NOT_IN_BLOCK_ID.sub("-", uid).strip("-")


def _one_line(text: str) -> str:
    return " ".join(text.split())
