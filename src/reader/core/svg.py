"""SVG drawings made safe to show: parsed strictly and rewritten from an allow-list, or refused.

An SVG handed to a renderer as the page wrote it can name files, fetch addresses, run
scripts, expand entities into gigabytes or nest `<use>` copies exponentially. What leaves
`sanitize_svg` is our own re-serialisation of plain drawing elements and presentation
attributes: every reference is a fragment (`#id`) inside the same drawing, nothing else.
A drawing holding anything hostile (a script, an event attribute, an outside reference, a
DTD) is refused whole, so a caller drops it exactly as it drops an unknown image format.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote_to_bytes
from xml.parsers import expat
from xml.sax.saxutils import escape, quoteattr

from reader.core.svg_names import ATTRIBUTES, DRAWING, HOSTILE, STYLE_PROPERTIES, TEXT_HOLDERS

MAX_SVG_BYTES = 1024 * 1024
MAX_ELEMENTS = 5_000
MAX_DEPTH = 48
MAX_USES = 500
MAX_VALUE = 256 * 1024  # a long path's `d`
MAX_SIDE = 4_000  # px a drawing is shown at, at most
_DEFAULT_SIDE = 150  # what a browser shows an <img> of a drawing that gives no size

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_SEP = "}"
_FRAGMENT = re.compile(r"#[A-Za-z_][A-Za-z0-9_.:-]{0,127}")
_LOCAL_URL = re.compile(r"url\(\s*(['\"]?)#[A-Za-z_][A-Za-z0-9_.:-]{0,127}\1\s*\)", re.IGNORECASE)
# What a presentation value may hold once its url(#id) references are taken out: numbers,
# names, colours, lists, rgb()/hsl() and the transform functions, each of plain numbers: no
# escapes, semicolons or other functions.
_PLAIN_VALUE = re.compile(
    r"(?:[\w#.,%+\-\s'\"]"
    r"|(?:rgba?|hsla?|matrix|translate|scale|rotate|skewX|skewY)\s*\([0-9.,%\s+eE-]*\))*"
)
_LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+)\s*(px)?\s*")
_DATA_SVG = re.compile(r"data:image/svg\+xml((?:;[^,;]*)*),", re.IGNORECASE)


class Refused(Exception):
    """The drawing holds something we do not show; the whole drawing is dropped."""


@dataclass
class _Node:
    tag: str
    attributes: dict[str, str]
    children: list[_Node | str] = field(default_factory=list)


@dataclass(frozen=True)
class SafeSvg:
    """A sanitized drawing and the size (px) to show it at."""

    data: bytes
    width: int
    height: int


def looks_like_svg(data: bytes) -> bool:
    """Whether bytes open like an SVG document (an <svg> tag near the start)."""
    head = data[:2048].lower()
    return b"<svg" in head and not head.lstrip().startswith((b"\x89png", b"gif8", b"\xff\xd8"))


def sanitize_svg(data: bytes) -> SafeSvg | None:
    """The drawing rewritten from the allow-list, or None when it is hostile or too large."""
    if len(data) > MAX_SVG_BYTES or not looks_like_svg(data):
        return None
    try:
        root = _parse(data)
        _check_references(root)
    except (Refused, expat.ExpatError, ValueError, RecursionError):
        return None
    if not any(isinstance(child, _Node) for child in root.children):
        return None  # draws nothing: a spacer or a lazy-loading stand-in
    width, height = _size(root.attributes)
    root.attributes["width"], root.attributes["height"] = str(width), str(height)
    body = _serialise(root, top=True)
    return SafeSvg(body.encode("utf-8"), width, height)


def svg_size(data: bytes) -> tuple[int, int] | None:
    """The size `sanitize_svg` shows the drawing at, read from its root element alone, or None
    when that element already refuses it: for laying a drawing out before it is drawn."""
    if len(data) > MAX_SVG_BYTES or not looks_like_svg(data):
        return None
    found: list[dict[str, str]] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        if name != f"{SVG_NS}{_SEP}svg":
            raise Refused("not an svg document")
        found.append(_attributes(attributes))
        raise _RootRead

    parser = _parser()
    parser.StartElementHandler = start
    try:
        parser.Parse(data, True)
    except _RootRead:
        return _size(found[0])
    except (Refused, expat.ExpatError, ValueError):
        return None
    return None


def svg_data_uri_bytes(uri: str, max_bytes: int = MAX_SVG_BYTES) -> bytes | None:
    """The bytes of a `data:image/svg+xml` URI, base64 or percent-encoded, or None."""
    uri = uri.strip()
    match = _DATA_SVG.match(uri)
    if match is None:
        return None
    payload = uri[match.end() :]
    if "base64" in match[1].lower().split(";"):
        payload = re.sub(r"\s+", "", unquote_to_bytes(payload).decode("ascii", "replace"))
        if len(payload) > (max_bytes + 2) // 3 * 4:
            return None
        try:
            return base64.b64decode(payload, validate=True) or None
        except (binascii.Error, ValueError):
            return None
    data = unquote_to_bytes(payload)
    return data if 0 < len(data) <= max_bytes else None


def svg_data_uri(svg: SafeSvg) -> str:
    """A data: URI for a sanitized drawing."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.data).decode("ascii")


class _Builder:
    """Builds the allow-listed tree while expat parses; raises Refused on anything hostile."""

    def __init__(self) -> None:
        self.stack: list[_Node | None] = []
        self.root: _Node | None = None
        self.elements = 0
        self.uses = 0

    def start(self, name: str, attributes: dict[str, str]) -> None:
        self.elements += 1
        if self.elements > MAX_ELEMENTS or len(self.stack) >= MAX_DEPTH:
            raise Refused("too large")
        namespace, _, tag = name.rpartition(_SEP)
        if tag in HOSTILE:
            raise Refused(tag)
        if not self.stack and (namespace, tag) != (SVG_NS, "svg"):
            raise Refused("not an svg document")
        parent = self.stack[-1] if self.stack else None
        # Anything else unknown (an editor's metadata, a <style>) goes with its content.
        keep = namespace == SVG_NS and tag in DRAWING and (parent is not None or not self.stack)
        node = _Node(tag, _attributes(attributes)) if keep else None
        if node is not None and parent is not None:
            parent.children.append(node)
        self.uses += tag == "use"
        if self.uses > MAX_USES:
            raise Refused("too many uses")
        self.root = self.root or node
        self.stack.append(node)

    def end(self, name: str) -> None:
        self.stack.pop()

    def text(self, data: str) -> None:
        node = self.stack[-1] if self.stack else None
        if node is not None and node.tag in TEXT_HOLDERS:
            node.children.append(data)


def _refuse(*_: object) -> int:
    raise Refused("DTD or entity")


class _RootRead(Exception):
    """The root element is read: `svg_size` needs nothing more."""


def _parser() -> Any:
    parser = expat.ParserCreate(namespace_separator=_SEP)
    # No DTD, no entity declarations, no external entities: the entity bombs and XXE
    # all need one of them.
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    return parser


def _parse(data: bytes) -> _Node:
    builder = _Builder()
    parser = _parser()
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.text
    parser.Parse(data, True)
    if builder.root is None:
        raise Refused("empty")
    return builder.root


def _attributes(raw: dict[str, str]) -> dict[str, str]:
    kept: dict[str, str] = {}
    for name, value in raw.items():
        namespace, _, local = name.rpartition(_SEP)
        if local.lower().startswith("on"):
            raise Refused("event attribute")
        if local == "href" and namespace in ("", XLINK_NS):
            if not _FRAGMENT.fullmatch(value.strip()):
                raise Refused("outside reference")
            kept["xlink:href"] = value.strip()
        elif local == "style" and not namespace:
            kept.update(_style(value))
        elif not namespace and local in ATTRIBUTES:
            kept[local] = _value(value)
    return kept


def _value(value: str) -> str:
    """A presentation value, refused when it references anything but a fragment."""
    if len(value) > MAX_VALUE or not _PLAIN_VALUE.fullmatch(_LOCAL_URL.sub("", value)):
        raise Refused("unsafe value")
    return value


def _style(style: str) -> dict[str, str]:
    """A style attribute's allow-listed declarations, as presentation attributes."""
    kept: dict[str, str] = {}
    for declaration in style.split(";"):
        name, colon, value = declaration.partition(":")
        name, value = name.strip().lower(), value.strip()
        if not colon or not name:
            continue
        if "url(" in value.lower() and not _LOCAL_URL.search(value):
            raise Refused("outside url in style")
        if name in STYLE_PROPERTIES:
            kept[name] = _value(value)
    return kept


def _check_references(root: _Node) -> None:
    """A <use> may only copy something that holds no <use> itself: copies of copies grow
    exponentially with the nesting (the drawing's billion laughs)."""
    by_id: dict[str, _Node] = {}
    uses: list[_Node] = []
    for node in _walk(root):
        if "id" in node.attributes:
            by_id.setdefault(node.attributes["id"], node)
        if node.tag == "use":
            uses.append(node)
    for use in uses:
        target = by_id.get(use.attributes.get("xlink:href", "")[1:])
        if target is None or any(inner.tag == "use" for inner in _walk(target)):
            raise Refused("use of a use")


def _walk(node: _Node) -> list[_Node]:
    found, pending = [], [node]
    while pending:
        current = pending.pop()
        found.append(current)
        pending.extend(child for child in current.children if isinstance(child, _Node))
    return found


def _size(attributes: dict[str, str]) -> tuple[int, int]:
    """The px size to show the drawing at: its width/height, else its viewBox's ratio at the
    height a browser gives an unsized drawing; never beyond MAX_SIDE."""
    width, height = (_length(attributes.get(name, "")) for name in ("width", "height"))
    box = [float(n) for n in re.findall(r"-?[0-9]*\.?[0-9]+", attributes.get("viewBox", ""))]
    ratio = box[2] / box[3] if len(box) == 4 and box[2] > 0 and box[3] > 0 else 1.0
    if width is None and height is None:
        height = _DEFAULT_SIDE
    if width is None:
        width = height * ratio if height is not None else _DEFAULT_SIDE
    if height is None:
        height = width / ratio
    scale = min(1.0, MAX_SIDE / max(width, height, 1))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _length(value: str) -> float | None:
    match = _LENGTH.fullmatch(value)
    number = float(match[1]) if match else 0.0
    return number if number > 0 else None


def _serialise(node: _Node, top: bool = False) -> str:
    names = f' xmlns="{SVG_NS}" xmlns:xlink="{XLINK_NS}"' if top else ""
    attributes = "".join(f" {name}={quoteattr(value)}" for name, value in node.attributes.items())
    inner = "".join(
        escape(child) if isinstance(child, str) else _serialise(child) for child in node.children
    )
    return f"<{node.tag}{names}{attributes}>{inner}</{node.tag}>"
