"""Markdown as note-taking apps write it: `![[image.png|300]]` embeds and `> [!note] Title`
callouts (Obsidian), added to markdown-it as parser rules, so code spans and blocks keep them
as text."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

# `![[target]]`, `![[target|300]]`, `![[target|300x200]]`, `![[target|alt text]]`.
_EMBED = re.compile(r"!\[\[([^\[\]|\n]{1,512})(?:\|([^\[\]\n]{0,512}))?\]\]")
_SIZE = re.compile(r"\s*([0-9]{1,5})(?:x([0-9]{1,5}))?\s*")
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".avif", ".svg")
# `[!type]`, optionally folded (`-`/`+`), then an optional title on the same line.
_CALLOUT = re.compile(r"\[!([A-Za-z][\w-]{0,40})\][+-]?[ \t]*([^\n]*)\n?")
EMBED_META = "embed"
_TITLE_META = "callout_title"


def use_note_rules(md: MarkdownIt) -> None:
    """Add the embed and callout rules to a parser."""
    md.inline.ruler.before("image", "wiki_embed", _embed)
    md.core.ruler.before("inline", "callouts", _callouts)
    md.core.ruler.after("inline", "callout_titles", _strong_titles)


def _embed(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("![[", state.pos):
        return False
    match = _EMBED.match(state.src, state.pos)
    if match is None:
        return False
    target, option = match.group(1).strip(), (match.group(2) or "").strip()
    if not silent:
        if target.lower().endswith(_IMAGE_SUFFIXES):
            _push_image(state, target, option)
        else:  # an embedded note or other file: its name stays readable as text
            state.push("text", "", 0).content = target.split("#")[0]
    state.pos = match.end()
    return True


def _push_image(state: StateInline, target: str, option: str) -> None:
    size = _SIZE.fullmatch(option)
    alt = "" if size or not option else option
    alt = alt or target.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    token = state.push("image", "img", 0)
    token.attrs = {"src": target, "alt": ""}
    text = Token("text", "", 0)
    text.content = alt
    token.children = [text]
    token.content = alt
    token.meta[EMBED_META] = True
    if size:
        token.attrSet("width", size.group(1))
        if size.group(2):
            token.attrSet("height", size.group(2))


def _callouts(state: StateCore) -> None:
    """A blockquote opening with `[!type] Title` gets its title as a paragraph of its own."""
    tokens = state.tokens
    index = 0
    while index + 2 < len(tokens):
        opening, paragraph, inline = tokens[index : index + 3]
        index += 1
        if opening.type != "blockquote_open" or paragraph.type != "paragraph_open":
            continue
        match = _CALLOUT.match(inline.content)
        if inline.type != "inline" or match is None:
            continue
        title = match.group(2).strip() or match.group(1).capitalize()
        body = inline.content[match.end() :]
        inline.content = title
        inline.meta[_TITLE_META] = True
        if body.strip():
            closing = Token("paragraph_close", "p", -1, level=paragraph.level)
            rest = Token("paragraph_open", "p", 1, level=paragraph.level, map=paragraph.map)
            body_inline = Token("inline", "", 0, content=body, level=inline.level, children=[])
            tokens[index + 2 : index + 2] = [closing, rest, body_inline]


def _strong_titles(state: StateCore) -> None:
    for token in state.tokens:
        if token.type == "inline" and token.meta.get(_TITLE_META) and token.children is not None:
            token.children = [
                Token("strong_open", "strong", 1),
                *token.children,
                Token("strong_close", "strong", -1),
            ]
