"""Allow-list sanitizing of article HTML (nh3), and the plain text of sanitized HTML."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import nh3

from reader.core import scripts
from reader.core.images import allowed_image, data_uri, data_uri_bytes
from reader.core.svg import sanitize_svg, svg_data_uri, svg_data_uri_bytes
from reader.importers.nesting import cap_nesting

ALLOWED_TAGS = frozenset(
    {
        *("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code"),
        *("em", "strong", "b", "i", "u", "s", "sub", "sup", "span", "abbr", "cite", "q"),
        *("mark", "small", "time", "ruby", "rt", "rp", "a", "img"),
        *("ul", "ol", "li", "dl", "dt", "dd"),
        *("table", "thead", "tbody", "tr", "th", "td", "caption", "figure", "figcaption"),
    }
)

# Dropped together with everything inside them: their content is code, chrome or a fallback
# for something we do not render, never article text. (<form> itself only loses its tag:
# some sites wrap the whole page in one.)
_DROPPED_WITH_CONTENT = frozenset(
    {
        *("script", "style", "noscript", "template", "iframe", "frame", "frameset"),
        *("object", "embed", "applet", "noembed", "noframes", "svg", "math", "canvas"),
        *("audio", "video", "button", "select", "textarea", "title", "head", "xmp"),
    }
)

_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title", "id"},
    "sup": {"id"},
    "li": {"id"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "time": {"datetime"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "ol": {"start"},
    # Anchors inside the article, for its own contents list and footnotes.
    **{tag: {"id"} for tag in ("h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd")},
    "blockquote": {"id"},
}

_LINK = re.compile(r"(?:https?://|mailto:)\S", re.IGNORECASE)
# An embedded image larger than this is not an illustration (the HTML importer stores images
# as files and caps each at 5 MB; an inline one in Markdown gets the same room).
MAX_INLINE_IMAGE_BYTES = 5 * 1024 * 1024
# The only relative image path we accept: a flat name inside the article's own asset folder,
# as written by our importers. Anything else could make the reading pane open a local file.
_ASSET = re.compile(r"assets/[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}")
_UNSAFE_IN_URL = re.compile(r"[\x00-\x1f\x7f\\]")  # controls, and backslashes (UNC paths)
_NUMBER = re.compile(r"[0-9]{1,4}")
# Targets inside the article (footnotes and their way back, a book's chapters): `id="fn1"`,
# `href="#fn1"`.
_FRAGMENT_ID = re.compile(r"[A-Za-z][A-Za-z0-9_:.-]{0,63}")

# Deeper nesting than this is never real article structure; flattening it keeps the reading
# pane (and anything else that walks the markup recursively) safe from hostile pages.
MAX_DEPTH = 64
# Qt lays out a table in a table once per measuring pass of the outer one: the work doubles
# with each level (twelve nested tables around one long paragraph take seconds). Deeper
# tables are flattened into their cells' text, a line per row.
MAX_TABLE_DEPTH = 3
_TABLE_PARTS = frozenset({"thead", "tbody", "tfoot", "tr", "td", "th", "caption"})
# What stands for a flattened table part's end, so its text stays apart from the next one.
_PART_ENDS = {"tr": "<br>", "caption": "<br>", "td": " ", "th": " "}
# The start tags `_dropped` may drop above MAX_DEPTH: a table, its parts and a link.
_JUDGED = frozenset({"table", "a", *_TABLE_PARTS})

# Tags in nh3's output: it re-serializes a parsed tree, so every attribute value is quoted
# with '"', and '<', '>' and '"' inside values and text are escaped.
_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"\'<>/=]+(?:="[^"]*")?)*)\s*/?>')
_VOID = frozenset({"br", "hr", "img"})


def _filter_attribute(tag: str, name: str, value: str) -> str | None:
    if name == "href":
        value = value.strip()
        inside = value.startswith("#") and _FRAGMENT_ID.fullmatch(value[1:])
        return value if inside or _is_safe_link(value) else None
    if name == "id":
        return value if _FRAGMENT_ID.fullmatch(value) else None
    if name == "src":
        return _safe_image_source(value)
    if name in {"width", "height", "colspan", "rowspan", "start"}:
        return value if _NUMBER.fullmatch(value.strip()) else None
    return value


def _is_safe_link(value: str) -> bool:
    value = value.strip()
    return bool(_LINK.match(value)) and not _UNSAFE_IN_URL.search(value)


def _safe_image_source(value: str) -> str | None:
    """An asset path, or a data: URI rewritten to the type its bytes really have.

    A data: image is judged by its bytes, never by the type it declares: SVG declared as PNG
    would otherwise reach the pane's decoder and open the files it names. An SVG drawing
    stays only as sanitize_svg rewrites it.
    """
    value = value.strip()
    if value[:5].lower() == "data:":
        data = data_uri_bytes(value, MAX_INLINE_IMAGE_BYTES) or svg_data_uri_bytes(
            value, MAX_INLINE_IMAGE_BYTES
        )
        info = allowed_image(data) if data is not None else None
        if data is not None and info is not None:
            return data_uri(data, info)
        svg = sanitize_svg(data) if data is not None else None
        return svg_data_uri(svg) if svg is not None else None
    return value if _ASSET.fullmatch(value) and ".." not in value else None


_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(_DROPPED_WITH_CONTENT),
    attributes=_ATTRIBUTES,
    attribute_filter=_filter_attribute,
    url_schemes={"http", "https", "mailto", "data"},
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def sanitize_html(fragment: str) -> str:
    """Only allow-listed tags and attributes; safe links; images only embedded or own assets."""
    # nh3's parser checks scopes by walking the open elements: work grows with the square of
    # the depth. Capped first, the fragment costs it in proportion to its length.
    cleaned = _CLEANER.clean(cap_nesting(fragment, 4 * MAX_DEPTH))
    return _without_empty_blocks(_tidy(cleaned)).strip()


# A paragraph, heading, list item, list or quote that holds nothing a reader sees: passes that take
# furniture out of a block, and pages' own spacer paragraphs, leave them. The pane would draw
# each as a blank gap (a bullet with nothing after it, for an item); the text has no line for
# them either way, so dropping them changes no offset.
_EMPTY_BLOCK = re.compile(
    r"<(p|li|h[1-6]|blockquote|ul|ol|dl)(?:\s[^<>]*)?>(?:\s|&nbsp;|\xa0|<br>)*</\1>", re.IGNORECASE
)


def _without_empty_blocks(html_text: str) -> str:
    """`html_text` without empty blocks, innermost first (a quote holding only an empty
    paragraph goes too)."""
    while True:
        emptied = _EMPTY_BLOCK.sub("", html_text)
        if emptied == html_text:
            return html_text
        html_text = emptied


def _tidy(cleaned: str) -> str:
    """Drop images left without a source, unwrap links left without a target and flatten
    nesting deeper than MAX_DEPTH, and tables deeper than MAX_TABLE_DEPTH."""
    out: list[str] = []
    skipped: list[bool] = []  # one entry per open element: was its tag dropped?
    tables: list[bool] = []  # one entry per open table: was it flattened?
    position, broken = 0, True  # broken: no text since the last row of a flattened table
    for match in _TAG.finditer(cleaned):
        out.append(text := cleaned[position : match.start()])
        broken, position = broken and not text.strip(), match.end()
        closing, tag = match.group(1), match.group(2).lower()
        if tag in _VOID:
            if tag != "img" or ' src="' in match.group(3):
                out.append(match.group(0))
        elif closing:
            dropped = skipped.pop() if skipped else None  # None: nothing open (never in nh3's)
            if dropped is False:
                out.append(match.group(0))
            elif dropped and not (broken and tag in _PART_ENDS):
                out.append(_PART_ENDS.get(tag, ""))  # empty rows and cells add no lines
                broken = broken or _PART_ENDS.get(tag) == "<br>"
            if tag == "table" and tables:
                tables.pop()
        elif tag not in _JUDGED and len(skipped) < MAX_DEPTH:
            skipped.append(False)  # most start tags: kept, as `_dropped` would keep them
            out.append(match.group(0))
        else:
            drop = _dropped(tag, match.group(3), len(skipped), tables)
            skipped.append(drop)
            if not drop:
                out.append(match.group(0))
    out.append(cleaned[position:])
    return "".join(out)


def _dropped(tag: str, attributes: str, depth: int, tables: list[bool]) -> bool:
    """Whether the start tag of `tag` goes; a table is recorded in `tables`."""
    if tag == "table":
        tables.append(depth >= MAX_DEPTH or len(tables) >= MAX_TABLE_DEPTH)
        return tables[-1]
    if tag in _TABLE_PARTS and tables and tables[-1]:
        return True
    return depth >= MAX_DEPTH or (tag == "a" and ' href="' not in attributes)


# --- plain text -------------------------------------------------------------------------------

_BLOCKS = frozenset(
    {
        *("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr"),
        *("ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "caption"),
        *("figure", "figcaption"),
    }
)
_CELLS = frozenset({"td", "th"})
# Furigana and its fallback parentheses are reading aids: searching 漢字 must find 漢字.
_HIDDEN = frozenset({"rt", "rp"})
_CELL_GAP = re.compile(r" *\t *")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_WIDE = scripts.char_class(scripts.UNSPACED)
# A source line break between two Chinese or Japanese characters is layout, not a word space.
_CJK_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t\r\f]*\n[ \t\n\r\f]*(?=[{_WIDE}])")


def html_to_text(fragment: str) -> str:
    """The plain text of sanitized HTML: one paragraph per block, blocks separated by a blank
    line, <br> as a line break, table cells separated by a tab."""
    # One loop over the tags, without a token generator between: the importers call this some
    # forty times a page (each block of an extraction, folded to compare it with chrome).
    paragraphs: list[str] = []
    parts: list[str] = []
    pre_depth = hidden_depth = position = 0
    for match in _TAG.finditer(fragment):
        if match.start() > position and not hidden_depth:
            value = _unescape(fragment[position : match.start()])
            parts.append(value if pre_depth else _collapse(value))
        position = match.end()
        tag = match.group(2).lower()
        if tag in _BLOCKS:
            if parts:  # with none there is no paragraph to end
                _flush(parts, paragraphs, preformatted=pre_depth > 0)
            if tag == "pre":
                pre_depth += 1 if not match.group(1) else -1 if pre_depth else 0
        elif tag == "br":
            parts.append("\n")
        elif tag in _CELLS and not match.group(1) and "".join(parts).strip():
            parts.append("\t")
        elif tag in _HIDDEN:
            hidden_depth += 1 if not match.group(1) else -1 if hidden_depth else 0
    if position < len(fragment) and not hidden_depth:
        value = _unescape(fragment[position:])
        parts.append(value if pre_depth else _collapse(value))
    _flush(parts, paragraphs, preformatted=pre_depth > 0)
    return "\n\n".join(paragraphs)


def has_text(fragment: str) -> bool:
    """Whether `html_to_text(fragment)` holds more than white space, told by its first
    visible run of text that does, without rendering the rest."""
    hidden_depth = 0
    for kind, tag, value in _tokens(fragment):
        if kind == "text":
            if not hidden_depth and not value.isspace():
                return True
        elif tag in _HIDDEN:  # as in html_to_text: no hidden element is a block or a cell
            hidden_depth += 1 if kind == "open" else -1 if hidden_depth else 0
    return False


def _tokens(fragment: str) -> Iterator[tuple[str, str, str]]:
    """("open" | "close" | "text", tag, unescaped text) for well-formed (sanitized) HTML."""
    position = 0
    for match in _TAG.finditer(fragment):
        if match.start() > position:
            yield "text", "", _unescape(fragment[position : match.start()])
        position = match.end()
        yield ("close" if match.group(1) else "open"), match.group(2).lower(), ""
    if position < len(fragment):
        yield "text", "", _unescape(fragment[position:])


def _unescape(text: str) -> str:
    # Most runs of text hold no character reference; unescape() would only copy them.
    return html.unescape(text) if "&" in text else text


def _collapse(text: str) -> str:
    # A CJK line break needs a line break: most runs have none, and skip that search.
    if "\n" in text:
        return _HTML_SPACE.sub(" ", _CJK_BREAK.sub("", text))
    # Nor any other space but single blanks, which collapse to themselves.
    if "  " in text or "\t" in text or "\r" in text or "\f" in text:
        return _HTML_SPACE.sub(" ", text)
    return text


def _flush(parts: list[str], paragraphs: list[str], *, preformatted: bool) -> None:
    text = "".join(parts)
    parts.clear()
    if preformatted:
        text = text.strip("\n")
    elif "\t" in text:
        # A cell's own spacing (`<td> 669 </td>`) is markup, not text: the tab separates.
        text = "\n".join(_CELL_GAP.sub("\t", line.strip(" \u3000")) for line in text.split("\n"))
    elif "\n" in text:
        text = "\n".join(line.strip(" \u3000") for line in text.split("\n"))
    else:  # most paragraphs: one line, no cells
        text = text.strip(" \u3000")
    if text.strip():
        paragraphs.append(text.replace("\u00a0", " "))
