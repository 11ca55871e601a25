"""Markdown importer: simple front matter, a CommonMark body (raw HTML off) with tables,
footnotes and Obsidian's embeds and callouts, its images stored as assets, sanitized HTML."""

from __future__ import annotations

import re
from functools import cache
from pathlib import PurePath

from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import validateLink
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from reader.core.article import Article
from reader.errors import ImportFailed
from reader.importers.encoding import decode_text
from reader.importers.html_values import normalize_language, parse_date
from reader.importers.language import detect_language
from reader.importers.local_images import (
    MAX_READS,
    MAX_TOTAL_IMAGE_BYTES,
    LocalImages,
    asset_name,
    web_image_name,
)
from reader.importers.markdown_rules import EMBED_META, use_note_rules
from reader.importers.sanitize import html_to_text, sanitize_html

# A front matter block: `---` on the first line, up to a closing `---` (or YAML's `...`).
_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", re.DOTALL)
_KEY_VALUE = re.compile(r"([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)")
_LIST_ITEM = re.compile(r"[ \t]+-[ \t]+(.*)|-[ \t]+(.*)")
# Front matter keys we understand, by the field they fill; the first key present wins.
_FIELDS = {
    "title": ("title",),
    "author": ("author", "authors", "by"),
    "date": ("date", "published", "pubdate"),
    "section": ("section", "category", "categories"),
    "site": ("site", "source", "publisher"),
    "url": ("url", "link", "canonical"),
    "tags": ("tags", "keywords"),
    "language": ("lang", "language"),
}


# markdown-it drops what is nested deeper than 20 (its guard against deep recursion): a quote
# 20 levels deep vanished from the article. Deeper quote marks are capped at 16 levels (room
# for a list or two inside), the text kept.
_QUOTE_DEPTH = 16
_QUOTED_DEEPER = re.compile(rf"^(?:[ \t]{{0,3}}>[ \t]?){{{_QUOTE_DEPTH + 1},}}", re.MULTILINE)
_QUOTE_MARKS = "> " * _QUOTE_DEPTH


@cache
def _markdown() -> MarkdownIt:
    # Raw HTML stays text: a Markdown file must not smuggle markup past the allow-list.
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    md.use(footnote_plugin)
    use_note_rules(md)
    md.validateLink = _valid_link  # type: ignore[method-assign]
    return md


def _valid_link(url: str) -> bool:
    """markdown-it's own judgement, and an SVG drawing's data: URI too: the sanitizer keeps
    it as an image only once sanitize_svg has rewritten it, and never as a link."""
    return validateLink(url) or url.strip().lower().startswith("data:image/svg+xml")


def import_markdown(data: bytes, filename: str, local: LocalImages | None = None) -> Article:
    """Import a Markdown file: front matter metadata, body as sanitized HTML and plain text;
    with `local`, the images it names beside it (or in its vault) are kept as assets."""
    source, encoding = decode_text(data)
    front, body = split_front_matter(source.replace("\r\n", "\n").replace("\r", "\n"))
    body = _QUOTED_DEEPER.sub(_QUOTE_MARKS, body)
    md = _markdown()
    env: dict[str, object] = {}
    tokens = md.parse(body, env)
    heading = _take_title_heading(tokens, front.get("title"))
    images = _Images(local)
    for token in _images(tokens):
        images.place(token)
    html = sanitize_html(md.renderer.render(tokens, md.options, env))
    text = html_to_text(html)
    if not text.strip() and "<img" not in html and heading is None:
        raise ImportFailed("no_text")  # front matter alone, or nothing but markup
    url = front.get("url", "")
    return Article(
        title=front.get("title") or heading or PurePath(filename).stem,
        text=text,
        html=html,
        section=front.get("section") or None,
        site=front.get("site") or None,
        author=front.get("author") or None,
        published=parse_date(front.get("date", "")),
        url=url if url.lower().startswith(("http://", "https://")) else None,
        language=normalize_language(front.get("language", "")) or detect_language(text),
        encoding=encoding,
        tags=_tags(front.get("tags", "")),
        assets={k: v for k, v in images.assets.items() if f"assets/{k}" in html},
        remote_images={k: v for k, v in images.remote.items() if f"assets/{k}" in html},
    )


def _tags(value: str) -> tuple[str, ...]:
    """Front matter tags (`[a, b]`, `- a` lines or `a, b`), without Obsidian's leading "#"."""
    names = (" ".join(part.split()).lstrip("#") for part in value.split(","))
    return tuple(dict.fromkeys(name for name in names if name))


def _images(tokens: list[Token]) -> list[Token]:
    found: list[Token] = []
    for token in tokens:
        for child in token.children or ():
            if child.type == "image":
                found.append(child)
            found.extend(_images([child]) if child.children else ())
    return found


class _Images:
    """The note's images: local files become assets, web images placeholders (see html)."""

    def __init__(self, local: LocalImages | None) -> None:
        self.local = local
        self.read = local.source() if local is not None else None
        self.assets: dict[str, bytes] = {}
        self.remote: dict[str, str] = {}
        self.total = self.reads = 0

    def place(self, token: Token) -> None:
        source = str(token.attrGet("src") or "").strip()
        if source[:5].lower() == "data:":
            return  # the sanitizer judges embedded images by their bytes
        if source.lower().startswith(("http://", "https://")):
            web = web_image_name(source)
            self.remote[web] = source
            token.attrSet("src", f"assets/{web}")
            return
        data = self._local_bytes(source, embed=bool(token.meta.get(EMBED_META)))
        name = asset_name(data) if data is not None else None
        if data is None or name is None:
            return  # left as it is: the sanitizer drops a source that is not ours
        if name not in self.assets:
            if self.total + len(data) > MAX_TOTAL_IMAGE_BYTES:
                return
            self.assets[name] = data
            self.total += len(data)
        token.attrSet("src", f"assets/{name}")

    def _local_bytes(self, source: str, *, embed: bool) -> bytes | None:
        if self.local is None or self.read is None or not source or self.reads >= MAX_READS:
            return None
        self.reads += 1
        if not embed:
            return self.read(source)
        found = self.local.find(source)
        return self.local.read(found) if found is not None else None


def split_front_matter(source: str) -> tuple[dict[str, str], str]:
    """The front matter's known fields (list values joined by ", ") and the rest of the text.

    Only the simple subset of YAML that front matter uses is read: `key: value` lines,
    `[a, b]` lists and `- item` lines under a key. Anything else is ignored, never an error.
    """
    match = _FRONT_MATTER.match(source)
    if match is None:
        return {}, source
    raw = _parse_pairs(match.group(1))
    if not raw:  # two thematic breaks around a paragraph, not front matter
        return {}, source
    fields: dict[str, str] = {}
    for field, keys in _FIELDS.items():
        value = next((raw[key] for key in keys if raw.get(key)), None)
        if value:
            fields[field] = value
    return fields, source[match.end() :]


def _parse_pairs(block: str) -> dict[str, str]:
    pairs: dict[str, list[str]] = {}
    key: str | None = None
    for line in block.split("\n"):
        item = _LIST_ITEM.fullmatch(line)
        # Indented lines belong to nested maps or block scalars, which we do not read.
        pair = None if item else _KEY_VALUE.fullmatch(line.rstrip())
        if item and key is not None:
            pairs[key].append(_unquote(item.group(1) or item.group(2) or ""))
        elif pair:
            key = pair.group(1).lower()
            pairs[key] = _values(pair.group(2))
    return {k: ", ".join(v for v in values if v) for k, values in pairs.items()}


def _values(raw: str) -> list[str]:
    raw = raw.strip()
    if raw.startswith("[") and raw.endswith("]"):
        return [_unquote(part) for part in raw[1:-1].split(",")]
    if raw.startswith(("#", "|", ">")):  # a comment or a block scalar we do not read
        return []
    return [_unquote(raw)]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return " ".join(value.split())


def _take_title_heading(tokens: list[Token], title: str | None) -> str | None:
    """Remove the first `# heading` from the body and return its text.

    It is the title when the front matter names none; when the front matter does, the
    heading is removed only if it repeats that title.
    """
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1":
            rendered = _markdown().renderInline(tokens[index + 1].content)
            text = " ".join(html_to_text(sanitize_html(rendered)).split())
            if title is not None and text != " ".join(title.split()):
                return None
            del tokens[index : index + 3]
            return text or None
    return None
